//! From an analyst's text to an expression that is safe to run on every event: bounded before
//! the parser sees it, parsed by `cel`, then checked against the schema so that mistakes are
//! reported once, at compile time, in words an analyst can act on, instead of as an error on
//! every event.
//!
//! What is refused, and why:
//! - Longer than [`MAX_EXPRESSION_BYTES`], brackets nested deeper than [`MAX_NESTING`], more
//!   than [`MAX_OPERATORS`] operator characters, or a syntax tree deeper than [`MAX_DEPTH`]:
//!   `cel`'s parser and interpreter recurse, and measured on a 2 MiB thread stack (a test
//!   thread, a tokio worker) the parser of a debug build overflows at 11 nested brackets and
//!   the interpreter at about 50 levels (release builds: a parse error at 96 brackets, an
//!   overflow past 1,000 levels). The bounds hold in both builds.
//! - A string or comment the bracket count would not see the same way as `cel`'s lexer
//!   (unterminated, an invalid escape): the lexer would skip a character and carry on.
//! - A name that is not `event`, `account`, a loop variable, a type or a known function; a
//!   field `event`, `account` or an order item does not have; a field read on events that may
//!   not carry it (a refund's `amount` in a rule that also sees orders, an optional `category`
//!   without `has()` first); a closed-set field compared with a value it never takes; an `int`
//!   mixed with a `double` in arithmetic, or compared with a `string`; an expression that does
//!   not give true or false; an invalid `matches` pattern.
//! - What could cost far more than the event is large (an analyst's typo must not take a node
//!   down): a comprehension inside another, or over `split(...)` (a transcript splits into
//!   100,000 parts); `join` and `format`; `replace` other than by a literal no longer than the
//!   literal it replaces (`t.replace('', t)` is ten gigabytes); `indexOf` of anything but a
//!   short literal; a string `+` that could exceed [`MAX_BUILT_TEXT`]. What remains is linear
//!   in the event: a loop over at most 500 items whose body scans a transcript is the worst.
//!
//! Guards are understood where they are written: `has(event.category) && ...`,
//! `event.type == 'refund' && ...`, `!has(x) || ...`, `c ? a : b`, also inside loops.

use std::fmt::Write as _;

use cel::Env;
use cel::IdedExpr;
use cel::common::ast::{ComprehensionExpr, EntryExpr, Expr, LiteralValue, SourceInfo};

use super::library;
use super::schema::{
    ACCOUNT_FIELDS, ALL_KINDS, EVENT_FIELDS, Ev, Field, FieldType, ITEM_FIELDS, Needs, closest,
    field, kind_bit, kind_names,
};
use crate::events::{MAX_REVIEW_CHARS, MAX_SHORT_CHARS, MAX_TRANSCRIPT_CHARS};

/// Longest expression, in bytes.
pub const MAX_EXPRESSION_BYTES: usize = 4 * 1024;
/// Deepest nesting of brackets (parentheses, lists, maps, calls).
pub const MAX_NESTING: usize = 8;
/// Most operator characters (`+ - * / % < > = ! & | ? . [`) outside strings.
pub const MAX_OPERATORS: usize = 512;
/// Deepest syntax tree once parsed, macros expanded.
pub const MAX_DEPTH: usize = 24;
/// Longest string a rule may build with `+`, in bytes.
pub const MAX_BUILT_TEXT: usize = 64 * 1024;
/// Longest string `indexOf` and `lastIndexOf` look for, in characters.
pub const MAX_NEEDLE_CHARS: usize = 64;

/// A checked expression, ready to evaluate.
pub(super) struct Checked {
    pub expr: IdedExpr,
    pub needs: Needs,
}

/// Checks and compiles `source` for a rule that sees the events of `kinds`.
pub(super) fn compile(env: &Env, source: &str, kinds: u8) -> Result<Checked, Vec<String>> {
    scan(source).map_err(|e| vec![e])?;
    let (expr, info) = env
        .parser()
        .parse_with_source_info(source)
        .map_err(|errors| {
            errors
                .errors
                .iter()
                .map(|e| format!("line {}, column {}: {}", e.pos.0, e.pos.1, tidy(&e.msg)))
                .collect::<Vec<_>>()
        })?;
    if depth(&expr, 0) > MAX_DEPTH {
        return Err(vec![format!(
            "the expression nests more than {MAX_DEPTH} levels deep; split it into simpler rules"
        )]);
    }
    let mut walker = Walker {
        source,
        info: &info,
        errors: Vec::new(),
        needs: Needs::default(),
        vars: Vec::new(),
        in_loop: false,
    };
    let facts = Facts {
        kinds,
        present: 0,
        item_present: Vec::new(),
    };
    let ty = walker.walk(&expr, &facts);
    if !matches!(ty, Ty::Bool | Ty::Dyn) && walker.errors.is_empty() {
        walker.error(
            &expr,
            format!(
                "the expression gives {}, but a rule must give true or false (compare it: `> 3`, `== 'x'`)",
                ty.describe()
            ),
        );
    }
    if !walker.errors.is_empty() {
        return Err(walker.errors);
    }
    Ok(Checked {
        expr,
        needs: walker.needs,
    })
}

/// ANTLR's messages, without the wrapping a Rust error adds.
fn tidy(msg: &str) -> String {
    msg.strip_prefix("Syntax error: ")
        .unwrap_or(msg)
        .replace("<EOF>", "the end")
}

// ---------------------------------------------------------------------------------------------
// Before parsing.

