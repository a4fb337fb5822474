//! Server-rendered SVG for the campaign page: reports per day, and reports linked by indicators.
//!
//! Every label comes from a report, so from an attacker. The output is meant to be inlined in a
//! page under a strict CSP, so it holds only `svg`, `title`, `desc`, `g`, `rect`, `line`,
//! `circle` and `text` elements with presentation attributes: no script, no event handlers, no
//! links, no `style`, no CSS functions. Report-written text is cleaned (control and bidi
//! characters stripped, whitespace collapsed), truncated, and escaped; the escaping also encodes
//! `=`, `:`, `(` and the `h` of `href`, so not even the text of a label spells `onload=`,
//! `javascript:`, `url(` or `href` to a scanner. Input is bounded ([`MAX_DAYS`], [`MAX_NODES`],
//! [`MAX_EDGES`]) and the pictures say what they left out. The graph layout uses only `+ - * /`
//! and `sqrt` on `f64`, so the same input gives the same bytes on every platform. The words the
//! pictures say come from the console's catalogue (`console-chart-…`, `console-graph-…`) through
//! the caller's translator, and are escaped like the labels.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use crate::i18n::Tr;
use crate::problem::Arg;

/// The most days the chart draws: the latest ones; the reports of earlier days are counted in a caption.
pub const MAX_DAYS: usize = 400;
/// The most nodes the graph draws: the heaviest ones.
pub const MAX_NODES: usize = 150;
/// The most links the graph draws: the first ones given between drawn nodes.
pub const MAX_EDGES: usize = 400;

/// Headings drawn on the picture.
const HEADING_CHARS: usize = 80;
/// Names of indicators and campaigns drawn next to their circle.
const NODE_LABEL_CHARS: usize = 24;
/// Tooltips (`<title>`): the whole label, unless a report sent something absurdly long.
const TOOLTIP_CHARS: usize = 300;
/// Fruchterman–Reingold rounds; enough for 150 nodes to settle.
const ITERATIONS: usize = 200;

// Every colour has at least 4.5:1 contrast against white (the tests check it).
const INK: &str = "#1a1a1a";
const AXIS: &str = "#595959";
const GRID: &str = "#767676";
const BAR: &str = "#1f5fa8";
const LINK: &str = "#767676";
const REPORT: &str = "#595959";
const INDICATOR: &str = "#a14e00";
const CAMPAIGN: &str = "#6a3d9a";

/// Reports per day: `days` are (UTC day as days since 1970-01-01, count), any order, gaps allowed
/// (gaps draw as zero). Counts given twice for one day are added up. The words on the picture
/// are `t`'s (`console-chart-…`).
pub fn daily_chart(t: &Tr, days: &[(i64, u64)], title: &str) -> String {
    const W: f64 = 720.0;
    const H: f64 = 220.0;
    const LEFT: f64 = 52.0;
    const RIGHT: f64 = 16.0;
    const TOP: f64 = 34.0;
    const BASE: f64 = 176.0;

    let title = clean(title, HEADING_CHARS);
    let heading = escape(&title);
    let name = escape(&if title.is_empty() {
        t.t("console-chart-name")
    } else {
        t.s("console-chart-name-titled", "title", &title)
    });
    let mut out = String::with_capacity(2048 + days.len().min(MAX_DAYS) * 110);
    open_svg(&mut out, W, H, &name);
    heading_text(&mut out, &heading);

    let (Some(first_given), Some(last)) = (
        days.iter().map(|d| d.0).min(),
        days.iter().map(|d| d.0).max(),
    ) else {
        let _ = write!(
            out,
            "<desc>{}</desc><text x=\"360\" y=\"110\" text-anchor=\"middle\" fill=\"{INK}\" font-size=\"13\">{}</text></svg>",
            escape(&t.t("console-chart-empty-desc")),
            escape(&t.t("console-chart-empty"))
        );
        return out;
    };
    let first = first_given.max(last.saturating_sub(MAX_DAYS as i64 - 1));
    let len = usize::try_from(i128::from(last) - i128::from(first) + 1)
        .unwrap_or(1)
        .clamp(1, MAX_DAYS);
    let mut counts = vec![0u64; len];
    let mut earlier: u128 = 0;
    for &(day, count) in days {
        if day < first {
            earlier = earlier.saturating_add(u128::from(count));
            continue;
        }
        let slot = usize::try_from(i128::from(day) - i128::from(first))
            .ok()
            .and_then(|i| counts.get_mut(i));
        if let Some(slot) = slot {
            *slot = slot.saturating_add(count);
        }
    }

    let total: u128 = counts.iter().map(|&c| u128::from(c)).sum();
    let (busiest, most) =
        counts.iter().enumerate().fold(
            (0, 0),
            |best, (i, &c)| if c > best.1 { (i, c) } else { best },
        );
    let mut said = vec![
        ("total", number(total)),
        ("first", Arg::Text(date(first))),
        ("last", Arg::Text(date(last))),
    ];
    if most > 0 {
        said.push(("busiest", Arg::Text(date(day_at(first, busiest)))));
        said.push(("most", number(u128::from(most))));
    }
    if earlier > 0 {
        said.push(("earlier", number(earlier)));
    }
    let desc = match (most > 0, earlier > 0) {
        (false, false) => "console-chart-desc",
        (true, false) => "console-chart-desc-busiest",
        (false, true) => "console-chart-desc-earlier",
        (true, true) => "console-chart-desc-busiest-earlier",
    };
    let _ = write!(out, "<desc>{}</desc>", escape(&t.args(desc, &said)));

    let ticks = ticks(most);
    let top = ticks.last().copied().unwrap_or(1).max(1) as f64;
    let y_of = |v: u128| BASE - (BASE - TOP) * (v as f64 / top);

    let _ = write!(
        out,
        "<g stroke=\"{GRID}\" stroke-width=\"0.5\" stroke-dasharray=\"2 3\">"
    );
    for &t in ticks.iter().skip(1) {
        let y = f1(y_of(t));
        let _ = write!(
            out,
            "<line x1=\"{}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\"/>",
            f1(LEFT),
            f1(W - RIGHT)
        );
    }
    let _ = write!(out, "</g><g fill=\"{INK}\" text-anchor=\"end\">");
    for &t in &ticks {
        let _ = write!(
            out,
            "<text x=\"{}\" y=\"{}\">{}</text>",
            f1(LEFT - 6.0),
            f1(y_of(t) + 3.5),
            compact(t)
        );
    }
    out.push_str("</g>");

    let slot = (W - LEFT - RIGHT) / len as f64;
    let bar = if slot > 4.0 { slot * 0.8 } else { slot };
    let _ = write!(out, "<g fill=\"{BAR}\">");
    for (i, &count) in counts.iter().enumerate() {
        let y = y_of(u128::from(count));
        let tip = t.args(
            "console-chart-bar",
            &[
                ("date", Arg::Text(date(day_at(first, i)))),
                ("count", number(u128::from(count))),
            ],
        );
        let _ = write!(
            out,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"><title>{}</title></rect>",
            f1(LEFT + slot * i as f64 + (slot - bar) / 2.0),
            f1(y),
            f1(bar),
            f1(BASE - y),
            escape(&tip)
        );
    }
    out.push_str("</g>");

    // A handful of dates, spread evenly, the first and the last always among them.
    let shown = len.min(6);
    let labelled: Vec<usize> = if shown < 2 {
        vec![0]
    } else {
        (0..shown)
            .map(|j| (j * (len - 1) + (shown - 1) / 2) / (shown - 1))
            .collect()
    };
    let centre = |i: usize| LEFT + slot * (i as f64 + 0.5);
    let _ = write!(
        out,
        "<g stroke=\"{AXIS}\" stroke-width=\"1\"><line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\"/><line x1=\"{0}\" y1=\"{2}\" x2=\"{3}\" y2=\"{2}\"/>",
        f1(LEFT),
        f1(TOP),
        f1(BASE),
        f1(W - RIGHT)
    );
    for &i in &labelled {
        let x = f1(centre(i));
        let _ = write!(
            out,
            "<line x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\"/>",
            f1(BASE),
            f1(BASE + 4.0)
        );
    }
    let _ = write!(out, "</g><g fill=\"{INK}\">");
    for (j, &i) in labelled.iter().enumerate() {
        let anchor = match (j, labelled.len()) {
            (_, 1) => "middle",
            (0, _) => "start",
            (j, n) if j + 1 == n => "end",
            _ => "middle",
        };
        let x = match anchor {
            "start" => LEFT + slot * i as f64,
            "end" => LEFT + slot * (i as f64 + 1.0),
            _ => centre(i),
        };
        let _ = write!(
            out,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"{anchor}\">{}</text>",
            f1(x),
            f1(BASE + 16.0),
            date(day_at(first, i))
        );
    }
    out.push_str("</g>");
    if earlier > 0 {
        let caption = t.args(
            "console-chart-earlier",
            &[
                ("days", number(MAX_DAYS as u128)),
                ("earlier", number(earlier)),
            ],
        );
        let _ = write!(
            out,
            "<text x=\"{}\" y=\"{}\" fill=\"{INK}\">{}</text>",
            f1(LEFT),
            f1(H - 8.0),
            escape(&caption)
        );
    }
    out.push_str("</svg>");
    out
}

