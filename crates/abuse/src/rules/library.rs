//! The functions a rule may call: CEL's standard library, its strings and math extensions,
//! and `matches` with compiled patterns kept between calls; and the comparisons lowered
//! expressions call (see [`super::lower`]).
//!
//! `cel`'s own `matches` compiles its pattern on every call (tens of microseconds for a
//! simple one, far more than a whole evaluation); here a pattern is compiled once per thread,
//! with a bound on its compiled size, and an invalid literal pattern is a compile error.

use std::cell::RefCell;
use std::cmp::Ordering;
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use cel::common::types::{CelBool, CelString, DYN_TYPE, STRING_TYPE};
use cel::common::value::CowVal;
use cel::{Env, ExecutionError, extensions};
use regex::{Regex, RegexBuilder};

/// Functions called as `f(x)`.
pub(super) const GLOBAL: &[&str] = &[
    "bool", "bytes", "double", "int", "uint", "string", "size", "type", "dyn", "matches",
];

/// Functions called with their namespace, `math.abs(x)`.
pub(super) const NAMESPACED: &[&str] = &[
    "math.abs",
    "math.bitAnd",
    "math.bitNot",
    "math.bitOr",
    "math.bitShiftLeft",
    "math.bitShiftRight",
    "math.bitXor",
    "math.ceil",
    "math.floor",
    "math.isFinite",
    "math.isInf",
    "math.isNaN",
    "math.round",
    "math.sign",
    "math.sqrt",
    "math.trunc",
    "optional.none",
    "optional.of",
    "optional.ofNonZeroValue",
    "strings.quote",
];

/// Functions called as methods, `x.f(y)`.
pub(super) const MEMBER: &[&str] = &[
    "size",
    "contains",
    "startsWith",
    "endsWith",
    "matches",
    "value",
    "hasValue",
    "or",
    "orValue",
    "charAt",
    "indexOf",
    "lastIndexOf",
    "join",
    "lowerAscii",
    "upperAscii",
    "trim",
    "replace",
    "split",
    "substring",
    "format",
    "reverse",
];

/// Largest compiled pattern, in bytes: a pattern is an analyst's, but still bounded.
const MAX_PATTERN_BYTES: usize = 1 << 18;
/// Patterns kept per thread before the cache starts over (patterns built at run time could
/// otherwise grow it without end).
const MAX_CACHED_PATTERNS: usize = 256;

/// The environment every rule is compiled and evaluated in, built once.
pub(super) fn env() -> Result<Arc<Env>, String> {
    static ENV: OnceLock<Result<Arc<Env>, String>> = OnceLock::new();
    ENV.get_or_init(|| build().map(Arc::new).map_err(|e| e.to_string()))
        .clone()
}

fn build() -> Result<Env, cel::DeclarationError> {
    let mut env = Env::stdlib();
    env.add_extension(extensions::strings)?;
    env.add_extension(extensions::math)?;
    env.add_overload(
        "matches",
        "matches_string",
        vec![STRING_TYPE, STRING_TYPE],
        matches,
    )?;
    env.add_member_overload(
        "matches",
        "string_matches_string",
        STRING_TYPE,
        vec![STRING_TYPE],
        matches,
    )?;
    let orderings: [(&str, Function); 4] = [("@lt", lt), ("@le", le), ("@gt", gt), ("@ge", ge)];
    for (name, f) in orderings {
        env.add_overload(name, name, vec![DYN_TYPE, DYN_TYPE], f)?;
    }
    Ok(env)
}

/// The ordering operators, and the overloads [`super::lower`] makes them call.
pub(super) const ORDERINGS: [(&str, &str); 4] = [
    ("_<_", "@lt"),
    ("_<=_", "@le"),
    ("_>_", "@gt"),
    ("_>=_", "@ge"),
];

type Function = for<'b, 'v> fn(Vec<CowVal<'b, 'v>>) -> Result<CowVal<'b, 'v>, ExecutionError>;

