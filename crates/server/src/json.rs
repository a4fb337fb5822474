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
    let mime = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    if mime != "application/json" && !(mime.starts_with("application/") && mime.ends_with("+json"))
    {
        return Err(Problem::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported-media-type",
            "send the report as Content-Type: application/json",
        ));
    }
    // Straight into the type: no intermediate JSON tree on the intake path. serde_json reports
    // some type errors (a number where an enum was expected) as syntax errors; only on that
    // error path is the body parsed again as plain JSON (which also checks UTF-8): if it is
    // valid, it was refused for its content, a 422 naming the field.
    let mut de = serde_json::Deserializer::from_slice(body);
    let parsed: Result<T, _> = serde_path_to_error::deserialize(&mut de);
    let e = match parsed {
        Ok(v) => {
            de.end()
                .map_err(|e| Problem::bad_request(format!("malformed JSON: {e}")))?;
            return Ok(v);
        }
        Err(e) => e,
    };
    use serde_json::error::Category;
    if !matches!(e.inner().classify(), Category::Data)
        && let Err(syntax) = serde_json::from_slice::<serde_json::Value>(body)
    {
        return Err(Problem::bad_request(format!("malformed JSON: {syntax}")));
    }
    let path = e.path().to_string();
    let message = strip_position(&e.inner().to_string());
    let mut pointer = if path == "." || path.is_empty() {
        "#".to_string()
    } else {
        format!("#/{}", path.replace('.', "/"))
    };
    // "missing field `body`" is about the field, not its parent.
    if let Some(field) = message
        .strip_prefix("missing field `")
        .and_then(|rest| rest.strip_suffix('`'))
    {
        pointer = format!("{}/{field}", pointer.trim_end_matches('/'));
    }
    Err(Problem::invalid(vec![FieldError {
        pointer,
        detail: message,
        message: None,
    }]))
}

/// serde_json appends "at line 1 column 42" to data errors; the pointer already says where.
fn strip_position(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg.to_string(),
    }
}
