-- Stream messages that held no valid event (issue 5): acknowledged so they do not block the
-- stream, and kept here for the sender to fix. `payload` is the message as text, cut to 64 KiB.
CREATE TABLE event_rejects (
    id          BIGSERIAL PRIMARY KEY,
    source      TEXT    NOT NULL,
    received_at BIGINT  NOT NULL,
    error       TEXT    NOT NULL,
    payload     TEXT    NOT NULL
);
CREATE INDEX event_rejects_received ON event_rejects (received_at);
