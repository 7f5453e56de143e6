//! The one regex that finds every date, and the reading of a match's groups
//! with the form that took it.

use super::forms::sources;
use regex_automata::hybrid;
use regex_automata::meta;
use regex_automata::nfa::thompson::backtrack::{self, BoundedBacktracker};
use regex_automata::nfa::thompson::{self, WhichCaptures};
use regex_automata::util::captures::Captures;
use regex_automata::util::captures::GroupInfo;
use regex_automata::{Anchored, Input, Span};
use std::cell::RefCell;
use std::sync::OnceLock;

/// The combined date regex, with the groups the forms read.
///
/// It is built with `regex-automata` directly for two settings the `regex`
/// crate does not expose: no literal prefilter (dates start with common
/// words, so none would help, and looking for one took more time than
/// compiling the automaton), and, with the `(?i-u)` flags of its source,
/// ASCII-only classes and case folding, which keep the automaton small.
///
/// The combined regex only finds where each date is. Its groups are read
/// with the one alternative that matched: the backtracker that reads groups
/// explores every higher-priority alternative before the one that matches,
/// and clears a visited set the size of the automaton for every match,
/// which on the combined regex was a seventh of extraction.
pub struct DateRegex {
    /// The combined regex without groups, to find the dates.
    find: meta::Regex,
    src: String,
    /// The combined regex with its groups, compiled only if an alternative
    /// ever fails to give back its match (no known text does).
    full: OnceLock<(meta::Regex, Names)>,
}

/// The date regex's alternatives, to read a match's groups with.
pub struct Alternatives {
    /// The optional leading modifier ("early", "the end of"), alone.
    pre: meta::Regex,
    /// Every alternative as its own pattern, in the combined regex's order,
    /// so an anchored search tells which alternative a match took. Only
    /// the forward lazy DFA is built: it is all an anchored search needs.
    which: hybrid::dfa::DFA,
    /// Each alternative with its groups, compiled when first needed.
    parts: Vec<Part>,
}

/// Group indices by name: a form asks for its groups by name a few times
/// per match, and the automaton's own table hashes each name with SipHash
/// (a twentieth of extraction).
type Names = foldhash::HashMap<Box<str>, usize>;

struct Part {
    src: String,
    built: OnceLock<(BoundedBacktracker, Names)>,
}

impl Part {
    fn new(src: String) -> Part {
        Part {
            src,
            built: OnceLock::new(),
        }
    }

    fn get(&self) -> &(BoundedBacktracker, Names) {
        self.built.get_or_init(|| {
            let re = BoundedBacktracker::new(&self.src).expect("date alternative");
            let names = names_of(re.get_nfa().group_info());
            (re, names)
        })
    }
}

/// Each thread's search state for [`DateRegex::split`]. There is one
/// [`Alternatives`], the static one, so a thread needs one scratch.
struct Scratch {
    which: hybrid::dfa::Cache,
    parts: Vec<Option<(backtrack::Cache, Captures)>>,
}

thread_local! {
    static SCRATCH: RefCell<Option<Scratch>> = const { RefCell::new(None) };
}

fn names_of(info: &GroupInfo) -> Names {
    info.pattern_names(regex_automata::PatternID::ZERO)
        .enumerate()
        .filter_map(|(i, name)| Some((Box::from(name?), i)))
        .collect()
}

impl DateRegex {
    /// Every date expression of `text`, in order, with its groups.
    pub fn captures_iter<'t>(&'t self, text: &'t str) -> impl Iterator<Item = Groups<'t>> + 't {
        self.find
            .find_iter(text)
            .map(move |m| match self.split(text, m.span()) {
                Some(g) => g,
                None => self.whole(text, m.span()),
            })
    }

    /// The groups of the match at `whole`, read by the combined regex.
    fn whole<'t>(&'t self, text: &'t str, whole: Span) -> Groups<'t> {
        let (re, names) = self.full();
        let mut caps = re.create_captures();
        let input = Input::new(text).span(whole).anchored(Anchored::Yes);
        re.search_captures(&input, &mut caps);
        let pre = names.get("pre").and_then(|&i| caps.get_group(i));
        let set = |name: &String| names.get(name.as_str()).and_then(|&i| caps.get_group(i));
        // Only the groups of the form that matched are set.
        let alternative = sources()
            .tags
            .iter()
            .position(|t| set(t).is_some())
            .unwrap_or(usize::MAX);
        Groups {
            text,
            whole,
            alternative,
            pre,
            caps,
            names,
        }
    }

    fn full(&self) -> &(meta::Regex, Names) {
        self.full.get_or_init(|| {
            let re = meta::Regex::builder()
                .configure(meta::Config::new().auto_prefilter(false))
                .build(&self.src)
                .expect("date regex");
            let names = names_of(re.group_info());
            (re, names)
        })
    }

    /// The groups of the match at `whole`, read by the alternative it took.
    /// The combined regex prefers the modifier taken before any alternative
    /// without it, and then the earliest alternative, so that is the order
    /// tried here. `None` when the pieces do not give back the same span,
    /// which the combined regex then settles.
    fn split<'t>(&'t self, text: &'t str, whole: Span) -> Option<Groups<'t>> {
        let alts = alternatives();
        let anchored = |span: Span| Input::new(text).span(span).anchored(Anchored::Yes);
        SCRATCH.with_borrow_mut(|scratch| {
            let scratch = scratch.get_or_insert_with(|| Scratch {
                which: alts.which.create_cache(),
                parts: Vec::new(),
            });
            let mut which = |span: Span| {
                alts.which
                    .try_search_fwd(&mut scratch.which, &anchored(span))
                    .ok()
                    .flatten()
            };
            let mut found = None;
            if let Some(p) = alts.pre.search(&anchored(whole)) {
                let rest = Span::from(p.end()..whole.end);
                if let Some(m) = which(rest) {
                    found = Some((Some(p.span()), rest, m));
                }
            }
            let (pre, span, m) = match found {
                Some(f) => f,
                None => (None, whole, which(whole)?),
            };
            if m.offset() != whole.end {
                return None;
            }
            let i = m.pattern().as_usize();
            let (re, names) = alts.parts[i].get();
            if scratch.parts.len() <= i {
                scratch.parts.resize_with(alts.parts.len(), || None);
            }
            let (cache, caps) =
                scratch.parts[i].get_or_insert_with(|| (re.create_cache(), re.create_captures()));
            re.try_search(cache, &anchored(span), caps).ok()?;
            (caps.get_match()?.end() == whole.end).then(|| Groups {
                text,
                whole,
                alternative: i,
                pre,
                caps: caps.clone(),
                names,
            })
        })
    }
}