/// Compares as `cel`'s operators do (numbers across int, uint and double; strings; bools),
/// failing with the same error, built only when there is one.
fn compare<'b, 'v>(
    op: &str,
    args: &[CowVal<'b, 'v>],
    holds: fn(Ordering) -> bool,
) -> Result<CowVal<'b, 'v>, ExecutionError> {
    let (Some(a), Some(b)) = (args.first(), args.get(1)) else {
        return Err(ExecutionError::invalid_argument_count(2, args.len()));
    };
    let no_overload = || {
        let types = vec![
            a.get_type().name().to_owned(),
            b.get_type().name().to_owned(),
        ];
        ExecutionError::no_such_overload(op, types)
    };
    let comparer = a.as_comparer().ok_or_else(no_overload)?;
    match comparer.compare(b.as_ref()) {
        Ok(o) if holds(o) => Ok(CowVal::Borrowed(&CelBool::TRUE)),
        Ok(_) => Ok(CowVal::Borrowed(&CelBool::FALSE)),
        Err(
            ExecutionError::NoSuchOverload(_)
            | ExecutionError::ValuesNotComparable(..)
            | ExecutionError::UnsupportedKeyType(_)
            | ExecutionError::UnexpectedType { .. },
        ) => Err(no_overload()),
        Err(other) => Err(other),
    }
}

fn lt<'b, 'v>(args: Vec<CowVal<'b, 'v>>) -> Result<CowVal<'b, 'v>, ExecutionError> {
    compare("_<_", &args, Ordering::is_lt)
}

fn le<'b, 'v>(args: Vec<CowVal<'b, 'v>>) -> Result<CowVal<'b, 'v>, ExecutionError> {
    compare("_<=_", &args, Ordering::is_le)
}

fn gt<'b, 'v>(args: Vec<CowVal<'b, 'v>>) -> Result<CowVal<'b, 'v>, ExecutionError> {
    compare("_>_", &args, Ordering::is_gt)
}

fn ge<'b, 'v>(args: Vec<CowVal<'b, 'v>>) -> Result<CowVal<'b, 'v>, ExecutionError> {
    compare("_>=_", &args, Ordering::is_ge)
}

/// Compiles a pattern as `matches` does.
pub(super) fn pattern(p: &str) -> Result<Regex, String> {
    RegexBuilder::new(p)
        .size_limit(MAX_PATTERN_BYTES)
        .build()
        .map_err(|e| e.to_string())
}

thread_local! {
    static PATTERNS: RefCell<HashMap<String, Result<Regex, String>>> = RefCell::new(HashMap::new());
}

/// `text.matches(pattern)`, `matches(text, pattern)`: whether the pattern matches anywhere.
fn matches<'b, 'v>(args: Vec<CowVal<'b, 'v>>) -> Result<CowVal<'b, 'v>, ExecutionError> {
    let text = args.first().and_then(|a| a.downcast_ref::<CelString>());
    let p = args.get(1).and_then(|a| a.downcast_ref::<CelString>());
    let (Some(text), Some(p)) = (text, p) else {
        return Err(ExecutionError::function_error(
            "matches",
            "takes a string and a pattern",
        ));
    };
    let found = PATTERNS.with(|cache| {
        let mut cache = cache.borrow_mut();
        if !cache.contains_key(p.inner()) {
            if cache.len() >= MAX_CACHED_PATTERNS {
                cache.clear();
            }
            cache.insert(p.inner().to_owned(), pattern(p.inner()));
        }
        match cache.get(p.inner()) {
            Some(Ok(re)) => Ok(re.is_match(text.inner())),
            Some(Err(e)) => Err(e.clone()),
            None => Err("the pattern could not be kept".to_owned()),
        }
    });
    match found {
        Ok(true) => Ok(CowVal::Borrowed(&CelBool::TRUE)),
        Ok(false) => Ok(CowVal::Borrowed(&CelBool::FALSE)),
        Err(e) => Err(ExecutionError::function_error(
            "matches",
            format!("invalid pattern: {e}"),
        )),
    }
}