/// Bounds the expression as `cel`'s lexer will see it: strings and comments skipped exactly as
/// it skips them, anything it would have to recover from refused.
fn scan(source: &str) -> Result<(), String> {
    if source.trim().is_empty() {
        return Err("the expression is empty".into());
    }
    if source.len() > MAX_EXPRESSION_BYTES {
        return Err(format!(
            "the expression is {} bytes long; the most is {MAX_EXPRESSION_BYTES}",
            source.len()
        ));
    }
    let b = source.as_bytes();
    let (mut i, mut nesting, mut operators) = (0, 0usize, 0usize);
    while i < b.len() {
        match b[i] {
            b'/' if b.get(i + 1) == Some(&b'/') => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            b'\'' | b'"' => {
                i = string_end(source, i, false)?;
                continue;
            }
            c if c.is_ascii_alphabetic() || c == b'_' => {
                let start = i;
                while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_') {
                    i += 1;
                }
                let prefix = matches!(
                    &source[start..i],
                    "r" | "R" | "b" | "B" | "br" | "bR" | "Br" | "BR"
                );
                if prefix && matches!(b.get(i), Some(b'\'' | b'"')) {
                    let raw = source[start..i].contains(['r', 'R']);
                    i = string_end(source, i, raw)?;
                }
                continue;
            }
            b'(' | b'[' | b'{' => {
                nesting += 1;
                if nesting > MAX_NESTING {
                    return Err(format!(
                        "brackets nest more than {MAX_NESTING} deep at {}; split the expression",
                        position(source, char_index(source, i))
                    ));
                }
            }
            b')' | b']' | b'}' => nesting = nesting.saturating_sub(1),
            b'+' | b'-' | b'*' | b'/' | b'%' | b'<' | b'>' | b'=' | b'!' | b'&' | b'|' | b'?'
            | b'.' => {
                operators += 1;
                if operators > MAX_OPERATORS {
                    return Err(format!(
                        "the expression has more than {MAX_OPERATORS} operators; split it into simpler rules"
                    ));
                }
            }
            _ => {}
        }
        i += 1;
    }
    Ok(())
}

/// Where the string literal whose quote is at `start` ends (the index past its closing quote).
fn string_end(source: &str, start: usize, raw: bool) -> Result<usize, String> {
    let b = source.as_bytes();
    let q = b[start];
    let at = || position(source, char_index(source, start));
    let triple = b.get(start..start + 3) == Some(&[q, q, q][..]);
    let mut j = start + if triple { 3 } else { 1 };
    loop {
        let Some(&c) = b.get(j) else {
            return Err(format!("the string at {} is not closed", at()));
        };
        if !triple && (c == b'\n' || c == b'\r') {
            return Err(format!(
                "the string at {} is not closed on its line (use ''' or \"\"\" for several lines)",
                at()
            ));
        }
        if c == b'\\' && !raw {
            escape(b, j).map_err(|e| format!("the string at {}: {e}", at()))?;
            j += 2;
            continue;
        }
        if c == q && (!triple || b.get(j..j + 3) == Some(&[q, q, q][..])) {
            return Ok(j + if triple { 3 } else { 1 });
        }
        j += 1;
    }
}

/// Checks the escape sequence at `b[j]` (a backslash) as CEL's grammar defines them.
fn escape(b: &[u8], j: usize) -> Result<(), String> {
    let digits = |n: usize, ok: fn(&u8) -> bool| {
        b.get(j + 2..j + 2 + n)
            .is_some_and(|d| d.len() == n && d.iter().all(ok))
    };
    let valid = match b.get(j + 1) {
        Some(
            b'a' | b'b' | b'f' | b'n' | b'r' | b't' | b'v' | b'"' | b'\'' | b'\\' | b'?' | b'`',
        ) => true,
        Some(b'0'..=b'3') => b
            .get(j + 2..j + 4)
            .is_some_and(|d| d.len() == 2 && d.iter().all(|c| (b'0'..=b'7').contains(c))),
        Some(b'x' | b'X') => digits(2, u8::is_ascii_hexdigit),
        Some(b'u') => digits(4, u8::is_ascii_hexdigit),
        Some(b'U') => digits(8, u8::is_ascii_hexdigit),
        _ => false,
    };
    if valid {
        Ok(())
    } else {
        Err("invalid escape sequence (\\n, \\t, \\\\, \\' and \\\" are the common ones)".into())
    }
}

fn char_index(source: &str, byte: usize) -> usize {
    source.get(..byte).map_or(0, |s| s.chars().count())
}

/// "line 2, column 7" for a character index.
fn position(source: &str, char_index: usize) -> String {
    let (mut line, mut column) = (1, 1);
    for c in source.chars().take(char_index) {
        if c == '\n' {
            line += 1;
            column = 1;
        } else {
            column += 1;
        }
    }
    format!("line {line}, column {column}")
}

/// The depth of the tree, counted until it passes the bound.
fn depth(e: &IdedExpr, at: usize) -> usize {
    if at > MAX_DEPTH {
        return at;
    }
    let below = children(e).map(|c| depth(c, at + 1)).max();
    below.unwrap_or(at)
}

fn children(e: &IdedExpr) -> Box<dyn Iterator<Item = &IdedExpr> + '_> {
    match &e.expr {
        Expr::Call(c) => Box::new(c.target.as_deref().into_iter().chain(c.args.iter())),
        Expr::Comprehension(c) => Box::new(
            [
                &c.iter_range,
                &c.accu_init,
                &c.loop_cond,
                &c.loop_step,
                &c.result,
            ]
            .into_iter(),
        ),
        Expr::List(l) => Box::new(l.elements.iter()),
        Expr::Map(m) => Box::new(m.entries.iter().flat_map(|entry| match &entry.expr {
            EntryExpr::MapEntry(m) => vec![&m.key, &m.value],
            EntryExpr::StructField(f) => vec![&f.value],
        })),
        Expr::Struct(s) => Box::new(s.entries.iter().flat_map(|entry| match &entry.expr {
            EntryExpr::MapEntry(m) => vec![&m.key, &m.value],
            EntryExpr::StructField(f) => vec![&f.value],
        })),
        Expr::Select(s) => Box::new(std::iter::once(s.operand.as_ref())),
        Expr::Ident(_) | Expr::Literal(_) | Expr::Unspecified => Box::new(std::iter::empty()),
    }
}

