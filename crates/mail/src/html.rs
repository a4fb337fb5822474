//! HTML bodies to what a reader sees, what is hidden from them, and where the links go.
//!
//! One linear pass over the markup, tolerant of anything: no DOM, no CSS engine, no script, no
//! fetch. Hidden means what scammers use to stuff filler past filters and that is cheap to see:
//! `display:none`, `visibility:hidden`, `font-size:0`, `opacity:0`, zero-size boxes with
//! `overflow:hidden`, text pushed off screen, text the colour of its background, the `hidden`
//! attribute, simple `.class`/`#id` rules in `<style>` that do any of these, and comments.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

/// The converted document. Offsets are byte offsets into `text`, so that a forward found in the
/// text can take the links and hidden text that come after it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct HtmlDoc {
    pub(crate) text: String,
    pub(crate) hidden: Vec<Positioned>,
    pub(crate) links: Vec<Positioned>,
    /// More than `MAX_LINK_OCCURRENCES` links were found; the rest were not read.
    pub(crate) links_cut: bool,
}

/// A piece of hidden text or a link, and how much visible text came before it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Positioned {
    pub(crate) at: usize,
    pub(crate) value: String,
}

impl HtmlDoc {
    /// Appends another document (another HTML part of the same message).
    pub(crate) fn append(&mut self, other: HtmlDoc) {
        if !self.text.is_empty() && !other.text.is_empty() {
            self.text.push_str("\n\n");
        }
        let shift = self.text.len();
        self.text.push_str(&other.text);
        let moved = |p: Positioned| Positioned {
            at: p.at + shift,
            value: p.value,
        };
        self.hidden.extend(other.hidden.into_iter().map(moved));
        self.links.extend(other.links.into_iter().map(moved));
        self.links_cut |= other.links_cut;
    }

    /// What comes from `offset` on, offsets rebased.
    pub(crate) fn tail(&self, offset: usize) -> HtmlDoc {
        let keep = |p: &Positioned| {
            (p.at >= offset).then(|| Positioned {
                at: p.at - offset,
                value: p.value.clone(),
            })
        };
        HtmlDoc {
            text: self.text.get(offset..).unwrap_or("").to_owned(),
            hidden: self.hidden.iter().filter_map(keep).collect(),
            links: self.links.iter().filter_map(keep).collect(),
            links_cut: self.links_cut,
        }
    }

    /// Links from `start` (inclusive) to `end` (exclusive).
    pub(crate) fn links_between(&self, start: usize, end: usize) -> impl Iterator<Item = &str> {
        self.links
            .iter()
            .filter(move |l| (start..end).contains(&l.at))
            .map(|l| l.value.as_str())
    }

    /// What comes before `offset`.
    pub(crate) fn head(&self, offset: usize) -> HtmlDoc {
        let keep = |p: &&Positioned| p.at < offset;
        HtmlDoc {
            text: self.text.get(..offset).unwrap_or("").to_owned(),
            hidden: self.hidden.iter().filter(keep).cloned().collect(),
            links: self.links.iter().filter(keep).cloned().collect(),
            links_cut: self.links_cut,
        }
    }

    pub(crate) fn hidden_text(&self) -> String {
        let runs: Vec<&str> = self
            .hidden
            .iter()
            .map(|p| p.value.trim())
            .filter(|v| !v.is_empty())
            .collect();
        runs.join("\n")
    }
}

/// Elements deeper than this are read as part of their ancestor: bounded memory on hostile input.
const MAX_OPEN_ELEMENTS: usize = 512;
/// Links read from one HTML part; far more than any message has, few enough to bound memory.
pub(crate) const MAX_LINK_OCCURRENCES: usize = 10_000;
/// Separate runs of hidden text; past this, hidden text joins the last run.
const MAX_HIDDEN_RUNS: usize = 10_000;

pub(crate) fn to_text(html: &str) -> HtmlDoc {
    let mut converter = Converter::new();
    converter.run(html);
    converter.finish()
}

/// An RGB colour, or a fully transparent one (which hides text by itself).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Colour {
    Rgb(u8, u8, u8),
    Transparent,
}

const WHITE: Colour = Colour::Rgb(255, 255, 255);
const BLACK: Colour = Colour::Rgb(0, 0, 0);

#[derive(Debug, Clone)]
struct Open {
    name: String,
    /// Hidden by this element or an ancestor; no descendant can show it again.
    hidden: bool,
    /// Colour and background in force, `None` while nothing was declared (black on white).
    colour: Option<Colour>,
    background: Option<Colour>,
    /// Whether text here is invisible against its background.
    colour_hidden: bool,
}

/// Builds text with HTML's whitespace rules: runs collapse, blocks break lines.
#[derive(Debug, Default)]
struct Writer {
    out: String,
    pending_space: bool,
    trailing_newlines: u8,
}

impl Writer {
    fn word(&mut self, word: &str) {
        if self.pending_space && self.trailing_newlines == 0 && !self.out.is_empty() {
            self.out.push(' ');
        }
        self.pending_space = false;
        self.out.push_str(word);
        self.trailing_newlines = 0;
    }

