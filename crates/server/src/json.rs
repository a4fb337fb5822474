//! Reading a JSON body strictly: the right content type, valid UTF-8 JSON, no unknown fields,
//! and an error that names the field (a JSON pointer) when a value has the wrong type.

use axum::http::{HeaderMap, StatusCode, header};
use serde::de::DeserializeOwned;

use crate::problem::{FieldError, Problem};

/// Deserialises `body`; 415 for a non-JSON content type, 400 for malformed JSON, 422 naming the
/// field for unknown fields, missing fields and wrong types.
pub fn parse_json<T: DeserializeOwned>(headers: &HeaderMap, body: &[u8]) -> Result<T, Problem> {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let mime = content_type.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    if mime != "application/json" && !(mime.starts_with("application/") && mime.ends_with("+json")) {
        return Err(Problem::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported-media-type",
            "send the report as Content-Type: application/json",
        ));
    }
    let mut de = serde_json::Deserializer::from_slice(body);
    // Bounded by the body limit; serde_json also refuses nesting deeper than 128.
    let parsed: Result<T, _> = serde_path_to_error::deserialize(&mut de);
    match parsed {
        Ok(v) => {
            de.end().map_err(|e| Problem::bad_request(format!("malformed JSON: {e}")))?;
            Ok(v)
        }
        Err(e) => {
            let path = e.path().to_string();
            let inner = e.into_inner();
            use serde_json::error::Category;
            match inner.classify() {
                Category::Data => {
                    let pointer = if path == "." || path.is_empty() {
                        "#".to_string()
                    } else {
                        format!("#/{}", path.replace('.', "/"))
                    };
                    Err(Problem::invalid(vec![FieldError {
                        pointer,
                        detail: strip_position(&inner.to_string()),
                    }]))
                }
                Category::Syntax | Category::Eof | Category::Io => {
                    Err(Problem::bad_request(format!("malformed JSON: {inner}")))
                }
            }
        }
    }
}

/// serde_json appends "at line 1 column 42" to data errors; the pointer already says where.
fn strip_position(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg.to_string(),
    }
}