/// What a node of the graph stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeKind {
    Report,
    Indicator,
    Campaign,
}

/// A node of the graph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    /// Unique among the nodes; edges refer to it.
    pub key: String,
    /// Written by a reporter: shown escaped, truncated on the picture, in full in the tooltip.
    pub label: String,
    pub kind: NodeKind,
    /// The number of reports behind an indicator or campaign; sets its size, and which nodes are
    /// kept when there are too many.
    pub weight: u32,
    /// An indicator too widespread to link reports (drawn with a dashed outline).
    pub hub: bool,
}

/// A link between two nodes, by key. Direction does not matter; a link given twice is drawn once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edge {
    pub from: String,
    pub to: String,
}

/// A graph of reports and indicators, laid out deterministically (same input -> same SVG bytes,
/// whatever the order of the nodes). Edges to unknown keys are ignored. When there are more than
/// [`MAX_NODES`] nodes the heaviest are drawn, and of the links between them the first
/// [`MAX_EDGES`] given; a caption says how many were left out. The words on the picture are
/// `t`'s (`console-graph-…`).
pub fn graph(t: &Tr, nodes: &[Node], edges: &[Edge], title: &str) -> String {
    let title = clean(title, HEADING_CHARS);
    let heading = escape(&title);
    let name = escape(&if title.is_empty() {
        t.t("console-graph-name")
    } else {
        t.s("console-graph-name-titled", "title", &title)
    });

    // One canonical order, so the input order cannot change the picture. A key given twice
    // (a caller's bug) keeps the same one of its nodes whatever the order.
    let mut all: Vec<&Node> = nodes.iter().collect();
    all.sort_by(|a, b| {
        a.key
            .cmp(&b.key)
            .then_with(|| b.weight.cmp(&a.weight))
            .then_with(|| kind_rank(a.kind).cmp(&kind_rank(b.kind)))
            .then_with(|| b.hub.cmp(&a.hub))
            .then_with(|| a.label.cmp(&b.label))
    });
    all.dedup_by(|a, b| a.key == b.key);
    let known: BTreeSet<&str> = all.iter().map(|n| n.key.as_str()).collect();
    let total_nodes = all.len();
    let mut kept = all;
    if kept.len() > MAX_NODES {
        kept.sort_by(|a, b| b.weight.cmp(&a.weight).then_with(|| a.key.cmp(&b.key)));
        kept.truncate(MAX_NODES);
        kept.sort_by(|a, b| a.key.cmp(&b.key));
    }
    let index: BTreeMap<&str, usize> = kept
        .iter()
        .enumerate()
        .map(|(i, n)| (n.key.as_str(), i))
        .collect();

    let mut seen: BTreeSet<(&str, &str)> = BTreeSet::new();
    let mut links: Vec<(usize, usize)> = Vec::new();
    let mut total_links = 0usize;
    for edge in edges {
        let (a, b) = (edge.from.as_str(), edge.to.as_str());
        if a == b || !known.contains(a) || !known.contains(b) {
            continue;
        }
        if !seen.insert(if a < b { (a, b) } else { (b, a) }) {
            continue;
        }
        total_links += 1;
        if links.len() < MAX_EDGES
            && let (Some(&i), Some(&j)) = (index.get(a), index.get(b))
        {
            links.push((i.min(j), i.max(j)));
        }
    }
    links.sort_unstable();

    if kept.is_empty() {
        let mut out = String::with_capacity(1024);
        open_svg(&mut out, 640.0, 120.0, &name);
        heading_text(&mut out, &heading);
        let _ = write!(
            out,
            "<desc>{}</desc><text x=\"320\" y=\"72\" text-anchor=\"middle\" fill=\"{INK}\" font-size=\"13\">{}</text></svg>",
            escape(&t.t("console-graph-empty-desc")),
            escape(&t.t("console-graph-empty"))
        );
        return out;
    }

    let keys: Vec<&str> = kept.iter().map(|n| n.key.as_str()).collect();
    let pos = layout(&keys, &links);
    let radii: Vec<f64> = kept.iter().map(|n| radius(n)).collect();
    let labels: Vec<Option<(String, f64)>> = kept
        .iter()
        .map(|n| {
            if n.kind == NodeKind::Report {
                return None;
            }
            let text = clean(display_name(n), NODE_LABEL_CHARS);
            let width: f64 = text
                .chars()
                .map(|c| if u32::from(c) >= 0x1100 { 10.0 } else { 6.0 })
                .sum();
            Some((escape(&text), width))
        })
        .collect();

    // Fit the picture to what was drawn: circles and the labels to their right.
    const PAD: f64 = 16.0;
    const TOP: f64 = 36.0;
    const MIN_W: f64 = 640.0;
    let (mut min_x, mut max_x, mut min_y, mut max_y) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
    for (i, &(x, y)) in pos.iter().enumerate() {
        let r = radii[i];
        let label = labels[i].as_ref().map_or(0.0, |l| 3.0 + l.1);
        min_x = min_x.min(x - r);
        max_x = max_x.max(x + r + label);
        min_y = min_y.min(y - r.max(8.0));
        max_y = max_y.max(y + r.max(4.0));
    }
    let graph_w = max_x - min_x;
    let w = (graph_w + 2.0 * PAD).max(MIN_W).ceil();
    let dx = PAD + (w - 2.0 * PAD - graph_w) / 2.0 - min_x;
    let dy = TOP - min_y;
    let legend_y = TOP + (max_y - min_y) + PAD + 8.0;
    let left_nodes = total_nodes - kept.len();
    let left_links = total_links - links.len();
    let caption = (left_nodes > 0 || left_links > 0).then(|| {
        escape(&t.args(
            "console-graph-left-out",
            &[
                ("shown_nodes", count(kept.len())),
                ("nodes", count(total_nodes)),
                ("shown_links", count(links.len())),
                ("links", count(total_links)),
                ("left_nodes", count(left_nodes)),
                ("left_links", count(left_links)),
            ],
        ))
    });
    let h = (legend_y + if caption.is_some() { 30.0 } else { 12.0 }).ceil();
    let at = |i: usize| (f1(pos[i].0 + dx), f1(pos[i].1 + dy));

    let mut out = String::with_capacity(4096 + kept.len() * 200 + links.len() * 60);
    open_svg(&mut out, w, h, &name);
    heading_text(&mut out, &heading);
    let of_kind = |kind| count(kept.iter().filter(|n| n.kind == kind).count());
    let desc = t.args(
        "console-graph-desc",
        &[
            ("reports", of_kind(NodeKind::Report)),
            ("indicators", of_kind(NodeKind::Indicator)),
            ("campaigns", of_kind(NodeKind::Campaign)),
            ("links", count(links.len())),
        ],
    );
    let _ = write!(out, "<desc>{}", escape(&desc));
    if let Some(caption) = &caption {
        let _ = write!(out, " {caption}");
    }
    out.push_str("</desc>");

    let _ = write!(out, "<g stroke=\"{LINK}\" stroke-width=\"1\">");
    for &(a, b) in &links {
        let ((x1, y1), (x2, y2)) = (at(a), at(b));
        let _ = write!(
            out,
            "<line x1=\"{x1}\" y1=\"{y1}\" x2=\"{x2}\" y2=\"{y2}\"/>"
        );
    }
    out.push_str("</g>");

    // Large circles first, so that reports stay visible on top of them.
    let mut order: Vec<usize> = (0..kept.len()).collect();
    order.sort_by(|&a, &b| radii[b].total_cmp(&radii[a]).then(a.cmp(&b)));
    out.push_str("<g>");
    for &i in &order {
        let node = kept[i];
        let (x, y) = at(i);
        let _ = write!(
            out,
            "<circle cx=\"{x}\" cy=\"{y}\" r=\"{}\" fill=\"{}\"",
            f1(radii[i]),
            colour(node.kind)
        );
        if node.hub {
            let _ = write!(
                out,
                " stroke=\"{INK}\" stroke-width=\"2\" stroke-dasharray=\"3 2\""
            );
        }
        let _ = write!(out, "><title>{}</title></circle>", tooltip(t, node));
    }
    let _ = write!(out, "</g><g fill=\"{INK}\">");
    for (i, label) in labels.iter().enumerate() {
        if let Some((text, _)) = label {
            let _ = write!(
                out,
                "<text x=\"{}\" y=\"{}\">{text}</text>",
                f1(pos[i].0 + dx + radii[i] + 3.0),
                f1(pos[i].1 + dy + 3.5)
            );
        }
    }
    out.push_str("</g>");

    // The legend.
    let ly = f1(legend_y);
    let ty = f1(legend_y + 3.5);
    let _ = write!(out, "<g>");
    let entries = [
        (REPORT, false, 4.0, "console-graph-legend-report"),
        (INDICATOR, false, 6.0, "console-graph-legend-indicator"),
        (CAMPAIGN, false, 9.0, "console-graph-legend-campaign"),
        (INDICATOR, true, 6.0, "console-graph-legend-hub"),
    ];
    for (j, (fill, hub, r, text)) in entries.into_iter().enumerate() {
        let x = PAD + 10.0 + 150.0 * j as f64;
        let _ = write!(
            out,
            "<circle cx=\"{}\" cy=\"{ly}\" r=\"{}\" fill=\"{fill}\"",
            f1(x),
            f1(r)
        );
        if hub {
            let _ = write!(
                out,
                " stroke=\"{INK}\" stroke-width=\"2\" stroke-dasharray=\"3 2\""
            );
        }
        let _ = write!(
            out,
            "/><text x=\"{}\" y=\"{ty}\" fill=\"{INK}\">{}</text>",
            f1(x + 12.0),
            escape(&t.t(text))
        );
    }
    out.push_str("</g>");
    if let Some(caption) = caption {
        let _ = write!(
            out,
            "<text x=\"{}\" y=\"{}\" fill=\"{INK}\">{caption}</text>",
            f1(PAD),
            f1(legend_y + 24.0)
        );
    }
    out.push_str("</svg>");
    out
}