    fn space(&mut self) {
        self.pending_space = true;
    }

    fn newline(&mut self, at_most: u8) {
        self.pending_space = false;
        while !self.out.is_empty() && self.trailing_newlines < at_most {
            self.out.push('\n');
            self.trailing_newlines += 1;
        }
    }

    /// Text as written, with entities decoded and whitespace collapsed (or kept, in `<pre>`).
    fn text(&mut self, text: &str, pre: bool) {
        let decoded = decode_entities(text);
        if pre {
            for (i, line) in decoded.split('\n').enumerate() {
                if i > 0 && !self.out.is_empty() {
                    self.out.push('\n');
                    self.trailing_newlines = self.trailing_newlines.saturating_add(1);
                    self.pending_space = false;
                }
                self.words(line);
            }
        } else {
            self.words(&decoded);
        }
    }

    fn words(&mut self, text: &str) {
        if text.starts_with(char::is_whitespace) {
            self.space();
        }
        let mut first = true;
        for word in text.split_whitespace() {
            if !first {
                self.space();
            }
            first = false;
            self.word(word);
        }
        if text.ends_with(char::is_whitespace) {
            self.space();
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Break {
    None,
    Line,
    Paragraph,
    Cell,
}

fn break_of(name: &str) -> Break {
    match name {
        "p" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "table" | "blockquote" | "pre" | "ul"
        | "ol" | "dl" => Break::Paragraph,
        "div" | "li" | "tr" | "dt" | "dd" | "center" | "address" | "article" | "aside"
        | "footer" | "header" | "main" | "nav" | "section" | "figure" | "figcaption" | "form"
        | "fieldset" | "caption" | "legend" | "details" | "summary" | "hr" | "br" | "tbody"
        | "thead" | "tfoot" => Break::Line,
        "td" | "th" => Break::Cell,
        _ => Break::None,
    }
}

fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
    )
}

/// Elements whose content is not markup and is never shown in a mail client.
fn is_raw_text(name: &str) -> bool {
    matches!(
        name,
        "script" | "style" | "title" | "textarea" | "template" | "xmp" | "iframe" | "object"
    )
}

struct Converter {
    visible: Writer,
    hidden: Vec<(usize, Writer)>,
    links: Vec<Positioned>,
    links_cut: bool,
    stack: Vec<Open>,
    /// How many of each element are open, so that a stray end tag costs nothing.
    open_counts: HashMap<String, usize>,
    hidden_classes: HashSet<String>,
    hidden_ids: HashSet<String>,
    pre: usize,
}

/// The attributes this crate reads; the others are skipped while parsing the tag.
#[derive(Debug, Default)]
struct Attributes {
    style: Option<String>,
    href: Option<String>,
    src: Option<String>,
    action: Option<String>,
    colour: Option<String>,
    bgcolor: Option<String>,
    class: Option<String>,
    id: Option<String>,
    hidden: bool,
}

impl Converter {
    fn new() -> Self {
        Converter {
            visible: Writer::default(),
            hidden: Vec::new(),
            links: Vec::new(),
            links_cut: false,
            stack: Vec::new(),
            open_counts: HashMap::new(),
            hidden_classes: HashSet::new(),
            hidden_ids: HashSet::new(),
            pre: 0,
        }
    }

    fn finish(self) -> HtmlDoc {
        let mut text = self.visible.out;
        let trimmed = text.trim_end().len();
        text.truncate(trimmed);
        HtmlDoc {
            hidden: self
                .hidden
                .into_iter()
                .map(|(at, w)| Positioned {
                    at: at.min(text.len()),
                    value: w.out,
                })
                .collect(),
            links: self
                .links
                .into_iter()
                .map(|p| Positioned {
                    at: p.at.min(text.len()),
                    value: p.value,
                })
                .collect(),
            links_cut: self.links_cut,
            text,
        }
    }

    fn top(&self) -> Option<&Open> {
        self.stack.last()
    }

    fn text_is_hidden(&self) -> bool {
        self.top().is_some_and(|o| o.hidden || o.colour_hidden)
    }

    /// The writer for text at this point: the visible one, or the hidden run at this offset.
    fn writer(&mut self, hidden: bool) -> &mut Writer {
        if !hidden {
            return &mut self.visible;
        }
        let at = self.visible.out.len();
        let new_run = self.hidden.last().is_none_or(|(run_at, _)| *run_at != at);
        if new_run && self.hidden.len() < MAX_HIDDEN_RUNS {
            self.hidden.push((at, Writer::default()));
        }
        let last = self.hidden.len() - 1;
        &mut self.hidden[last].1
    }

    fn emit_text(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        let hidden = self.text_is_hidden();
        let pre = self.pre > 0;
        self.writer(hidden).text(text, pre);
    }

    fn emit_break(&mut self, kind: Break) {
        let hidden = self.text_is_hidden();
        let writer = self.writer(hidden);
        match kind {
            Break::None => {}
            Break::Line => writer.newline(1),
            Break::Paragraph => writer.newline(2),
            Break::Cell => writer.space(),
        }
    }

