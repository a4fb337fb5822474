//! Settings from defaults, a TOML file, `RAMPART_…` environment variables and flags, in that
//! order of precedence (flags win).

use std::path::Path;

use anyhow::Context;
use figment::Figment;
use figment::providers::{Env, Format, Serialized, Toml};
use rampart_server::Settings;

/// Top-level keys the environment may set; anything else under `RAMPART_` (for example the
/// test suite's own variables or `RAMPART_LOG`) is not configuration.
const ENV_KEYS: &[&str] = &[
    "database_url",
    "listen",
    "max_body_bytes",
    "workers",
    "max_connections",
    "shutdown_grace_secs",
    "correlation",
    "warning_list",
    "trusted_proxies",
    "idempotency_hours",
    "portal",
    "limits",
    "smtp",
    "imap",
    "console",
    "casework",
    "abuse",
];

pub fn load(
    file: Option<&Path>,
    database_url: Option<String>,
    listen: Option<String>,
) -> anyhow::Result<Settings> {
    let mut fig = Figment::from(Serialized::defaults(Settings::default()));
    if let Some(path) = file {
        if !path.exists() {
            anyhow::bail!("configuration file {} does not exist", path.display());
        }
        fig = fig.merge(Toml::file_exact(path));
    }
    fig = fig.merge(Env::prefixed("RAMPART_").split("__").filter(|k| {
        let top = k.as_str().split('.').next().unwrap_or("");
        ENV_KEYS.iter().any(|known| top.eq_ignore_ascii_case(known))
    }));
    if let Some(url) = database_url {
        fig = fig.merge(Serialized::default("database_url", url));
    }
    if let Some(listen) = listen {
        fig = fig.merge(Serialized::default("listen", listen));
    }
    let settings: Settings = fig.extract().context("invalid configuration")?;
    Ok(settings)
}

/// A database URL fit for logs: any password replaced, in the user part or the query.
pub fn redact(url: &str) -> String {
    let redacted = redact_userinfo(url);
    match redacted.split_once('?') {
        Some((base, query)) => {
            let query: Vec<String> = query
                .split('&')
                .map(|pair| match pair.split_once('=') {
                    Some((k, _)) if k.eq_ignore_ascii_case("password") => format!("{k}=***"),
                    _ => pair.to_string(),
                })
                .collect();
            format!("{base}?{}", query.join("&"))
        }
        None => redacted,
    }
}

fn redact_userinfo(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let userinfo = &url[scheme + 3..at];
            match userinfo.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..scheme + 3], &url[at..]),
                None => url.to_string(),
            }
        }
        _ => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redacts_passwords() {
        assert_eq!(redact("postgres://u:secret@h/db"), "postgres://u:***@h/db");
        assert_eq!(redact("postgres://u@h/db"), "postgres://u@h/db");
        assert_eq!(redact("sqlite://rampart.db"), "sqlite://rampart.db");
        assert_eq!(
            redact("postgres://h/db?user=u&password=pw&x=1"),
            "postgres://h/db?user=u&password=***&x=1"
        );
    }

    #[test]
    fn the_example_configuration_loads() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../rampart.example.toml");
        let s = load(Some(&path), None, None).unwrap();
        assert!(s.limits.enabled);
        assert!(!s.smtp.enabled && !s.imap.enabled);
        assert_eq!(s.portal.public_url, "https://report.example.com");
        assert_eq!(s.brand_name(), "Amazon");
    }

    #[test]
    fn every_section_can_come_from_the_environment() {
        for key in [
            "portal",
            "limits",
            "smtp",
            "imap",
            "correlation",
            "warning_list",
        ] {
            assert!(ENV_KEYS.contains(&key), "{key}");
        }
        let defaults = serde_json::to_value(Settings::default()).unwrap();
        for key in defaults.as_object().unwrap().keys() {
            assert!(
                key == "brand" || ENV_KEYS.contains(&key.as_str()),
                "RAMPART_{} is not read from the environment",
                key.to_uppercase()
            );
        }
    }

    #[test]
    fn file_then_env_then_flags() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.toml");
        std::fs::write(
            &path,
            "database_url = \"sqlite://from-file.db\"\nlisten = \"127.0.0.1:9000\"\n\
             [correlation]\nhub_threshold = 4\n\
             [[brand]]\nname = \"Amazon\"\ndomains = [\"amazon.com\"]\nphones = [\"+1 206 266 1000\"]\n",
        )
        .unwrap();
        let s = load(Some(&path), None, None).unwrap();
        assert_eq!(s.database_url, "sqlite://from-file.db");
        assert_eq!(s.listen.to_string(), "127.0.0.1:9000");
        assert_eq!(s.correlation.hub_threshold, 4);
        assert_eq!(s.brands.len(), 1);
        let s = load(
            Some(&path),
            Some("postgres://x/y".into()),
            Some("127.0.0.1:7000".into()),
        )
        .unwrap();
        assert_eq!(s.database_url, "postgres://x/y");
        assert_eq!(s.listen.to_string(), "127.0.0.1:7000");
        assert!(load(Some(&dir.path().join("missing.toml")), None, None).is_err());
        std::fs::write(&path, "nonsense_key = 1\n").unwrap();
        assert!(load(Some(&path), None, None).is_err());
    }
}