fn open_svg(out: &mut String, w: f64, h: f64, name: &str) {
    let (w, h) = (f1(w), f1(h));
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" role=\"img\" aria-label=\"{name}\" font-family=\"sans-serif\" font-size=\"10\"><title>{name}</title>"
    );
}

fn heading_text(out: &mut String, heading: &str) {
    if !heading.is_empty() {
        let _ = write!(
            out,
            "<text x=\"16\" y=\"20\" fill=\"{INK}\" font-size=\"13\" font-weight=\"bold\">{heading}</text>"
        );
    }
}

fn kind_rank(kind: NodeKind) -> u8 {
    match kind {
        NodeKind::Report => 0,
        NodeKind::Indicator => 1,
        NodeKind::Campaign => 2,
    }
}

fn colour(kind: NodeKind) -> &'static str {
    match kind {
        NodeKind::Report => REPORT,
        NodeKind::Indicator => INDICATOR,
        NodeKind::Campaign => CAMPAIGN,
    }
}

fn radius(node: &Node) -> f64 {
    let w = f64::from(node.weight).sqrt();
    match node.kind {
        NodeKind::Report => 4.0,
        NodeKind::Indicator => 5.0 + w.min(15.0),
        NodeKind::Campaign => 9.0 + w.min(13.0),
    }
}

fn display_name(node: &Node) -> &str {
    if node.label.trim().is_empty() {
        &node.key
    } else {
        &node.label
    }
}

fn tooltip(t: &Tr, node: &Node) -> String {
    let id = match (node.kind, node.hub) {
        (NodeKind::Report, _) => "console-graph-tip-report",
        (NodeKind::Indicator, false) => "console-graph-tip-indicator",
        (NodeKind::Indicator, true) => "console-graph-tip-hub",
        (NodeKind::Campaign, _) => "console-graph-tip-campaign",
    };
    escape(&t.args(
        id,
        &[
            ("label", Arg::Text(clean(display_name(node), TOOLTIP_CHARS))),
            ("count", number(u128::from(node.weight))),
        ],
    ))
}

/// A count for a message (the counts drawn fit in an `i64`; a larger one reads as its maximum).
fn number(n: u128) -> Arg {
    Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
}

fn count(n: usize) -> Arg {
    number(n as u128)
}