// ---------------------------------------------------------------------------------------------
// After parsing.

/// A static type, as far as it can be told without running the expression.
#[derive(Debug, Clone, PartialEq)]
enum Ty {
    Bool,
    Int,
    UInt,
    Double,
    String,
    Bytes,
    Null,
    List(Box<Ty>),
    Map,
    Event,
    Account,
    Item,
    Type,
    Optional,
    /// Not known before running.
    Dyn,
}

impl Ty {
    fn describe(&self) -> &'static str {
        match self {
            Ty::Bool => "a bool",
            Ty::Int => "an int",
            Ty::UInt => "a uint",
            Ty::Double => "a double",
            Ty::String => "a string",
            Ty::Bytes => "bytes",
            Ty::Null => "null",
            Ty::List(_) => "a list",
            Ty::Map | Ty::Event | Ty::Account | Ty::Item => "a map",
            Ty::Type => "a type",
            Ty::Optional => "an optional",
            Ty::Dyn => "a value",
        }
    }

    fn of(field: &Field) -> Ty {
        match field.cel_type {
            FieldType::Bool => Ty::Bool,
            FieldType::Int => Ty::Int,
            FieldType::Double => Ty::Double,
            FieldType::String => Ty::String,
            FieldType::ListOfStrings => Ty::List(Box::new(Ty::String)),
            FieldType::ListOfItems => Ty::List(Box::new(Ty::Item)),
        }
    }

    fn numeric(&self) -> bool {
        matches!(self, Ty::Int | Ty::UInt | Ty::Double)
    }

    /// Known well enough to tell a mistake.
    fn known(&self) -> bool {
        !matches!(self, Ty::Dyn | Ty::Optional | Ty::Null)
    }

    fn map_like(&self) -> bool {
        matches!(self, Ty::Map | Ty::Event | Ty::Account | Ty::Item)
    }
}

/// What is known to hold where a subexpression runs, from the guards before it.
#[derive(Debug, Clone)]
struct Facts {
    /// The event types it may run on.
    kinds: u8,
    /// Event fields known present (bits of [`Ev`]).
    present: u64,
    /// Item fields known present, by loop variable.
    item_present: Vec<(String, String)>,
}

impl Facts {
    fn with(&self, guard: &Guard) -> Facts {
        let mut f = self.clone();
        f.kinds &= guard.kinds;
        f.present |= guard.present;
        f.item_present.extend(guard.item_present.iter().cloned());
        f
    }
}

/// What a condition being true (or false) tells about the event.
#[derive(Debug, Clone)]
struct Guard {
    kinds: u8,
    present: u64,
    item_present: Vec<(String, String)>,
}

impl Guard {
    fn none() -> Guard {
        Guard {
            kinds: ALL_KINDS,
            present: 0,
            item_present: Vec::new(),
        }
    }

    fn and(mut self, other: Guard) -> Guard {
        self.kinds &= other.kinds;
        self.present |= other.present;
        self.item_present.extend(other.item_present);
        self
    }
}

/// `event.type`, `event.x`: the field of `event` an expression reads, if it is one.
fn read_event_field(e: &IdedExpr) -> Option<&str> {
    match &e.expr {
        Expr::Select(s) if !s.test => match &s.operand.expr {
            Expr::Ident(root) if root == "event" => Some(&s.field),
            _ => None,
        },
        _ => None,
    }
}

fn string_literal(e: &IdedExpr) -> Option<&str> {
    match &e.expr {
        Expr::Literal(LiteralValue::String(s)) => Some(s.inner()),
        _ => None,
    }
}

/// What `e` being `true` (or `false`, when `negated`) says about the event.
fn guard(e: &IdedExpr, negated: bool) -> Guard {
    let kinds_of = |names: &[&str]| {
        names
            .iter()
            .filter_map(|k| kind_bit(k))
            .fold(0, |m, b| m | b)
    };
    match &e.expr {
        Expr::Select(s) if s.test && !negated => match &s.operand.expr {
            Expr::Ident(root) if root == "event" => {
                let present = Ev::from_name(&s.field).map_or(0, |f| 1u64 << f as u64);
                Guard {
                    present,
                    ..Guard::none()
                }
            }
            Expr::Ident(var) => Guard {
                item_present: vec![(var.clone(), s.field.clone())],
                ..Guard::none()
            },
            _ => Guard::none(),
        },
        Expr::Call(c) => match (c.func_name.as_str(), c.args.as_slice()) {
            ("!_", [arg]) => guard(arg, !negated),
            ("_&&_", [a, b]) if !negated => guard(a, false).and(guard(b, false)),
            ("_||_", [a, b]) if negated => guard(a, true).and(guard(b, true)),
            ("_==_", [a, b]) if !negated => type_guard(a, b).unwrap_or_else(Guard::none),
            ("_!=_", [a, b]) if negated => type_guard(a, b).unwrap_or_else(Guard::none),
            ("@in", [a, b]) if !negated && read_event_field(a) == Some("type") => match &b.expr {
                Expr::List(l) => {
                    let names: Option<Vec<&str>> = l.elements.iter().map(string_literal).collect();
                    names.map_or_else(Guard::none, |n| Guard {
                        kinds: kinds_of(&n),
                        ..Guard::none()
                    })
                }
                _ => Guard::none(),
            },
            _ => Guard::none(),
        },
        _ => Guard::none(),
    }
}