    fn add_link(&mut self, url: &str) {
        // Attribute values arrive with their character references already decoded.
        let url: String = url
            .chars()
            .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
            .collect();
        let url = url.trim();
        let lower = url.get(..5).unwrap_or(url).to_ascii_lowercase();
        // Fragments and cid: references point inside the message; data: images are not
        // addresses anyone can visit.
        if url.is_empty() || url.starts_with('#') || lower.starts_with("cid:") || lower == "data:" {
            return;
        }
        if self.links.len() >= MAX_LINK_OCCURRENCES {
            self.links_cut = true;
            return;
        }
        self.links.push(Positioned {
            at: self.visible.out.len(),
            value: url.to_owned(),
        });
    }

    fn run(&mut self, html: &str) {
        let bytes = html.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let Some(lt) = memchr::memchr(b'<', &bytes[i..]).map(|p| i + p) else {
                self.emit_text(&html[i..]);
                break;
            };
            if lt > i {
                self.emit_text(&html[i..lt]);
            }
            i = self.markup(html, lt);
        }
    }

    /// Reads the markup at `at` (a '<') and returns where reading goes on.
    fn markup(&mut self, html: &str, at: usize) -> usize {
        let bytes = html.as_bytes();
        let rest = &bytes[at..];
        if rest.starts_with(b"<!--") {
            let body_start = at + 4;
            let (body_end, next) = match memchr::memmem::find(&bytes[body_start..], b"-->") {
                Some(p) => (body_start + p, body_start + p + 3),
                None => (bytes.len(), bytes.len()),
            };
            self.comment(&html[body_start..body_end]);
            return next;
        }
        if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
            return memchr::memchr(b'>', rest).map_or(bytes.len(), |p| at + p + 1);
        }
        if rest.starts_with(b"</") && rest.get(2).is_some_and(u8::is_ascii_alphabetic) {
            let name_end = name_end(bytes, at + 2);
            let name = tag_name(&html[at + 2..name_end]);
            self.end_tag(&name);
            return memchr::memchr(b'>', &bytes[name_end..])
                .map_or(bytes.len(), |p| name_end + p + 1);
        }
        if rest.get(1).is_some_and(u8::is_ascii_alphabetic) {
            let name_end = name_end(bytes, at + 1);
            let name = tag_name(&html[at + 1..name_end]);
            let (attributes, next) = parse_attributes(html, name_end);
            if is_raw_text(&name) {
                let content_end = find_end_tag(bytes, next, &name).unwrap_or(bytes.len());
                if name == "style" {
                    self.style_rules(&html[next..content_end]);
                }
                return memchr::memchr(b'>', &bytes[content_end..])
                    .map_or(bytes.len(), |p| content_end + p + 1);
            }
            self.start_tag(&name, &attributes);
            return next;
        }
        // A '<' that starts no markup is text.
        self.emit_text("<");
        at + 1
    }

    fn comment(&mut self, body: &str) {
        let trimmed = body.trim();
        // Outlook's conditional comments hold markup for Outlook, not words.
        if trimmed.is_empty() || trimmed.starts_with("[if") || trimmed.starts_with("<![endif") {
            return;
        }
        let writer = self.writer(true);
        writer.newline(1);
        writer.words(trimmed);
        writer.newline(1);
    }

    fn start_tag(&mut self, name: &str, attributes: &Attributes) {
        match (name, attributes) {
            (
                "a" | "area",
                Attributes {
                    href: Some(url), ..
                },
            )
            | (
                "form",
                Attributes {
                    action: Some(url), ..
                },
            )
            | ("img", Attributes { src: Some(url), .. }) => {
                let url = url.clone();
                self.add_link(&url);
            }
            _ => {}
        }
        self.close_implied(name);
        let kind = break_of(name);
        if is_void(name) {
            match name {
                "br" => {
                    let hidden = self.text_is_hidden();
                    self.writer(hidden).newline_br();
                }
                _ => self.emit_break(kind),
            }
            return;
        }
        if name == "pre" {
            self.pre += 1;
        }
        let open = self.open(name, attributes);
        if self.stack.len() < MAX_OPEN_ELEMENTS {
            *self.open_counts.entry(open.name.clone()).or_insert(0) += 1;
            self.stack.push(open);
        }
        self.emit_break(kind);
    }

    /// Browsers close a `<p>` when a block starts, and a `<li>`/`<td>`/`<tr>` when the next one
    /// does; without this, a hidden `<p>` left open would hide the rest of the message.
    fn close_implied(&mut self, name: &str) {
        let closes: &[&str] = match name {
            "li" => &["li"],
            "td" | "th" => &["td", "th"],
            "tr" => &["tr", "td", "th"],
            "dt" | "dd" => &["dt", "dd"],
            _ if break_of(name) != Break::None && name != "br" => &["p"],
            _ => &[],
        };
        while let Some(top) = self.stack.last() {
            if closes.contains(&top.name.as_str()) {
                let top_name = top.name.clone();
                self.pop_to(&top_name);
            } else {
                break;
            }
        }
    }

    fn open(&self, name: &str, attributes: &Attributes) -> Open {
        let parent = self.top();
        let mut hidden = parent.is_some_and(|p| p.hidden) || attributes.hidden;
        let mut colour = parent.and_then(|p| p.colour);
        let mut background = parent.and_then(|p| p.background);
        let mut declared_colour = false;
        if let Some(c) = attributes.colour.as_deref().and_then(parse_colour) {
            colour = Some(c);
            declared_colour = true;
        }
        if let Some(c) = attributes.bgcolor.as_deref().and_then(parse_colour) {
            background = Some(c);
            declared_colour = true;
        }
        if let Some(style) = &attributes.style {
            let effect = style_effect(style);
            hidden |= effect.hides;
            if let Some(c) = effect.colour {
                colour = Some(c);
                declared_colour = true;
            }
            if let Some(c) = effect.background {
                background = Some(c);
                declared_colour = true;
            }
        }
        if let Some(class) = &attributes.class {
            hidden |= class
                .split_whitespace()
                .any(|c| self.hidden_classes.contains(c));
        }
        if let Some(id) = &attributes.id {
            hidden |= self.hidden_ids.contains(id.trim());
        }
        let colour_hidden = if declared_colour {
            invisible(colour.unwrap_or(BLACK), background.unwrap_or(WHITE))
        } else {
            parent.is_some_and(|p| p.colour_hidden)
        };
        Open {
            name: name.to_owned(),
            hidden,
            colour,
            background,
            colour_hidden,
        }
    }

    fn end_tag(&mut self, name: &str) {
        if name == "br" {
            // `</br>` is read as `<br>` by browsers.
            let hidden = self.text_is_hidden();
            self.writer(hidden).newline_br();
            return;
        }
        if self.open_counts.get(name).copied().unwrap_or(0) == 0 {
            return;
        }
        let kind = break_of(name);
        self.emit_break(kind);
        if name == "pre" {
            self.pre = self.pre.saturating_sub(1);
        }
        self.pop_to(name);
        self.emit_break(kind);
    }

    /// Pops elements up to and including the innermost open `name`.
    fn pop_to(&mut self, name: &str) {
        while let Some(open) = self.stack.pop() {
            if let Some(count) = self.open_counts.get_mut(&open.name) {
                *count = count.saturating_sub(1);
            }
            if open.name == name {
                break;
            }
        }
    }

    /// Collects `.class` and `#id` selectors whose rules hide; rules inside `@media` and other
    /// at-rules are left out, since they apply only on some screens.
    fn style_rules(&mut self, css: &str) {
        let css = strip_css_comments(css);
        let mut depth = 0usize;
        let mut prelude_start = 0usize;
        let mut rule: Option<(usize, usize)> = None;
        for (i, c) in css.char_indices() {
            match c {
                '{' => {
                    if depth == 0 && !css[prelude_start..i].trim_start().starts_with('@') {
                        rule = Some((prelude_start, i));
                    }
                    depth += 1;
                }
                '}' => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        if let Some((start, brace)) = rule.take() {
                            self.style_rule(&css[start..brace], &css[brace + 1..i]);
                        }
                        prelude_start = i + 1;
                    }
                }
                ';' if depth == 0 => prelude_start = i + 1,
                _ => {}
            }
        }
    }

    fn style_rule(&mut self, selectors: &str, declarations: &str) {
        if !style_effect(declarations).hides {
            return;
        }
        for selector in selectors.split(',') {
            let selector = selector.trim();
            let simple = |s: &str| {
                !s.is_empty()
                    && s.chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            };
            if let Some((tag, class)) = selector.rsplit_once('.') {
                if (tag.is_empty() || simple(tag)) && simple(class) {
                    self.hidden_classes.insert(class.to_owned());
                }
            } else if let Some(id) = selector.strip_prefix('#')
                && simple(id)
            {
                self.hidden_ids.insert(id.to_owned());
            }
        }
    }
}

