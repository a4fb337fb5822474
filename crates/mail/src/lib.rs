//! RFC 5322 messages in, the scam they carry out.