/// `event.type == 'refund'`, either way round.
fn type_guard(a: &IdedExpr, b: &IdedExpr) -> Option<Guard> {
    let kind = match (read_event_field(a), read_event_field(b)) {
        (Some("type"), _) => string_literal(b)?,
        (_, Some("type")) => string_literal(a)?,
        _ => return None,
    };
    Some(Guard {
        kinds: kind_bit(kind).unwrap_or(0),
        ..Guard::none()
    })
}

/// Splits a chain of `op` (`a && b && c`, balanced by the parser) into its terms, in order.
fn terms<'e>(e: &'e IdedExpr, op: &str, out: &mut Vec<&'e IdedExpr>) {
    match &e.expr {
        Expr::Call(c) if c.func_name == op && c.args.len() == 2 && c.target.is_none() => {
            for a in &c.args {
                terms(a, op, out);
            }
        }
        _ => out.push(e),
    }
}

const TYPE_NAMES: &[&str] = &[
    "bool",
    "bytes",
    "double",
    "int",
    "uint",
    "string",
    "list",
    "map",
    "null_type",
    "type",
    "dyn",
];

struct Walker<'s> {
    source: &'s str,
    info: &'s SourceInfo,
    errors: Vec<String>,
    needs: Needs,
    /// Loop variables in scope, innermost last.
    vars: Vec<(String, Ty, usize)>,
    in_loop: bool,
}

