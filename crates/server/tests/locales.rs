//! Every language of the portal has every message of the English reference, uses only the
//! variables the English message uses, and parses as Fluent.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

/// The 22 languages the portal promises.
const LANGUAGES: [&str; 22] = [
    "en", "fr", "de", "es", "it", "pt", "nl", "pl", "sv", "tr", "ar", "he", "hi", "bn", "ja", "ko",
    "zh-CN", "vi", "th", "id", "uk", "ru",
];

fn locales() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("locales")
}

fn variables_of_pattern(p: &Pattern<String>, out: &mut BTreeSet<String>) {
    for el in &p.elements {
        if let PatternElement::Placeable { expression } = el {
            variables_of_expression(expression, out);
        }
    }
}

fn variables_of_expression(e: &Expression<String>, out: &mut BTreeSet<String>) {
    match e {
        Expression::Select { selector, variants } => {
            variables_of_inline(selector, out);
            for v in variants {
                variables_of_pattern(&v.value, out);
            }
        }
        Expression::Inline(i) => variables_of_inline(i, out),
    }
}

fn variables_of_inline(i: &InlineExpression<String>, out: &mut BTreeSet<String>) {
    match i {
        InlineExpression::VariableReference { id } => {
            out.insert(id.name.clone());
        }
        InlineExpression::Placeable { expression } => variables_of_expression(expression, out),
        _ => {}
    }
}

/// Message id → the variables it uses, for one file.
fn catalogue(path: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let resource = fluent_syntax::parser::parse(text)
        .unwrap_or_else(|(_, errors)| panic!("{} does not parse: {errors:?}", path.display()));
    let mut out = BTreeMap::new();
    for entry in resource.body {
        if let Entry::Message(m) = entry {
            let mut vars = BTreeSet::new();
            if let Some(p) = &m.value {
                variables_of_pattern(p, &mut vars);
            }
            out.insert(m.id.name, vars);
        }
    }
    out
}

/// Catalogues only English has: the staff console (other languages fall back to English).
const ENGLISH_ONLY: [&str; 1] = ["console.ftl"];

/// The catalogue files of the English reference: every language has each of them.
fn files() -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(locales().join("en"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".ftl") && !ENGLISH_ONLY.contains(&n.as_str()))
        .collect();
    files.sort();
    files
}