impl Writer {
    /// A `<br>`: a real line break, at most one blank line in a row.
    fn newline_br(&mut self) {
        self.pending_space = false;
        if !self.out.is_empty() && self.trailing_newlines < 2 {
            self.out.push('\n');
            self.trailing_newlines += 1;
        }
    }
}

/// A tag name as elements are told apart: lower case, at most 32 characters (tag names may be
/// any bytes in broken HTML). Start and end tags must go through the same function: an end tag
/// compared whole with a start tag kept cut never matched, so `<x…(33 letters) hidden></x…>`
/// hid everything after it.
fn tag_name(raw: &str) -> String {
    raw.chars()
        .take(32)
        .collect::<String>()
        .to_ascii_lowercase()
}

fn name_end(bytes: &[u8], from: usize) -> usize {
    bytes[from..]
        .iter()
        .position(|&b| b.is_ascii_whitespace() || b == b'>' || b == b'/')
        .map_or(bytes.len(), |p| from + p)
}

/// Finds `</name` (any case) from `from`; returns where it starts.
fn find_end_tag(bytes: &[u8], from: usize, name: &str) -> Option<usize> {
    let finder = memchr::memmem::Finder::new(b"</");
    let mut pos = from;
    while let Some(p) = finder.find(&bytes[pos..]) {
        let start = pos + p;
        let candidate = bytes.get(start + 2..start + 2 + name.len())?;
        if candidate.eq_ignore_ascii_case(name.as_bytes()) {
            return Some(start);
        }
        pos = start + 2;
    }
    None
}