/// Fruchterman–Reingold in a square frame, with a little gravity so that separate clusters stay
/// near each other. Starting points come from a hash of the key, so a node does not move because
/// another one arrived; `keys` are in a fixed (sorted) order, so the sums are too.
fn layout(keys: &[&str], links: &[(usize, usize)]) -> Vec<(f64, f64)> {
    let n = keys.len();
    if n == 0 {
        return Vec::new();
    }
    let root_n = (n as f64).sqrt();
    let side = (70.0 * root_n).clamp(160.0, 860.0);
    let half = side / 2.0;
    let k = 0.75 * side / root_n;
    let k2 = k * k;
    // Repulsion k²/d behaves like charge in the plane: against a pull of `gravity` × distance
    // to the centre the nodes settle evenly in a disc of radius k·√(n / gravity), here 0.45 of
    // the frame's side, so no node is left pressed against the frame.
    let gravity = (0.75 / 0.45) * (0.75 / 0.45);
    let mut pos: Vec<(f64, f64)> = keys
        .iter()
        .map(|key| {
            let h = fnv1a(key);
            let x = (h & 0xffff_ffff) as f64 / f64::from(u32::MAX) - 0.5;
            let y = (h >> 32) as f64 / f64::from(u32::MAX) - 0.5;
            (x * side * 0.9, y * side * 0.9)
        })
        .collect();
    let mut disp = vec![(0.0f64, 0.0f64); n];
    for round in 0..ITERATIONS {
        disp.fill((0.0, 0.0));
        for i in 0..n {
            for j in i + 1..n {
                let (mut ex, mut ey) = (pos[i].0 - pos[j].0, pos[i].1 - pos[j].1);
                let mut d2 = ex * ex + ey * ey;
                if d2 < 1e-4 {
                    // Two nodes on the same spot: part them in a fixed direction.
                    ex = 0.01 * ((i % 7) as f64 + 1.0);
                    ey = 0.01 * ((j % 5) as f64 + 1.0);
                    d2 = ex * ex + ey * ey;
                }
                // Repulsion k²/d along the unit vector (ex, ey)/d.
                let f = k2 / d2;
                disp[i].0 += ex * f;
                disp[i].1 += ey * f;
                disp[j].0 -= ex * f;
                disp[j].1 -= ey * f;
            }
        }
        for &(a, b) in links {
            let (ex, ey) = (pos[a].0 - pos[b].0, pos[a].1 - pos[b].1);
            // Attraction d²/k along the unit vector (ex, ey)/d.
            let f = (ex * ex + ey * ey).sqrt() / k;
            disp[a].0 -= ex * f;
            disp[a].1 -= ey * f;
            disp[b].0 += ex * f;
            disp[b].1 += ey * f;
        }
        let t = side * 0.1 * (1.0 - round as f64 / ITERATIONS as f64) + 0.5;
        for (p, d) in pos.iter_mut().zip(&disp) {
            let (ex, ey) = (d.0 - p.0 * gravity, d.1 - p.1 * gravity);
            let len = (ex * ex + ey * ey).sqrt();
            if len > 0.0 && len.is_finite() {
                let s = len.min(t) / len;
                p.0 = (p.0 + ex * s).clamp(-half, half);
                p.1 = (p.1 + ey * s).clamp(-half, half);
            }
        }
    }
    pos
}

