-- Text an e-mail's HTML hides from the reader: read for indicators apart from the body, since a
-- mail client may still show what the parser judged hidden.
ALTER TABLE reports ADD COLUMN hidden_text TEXT;