/// Parses attributes from just after the tag name to the closing '>'; returns where the tag ends.
fn parse_attributes(html: &str, from: usize) -> (Attributes, usize) {
    let bytes = html.as_bytes();
    let mut attributes = Attributes::default();
    let mut i = from;
    loop {
        while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
            i += 1;
        }
        if i >= bytes.len() {
            return (attributes, bytes.len());
        }
        if bytes[i] == b'>' {
            return (attributes, i + 1);
        }
        let name_start = i;
        while i < bytes.len()
            && !bytes[i].is_ascii_whitespace()
            && !matches!(bytes[i], b'=' | b'>' | b'/')
        {
            i += 1;
        }
        if i == name_start {
            // A lone '=' or similar: skip it.
            i += 1;
            continue;
        }
        let name = &html[name_start..i];
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value: Option<&str> = None;
        if i < bytes.len() && bytes[i] == b'=' {
            i += 1;
            while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            if i < bytes.len() && (bytes[i] == b'"' || bytes[i] == b'\'') {
                let quote = bytes[i];
                let start = i + 1;
                let end = memchr::memchr(quote, &bytes[start..]).map_or(bytes.len(), |p| start + p);
                value = Some(&html[start..end]);
                i = (end + 1).min(bytes.len());
            } else {
                let start = i;
                while i < bytes.len() && !bytes[i].is_ascii_whitespace() && bytes[i] != b'>' {
                    i += 1;
                }
                value = Some(&html[start..i]);
            }
        }
        let slot = match name.to_ascii_lowercase().as_str() {
            "style" => &mut attributes.style,
            "href" => &mut attributes.href,
            "src" => &mut attributes.src,
            "action" => &mut attributes.action,
            "color" => &mut attributes.colour,
            "bgcolor" => &mut attributes.bgcolor,
            "class" => &mut attributes.class,
            "id" => &mut attributes.id,
            "hidden" => {
                attributes.hidden = true;
                continue;
            }
            _ => continue,
        };
        // The first occurrence wins, as in browsers.
        if slot.is_none() {
            *slot = Some(
                value
                    .map(|v| decode_entities(v).into_owned())
                    .unwrap_or_default(),
            );
        }
    }
}

#[derive(Debug, Default)]
struct StyleEffect {
    hides: bool,
    colour: Option<Colour>,
    background: Option<Colour>,
}

fn style_effect(style: &str) -> StyleEffect {
    let mut effect = StyleEffect::default();
    let mut zero_size = false;
    let mut overflow_hidden = false;
    for declaration in style.split(';') {
        let Some((property, value)) = declaration.split_once(':') else {
            continue;
        };
        let property = property.trim().to_ascii_lowercase();
        let value = value.trim().to_ascii_lowercase();
        let value = value.trim_end_matches("!important").trim();
        match property.as_str() {
            "display" => effect.hides |= value == "none",
            "visibility" => effect.hides |= value == "hidden" || value == "collapse",
            "mso-hide" => effect.hides |= value == "all",
            "opacity" => effect.hides |= value.parse::<f32>().is_ok_and(|o| o <= 0.05),
            "font-size" => {
                effect.hides |= length(value)
                    .is_some_and(|(n, unit)| n <= 0.0 || (n <= 1.0 && matches!(unit, "px" | "pt")));
            }
            "width" | "height" | "max-width" | "max-height" | "line-height" => {
                zero_size |= length(value).is_some_and(|(n, _)| n <= 0.0);
            }
            "overflow" | "overflow-x" | "overflow-y" => overflow_hidden |= value == "hidden",
            "text-indent" | "margin-left" | "left" | "top" => {
                effect.hides |= length(value).is_some_and(|(n, _)| n <= -999.0);
            }
            "color" => effect.colour = parse_colour(value),
            "background-color" => effect.background = parse_colour(value),
            "background" => {
                effect.background = value.split_whitespace().find_map(parse_colour);
            }
            _ => {}
        }
    }
    effect.hides |= zero_size && overflow_hidden;
    effect
}

/// A CSS length: its number and unit ("" for a bare number).
fn length(value: &str) -> Option<(f32, &str)> {
    let split = value
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-' || c == '+'))
        .unwrap_or(value.len());
    let number = value[..split].parse::<f32>().ok()?;
    Some((number, value[split..].trim()))
}

