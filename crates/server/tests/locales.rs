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