#[test]
fn every_language_has_every_message_with_known_variables() {
    let files = files();
    assert!(
        files.iter().any(|f| f == "portal.ftl") && files.iter().any(|f| f == "advice.ftl"),
        "the English catalogue files are missing: {files:?}"
    );
    let mut problems = Vec::new();
    for file in &files {
        let reference = catalogue(&locales().join("en").join(file));
        assert!(
            reference.len() > 50,
            "the English catalogue {file} looks truncated"
        );
        for lang in LANGUAGES.iter().filter(|l| **l != "en") {
            let path = locales().join(lang).join(file);
            if !path.exists() {
                problems.push(format!("{lang}: {file} is missing"));
                continue;
            }
            let found = catalogue(&path);
            for (id, vars) in &reference {
                match found.get(id) {
                    None => problems.push(format!("{lang}/{file}: missing message {id}")),
                    Some(v) => {
                        for unknown in v.difference(vars) {
                            problems.push(format!(
                                "{lang}/{file}: {id} uses unknown variable ${unknown}"
                            ));
                        }
                    }
                }
            }
            for id in found.keys().filter(|id| !reference.contains_key(*id)) {
                problems.push(format!("{lang}/{file}: message {id} is not in English"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_english_only_catalogues_parse() {
    for file in ENGLISH_ONLY {
        let found = catalogue(&locales().join("en").join(file));
        assert!(!found.is_empty(), "{file} has no messages");
    }
}

/// The ids of `console.ftl`'s messages, and the messages its messages refer to.
fn console_catalogue() -> (BTreeSet<String>, BTreeSet<String>) {
    let path = locales().join("en").join("console.ftl");
    let text = std::fs::read_to_string(&path).unwrap();
    let resource = fluent_syntax::parser::parse(text)
        .unwrap_or_else(|(_, errors)| panic!("{} does not parse: {errors:?}", path.display()));
    let mut ids = BTreeSet::new();
    let mut referenced = BTreeSet::new();
    for entry in resource.body {
        if let Entry::Message(m) = entry {
            if let Some(p) = &m.value {
                references_of_pattern(p, &mut referenced);
            }
            ids.insert(m.id.name);
        }
    }
    (ids, referenced)
}

fn references_of_pattern(p: &Pattern<String>, out: &mut BTreeSet<String>) {
    for el in &p.elements {
        if let PatternElement::Placeable { expression } = el {
            references_of_expression(expression, out);
        }
    }
}

fn references_of_expression(e: &Expression<String>, out: &mut BTreeSet<String>) {
    let inline = |i: &InlineExpression<String>, out: &mut BTreeSet<String>| match i {
        InlineExpression::MessageReference { id, .. } => {
            out.insert(id.name.clone());
        }
        InlineExpression::Placeable { expression } => references_of_expression(expression, out),
        _ => {}
    };
    match e {
        Expression::Select { selector, variants } => {
            inline(selector, out);
            for v in variants {
                references_of_pattern(&v.value, out);
            }
        }
        Expression::Inline(i) => inline(i, out),
    }
}

/// The console's sources: its templates, its handlers, and the pictures they draw.
fn console_sources() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for (dir, ext) in [
        (root.join("templates/console"), "html"),
        (root.join("src/console"), "rs"),
    ] {
        for e in std::fs::read_dir(&dir).unwrap() {
            let path = e.unwrap().path();
            if path.extension().is_some_and(|x| x == ext) {
                files.push(path);
            }
        }
    }
    files.push(root.join("src/svg.rs"));
    files.sort();
    files
}

/// Every string literal `"console-…"` of a source: a message id, or, ending in `-`, the prefix of
/// the names of a set of values (`Tr::part("console-role-", role, "")`).
fn console_literals(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find("\"console-") {
        let after = &rest[at + 1..];
        let end = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
            .unwrap_or(after.len());
        if after[end..].starts_with('"') {
            found.push(after[..end].to_string());
        }
        rest = &after[end..];
    }
    found
}

fn names(values: impl IntoIterator<Item = &'static str>) -> Vec<String> {
    values.into_iter().map(str::to_string).collect()
}

/// The values each prefix names, from the service's own lists where it has one.
fn named_values() -> BTreeMap<&'static str, Vec<String>> {
    use rampart_server::casework::{ActionKind, ActionStatus, CaseStatus, Priority};
    BTreeMap::from([
        (
            "console-role-",
            names(rampart_server::auth::Role::STAFF.map(|r| r.as_str())),
        ),
        (
            "console-channel-",
            names(rampart_server::console::reports::CHANNELS),
        ),
        // What `processing::verdict_str` writes.
        (
            "console-verdict-",
            names(["lookalike", "official", "unknown"]),
        ),
        (
            "console-report-status-",
            names(rampart_server::portal::STATUSES),
        ),
        (
            "console-case-status-",
            names(CaseStatus::ALL.iter().map(|s| s.as_str())),
        ),
        (
            "console-priority-",
            names(Priority::ALL.iter().map(|s| s.as_str())),
        ),
        (
            "console-link-kind-",
            names(rampart_store::LinkKind::ALL.map(|k| k.as_str())),
        ),
        (
            "console-action-kind-",
            names(ActionKind::ALL.iter().map(|s| s.as_str())),
        ),
        (
            "console-action-status-",
            names(ActionStatus::ALL.iter().map(|s| s.as_str())),
        ),
        // The kinds a notice is stored with: an action's (but the block list, which sends
        // none), and the updates to reporters.
        (
            "console-notice-kind-",
            names(
                ActionKind::ALL
                    .iter()
                    .filter(|k| **k != ActionKind::Blocklist)
                    .map(|s| s.as_str())
                    .chain(["status_update"]),
            ),
        ),
        (
            "console-notice-status-",
            names(["queued", "sent", "failed"]),
        ),
        // The changes `/console/users/change` accepts besides `role`.
        (
            "console-users-change-",
            names(["unlock", "disable", "enable", "remove_totp"]),
        ),
    ])
}

#[test]
fn the_console_uses_every_message_it_has_and_has_every_message_it_uses() {
    let (ids, referenced) = console_catalogue();
    let named = named_values();
    let mut problems = Vec::new();
    let mut used: BTreeSet<String> = referenced;
    let mut literals = 0;
    for path in console_sources() {
        let text = std::fs::read_to_string(&path).unwrap();
        let file = path.file_name().unwrap().to_string_lossy().into_owned();
        for id in console_literals(&text) {
            literals += 1;
            if id.ends_with('-') {
                match named.get(id.as_str()) {
                    None => problems.push(format!(
                        "{file}: the prefix {id} names values the test does not know: add them to named_values()"
                    )),
                    Some(keys) => {
                        for key in keys {
                            let full = format!("{id}{key}");
                            if !ids.contains(&full) {
                                problems.push(format!("{file}: {full} is not in console.ftl"));
                            }
                            used.insert(full);
                        }
                    }
                }
            } else {
                if !ids.contains(&id) {
                    problems.push(format!("{file}: {id} is not in console.ftl"));
                }
                used.insert(id);
            }
        }
    }
    assert!(
        literals > 300,
        "only {literals} message ids found in the console's sources: is the scan broken?"
    );
    for id in ids.difference(&used) {
        problems.push(format!("console.ftl: {id} is used nowhere"));
    }
    for id in ids.iter().filter(|id| !id.starts_with("console-")) {
        problems.push(format!("console.ftl: {id} does not start with console-"));
    }
    // The bundle of a language holds every catalogue: no other may define a console id.
    for file in files() {
        for id in catalogue(&locales().join("en").join(&file)).keys() {
            if id.starts_with("console-") {
                problems.push(format!("{file}: {id} belongs in console.ftl"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn console_pages_have_no_isolates_and_markup_goes_between_pieces() {
    use rampart_server::i18n::Tr;
    let t = Tr::console();
    assert_eq!(
        t.s("console-report-title", "reference", "RPT-7"),
        "Report RPT-7"
    );
    assert_eq!(
        t.n("console-reports-caption", "count", 1),
        "1 report on this page"
    );
    assert_eq!(
        t.n("console-reports-caption", "count", 50),
        "50 reports on this page"
    );
    let pieces: Vec<(String, String)> = t
        .pieces("console-blocklist-intro", ["text", "json"])
        .into_iter()
        .map(|p| (p.text, p.slot))
        .collect();
    let piece = |text: &str, slot: &str| (text.to_string(), slot.to_string());
    assert_eq!(
        pieces,
        [
            piece("Published for mail filters and SMS gateways at ", ""),
            piece("", "text"),
            piece(" (text) and ", ""),
            piece("", "json"),
            piece(".", ""),
        ]
    );
}