fn fnv1a(key: &str) -> u64 {
    key.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// Strips control, bidi-override and non-XML characters, collapses whitespace, and cuts the
/// text to `max_chars` characters, the last of them "…" when cut. Reads no more of `raw` than
/// it needs.
fn clean(raw: &str, max_chars: usize) -> String {
    let max_chars = max_chars.max(1);
    let mut kept: Vec<char> = Vec::new();
    let mut space = false;
    for c in raw.chars() {
        if c.is_whitespace() {
            space = !kept.is_empty();
            continue;
        }
        if c.is_control() || is_bidi_control(c) || matches!(c, '\u{FFFE}' | '\u{FFFF}') {
            continue;
        }
        if space {
            kept.push(' ');
            space = false;
        }
        kept.push(c);
        if kept.len() > max_chars {
            break;
        }
    }
    if kept.len() > max_chars {
        kept.truncate(max_chars - 1);
        while kept.last() == Some(&' ') {
            kept.pop();
        }
        kept.push('…');
    }
    kept.into_iter().collect()
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// XML escaping, plus character references for `=`, `:`, `(` and the `h` of `href`: harmless in
/// text, but then no label reads as `onload=`, `javascript:`, `url(` or `href` to anything that
/// scans the page.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    for (i, c) in text.char_indices() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '=' => out.push_str("&#61;"),
            ':' => out.push_str("&#58;"),
            '(' => out.push_str("&#40;"),
            'h' | 'H'
                if text
                    .get(i..i + 4)
                    .is_some_and(|w| w.eq_ignore_ascii_case("href")) =>
            {
                let _ = write!(out, "&#{};", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out
}

/// The date of the `i`th day after `first` (only called with `i` < [`MAX_DAYS`] inside the range).
fn day_at(first: i64, i: usize) -> i64 {
    first.saturating_add(i64::try_from(i).unwrap_or(0))
}

/// `YYYY-MM-DD` of a day since 1970-01-01 (proleptic Gregorian; any `i64`).
fn date(days: i64) -> String {
    let (y, m, d) = civil(days);
    if (0..=9999).contains(&y) {
        format!("{y:04}-{m:02}-{d:02}")
    } else {
        format!("{y}-{m:02}-{d:02}")
    }
}

/// Howard Hinnant's `civil_from_days`, in `i128` so that no `i64` overflows it.
fn civil(days: i64) -> (i128, i128, i128) {
    let z = i128::from(days) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i128::from(m <= 2);
    (y, m, d)
}

/// Round axis values from zero to at least `max`: three to five of them, in steps of 1, 2 or 5
/// times a power of ten.
fn ticks(max: u64) -> Vec<u128> {
    let max = u128::from(max.max(1));
    let mut unit: u128 = 1;
    loop {
        for step in [unit, 2 * unit, 5 * unit] {
            let n = max.div_ceil(step);
            if n <= 4 {
                return (0..=n.max(2)).map(|i| i * step).collect();
            }
        }
        unit *= 10;
    }
}

/// A tick value short enough for the axis: 1500 -> "1.5k".
fn compact(v: u128) -> String {
    const UNITS: [(u128, &str); 6] = [
        (1_000_000_000_000_000_000, "E"),
        (1_000_000_000_000_000, "P"),
        (1_000_000_000_000, "T"),
        (1_000_000_000, "G"),
        (1_000_000, "M"),
        (1_000, "k"),
    ];
    for (unit, suffix) in UNITS {
        if v >= unit {
            let tenths = v * 10 / unit;
            return if tenths.is_multiple_of(10) {
                format!("{}{suffix}", tenths / 10)
            } else {
                format!("{}.{}{suffix}", tenths / 10, tenths % 10)
            };
        }
    }
    v.to_string()
}

/// A coordinate rounded to one decimal, without a trailing ".0" or a "-0".
fn f1(x: f64) -> String {
    let x = if x.is_finite() { x } else { 0.0 };
    let r = (x * 10.0).round() / 10.0 + 0.0;
    let s = format!("{r:.1}");
    match s.strip_suffix(".0") {
        Some(whole) => whole.to_string(),
        None => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // The pictures with the console's English words.
    fn daily_chart(days: &[(i64, u64)], title: &str) -> String {
        super::daily_chart(&Tr::console(), days, title)
    }

    fn graph(nodes: &[Node], edges: &[Edge], title: &str) -> String {
        super::graph(&Tr::console(), nodes, edges, title)
    }

    // ---- A strict, minimal XML reader: enough to say the output is well formed. ----

    #[derive(Debug)]
    struct Element {
        name: String,
        attrs: Vec<(String, String)>,
        parent: Option<usize>,
        /// Direct text content, entities decoded.
        text: String,
    }

    impl Element {
        fn attr(&self, name: &str) -> Option<&str> {
            self.attrs
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.as_str())
        }
        fn num(&self, name: &str) -> f64 {
            self.attr(name)
                .and_then(|v| v.parse().ok())
                .unwrap_or(f64::NAN)
        }
    }

    /// Elements in document order. Refuses comments, processing instructions, CDATA, doctype,
    /// undeclared entities, a raw `>` in text, unquoted or repeated attributes, unbalanced tags,
    /// and anything outside one root element.
    fn parse(xml: &str) -> Result<Vec<Element>, String> {
        let mut els: Vec<Element> = Vec::new();
        let mut stack: Vec<usize> = Vec::new();
        let mut done = false;
        let mut rest = xml;
        while !rest.is_empty() {
            if let Some(after) = rest.strip_prefix("</") {
                let end = after.find('>').ok_or("unterminated end tag")?;
                let name = &after[..end];
                let open = stack.pop().ok_or(format!("</{name}> closes nothing"))?;
                if els[open].name != name {
                    return Err(format!("<{}> closed by </{name}>", els[open].name));
                }
                done = stack.is_empty();
                rest = &after[end + 1..];
            } else if let Some(after) = rest.strip_prefix('<') {
                if done {
                    return Err("a second root element".into());
                }
                let name_len = after
                    .find(|c: char| !(c.is_ascii_alphanumeric() || c == ':' || c == '-'))
                    .unwrap_or(after.len());
                let name = &after[..name_len];
                if !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
                    return Err(format!(
                        "bad tag start: {:?}",
                        &after[..after.len().min(20)]
                    ));
                }
                let mut el = Element {
                    name: name.to_string(),
                    attrs: Vec::new(),
                    parent: stack.last().copied(),
                    text: String::new(),
                };
                let mut tail = &after[name_len..];
                let self_closing = loop {
                    let trimmed = tail.trim_start_matches(' ');
                    if let Some(t) = trimmed.strip_prefix("/>") {
                        tail = t;
                        break true;
                    }
                    if let Some(t) = trimmed.strip_prefix('>') {
                        tail = t;
                        break false;
                    }
                    if trimmed.len() == tail.len() {
                        return Err(format!("no space before attribute in <{name}>"));
                    }
                    let eq = trimmed.find('=').ok_or("attribute without value")?;
                    let attr = &trimmed[..eq];
                    if attr.is_empty()
                        || !attr
                            .chars()
                            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == ':')
                    {
                        return Err(format!("bad attribute name {attr:?}"));
                    }
                    let value = trimmed[eq + 1..]
                        .strip_prefix('"')
                        .ok_or("unquoted attribute")?;
                    let close = value.find('"').ok_or("unterminated attribute")?;
                    let raw = &value[..close];
                    if raw.contains('<') {
                        return Err(format!("'<' in attribute {attr}"));
                    }
                    if el.attrs.iter().any(|(n, _)| n == attr) {
                        return Err(format!("attribute {attr} twice"));
                    }
                    el.attrs.push((attr.to_string(), decode(raw)?));
                    tail = &value[close + 1..];
                };
                els.push(el);
                if self_closing {
                    done = stack.is_empty();
                } else {
                    stack.push(els.len() - 1);
                }
                rest = tail;
            } else {
                let end = rest.find('<').unwrap_or(rest.len());
                let raw = &rest[..end];
                match stack.last() {
                    Some(&top) => {
                        if raw.contains('>') {
                            return Err(format!("raw '>' in text {raw:?}"));
                        }
                        let text = decode(raw)?;
                        els[top].text.push_str(&text);
                    }
                    None if raw.trim().is_empty() => {}
                    None => return Err(format!("text outside the root: {raw:?}")),
                }
                rest = &rest[end..];
            }
        }
        if !stack.is_empty() {
            return Err(format!("<{}> never closed", els[stack[0]].name));
        }
        if els.is_empty() {
            return Err("no root element".into());
        }
        Ok(els)
    }

    fn decode(raw: &str) -> Result<String, String> {
        let mut out = String::new();
        let mut rest = raw;
        while let Some(amp) = rest.find('&') {
            out.push_str(&rest[..amp]);
            let end = rest[amp..].find(';').ok_or("'&' without ';'")? + amp;
            let entity = &rest[amp + 1..end];
            let c = match entity {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" => '\'',
                _ => entity
                    .strip_prefix('#')
                    .and_then(|n| n.parse::<u32>().ok())
                    .and_then(char::from_u32)
                    .ok_or(format!("unknown entity &{entity};"))?,
            };
            out.push(c);
            rest = &rest[end + 1..];
        }
        out.push_str(rest);
        Ok(out)
    }

    const ELEMENTS: [&str; 8] = [
        "svg", "title", "desc", "g", "rect", "line", "circle", "text",
    ];
    const ATTRIBUTES: [&str; 23] = [
        "xmlns",
        "viewBox",
        "width",
        "height",
        "role",
        "aria-label",
        "font-family",
        "font-size",
        "font-weight",
        "fill",
        "stroke",
        "stroke-width",
        "stroke-dasharray",
        "text-anchor",
        "x",
        "y",
        "x1",
        "y1",
        "x2",
        "y2",
        "cx",
        "cy",
        "r",
    ];

    /// Everything the page's CSP and a reader need: well formed, only known elements and
    /// presentation attributes, accessible, readable colours. Returns the elements.
    fn check_svg(svg: &str) -> Vec<Element> {
        let els = parse(svg).unwrap_or_else(|e| panic!("not well formed: {e}\n{svg}"));
        let root = &els[0];
        assert_eq!(root.name, "svg");
        assert_eq!(root.attr("xmlns"), Some("http://www.w3.org/2000/svg"));
        assert_eq!(root.attr("role"), Some("img"));
        assert!(!root.attr("aria-label").unwrap_or("").is_empty());
        assert!(root.attr("viewBox").is_some());
        assert_eq!(els[1].name, "title", "the first child is the <title>");
        assert_eq!(els[1].parent, Some(0));
        for el in &els {
            assert!(
                ELEMENTS.contains(&el.name.as_str()),
                "element <{}>",
                el.name
            );
            for (name, value) in &el.attrs {
                assert!(ATTRIBUTES.contains(&name.as_str()), "attribute {name}");
                if name == "fill" || name == "stroke" {
                    assert!(
                        value == "none" || contrast_with_white(value) >= 4.5,
                        "{name}={value} is hard to see on white"
                    );
                }
            }
        }
        let lower = svg.to_lowercase();
        for bad in [
            "<script",
            "href",
            "url(",
            "<foreignobject",
            "javascript:",
            "style=",
            "onload=",
            "onmouseover=",
            "onfocus=",
            "<iframe",
            "<!",
            "<?",
        ] {
            assert!(!lower.contains(bad), "{bad:?} in\n{svg}");
        }
        els
    }

    fn contrast_with_white(hex: &str) -> f64 {
        let v = hex
            .strip_prefix('#')
            .filter(|h| h.len() == 6)
            .and_then(|h| u32::from_str_radix(h, 16).ok())
            .unwrap_or_else(|| panic!("colour {hex} is not #rrggbb"));
        let lin = |c: u32| {
            let c = f64::from(c & 0xff) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        let l = 0.2126 * lin(v >> 16) + 0.7152 * lin(v >> 8) + 0.0722 * lin(v);
        1.05 / (l + 0.05)
    }

    fn texts(els: &[Element], name: &str) -> Vec<String> {
        els.iter()
            .filter(|e| e.name == name)
            .map(|e| e.text.clone())
            .collect()
    }

    /// Chart bars and graph nodes: the rects and circles that carry a tooltip (the legend's do not).
    fn with_tooltip<'a>(els: &'a [Element], name: &str) -> Vec<(&'a Element, String)> {
        els.iter()
            .enumerate()
            .filter(|(_, e)| e.name == name)
            .filter_map(|(i, e)| {
                els.iter()
                    .find(|c| c.parent == Some(i) && c.name == "title")
                    .map(|t| (e, t.text.clone()))
            })
            .collect()
    }

    fn node(key: &str, label: &str, kind: NodeKind, weight: u32, hub: bool) -> Node {
        Node {
            key: key.into(),
            label: label.into(),
            kind,
            weight,
            hub,
        }
    }

    fn edge(from: &str, to: &str) -> Edge {
        Edge {
            from: from.into(),
            to: to.into(),
        }
    }

    /// A campaign, four indicators (one a hub) and eight reports.
    fn sample() -> (Vec<Node>, Vec<Edge>) {
        let mut nodes = vec![
            node("c:1", "Parcel fee scam", NodeKind::Campaign, 8, false),
            node(
                "d:evil",
                "evil-parcel.example",
                NodeKind::Indicator,
                6,
                false,
            ),
            node("p:1", "+44 7700 900123", NodeKind::Indicator, 3, false),
            node(
                "btc",
                "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
                NodeKind::Indicator,
                2,
                false,
            ),
            node("d:bitly", "bit.ly", NodeKind::Indicator, 40, true),
        ];
        let mut edges = Vec::new();
        for i in 0..8 {
            let key = format!("r:{i}");
            nodes.push(node(
                &key,
                &format!("Report {i}"),
                NodeKind::Report,
                1,
                false,
            ));
            edges.push(edge(&key, "c:1"));
            edges.push(edge(&key, ["d:evil", "p:1", "btc"][i % 3]));
            if i % 2 == 0 {
                edges.push(edge(&key, "d:bitly"));
            }
        }
        (nodes, edges)
    }

    const HOSTILE: [&str; 11] = [
        "\"><script>alert(1)</script><svg onload=alert(1)>",
        "javascript:alert(document.cookie)",
        "<a href=\"javascript:alert(1)\">x</a><a xlink:href='#'>y</a>",
        "x\" style=\"fill:url(#p)\" onmouseover=\"alert(1)",
        "<foreignObject><iframe src=//evil></iframe></foreignObject>",
        "' onfocus='alert(1)' autofocus='",
        "&lt;script&gt; &amp; &#60; &",
        "\u{202E}gnp.exe\u{0}\u{1B}[31m\u{FFFF}\u{85}",
        "]]><!-- x --><?xml version='1.0'?><!DOCTYPE x>",
        "HrEf=1 HREF=2 hReF=3",
        "@import url(//evil/x.css); background:url(javascript:x)",
    ];

    #[test]
    fn every_picture_is_well_formed_accessible_and_inert() {
        let (nodes, edges) = sample();
        let many: Vec<Node> = (0..400)
            .map(|i| node(&format!("k{i}"), "x", NodeKind::Indicator, i, i % 9 == 0))
            .collect();
        let cases: Vec<(&str, String)> = vec![
            ("empty chart", daily_chart(&[], "")),
            ("one day", daily_chart(&[(20760, 12)], "Parcel fee scam")),
            ("all zero", daily_chart(&[(20760, 0), (20770, 0)], "t")),
            (
                "huge counts",
                daily_chart(&[(1, u64::MAX), (1, u64::MAX), (2, 7)], "t"),
            ),
            (
                "extreme days",
                daily_chart(&[(i64::MIN, 1), (i64::MAX, 2), (0, 3)], "t"),
            ),
            ("empty graph", graph(&[], &[], "")),
            ("edges only", graph(&[], &[edge("a", "b")], "t")),
            ("sample graph", graph(&nodes, &edges, "Campaign 7")),
            ("one node", graph(&nodes[..1], &[], "t")),
            ("400 nodes", graph(&many, &[], "t")),
            (
                "huge weights",
                graph(
                    &[
                        node("a", "a", NodeKind::Campaign, u32::MAX, false),
                        node("b", "b", NodeKind::Indicator, u32::MAX, true),
                    ],
                    &[edge("a", "b")],
                    "t",
                ),
            ),
        ];
        for (name, svg) in cases {
            let els = check_svg(&svg);
            assert!(!els[1].text.is_empty(), "{name}: empty <title>");
        }
    }

    #[test]
    fn hostile_labels_stay_text() {
        for hostile in HOSTILE {
            let nodes = vec![
                node(hostile, hostile, NodeKind::Indicator, 3, true),
                node("r", hostile, NodeKind::Report, 1, false),
                node("c", hostile, NodeKind::Campaign, 1, false),
                node("empty label", "", NodeKind::Indicator, 1, false),
            ];
            let edges = vec![edge(hostile, "r"), edge("r", "c")];
            for svg in [
                daily_chart(&[(20760, 1)], hostile),
                daily_chart(&[], hostile),
                graph(&nodes, &edges, hostile),
                graph(&[], &[], hostile),
            ] {
                check_svg(&svg);
            }
        }
    }

    #[test]
    fn tooltips_give_the_label_back_exactly() {
        let cases = [
            (
                HOSTILE[0],
                "Report: \"><script>alert(1)</script><svg onload=alert(1)>",
            ),
            (HOSTILE[1], "Report: javascript:alert(document.cookie)"),
            (HOSTILE[6], "Report: &lt;script&gt; &amp; &#60; &"),
            (HOSTILE[7], "Report: gnp.exe[31m"),
            (HOSTILE[9], "Report: HrEf=1 HREF=2 hReF=3"),
            ("a\r\n\tb", "Report: a b"),
            ("", "Report: key"),
        ];
        for (label, expected) in cases {
            let svg = graph(&[node("key", label, NodeKind::Report, 1, false)], &[], "");
            let els = check_svg(&svg);
            let tips = with_tooltip(&els, "circle");
            assert_eq!(tips.len(), 1);
            assert_eq!(tips[0].1, expected, "label {label:?}");
        }
        let long = "x".repeat(1000);
        let svg = graph(&[node("k", &long, NodeKind::Report, 1, false)], &[], "");
        let els = check_svg(&svg);
        let tip = &with_tooltip(&els, "circle")[0].1;
        assert_eq!(tip.chars().count(), "Report: ".len() + TOOLTIP_CHARS);
        assert!(tip.ends_with('…'));
    }

    #[test]
    fn clean_strips_and_truncates() {
        let check = |raw: &str, max: usize, expected: &str| {
            assert_eq!(clean(raw, max), expected, "clean({raw:?}, {max})");
        };
        check("plain", 40, "plain");
        check("a\u{0}b\u{7f}c\u{9f}d\u{1b}", 40, "abcd");
        check("line\nbreak\ttab\r\n", 40, "line break tab");
        check("   lots   of   space  ", 40, "lots of space");
        check("\u{202E}gnp.exe\u{2066}\u{200F}", 40, "gnp.exe");
        check("\u{FFFE}\u{FFFF}ok", 40, "ok");
        check(&"x".repeat(40), 40, &"x".repeat(40));
        check(&"x".repeat(41), 40, &format!("{}…", "x".repeat(39)));
        check(&"é".repeat(50), 40, &format!("{}…", "é".repeat(39)));
        check("ab cd", 3, "ab…");
        check("", 40, "");
        check("\u{0}\n", 40, "");
    }

    #[test]
    fn escape_leaves_no_markup() {
        let check = |raw: &str, expected: &str| assert_eq!(escape(raw), expected, "{raw:?}");
        check("a & b", "a &amp; b");
        check("<script>", "&lt;script&gt;");
        check("\"'", "&quot;&#39;");
        check("onload=x", "onload&#61;x");
        check("javascript:x", "javascript&#58;x");
        check("url(x)", "url&#40;x)");
        check(
            "href HREF xlink:href",
            "&#104;ref &#72;REF xlink&#58;&#104;ref",
        );
        check("hre", "hre");
        check("été", "été");
    }

    #[test]
    fn dates() {
        let check = |day: i64, expected: &str| assert_eq!(date(day), expected, "day {day}");
        check(0, "1970-01-01");
        check(-1, "1969-12-31");
        check(20760, "2026-11-03");
        check(19782, "2024-02-29");
        check(11017, "2000-03-01");
        check(-719_162, "0001-01-01");
        assert!(date(i64::MAX).ends_with(|c: char| c.is_ascii_digit()));
        assert!(date(i64::MIN).starts_with('-'));
    }

    #[test]
    fn axis_ticks_are_round() {
        let check = |max: u64, expected: &[u128]| assert_eq!(ticks(max), expected, "max {max}");
        check(0, &[0, 1, 2]);
        check(1, &[0, 1, 2]);
        check(3, &[0, 1, 2, 3]);
        check(7, &[0, 2, 4, 6, 8]);
        check(12, &[0, 5, 10, 15]);
        check(100, &[0, 50, 100]);
        check(101, &[0, 50, 100, 150]);
        check(999, &[0, 500, 1000]);
        for max in (0..3000).chain([u64::MAX / 3, u64::MAX - 1, u64::MAX]) {
            let t = ticks(max);
            assert!((3..=5).contains(&t.len()), "{max}: {t:?}");
            assert!(*t.last().unwrap_or(&0) >= u128::from(max));
        }
        let check = |v: u128, expected: &str| assert_eq!(compact(v), expected);
        check(0, "0");
        check(950, "950");
        check(1000, "1k");
        check(1500, "1.5k");
        check(20_000_000, "20M");
        check(20_000_000_000_000_000_000, "20E");
    }

    #[test]
    fn chart_bars_say_day_and_count() {
        let svg = daily_chart(&[(20761, 1), (20760, 12)], "Parcel fee scam");
        let els = check_svg(&svg);
        let bars = with_tooltip(&els, "rect");
        let tips: Vec<&str> = bars.iter().map(|b| b.1.as_str()).collect();
        assert_eq!(tips, ["2026-11-03: 12 reports", "2026-11-04: 1 report"]);
        assert!(bars[0].0.num("height") > bars[1].0.num("height"));
        assert_eq!(
            els[0].attr("aria-label"),
            Some("Parcel fee scam: reports per day")
        );
        assert!(texts(&els, "text").contains(&"Parcel fee scam".to_string()));
    }

    #[test]
    fn chart_gaps_draw_as_zero_and_duplicates_add_up() {
        let svg = daily_chart(&[(20763, 7), (20760, 2), (20760, 3)], "");
        let els = check_svg(&svg);
        let bars = with_tooltip(&els, "rect");
        let tips: Vec<&str> = bars.iter().map(|b| b.1.as_str()).collect();
        assert_eq!(
            tips,
            [
                "2026-11-03: 5 reports",
                "2026-11-04: 0 reports",
                "2026-11-05: 0 reports",
                "2026-11-06: 7 reports"
            ]
        );
        let heights: Vec<f64> = bars.iter().map(|b| b.0.num("height")).collect();
        assert!(heights[0] > 0.0 && heights[3] > heights[0]);
        assert_eq!(&heights[1..3], [0.0, 0.0]);
    }

    #[test]
    fn chart_bars_stay_in_the_plot() {
        for days in [
            vec![(5, 1)],
            vec![(5, u64::MAX), (6, 0)],
            (0..400).map(|d| (d, d as u64 * 997)).collect(),
        ] {
            let svg = daily_chart(&days, "t");
            let els = check_svg(&svg);
            for (bar, tip) in with_tooltip(&els, "rect") {
                let (x, y, w, h) = (
                    bar.num("x"),
                    bar.num("y"),
                    bar.num("width"),
                    bar.num("height"),
                );
                assert!(x >= 52.0 && x + w <= 704.05, "{tip}: x {x} w {w}");
                assert!(
                    y >= 34.0 - 0.05 && y + h <= 176.05 && h >= 0.0,
                    "{tip}: y {y} h {h}"
                );
            }
        }
    }

    #[test]
    fn chart_keeps_the_latest_days() {
        let days: Vec<(i64, u64)> = (0..2000).map(|d| (20760 - d, 1)).collect();
        let svg = daily_chart(&days, "t");
        let els = check_svg(&svg);
        let bars = with_tooltip(&els, "rect");
        assert_eq!(bars.len(), MAX_DAYS);
        assert_eq!(bars[0].1, format!("{}: 1 report", date(20760 - 399)));
        assert_eq!(bars[399].1, "2026-11-03: 1 report");
        let caption =
            "Only the latest 400 days are drawn; 1600 reports on earlier days are left out.";
        assert!(texts(&els, "text").contains(&caption.to_string()), "{svg}");

        let svg = daily_chart(&[(i64::MIN, 1), (i64::MAX, 2)], "t");
        assert_eq!(with_tooltip(&check_svg(&svg), "rect").len(), MAX_DAYS);
    }

    #[test]
    fn chart_dates_on_the_axis() {
        let check = |n: i64, expected: &[&str]| {
            let days: Vec<(i64, u64)> = (0..n).map(|d| (20760 + d, 1)).collect();
            let els = check_svg(&daily_chart(&days, ""));
            let dates: Vec<String> = texts(&els, "text")
                .into_iter()
                .filter(|t| t.len() == 10 && t.as_bytes()[4] == b'-')
                .collect();
            assert_eq!(dates, expected, "{n} days");
        };
        check(1, &["2026-11-03"]);
        check(2, &["2026-11-03", "2026-11-04"]);
        check(
            31,
            &[
                "2026-11-03",
                "2026-11-09",
                "2026-11-15",
                "2026-11-21",
                "2026-11-27",
                "2026-12-03",
            ],
        );
    }

    #[test]
    fn empty_inputs_say_so() {
        let els = check_svg(&daily_chart(&[], "t"));
        assert!(with_tooltip(&els, "rect").is_empty());
        assert!(texts(&els, "text").contains(&"No reports in this period.".to_string()));
        for svg in [
            graph(&[], &[], ""),
            graph(&[], &[edge("a", "b"), edge("b", "a")], "t"),
        ] {
            let els = check_svg(&svg);
            assert!(!els.iter().any(|e| e.name == "circle" || e.name == "line"));
            assert!(texts(&els, "text").contains(&"No reports or indicators to draw.".to_string()));
        }
    }

    #[test]
    fn graph_draws_every_node_and_known_link() {
        let (nodes, edges) = sample();
        let base = graph(&nodes, &edges, "t");
        let els = check_svg(&base);
        assert_eq!(with_tooltip(&els, "circle").len(), nodes.len());
        let lines = els.iter().filter(|e| e.name == "line").count();
        assert_eq!(lines, edges.len());
        let labels = texts(&els, "text");
        for shown in [
            "Parcel fee scam",
            "evil-parcel.example",
            "bc1qar0srrr7xfkvy5l643l…",
        ] {
            assert!(labels.contains(&shown.to_string()), "{shown} in {labels:?}");
        }
        assert!(
            !labels.iter().any(|l| l.starts_with("Report ")),
            "reports are not labelled"
        );

        // Unknown keys, self links and a link given twice (either way round) change nothing.
        let mut noisy = edges.clone();
        noisy.extend([edge("r:0", "nope"), edge("nope", "c:1"), edge("r:1", "r:1")]);
        noisy.extend(edges.iter().map(|e| edge(&e.to, &e.from)));
        assert_eq!(graph(&nodes, &noisy, "t"), base);
    }

    #[test]
    fn graph_tooltips_and_hubs() {
        let (nodes, edges) = sample();
        let els = check_svg(&graph(&nodes, &edges, "t"));
        let circles = with_tooltip(&els, "circle");
        let find = |tip: &str| {
            circles
                .iter()
                .find(|c| c.1 == tip)
                .unwrap_or_else(|| panic!("no node {tip:?}"))
                .0
        };
        let hub = find("Indicator, hub: bit.ly (40 reports; too widespread to link reports)");
        assert_eq!(hub.attr("stroke-dasharray"), Some("3 2"));
        let plain = find("Indicator: evil-parcel.example (6 reports)");
        assert_eq!(plain.attr("stroke-dasharray"), None);
        let campaign = find("Campaign: Parcel fee scam (8 reports)");
        let report = find("Report: Report 0");
        let small = find("Indicator: bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq (2 reports)");
        assert!(report.num("r") < small.num("r") && small.num("r") < plain.num("r"));
        assert!(plain.num("r") < hub.num("r") && report.num("r") < campaign.num("r"));
        assert_ne!(report.attr("fill"), plain.attr("fill"));
        assert_ne!(plain.attr("fill"), campaign.attr("fill"));
        let legend = texts(&els, "text");
        for entry in ["Report", "Campaign", "Hub (too widespread to link)"] {
            assert!(legend.contains(&entry.to_string()));
        }
    }

    #[test]
    fn graph_is_deterministic_whatever_the_order() {
        let (nodes, edges) = sample();
        let base = graph(&nodes, &edges, "t");
        assert_eq!(graph(&nodes, &edges, "t"), base);
        let mut reversed = nodes.clone();
        reversed.reverse();
        assert_eq!(graph(&reversed, &edges, "t"), base);
        let mut rotated = nodes.clone();
        rotated.rotate_left(5);
        let mut edges_reversed = edges.clone();
        edges_reversed.reverse();
        assert_eq!(graph(&rotated, &edges_reversed, "t"), base);
        // A duplicated key keeps the same node whatever comes first.
        let mut twice = nodes.clone();
        twice.push(node("c:1", "other", NodeKind::Report, 1, false));
        let mut twice_reversed = twice.clone();
        twice_reversed.reverse();
        assert_eq!(
            graph(&twice, &edges, "t"),
            graph(&twice_reversed, &edges, "t")
        );
    }

    #[test]
    fn graph_keeps_the_heaviest_and_says_what_it_left_out() {
        let nodes: Vec<Node> = (0..10_000)
            .map(|i| {
                node(
                    &format!("n{i:05}"),
                    &format!("ind {i}"),
                    NodeKind::Indicator,
                    i,
                    false,
                )
            })
            .collect();
        let edges: Vec<Edge> = (1..10_000)
            .map(|i| edge(&format!("n{:05}", i - 1), &format!("n{i:05}")))
            .chain((9_850..9_998).map(|i| edge(&format!("n{i:05}"), &format!("n{:05}", i + 2))))
            .collect();
        let svg = graph(&nodes, &edges, "t");
        let els = check_svg(&svg);
        let circles = with_tooltip(&els, "circle");
        assert_eq!(circles.len(), MAX_NODES);
        for (_, tip) in &circles {
            let weight: u32 = tip
                .rsplit('(')
                .next()
                .and_then(|w| w.split(' ').next())
                .and_then(|w| w.parse().ok())
                .unwrap_or(0);
            assert!(weight >= 9_850, "{tip}");
        }
        let lines = els.iter().filter(|e| e.name == "line").count();
        // The chain between kept nodes (149) and the 148 skips among them.
        assert_eq!(lines, 149 + 148);
        let caption = "Showing 150 of 10000 nodes (the heaviest) and 297 of 10147 links; 9850 nodes and 9850 links left out.";
        assert!(
            texts(&els, "text").contains(&caption.to_string()),
            "{caption}"
        );

        let dense: Vec<Edge> = (0..150)
            .flat_map(|i| {
                (i + 1..150).map(move |j| {
                    edge(&format!("n{:05}", 9_850 + i), &format!("n{:05}", 9_850 + j))
                })
            })
            .collect();
        let els = check_svg(&graph(&nodes, &dense, "t"));
        assert_eq!(els.iter().filter(|e| e.name == "line").count(), MAX_EDGES);
        let caption = "Showing 150 of 10000 nodes (the heaviest) and 400 of 11175 links; 9850 nodes and 10775 links left out.";
        assert!(texts(&els, "text").contains(&caption.to_string()));
    }

    #[test]
    fn graph_fits_its_view_box() {
        let (nodes, edges) = sample();
        let many: Vec<Node> = (0..150)
            .map(|i| {
                node(
                    &format!("k{i}"),
                    &"w".repeat(30),
                    NodeKind::Indicator,
                    i * 50,
                    false,
                )
            })
            .collect();
        for svg in [
            graph(&nodes, &edges, "t"),
            graph(&many, &[], "t"),
            graph(&nodes[..1], &[], ""),
        ] {
            let els = check_svg(&svg);
            let (w, h) = (els[0].num("width"), els[0].num("height"));
            assert_eq!(
                els[0].attr("viewBox"),
                Some(format!("0 0 {w} {h}").as_str())
            );
            for el in els.iter().filter(|e| e.name == "circle") {
                let (x, y, r) = (el.num("cx"), el.num("cy"), el.num("r"));
                assert!(
                    x - r >= 0.0 && x + r <= w && y - r >= 0.0 && y + r <= h,
                    "{x} {y} {r} in {w}x{h}"
                );
            }
            for el in els.iter().filter(|e| e.name == "text") {
                let (x, y) = (el.num("x"), el.num("y"));
                assert!(
                    x >= 0.0 && x <= w && y >= 0.0 && y <= h,
                    "{:?} at {x} {y}",
                    el.text
                );
            }
        }
    }

    #[test]
    fn graph_keeps_linked_nodes_together() {
        // Two groups of reports, each around its own indicator, with no link between the groups.
        let mut nodes = Vec::new();
        let mut edges = Vec::new();
        for group in ["a", "b"] {
            nodes.push(node(group, group, NodeKind::Indicator, 6, false));
            for i in 0..6 {
                let key = format!("{group}{i}");
                nodes.push(node(&key, &key, NodeKind::Report, 1, false));
                edges.push(edge(group, &key));
            }
        }
        let els = check_svg(&graph(&nodes, &edges, "t"));
        let at: BTreeMap<String, (f64, f64)> = with_tooltip(&els, "circle")
            .into_iter()
            .map(|(c, tip)| {
                (
                    tip.split(": ")
                        .nth(1)
                        .unwrap_or("")
                        .split(' ')
                        .next()
                        .unwrap_or("")
                        .to_string(),
                    (c.num("cx"), c.num("cy")),
                )
            })
            .collect();
        let dist = |a: &str, b: &str| {
            let (p, q) = (at[a], at[b]);
            ((p.0 - q.0).powi(2) + (p.1 - q.1).powi(2)).sqrt()
        };
        let mut within = Vec::new();
        let mut across = Vec::new();
        for i in 0..6 {
            within.push(dist("a", &format!("a{i}")));
            within.push(dist("b", &format!("b{i}")));
            across.push(dist("a", &format!("b{i}")));
            across.push(dist("b", &format!("a{i}")));
        }
        let worst_within = within.iter().copied().fold(0.0, f64::max);
        let best_across = across.iter().copied().fold(f64::MAX, f64::min);
        assert!(
            worst_within < best_across,
            "within {within:?} across {across:?}"
        );
        // And no two nodes sit on top of each other.
        let points: Vec<(f64, f64)> = at.values().copied().collect();
        for (i, p) in points.iter().enumerate() {
            for q in &points[i + 1..] {
                assert!(
                    ((p.0 - q.0).powi(2) + (p.1 - q.1).powi(2)).sqrt() > 8.0,
                    "{p:?} {q:?}"
                );
            }
        }
    }

    #[test]
    fn coordinates_have_one_decimal() {
        let check = |x: f64, expected: &str| assert_eq!(f1(x), expected, "{x}");
        check(0.0, "0");
        check(-0.04, "0");
        check(12.34, "12.3");
        check(12.36, "12.4");
        check(-3.0, "-3");
        check(f64::NAN, "0");
        check(f64::INFINITY, "0");
    }
}