impl Walker<'_> {
    fn error(&mut self, at: &IdedExpr, message: impl AsRef<str>) {
        let message = message.as_ref();
        let line = match self.start(at) {
            Some(i) => format!("{}: {message}", position(self.source, i)),
            None => message.to_owned(),
        };
        if !self.errors.contains(&line) {
            self.errors.push(line);
        }
    }

    /// Where an expression starts in the source: its leftmost part's offset.
    fn start(&self, e: &IdedExpr) -> Option<usize> {
        let leftmost = match &e.expr {
            Expr::Select(s) if !s.test => Some(s.operand.as_ref()),
            Expr::Call(c) => c.target.as_deref().or_else(|| {
                c.func_name
                    .starts_with('_')
                    .then(|| c.args.first())
                    .flatten()
            }),
            _ => None,
        };
        match leftmost {
            Some(l) => self.start(l),
            None => self
                .info
                .offset_for(e.id)
                .and_then(|(s, _)| usize::try_from(s).ok()),
        }
    }

    fn var(&self, name: &str) -> Option<&Ty> {
        self.vars
            .iter()
            .rev()
            .find(|(n, _, _)| n == name)
            .map(|(_, t, _)| t)
    }

    /// The most bytes a string built by `e` can hold, for the bound on text a rule builds.
    /// Anything derived from a value is taken to be as long as the longest value it is
    /// derived from, except `+`, which adds up.
    fn text_bound(&self, e: &IdedExpr) -> usize {
        let short = 4 * MAX_SHORT_CHARS;
        match &e.expr {
            Expr::Literal(LiteralValue::String(s)) => s.inner().len(),
            Expr::Literal(_) => 0,
            Expr::Ident(name) => match self.vars.iter().rev().find(|(n, _, _)| n == name) {
                Some((_, _, b)) => *b,
                // Read whole, `event` may hand out its transcript.
                None if name == "event" => field_text_bound("transcript"),
                None => short,
            },
            Expr::Select(s) => match &s.operand.expr {
                Expr::Ident(r) if r == "event" && self.var(r).is_none() => {
                    field_text_bound(&s.field)
                }
                Expr::Ident(r) if r == "account" && self.var(r).is_none() => short,
                _ => self.text_bound(&s.operand),
            },
            Expr::Call(c) if c.func_name == "_+_" => c
                .args
                .iter()
                .map(|a| self.text_bound(a))
                .fold(0, usize::saturating_add),
            Expr::Call(c) if c.func_name == "_?._" => match (c.args.first(), c.args.get(1)) {
                (Some(on), Some(f)) if matches!(&on.expr, Expr::Ident(r) if r == "event") => {
                    string_literal(f).map_or(short, field_text_bound)
                }
                _ => children(e).map(|x| self.text_bound(x)).max().unwrap_or(0),
            },
            _ => children(e).map(|x| self.text_bound(x)).max().unwrap_or(0),
        }
    }

    fn walk(&mut self, e: &IdedExpr, facts: &Facts) -> Ty {
        match &e.expr {
            Expr::Literal(l) => match l {
                LiteralValue::Boolean(_) => Ty::Bool,
                LiteralValue::Bytes(_) => Ty::Bytes,
                LiteralValue::Double(_) => Ty::Double,
                LiteralValue::Int(_) => Ty::Int,
                LiteralValue::Null => Ty::Null,
                LiteralValue::String(_) => Ty::String,
                LiteralValue::UInt(_) => Ty::UInt,
            },
            Expr::Ident(name) => self.ident(e, name),
            Expr::Select(s) => {
                let root = match &s.operand.expr {
                    Expr::Ident(r) if self.var(r).is_none() => Some(r.as_str()),
                    _ => None,
                };
                match root {
                    Some("event") => self.event_field(e, &s.field, s.test, facts),
                    Some("account") => self.account_field(e, &s.field, s.test),
                    _ => {
                        let on = self.walk(&s.operand, facts);
                        let var = match &s.operand.expr {
                            Expr::Ident(v) => Some(v.as_str()),
                            _ => None,
                        };
                        self.select_on(e, &on, var, &s.field, s.test, facts)
                    }
                }
            }
            Expr::Call(c) => self.call(e, c, facts),
            Expr::Comprehension(c) => self.comprehension(e, c, facts),
            Expr::List(l) => {
                let types: Vec<Ty> = l.elements.iter().map(|x| self.walk(x, facts)).collect();
                let elem = match types.split_first() {
                    Some((first, rest)) if rest.iter().all(|t| t == first) => first.clone(),
                    _ => Ty::Dyn,
                };
                Ty::List(Box::new(elem))
            }
            Expr::Map(m) => {
                for entry in &m.entries {
                    if let EntryExpr::MapEntry(m) = &entry.expr {
                        self.walk(&m.key, facts);
                        self.walk(&m.value, facts);
                    }
                }
                Ty::Map
            }
            Expr::Struct(s) => {
                self.error(
                    e,
                    format!(
                        "object literals ({}{{...}}) are not available in rules",
                        s.type_name
                    ),
                );
                Ty::Dyn
            }
            Expr::Unspecified => Ty::Dyn,
        }
    }

    fn ident(&mut self, e: &IdedExpr, name: &str) -> Ty {
        if let Some(t) = self.var(name) {
            return t.clone();
        }
        match name {
            // The whole event, read some other way than by field: every field is built.
            "event" => {
                self.needs = Needs::ALL;
                Ty::Event
            }
            "account" => Ty::Account,
            n if TYPE_NAMES.contains(&n) => Ty::Type,
            _ => {
                let mut known: Vec<&str> = vec!["event", "account"];
                known.extend(self.vars.iter().map(|(n, _, _)| n.as_str()));
                let hint = closest(name, known.iter().copied())
                    .map(|c| format!(" (did you mean `{c}`?)"))
                    .unwrap_or_default();
                let also = if field(EVENT_FIELDS, name).is_some() {
                    format!(" (did you mean `event.{name}`?)")
                } else if field(ACCOUNT_FIELDS, name).is_some() {
                    format!(" (did you mean `account.{name}`?)")
                } else {
                    hint
                };
                self.error(
                    e,
                    format!("unknown name `{name}`: a rule reads `event` and `account`{also}"),
                );
                Ty::Dyn
            }
        }
    }

    fn event_field(&mut self, e: &IdedExpr, name: &str, test: bool, facts: &Facts) -> Ty {
        let Some(id) = Ev::from_name(name) else {
            let hint = if field(ACCOUNT_FIELDS, name).is_some() {
                format!(" (`{name}` is a field of `account`)")
            } else {
                closest(name, EVENT_FIELDS.iter().map(|f| f.name))
                    .map(|c| format!(" (did you mean `event.{c}`?)"))
                    .unwrap_or_default()
            };
            self.error(e, format!("`event` has no field `{name}`{hint}"));
            return if test { Ty::Bool } else { Ty::Dyn };
        };
        self.needs.add(id);
        let f = &EVENT_FIELDS[id as usize];
        let ty = if test { Ty::Bool } else { Ty::of(f) };
        if facts.kinds == 0 {
            // Unreachable here; the guard that made it so is reported where it is written.
            return ty;
        }
        let carrying = f.kinds() & facts.kinds;
        let on = |mask: u8| kind_names(mask).join(", ");
        if carrying == 0 {
            self.error(
                e,
                format!(
                    "`event.{name}` comes with {} events only, never with {} events",
                    on(f.kinds()),
                    on(facts.kinds)
                ),
            );
            return ty;
        }
        let present = facts.present & (1 << id as u64) != 0;
        if test || present {
            return ty;
        }
        if facts.kinds & !f.kinds() != 0 {
            self.error(
                e,
                format!(
                    "`event.{name}` comes with {} events only, and this rule also sees {} events: \
                     list only those in applies_to, or test `event.type == '{}'` (or `has(event.{name})`) first",
                    on(f.kinds()),
                    on(facts.kinds & !f.kinds()),
                    kind_names(carrying).first().copied().unwrap_or_default(),
                ),
            );
        } else if facts.kinds & !f.always_kinds() != 0 {
            self.error(
                e,
                format!(
                    "`event.{name}` is not on every {} event: test `has(event.{name})` first, \
                     or read `event.?{name}.orValue(...)`",
                    on(facts.kinds & !f.always_kinds())
                ),
            );
        }
        ty
    }

    fn account_field(&mut self, e: &IdedExpr, name: &str, test: bool) -> Ty {
        match field(ACCOUNT_FIELDS, name) {
            Some(f) => {
                if test {
                    Ty::Bool
                } else {
                    Ty::of(f)
                }
            }
            None => {
                let hint = if field(EVENT_FIELDS, name).is_some() {
                    format!(" (`{name}` is a field of `event`)")
                } else {
                    closest(name, ACCOUNT_FIELDS.iter().map(|f| f.name))
                        .map(|c| format!(" (did you mean `account.{c}`?)"))
                        .unwrap_or_default()
                };
                self.error(e, format!("`account` has no field `{name}`{hint}"));
                Ty::Dyn
            }
        }
    }

    /// `x.field` on something other than the `event` and `account` names.
    fn select_on(
        &mut self,
        e: &IdedExpr,
        on: &Ty,
        var: Option<&str>,
        name: &str,
        test: bool,
        facts: &Facts,
    ) -> Ty {
        let result = |t: Ty| if test { Ty::Bool } else { t };
        match on {
            Ty::Item => match field(ITEM_FIELDS, name) {
                Some(f) => {
                    let known_present = var.is_some_and(|v| {
                        facts
                            .item_present
                            .iter()
                            .any(|(pv, pf)| pv == v && pf == name)
                    });
                    if f.optional() && !test && !known_present {
                        let v = var.unwrap_or("item");
                        self.error(
                            e,
                            format!(
                                "`{v}.{name}` is not on every order item: test `has({v}.{name})` first"
                            ),
                        );
                    }
                    result(Ty::of(f))
                }
                None => {
                    let hint = closest(name, ITEM_FIELDS.iter().map(|f| f.name))
                        .map(|c| format!(" (did you mean `{c}`?)"))
                        .unwrap_or_default();
                    self.error(e, format!("an order item has no field `{name}`{hint}"));
                    result(Ty::Dyn)
                }
            },
            t if t.known() && !t.map_like() => {
                self.error(
                    e,
                    format!("`.{name}` is read on {}, which has no fields", t.describe()),
                );
                result(Ty::Dyn)
            }
            _ => result(Ty::Dyn),
        }
    }

    fn call(&mut self, e: &IdedExpr, c: &cel::common::ast::CallExpr, facts: &Facts) -> Ty {
        let name = c.func_name.as_str();
        match (name, c.target.as_deref(), c.args.as_slice()) {
            ("_&&_" | "_||_", None, [_, _]) => {
                let mut parts = Vec::new();
                terms(e, name, &mut parts);
                let mut facts = facts.clone();
                let word = if name == "_&&_" { "&&" } else { "||" };
                for part in parts {
                    let t = self.walk(part, &facts);
                    if t.known() && t != Ty::Bool {
                        self.error(
                            part,
                            format!(
                                "`{word}` needs true or false on each side, not {}",
                                t.describe()
                            ),
                        );
                    }
                    facts = facts.with(&guard(part, name == "_||_"));
                }
                Ty::Bool
            }
            ("_?_:_", None, [cond, yes, no]) => {
                let t = self.walk(cond, facts);
                if t.known() && t != Ty::Bool {
                    self.error(
                        cond,
                        format!("a condition must be true or false, not {}", t.describe()),
                    );
                }
                let a = self.walk(yes, &facts.with(&guard(cond, false)));
                let b = self.walk(no, &facts.with(&guard(cond, true)));
                if a == b { a } else { Ty::Dyn }
            }
            ("!_", None, [arg]) => {
                let t = self.walk(arg, facts);
                if t.known() && t != Ty::Bool {
                    self.error(e, format!("`!` needs true or false, not {}", t.describe()));
                }
                Ty::Bool
            }
            ("-_", None, [arg]) => {
                let t = self.walk(arg, facts);
                if t.known() && !matches!(t, Ty::Int | Ty::Double) {
                    self.error(
                        e,
                        format!("`-` needs an int or a double, not {}", t.describe()),
                    );
                }
                t
            }
            ("_==_" | "_!=_", None, [a, b]) => {
                let (ta, tb) = (self.walk(a, facts), self.walk(b, facts));
                if ta.known() && tb.known() && !comparable(&ta, &tb) {
                    self.error(
                        e,
                        format!(
                            "{} is compared with {}: they are never equal",
                            ta.describe(),
                            tb.describe()
                        ),
                    );
                }
                self.closed_set(a, b, facts);
                self.closed_set(b, a, facts);
                Ty::Bool
            }
            ("_<_" | "_<=_" | "_>_" | "_>=_", None, [a, b]) => {
                let (ta, tb) = (self.walk(a, facts), self.walk(b, facts));
                let orderable = (ta.numeric() && tb.numeric())
                    || (ta == tb && matches!(ta, Ty::String | Ty::Bool | Ty::Bytes));
                if ta.known() && tb.known() && !orderable {
                    self.error(
                        e,
                        format!(
                            "{} cannot be ordered against {}",
                            ta.describe(),
                            tb.describe()
                        ),
                    );
                }
                Ty::Bool
            }
            ("@in", None, [a, b]) => {
                let (ta, tb) = (self.walk(a, facts), self.walk(b, facts));
                match &tb {
                    Ty::List(elem) if ta.known() && elem.known() && !comparable(&ta, elem) => {
                        self.error(
                            e,
                            format!(
                                "{} is looked for in a list of {}s: it is never there",
                                ta.describe(),
                                elem.describe()
                                    .trim_start_matches("a ")
                                    .trim_start_matches("an ")
                            ),
                        );
                    }
                    t if t.known() && !matches!(t, Ty::List(_)) && !t.map_like() => {
                        self.error(
                            e,
                            format!(
                                "`in` needs a list or a map on its right, not {}",
                                t.describe()
                            ),
                        );
                    }
                    _ => {}
                }
                if let Expr::List(l) = &b.expr {
                    for item in &l.elements {
                        self.closed_set(a, item, facts);
                    }
                }
                Ty::Bool
            }
            ("_+_" | "_-_" | "_*_" | "_/_" | "_%_", None, [a, b]) => {
                let (ta, tb) = (self.walk(a, facts), self.walk(b, facts));
                let t = self.arithmetic(e, name, &ta, &tb);
                let built = self.text_bound(e);
                if t == Ty::String && built > MAX_BUILT_TEXT {
                    self.error(
                        e,
                        format!(
                            "this `+` could build a string of {} KiB on every event; a rule \
                             tests text rather than builds it: use contains() or matches() on each part",
                            built / 1024
                        ),
                    );
                }
                t
            }
            ("_[_]" | "_[?_]", None, [on, index]) => {
                let optional = name == "_[?_]";
                let literal = string_literal(index);
                let root = match &on.expr {
                    Expr::Ident(r) if self.var(r).is_none() => Some(r.as_str()),
                    _ => None,
                };
                let t = match (root, literal) {
                    (Some("event"), Some(field)) => self.event_field(e, field, optional, facts),
                    (Some("account"), Some(field)) => self.account_field(e, field, optional),
                    _ => {
                        let on_ty = self.walk(on, facts);
                        let ti = self.walk(index, facts);
                        match on_ty {
                            Ty::List(elem) => {
                                if ti.known() && !matches!(ti, Ty::Int | Ty::UInt) {
                                    self.error(
                                        e,
                                        format!(
                                            "a list is indexed by an int, not {}",
                                            ti.describe()
                                        ),
                                    );
                                }
                                *elem
                            }
                            Ty::Item => match literal {
                                Some(f) => self.select_on(e, &Ty::Item, None, f, optional, facts),
                                None => Ty::Dyn,
                            },
                            t if t.known() && !t.map_like() => {
                                self.error(e, format!("{} cannot be indexed", t.describe()));
                                Ty::Dyn
                            }
                            _ => Ty::Dyn,
                        }
                    }
                };
                if optional { Ty::Optional } else { t }
            }
            ("_?._", None, [on, field_name]) => {
                let root = match &on.expr {
                    Expr::Ident(r) if self.var(r).is_none() => Some(r.as_str()),
                    _ => None,
                };
                match (root, string_literal(field_name)) {
                    (Some("event"), Some(f)) => {
                        self.event_field(e, f, true, facts);
                    }
                    (Some("account"), Some(f)) => {
                        self.account_field(e, f, true);
                    }
                    _ => {
                        let on_ty = self.walk(on, facts);
                        if let Some(f) = string_literal(field_name) {
                            self.select_on(e, &on_ty, None, f, true, facts);
                        }
                    }
                }
                Ty::Optional
            }
            ("@not_strictly_false", None, [arg]) => {
                self.walk(arg, facts);
                Ty::Bool
            }
            // What macros expand to (`math.greatest` is `math.@max`).
            (n, None, args) if n.contains('@') => {
                for a in args {
                    self.walk(a, facts);
                }
                Ty::Dyn
            }
            _ => self.function(e, c, facts),
        }
    }

    fn function(&mut self, e: &IdedExpr, c: &cel::common::ast::CallExpr, facts: &Facts) -> Ty {
        let name = c.func_name.as_str();
        let namespaced = match c.target.as_deref().map(|t| &t.expr) {
            Some(Expr::Ident(ns))
                if self.var(ns).is_none() && !matches!(ns.as_str(), "event" | "account") =>
            {
                Some(format!("{ns}.{name}"))
            }
            _ => None,
        };
        let full = match namespaced {
            Some(full) if library::NAMESPACED.contains(&full.as_str()) => Some(full),
            _ => None,
        };
        if let Some(full) = &full {
            for a in &c.args {
                self.walk(a, facts);
            }
            return result_type(full);
        }
        let target = c.target.as_deref().map(|t| self.walk(t, facts));
        let args: Vec<Ty> = c.args.iter().map(|a| self.walk(a, facts)).collect();
        let (known, style) = match target {
            None => (library::GLOBAL.contains(&name), "function"),
            Some(_) => (library::MEMBER.contains(&name), "method"),
        };
        if !known {
            let candidates = match target {
                None => library::GLOBAL,
                Some(_) => library::MEMBER,
            };
            let hint = closest(name, candidates.iter().copied())
                .map(|c| format!(" (did you mean `{c}`?)"))
                .unwrap_or_default();
            let mut msg = format!("unknown {style} `{name}`{hint}");
            if target.is_some() && library::GLOBAL.contains(&name) {
                let _ = write!(msg, "; `{name}` is called as `{name}(x)`");
            }
            self.error(e, msg);
            return Ty::Dyn;
        }
        if let Some(problem) = self.costly(c) {
            self.error(e, problem);
        }
        if name == "matches" {
            let pattern = match (&c.target, c.args.as_slice()) {
                (Some(_), [p]) | (None, [_, p]) => string_literal(p),
                _ => None,
            };
            if let Some(p) = pattern
                && let Err(err) = library::pattern(p)
            {
                self.error(e, format!("the pattern of `matches` is invalid: {err}"));
            }
        }
        if name == "size" {
            let of = target.as_ref().or(args.first());
            if let Some(t) = of.filter(|t| t.known())
                && !matches!(t, Ty::String | Ty::Bytes | Ty::List(_))
                && !t.map_like()
            {
                self.error(
                    e,
                    format!(
                        "`size` counts a string, a list or a map, not {}",
                        t.describe()
                    ),
                );
            }
        }
        result_type(name)
    }

    /// Why a call could cost far more than its event is large, if it could.
    fn costly(&self, c: &cel::common::ast::CallExpr) -> Option<String> {
        let literal = |i: usize| c.args.get(i).and_then(string_literal);
        match c.func_name.as_str() {
            "join" | "format" => Some(format!(
                "`{}` is not available in rules: it builds text, and joined parts of a \
                 transcript can weigh gigabytes",
                c.func_name
            )),
            "replace" => match (literal(0), literal(1)) {
                (Some(old), Some(new)) if !old.is_empty() && new.len() <= old.len() => None,
                _ => Some(
                    "`replace` takes two string literals, the first not empty and the second \
                     no longer than it (text a rule builds must not outgrow the event)"
                        .into(),
                ),
            },
            "indexOf" | "lastIndexOf" => match literal(0) {
                Some(needle) if needle.chars().count() <= MAX_NEEDLE_CHARS => None,
                _ => Some(format!(
                    "`{}` looks for a string literal of at most {MAX_NEEDLE_CHARS} characters \
                     (its time grows with both lengths)",
                    c.func_name
                )),
            },
            _ => None,
        }
    }

    fn comprehension(&mut self, e: &IdedExpr, c: &ComprehensionExpr, facts: &Facts) -> Ty {
        if self.in_loop {
            self.error(
                e,
                "a loop (all, exists, exists_one, map, filter) inside another is not allowed: \
                 the work per event would multiply",
            );
            return Ty::Dyn;
        }
        for var in std::iter::once(&c.iter_var).chain(c.iter_var2.as_ref()) {
            if matches!(var.as_str(), "event" | "account") {
                self.error(e, format!("a loop variable may not be called `{var}`: it would hide the rule's `{var}`"));
            }
        }
        let range = self.walk(&c.iter_range, facts);
        if calls(&c.iter_range, "split") {
            self.error(
                &c.iter_range,
                "a loop may not run over split(...): a transcript splits into 100,000 parts; \
                 test the text with contains() or matches() instead",
            );
        }
        let elem = match range {
            Ty::List(elem) => *elem,
            Ty::Map | Ty::Event | Ty::Account | Ty::Item => Ty::String,
            Ty::Dyn | Ty::Optional | Ty::Null => Ty::Dyn,
            t => {
                self.error(
                    &c.iter_range,
                    format!("a loop needs a list or a map, not {}", t.describe()),
                );
                Ty::Dyn
            }
        };
        let accu = self.walk(&c.accu_init, facts);
        self.in_loop = true;
        let scope = self.vars.len();
        let bound = self.text_bound(&c.iter_range);
        self.vars.push((c.iter_var.clone(), elem, bound));
        if let Some(v2) = &c.iter_var2 {
            self.vars.push((v2.clone(), Ty::Dyn, bound));
        }
        let accu_bound = self.text_bound(&c.accu_init);
        self.vars.push((c.accu_var.clone(), accu, accu_bound));
        self.walk(&c.loop_cond, facts);
        self.walk(&c.loop_step, facts);
        let result = self.walk(&c.result, facts);
        self.vars.truncate(scope);
        self.in_loop = false;
        result
    }

    /// `event.reason == 'not received'`: a closed-set field compared with a value it never takes.
    fn closed_set(&mut self, field_expr: &IdedExpr, value: &IdedExpr, facts: &Facts) {
        let (Some(name), Some(v)) = (read_event_field(field_expr), string_literal(value)) else {
            return;
        };
        let Some(f) = field(EVENT_FIELDS, name) else {
            return;
        };
        if f.values.is_empty() {
            return;
        }
        if !f.values.contains(&v) {
            self.error(
                value,
                format!(
                    "`event.{name}` is never '{v}': it is one of {}",
                    f.values.join(", ")
                ),
            );
        } else if name == "type" && kind_bit(v).is_some_and(|b| b & facts.kinds == 0) {
            self.error(
                value,
                format!(
                    "`event.type` is never '{v}' here: the rule sees {} events",
                    kind_names(facts.kinds).join(", ")
                ),
            );
        }
    }

    fn arithmetic(&mut self, e: &IdedExpr, op: &str, a: &Ty, b: &Ty) -> Ty {
        if !(a.known() && b.known()) {
            return if a.known() { a.clone() } else { b.clone() };
        }
        let ok = match op {
            "_+_" => {
                a == b
                    && matches!(
                        a,
                        Ty::Int | Ty::UInt | Ty::Double | Ty::String | Ty::Bytes | Ty::List(_)
                    )
                    || matches!((a, b), (Ty::List(_), Ty::List(_)))
            }
            "_%_" => a == b && matches!(a, Ty::Int | Ty::UInt),
            _ => a == b && a.numeric(),
        };
        if ok {
            return a.clone();
        }
        let symbol = &op[1..op.len() - 1];
        let message = if a.numeric() && b.numeric() {
            format!(
                "`{symbol}` mixes {} and {}, which CEL does not do: write 2.0 rather than 2, \
                 or convert with double(...) or int(...)",
                a.describe(),
                b.describe()
            )
        } else {
            format!(
                "`{symbol}` cannot combine {} and {}",
                a.describe(),
                b.describe()
            )
        };
        self.error(e, message);
        Ty::Dyn
    }
}