fn parse_colour(value: &str) -> Option<Colour> {
    let value = value.trim().to_ascii_lowercase();
    let hex = |s: &str| u8::from_str_radix(s, 16).ok();
    let from_hex = |h: &str| -> Option<Colour> {
        // Byte slicing below needs one byte per character.
        if !h.is_ascii() {
            return None;
        }
        match h.len() {
            3 | 4 => {
                let c: Vec<u8> = h
                    .chars()
                    .map(|c| c.to_digit(16).map(|d| d as u8 * 17))
                    .collect::<Option<_>>()?;
                if h.len() == 4 && c[3] == 0 {
                    return Some(Colour::Transparent);
                }
                Some(Colour::Rgb(c[0], c[1], c[2]))
            }
            6 | 8 => {
                if h.len() == 8 && hex(&h[6..8])? == 0 {
                    return Some(Colour::Transparent);
                }
                Some(Colour::Rgb(hex(&h[0..2])?, hex(&h[2..4])?, hex(&h[4..6])?))
            }
            _ => None,
        }
    };
    if let Some(h) = value.strip_prefix('#') {
        return from_hex(h);
    }
    if let Some(args) = value
        .strip_prefix("rgba(")
        .or_else(|| value.strip_prefix("rgb("))
        .and_then(|v| v.strip_suffix(')'))
    {
        let parts: Vec<&str> = args
            .split(|c: char| c == ',' || c == '/' || c.is_whitespace())
            .filter(|p| !p.is_empty())
            .collect();
        let channel = |p: &str| -> Option<u8> {
            if let Some(pct) = p.strip_suffix('%') {
                let v: f32 = pct.parse().ok()?;
                Some((v.clamp(0.0, 100.0) * 2.55).round() as u8)
            } else {
                let v: f32 = p.parse().ok()?;
                Some(v.clamp(0.0, 255.0).round() as u8)
            }
        };
        if parts.len() >= 3 {
            if let Some(alpha) = parts.get(3) {
                let a: f32 = alpha.trim_end_matches('%').parse().ok()?;
                if a <= 0.0 {
                    return Some(Colour::Transparent);
                }
            }
            return Some(Colour::Rgb(
                channel(parts[0])?,
                channel(parts[1])?,
                channel(parts[2])?,
            ));
        }
        return None;
    }
    let named = match value.as_str() {
        "transparent" => return Some(Colour::Transparent),
        "white" => (255, 255, 255),
        "black" => (0, 0, 0),
        "red" => (255, 0, 0),
        "green" => (0, 128, 0),
        "blue" => (0, 0, 255),
        "yellow" => (255, 255, 0),
        "gray" | "grey" => (128, 128, 128),
        "silver" => (192, 192, 192),
        "maroon" => (128, 0, 0),
        "navy" => (0, 0, 128),
        "purple" => (128, 0, 128),
        "teal" => (0, 128, 128),
        "olive" => (128, 128, 0),
        "lime" => (0, 255, 0),
        "aqua" | "cyan" => (0, 255, 255),
        "fuchsia" | "magenta" => (255, 0, 255),
        "orange" => (255, 165, 0),
        "whitesmoke" => (245, 245, 245),
        "snow" => (255, 250, 250),
        "ivory" => (255, 255, 240),
        // Legacy bgcolor="ffffff" without '#', which browsers accept.
        _ if value.len() == 6 && value.chars().all(|c| c.is_ascii_hexdigit()) => {
            return from_hex(&value);
        }
        _ => return None,
    };
    Some(Colour::Rgb(named.0, named.1, named.2))
}

/// Text in `colour` cannot be read on `background`: transparent, or nearly the same colour
/// (#fefefe on white is a classic).
fn invisible(colour: Colour, background: Colour) -> bool {
    match (colour, background) {
        (Colour::Transparent, _) => true,
        (Colour::Rgb(..), Colour::Transparent) => false,
        (Colour::Rgb(r1, g1, b1), Colour::Rgb(r2, g2, b2)) => {
            let d = |a: u8, b: u8| u32::from(a.abs_diff(b));
            d(r1, r2) + d(g1, g2) + d(b1, b2) <= 24
        }
    }
}