/// The groups of one date match.
pub struct Groups<'t> {
    text: &'t str,
    whole: Span,
    /// The form that matched, by its place in the combined regex.
    alternative: usize,
    pre: Option<Span>,
    caps: Captures,
    names: &'t Names,
}

/// One group of a date match.
#[derive(Clone, Copy)]
pub struct Group<'t> {
    text: &'t str,
    span: Span,
}

impl<'t> Group<'t> {
    pub fn as_str(&self) -> &'t str {
        &self.text[self.span.range()]
    }
    pub fn start(&self) -> usize {
        self.span.start
    }
    pub fn end(&self) -> usize {
        self.span.end
    }
}

impl<'t> Groups<'t> {
    /// The whole match.
    pub fn whole(&self) -> Group<'t> {
        Group {
            text: self.text,
            span: self.whole,
        }
    }
    pub fn alternative(&self) -> usize {
        self.alternative
    }

    /// Whether the form that matched has a group `name`.
    #[cfg(test)]
    pub fn has(&self, name: &str) -> bool {
        name == "pre" || self.names.contains_key(name)
    }

    pub fn name(&self, name: &str) -> Option<Group<'t>> {
        let span = match name {
            "pre" => self.pre?,
            _ => self.caps.get_group(*self.names.get(name)?)?,
        };
        Some(Group {
            text: self.text,
            span,
        })
    }
}

pub fn date_regex() -> &'static DateRegex {
    static RE: OnceLock<DateRegex> = OnceLock::new();
    RE.get_or_init(|| {
        let src = sources();
        let src = format!(r"(?i-u)\b(?P<pre>{})?(?:{})", src.pre, src.forms.join("|"));
        let find = meta::Regex::builder()
            .configure(
                meta::Config::new()
                    .auto_prefilter(false)
                    .which_captures(WhichCaptures::Implicit),
            )
            .build(&src)
            .expect("date regex");
        DateRegex {
            find,
            src,
            full: OnceLock::new(),
        }
    })
}

/// The alternatives of the date regex one by one. Built apart from the
/// combined regex so the two can be built side by side.
pub fn alternatives() -> &'static Alternatives {
    static ALTS: OnceLock<Alternatives> = OnceLock::new();
    ALTS.get_or_init(|| {
        let src = sources();
        let parts: Vec<String> = src.forms.iter().map(|a| format!("(?i-u){a}")).collect();
        let which = hybrid::dfa::DFA::builder()
            .thompson(thompson::Config::new().which_captures(WhichCaptures::None))
            .build_many(&parts)
            .expect("date alternatives");
        Alternatives {
            pre: meta::Regex::new(&format!("(?i-u){}", src.pre)).expect("date modifier"),
            which,
            parts: parts.into_iter().map(Part::new).collect(),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every text file under `dir`, recursively.
    fn texts(dir: &std::path::Path, out: &mut Vec<String>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                texts(&p, out);
            } else if let Ok(s) = std::fs::read_to_string(&p) {
                out.push(s);
            }
        }
    }

    /// Reading a match's groups with the alternative it took must give what
    /// the combined regex gives, group for group, or the reader would read
    /// another date.
    #[test]
    fn groups_read_by_alternative_equal_the_combined_regex() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut all = Vec::new();
        texts(&root.join("tests/fixtures"), &mut all);
        texts(&root.join("corpus"), &mut all);
        // The date tests' own examples.
        all.push(include_str!("tests.rs").into());
        // Modifiers before alternatives that could also start with them.
        all.push(
            "At the end of the year, early this year, the end of 2024, mid-1990s, \
             late last month, the start of the third quarter, early 2025, \
             in the early summer, mid-March, the middle of next year."
                .into(),
        );
        let re = date_regex();
        let mut groups = re.full().1.keys().map(|k| &**k).collect::<Vec<_>>();
        groups.push("pre");
        let (mut matches, mut split) = (0, 0);
        for text in &all {
            for m in re.find.find_iter(text.as_str()) {
                matches += 1;
                let whole = re.whole(text, m.span());
                let Some(part) = re.split(text, m.span()) else {
                    continue;
                };
                split += 1;
                assert_eq!(part.alternative(), whole.alternative());
                for g in &groups {
                    assert_eq!(
                        part.name(g).map(|x| (x.start(), x.end())),
                        whole.name(g).map(|x| (x.start(), x.end())),
                        "group {g} of {:?}",
                        whole.whole().as_str()
                    );
                }
            }
        }
        assert!(matches > 300, "{matches} matches");
        assert_eq!(split, matches, "every match splits into one alternative");
    }
}
