//! What a checked expression becomes before it runs: the same meaning, in shapes `cel`'s
//! interpreter evaluates without allocating.
//!
//! Measured with callgrind on the refund rules of [`super::example_rules`], an evaluation
//! spent about a quarter of its instructions in `malloc` and `free`, nearly all of them inside
//! `cel` 0.15, on paths an expression takes when nothing is wrong:
//! - `a < b` (and `<=`, `>`, `>=`) builds the error it would report on a type mismatch before
//!   comparing (`compare_values` calls `overload_for_values` eagerly: an `Arc<String>` and a
//!   `Vec<String>` of type names), then drops it. Here the comparison calls `@lt`, `@le`,
//!   `@gt` or `@ge`, overloads declared in [`super::library`] that compare the same way and
//!   build the same error only when there is one.
//! - `!x` does the same; here it is `x ? false : true`, which reads `x` as a bool the same way.
//! - `event.amount` is resolved by splitting the name into segments (a `Vec`) and joining them
//!   again (a `String`); `has(event.category)` too. Here they are the names `event.amount` and
//!   `@has.event.category`, which the evaluation scope answers directly (`cel` tries a
//!   qualified name whole before selecting fields, so the meaning is the same; loop variables
//!   may not be called `event` or `account`).
//! - A list literal is built anew on every evaluation, a box and a string copy per element.
//!   Here a list of literals is built once per rule set (the same `cel` list) and read as
//!   `@list.N`.
//!
//! Together with values built once per event in slots that cost nothing to drop
//! ([`super::schema`]), this took a rule's evaluation from about 3,900 instructions to about
//! 2,100 (callgrind, the refund rules, `cargo bench -p rampart-abuse --bench rules`). What is
//! left is mostly `cel` resolving names (a fifth) and choosing overloads (a tenth).
//!
//! Names starting with `@` cannot be written by an analyst: CEL's lexer has no such identifier.

use cel::IdedExpr;
use cel::common::ast::{CallExpr, EntryExpr, Expr, LiteralValue};
use cel::common::types::{CelBool, CelList};
use cel::common::value::Val;

use super::library::ORDERINGS;

/// Lists of literals, built once per rule set, with what they were built from.
#[derive(Default)]
pub(super) struct Lists {
    pub values: Vec<CelList<'static>>,
    sources: Vec<Vec<LiteralValue>>,
}

/// Lowers `e` in place; the lists of literals it hoists are added to `lists`, shared by a
/// rule set.
pub(super) fn lower(e: &mut IdedExpr, lists: &mut Lists) {
    match &mut e.expr {
        Expr::Call(c) => {
            if let Some(t) = c.target.as_deref_mut() {
                lower(t, lists);
            }
            for a in &mut c.args {
                lower(a, lists);
            }
        }
        Expr::Comprehension(c) => {
            for x in [
                &mut c.iter_range,
                &mut c.accu_init,
                &mut c.loop_cond,
                &mut c.loop_step,
                &mut c.result,
            ] {
                lower(x, lists);
            }
        }
        Expr::List(l) => l.elements.iter_mut().for_each(|x| lower(x, lists)),
        Expr::Map(m) => {
            for entry in &mut m.entries {
                if let EntryExpr::MapEntry(m) = &mut entry.expr {
                    lower(&mut m.key, lists);
                    lower(&mut m.value, lists);
                }
            }
        }
        Expr::Select(s) => lower(&mut s.operand, lists),
        Expr::Struct(_) | Expr::Ident(_) | Expr::Literal(_) | Expr::Unspecified => {}
    }
    if let Some(lowered) = lowered(e, lists) {
        e.expr = lowered;
    }
}

/// The lowered form of the node `e`, whose children are lowered already.
fn lowered(e: &mut IdedExpr, lists: &mut Lists) -> Option<Expr> {
    match &mut e.expr {
        Expr::Select(s) => match &s.operand.expr {
            Expr::Ident(root) if root == "event" || root == "account" => {
                Some(Expr::Ident(if s.test {
                    format!("@has.{root}.{}", s.field)
                } else {
                    format!("{root}.{}", s.field)
                }))
            }
            _ => None,
        },
        Expr::Call(c) if c.target.is_none() && c.args.len() == 1 && c.func_name == "!_" => {
            let arg = c.args.pop()?;
            let literal = |b: bool| IdedExpr {
                id: e.id,
                expr: Expr::Literal(LiteralValue::Boolean(CelBool::from(b))),
            };
            Some(Expr::Call(CallExpr {
                func_name: "_?_:_".into(),
                target: None,
                args: vec![arg, literal(false), literal(true)],
            }))
        }
        Expr::Call(c) if c.target.is_none() && c.args.len() == 2 => {
            let (_, to) = ORDERINGS.iter().find(|(op, _)| *op == c.func_name)?;
            c.func_name = (*to).into();
            None
        }
        Expr::List(l) if !l.elements.is_empty() && l.optional_indices.is_empty() => {
            let literals: Option<Vec<LiteralValue>> = l
                .elements
                .iter()
                .map(|x| match &x.expr {
                    Expr::Literal(v) => Some(v.clone()),
                    _ => None,
                })
                .collect();
            let literals = literals?;
            let i = match lists.sources.iter().position(|s| *s == literals) {
                Some(i) => i,
                None => {
                    let values: Vec<Box<dyn Val + 'static>> =
                        literals.iter().map(|v| v.to_val().into_owned()).collect();
                    lists.values.push(CelList::from(values));
                    lists.sources.push(literals);
                    lists.values.len() - 1
                }
            };
            Some(Expr::Ident(format!("@list.{i}")))
        }
        _ => None,
    }
}