/// Whether `e` calls `name` anywhere.
fn calls(e: &IdedExpr, name: &str) -> bool {
    matches!(&e.expr, Expr::Call(c) if c.func_name == name) || children(e).any(|c| calls(c, name))
}

/// The most bytes a string field of `event` can hold.
fn field_text_bound(name: &str) -> usize {
    4 * match name {
        "transcript" => MAX_TRANSCRIPT_CHARS,
        "text" => MAX_REVIEW_CHARS,
        _ => MAX_SHORT_CHARS,
    }
}

/// Whether two values of these types may ever be equal.
fn comparable(a: &Ty, b: &Ty) -> bool {
    (a.numeric() && b.numeric())
        || (a.map_like() && b.map_like())
        || matches!((a, b), (Ty::List(_), Ty::List(_)))
        || a == b
}

/// What a function gives.
fn result_type(name: &str) -> Ty {
    match name {
        "size" | "int" | "indexOf" | "lastIndexOf" => Ty::Int,
        "uint" => Ty::UInt,
        "double" | "math.sqrt" => Ty::Double,
        "bool" | "contains" | "startsWith" | "endsWith" | "matches" | "hasValue" | "math.isInf"
        | "math.isNaN" | "math.isFinite" => Ty::Bool,
        "string" | "lowerAscii" | "upperAscii" | "trim" | "replace" | "substring" | "charAt"
        | "reverse" | "format" | "join" | "strings.quote" => Ty::String,
        "split" => Ty::List(Box::new(Ty::String)),
        "bytes" => Ty::Bytes,
        "type" => Ty::Type,
        "optional.of" | "optional.ofNonZeroValue" | "optional.none" | "or" => Ty::Optional,
        _ => Ty::Dyn,
    }
}