fn strip_css_comments(css: &str) -> Cow<'_, str> {
    if !css.contains("/*") {
        return Cow::Borrowed(css);
    }
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        out.push_str(&rest[..start]);
        match rest[start + 2..].find("*/") {
            Some(end) => rest = &rest[start + 2 + end + 2..],
            None => {
                rest = "";
                break;
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// Decodes character references (`&amp;`, `&#233;`, `&#x20AC;`), as browsers do, including the
/// windows-1252 reading of `&#128;`–`&#159;` and the few legacy names that need no semicolon.
pub(crate) fn decode_entities(text: &str) -> Cow<'_, str> {
    if !text.contains('&') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        match reference(after) {
            Some((decoded, used)) => {
                out.push_str(&decoded);
                rest = &after[used..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// Reads one reference after '&': the text it stands for and how many bytes it used.
fn reference(after: &str) -> Option<(String, usize)> {
    let bytes = after.as_bytes();
    if let Some(numeric) = after.strip_prefix('#') {
        let (digits, radix, skip) = match numeric.as_bytes().first() {
            Some(b'x' | b'X') => (&numeric[1..], 16, 2),
            _ => (numeric, 10, 1),
        };
        let len = digits
            .bytes()
            .take_while(|b| (*b as char).is_digit(radix))
            .count();
        if len == 0 {
            return None;
        }
        let code = u32::from_str_radix(&digits[..len.min(8)], radix).unwrap_or(0xFFFD);
        let used = skip + len + usize::from(digits.as_bytes().get(len) == Some(&b';'));
        return Some((numeric_char(code).to_string(), used));
    }
    let len = bytes
        .iter()
        .take(32)
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    if len == 0 {
        return None;
    }
    let name = &after[..len];
    if bytes.get(len) == Some(&b';') {
        let token = format!("&{name};");
        let mut decoded = String::new();
        mail_parser::decoders::html::add_html_token(&mut decoded, token.as_bytes(), false);
        if decoded != token {
            return Some((decoded, len + 1));
        }
        return None;
    }
    let legacy = match name {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "nbsp" => "\u{a0}",
        "copy" => "©",
        "reg" => "®",
        _ => return None,
    };
    Some((legacy.to_owned(), len))
}

fn numeric_char(code: u32) -> char {
    const WINDOWS_1252: [u32; 32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013,
        0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ];
    let code = match code {
        0x80..=0x9F => WINDOWS_1252[(code - 0x80) as usize],
        0 => 0xFFFD,
        _ => code,
    };
    char::from_u32(code).unwrap_or('\u{FFFD}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(html: &str, text: &str, hidden: &str, links: &[&str]) {
        let doc = to_text(html);
        assert_eq!(doc.text, text, "text of {html:?}");
        assert_eq!(doc.hidden_text(), hidden, "hidden text of {html:?}");
        let got: Vec<&str> = doc.links.iter().map(|l| l.value.as_str()).collect();
        assert_eq!(got, links, "links of {html:?}");
    }

    #[test]
    fn visible_text() {
        check(
            "<p>Hello <b>world</b></p><p>Bye</p>",
            "Hello world\n\nBye",
            "",
            &[],
        );
        check("a<br>b<br><br><br>c", "a\nb\n\nc", "", &[]);
        check("<div>one</div><div>two</div>", "one\ntwo", "", &[]);
        check(
            "<table><tr><td>From:</td><td>Shop</td></tr></table>",
            "From: Shop",
            "",
            &[],
        );
        check("  lots   of\n\n spaces ", "lots of spaces", "", &[]);
        check("<pre>a  b\nc</pre>", "a b\nc", "", &[]);
        check("1 < 2 and 3 > 2", "1 < 2 and 3 > 2", "", &[]);
        check(
            "<p>unclosed <i>tags <b>everywhere",
            "unclosed tags everywhere",
            "",
            &[],
        );
        check("</div></span>stray ends", "stray ends", "", &[]);
    }

    #[test]
    fn entities() {
        check(
            "caf&eacute; &amp; th&#233; &#x20AC;5 &#128;",
            "café & thé €5 €",
            "",
            &[],
        );
        check(
            "&hellip;&nbsp;&rsquo;&unknown; &amp &copy 2025",
            "… ’&unknown; & © 2025",
            "",
            &[],
        );
        check(
            "&#0; &#99999999; &#xD800;",
            "\u{fffd} \u{fffd} \u{fffd}",
            "",
            &[],
        );
    }

    #[test]
    fn script_style_head_and_title_are_dropped() {
        check(
            "<html><head><title>T</title><style>p{color:red}</style></head><body><script>alert(1)</script>Hi</body></html>",
            "Hi",
            "",
            &[],
        );
        check("<SCRIPT>never</SCRIPT >after", "after", "", &[]);
        check("<style>unterminated", "", "", &[]);
    }

    #[test]
    fn hidden_text() {
        let cases: &[(&str, &str, &str)] = &[
            (
                "<div style=\"display:none\">filler</div>Shown",
                "Shown",
                "filler",
            ),
            ("<span style='DISPLAY: NONE !important'>x</span>y", "y", "x"),
            ("<p style=\"visibility:hidden\">x</p>y", "y", "x"),
            ("<span style=\"font-size:0px\">x</span>y", "y", "x"),
            ("<span style=\"font-size:0\">x</span>y", "y", "x"),
            ("<span style=\"font-size:1px\">x</span>y", "y", "x"),
            ("<span style=\"font-size:12px\">x</span>y", "xy", ""),
            ("<span style=\"opacity:0\">x</span>y", "y", "x"),
            (
                "<div style=\"max-height:0;overflow:hidden\">x</div>y",
                "y",
                "x",
            ),
            ("<div style=\"height:0\">x</div>y", "x\ny", ""),
            ("<span style=\"color:#ffffff\">x</span>y", "y", "x"),
            ("<font color=\"#FEFEFE\">x</font>y", "y", "x"),
            ("<span style=\"color:rgb(255,255,255)\">x</span>y", "y", "x"),
            ("<span style=\"color:rgba(0,0,0,0)\">x</span>y", "y", "x"),
            (
                "<td bgcolor=\"#000000\"><font color=\"white\">x</font></td>y",
                "x y",
                "",
            ),
            (
                "<div style=\"background:#123456\"><span style=\"color:#123456\">x</span></div>y",
                "y",
                "x",
            ),
            ("<div style=\"text-indent:-9999px\">x</div>y", "y", "x"),
            ("<div hidden>x</div>y", "y", "x"),
            ("<!-- filler words -->y", "y", "filler words"),
            ("<!--[if mso]><table><![endif]-->y", "y", ""),
            (
                "<div style=\"display:none\"><span style=\"display:block\">still hidden</span></div>y",
                "y",
                "still hidden",
            ),
            ("<p style=\"display:none\">x<p>shown", "shown", "x"),
        ];
        for (html, text, hidden) in cases {
            check(html, text, hidden, &[]);
        }
    }

    #[test]
    fn classes_hidden_by_style_rules() {
        check(
            "<style>/* c */ .pad, td.gap {display:none} @media (max-width:600px) { .mobile {display:none} } #f{font-size:0}</style>\
             <span class=\"x pad\">a</span><td class=\"gap\">b</td><span class=\"mobile\">c</span><p id=\"f\">d</p>",
            "c",
            "a b\nd",
            &[],
        );
    }

    #[test]
    fn links() {
        check(
            "<a href=\"https://examp1e-shop.com/login?a=1&amp;b=2\">Log in</a> \
             <area href='http://x.test/map'> <form action=https://examp1e-shop.com/post></form> \
             <img src=\"https://cdn.examp1e-shop.com/logo.png\"> <img src=\"cid:logo\"> <a href=\"#top\">top</a> \
             <a href=\" https://spaced.test/\n/path \">s</a> <a href=\"mailto:help@examp1e-shop.com\">m</a>",
            "Log in\ntop s m",
            "",
            &[
                "https://examp1e-shop.com/login?a=1&b=2",
                "http://x.test/map",
                "https://examp1e-shop.com/post",
                "https://cdn.examp1e-shop.com/logo.png",
                "https://spaced.test//path",
                "mailto:help@examp1e-shop.com",
            ],
        );
    }

    #[test]
    fn offsets_split_a_document() {
        let doc = to_text(
            "<p>comment <a href=\"https://a.test\">a</a></p><p>scam <a href=\"https://b.test\">b</a><span style=\"display:none\">pad</span></p>",
        );
        let at = doc.text.find("scam").unwrap();
        let tail = doc.tail(at);
        assert_eq!(tail.text, "scam b");
        assert_eq!(
            tail.links
                .iter()
                .map(|l| l.value.as_str())
                .collect::<Vec<_>>(),
            ["https://b.test"]
        );
        assert_eq!(tail.hidden_text(), "pad");
        let head = doc.head(at);
        assert_eq!(
            head.links
                .iter()
                .map(|l| l.value.as_str())
                .collect::<Vec<_>>(),
            ["https://a.test"]
        );
        assert_eq!(head.hidden_text(), "");
    }

    #[test]
    fn hostile_markup_does_not_panic() {
        let inputs = [
            "<",
            "<a",
            "<a href",
            "<a href=",
            "<a href=\"",
            "<!--",
            "<!",
            "</",
            "</a",
            "&",
            "&#",
            "&#x",
            "&#xZZ;",
            "<<<<>>>>",
            "<a\u{e9}>",
            "<é>text</é>",
            "&\u{e9}acute;",
            "<p style=\"color:#\">x</p>",
            "<font color=\"rgb(1,2)\">x</font>",
        ];
        for input in inputs {
            let _ = to_text(input);
        }
        let long_name = format!("<a{}>x</a{}>", "é".repeat(40), "é".repeat(40));
        assert_eq!(to_text(&long_name).text, "x");
        let deep = "<div>".repeat(10_000) + "deep" + &"</div>".repeat(10_000);
        assert_eq!(to_text(&deep).text, "deep");
    }

    #[test]
    fn an_end_tag_closes_a_start_tag_of_a_long_name() {
        // The start tag's name was cut to 32 characters and the end tag's compared whole, so the
        // end tag never matched: a hidden element with a long name hid the rest of the message
        // from the text (and from indicator extraction), while a mail client shows it.
        let long = "x".repeat(40);
        check(
            &format!(
                "<p>Hello</p><{long} style=\"display:none\">filler</{long}><p>Call +1 888 555 0142</p>"
            ),
            "Hello\n\nCall +1 888 555 0142",
            "filler",
            &[],
        );
        let upper = format!("<X{}>", "Y".repeat(40));
        let lower = format!("</x{}>", "y".repeat(40));
        check(
            &format!("<div hidden>{upper}no{lower}</div>yes"),
            "yes",
            "no",
            &[],
        );
    }
}
