//! Words of English news dates and the one regex that finds them.

use crate::extract::numbers::NUMBER_WORDS;
use regex_automata::hybrid;
use regex_automata::meta;
use regex_automata::nfa::thompson::backtrack::{self, BoundedBacktracker};
use regex_automata::nfa::thompson::{self, WhichCaptures};
use regex_automata::util::captures::Captures;
use regex_automata::util::captures::GroupInfo;
use regex_automata::{Anchored, Input, Span};
use std::cell::RefCell;
use std::sync::OnceLock;

/// Horizontal whitespace: a date never runs across a line break.
///
/// The date regex is compiled without Unicode classes and case folding (its
/// words are ASCII), which shrinks its automaton to about a quarter; the one
/// non-ASCII space is written as its own alternative for that reason.
pub(super) const S: &str = r"(?:[ \t\r]|\u{a0})+";

const DAY: &str = r"(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?(?-u:\b)";
const YEAR4: &str = r"(?:1[6-9][0-9][0-9]|20[0-9][0-9])(?-u:\b)";
const PART_OF_DAY: &str = r"(?:morning|afternoon|evening|night)(?-u:\b)";
const ORD: &str = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)";

/// A year said in words: "nineteen ninety-six", "two thousand and one".
fn year_words() -> String {
    let units = "one|two|three|four|five|six|seven|eight|nine";
    let teens = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen";
    let tens = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety";
    let below100 = format!("(?:(?:{tens})(?:[- ](?:{units}))?|{teens}|oh[- ](?:{units}))");
    format!(
        "(?:(?:seventeen|eighteen|nineteen)[- ](?:hundred(?:[- ]and)?[- ])?{below100}|two[- ]thousand(?:(?:[- ]and)?[- ](?:{below100}|{units}))?|twenty[- ](?:{teens}|(?:{tens})(?:[- ](?:{units}))?))(?-u:\\b)"
    )
}

/// A count of time units: "two", "a", "several", "18", "a couple of".
fn count() -> String {
    // The shared fragment spells spaces `\s`; keep this regex's classes small.
    let words = NUMBER_WORDS.replace(r"\s", "[ \t]");
    format!(r"(?:a{S}couple{S}of|a{S}few|several|few|many|some|an|a|[0-9]+|{words})")
}

/// The combined date regex, with the groups [`Reader`](super::Reader) reads.
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

/// Group indices by name: the reader asks for groups by name a dozen times
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
        Groups {
            text,
            whole,
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

/// The alternatives of the date regex, in priority order, and the modifier
/// that may come before any of them.
fn sources() -> &'static (Vec<String>, String) {
    static SRC: OnceLock<(Vec<String>, String)> = OnceLock::new();
    SRC.get_or_init(|| {
        // Month and weekday names are matched case-sensitively: "a protest
        // march" is no date.
        let cal = crate::lang::calendar::calendar();
        let month_full = format!(r"(?-i:{})(?-u:\b)", cal.month_names());
        let month_abbr = format!(r"(?-i:{})(?:\.|(?-u:\b))", cal.month_abbreviations());
        let weekday = format!(r"(?-i:{})(?-u:\b)", cal.weekday_names());
        let season = format!(r"(?:{})(?-u:\b)", cal.season_names());
        let yw = year_words();
        let year = format!("(?:{YEAR4}|{yw})");
        let month = format!("(?:{month_full}|{month_abbr})");
        let num = count();
        let holidays = super::holidays::holidays().pattern();
        let alts = [
            // 2024-11-21, 11/21/2024
            r"(?P<iso>(?P<isoy>[0-9]{4})-(?P<isom>[0-9][0-9])-(?P<isod>[0-9][0-9]))(?-u:\b)".to_string(),
            r"(?P<sl>(?P<slm>[0-9]{1,2})/(?P<sld>[0-9]{1,2})/(?P<sly>[0-9]{4}|[0-9][0-9]))(?-u:\b)".to_string(),
            // Christmas Day, last Thanksgiving, Easter 2024
            format!(
                r"(?P<hol>(?:(?P<hold>this{S}past|this{S}coming|last|this|next|past|coming){S})?(?-i:(?P<holn>{holidays}))(?-u:\b)(?:(?:,|{S}of)?{S}(?P<holy>{YEAR4}))?)"
            ),
            // [Friday,] Nov. 21[-23][, 2024]
            format!(
                r"(?P<md>(?:{weekday},?{S})?(?P<mdm>{month}){S}?(?P<mdd>{DAY})(?:(?:-|–|{S}and{S})(?P<mdd2>{DAY}))?(?:,?{S}(?P<mdy>{YEAR4}))?)"
            ),
            // [the] 21[st] [of] November [2024]
            format!(
                r"(?P<dm>(?:the{S})?(?P<dmd>{DAY}){S}(?:of{S})?(?P<dmm>{month_full}|{month_abbr})(?:,?{S}(?P<dmy>{YEAR4}))?)"
            ),
            // November 2024, Sept. '89, March of 1990
            format!(r"(?P<my>(?P<mym>{month})(?:,|{S}of)?{S}(?P<myy>{year}|'[0-9][0-9](?-u:\b)))"),
            // June last year
            format!(r"(?P<mr>(?P<mrm>{month_full}){S}(?P<mrd>this|last|next){S}year(?-u:\b))"),
            // last April, next Friday, this summer
            format!(
                r"(?P<rn>(?P<rnd>this{S}past|this{S}coming|last|this|next|past|coming|that){S}(?:(?P<rnm>{month_full})|(?P<rnw>{weekday})|(?P<rns>{season})))"
            ),
            // spring 2024, the winter of 1994
            format!(r"(?P<sy>(?:the{S})?(?P<sys>{season})(?:,|{S}of)?{S}(?P<syy>{year}))"),
            // the third quarter [of 1989], this year's first quarter, third-quarter
            format!(
                r"(?P<q>(?:the{S})?(?:(?P<qrel>this|last|next){S}year's{S}|(?P<qy0>{YEAR4}){S})?(?:(?:fiscal|calendar){S})?(?P<qo>{ORD})[- ]quarter(?-u:\b)(?:{S}of{S}(?:(?:fiscal|calendar){S})?(?:(?P<qy>{year})|(?P<qyr>this|last|next){S}year(?-u:\b)|(?:the|this){S}year(?-u:\b)))?)"
            ),
            // Q3 2020, Q3'20, Q3 alone, 4Q 2020
            format!(r"(?P<qn>(?-i:Q)(?P<qnn>[1-4])(?:{S}?(?P<qny>{YEAR4}|'[0-9][0-9]))?(?-u:\b))"),
            format!(r"(?P<qm>(?P<qmn>[1-4])(?-i:Q)(?:{S}(?P<qmy>{YEAR4}))?(?-u:\b))"),
            // the quarter, the latest quarter, last quarter, the year-ago quarter
            format!(
                r"(?P<qa>(?:(?:the|that){S}(?:(?P<qad>latest|last|previous|prior|current|same|year-ago|year-earlier|most{S}recent|recent|past|just-ended|coming|next){S})?|(?P<qad2>last|this|next){S})(?:fiscal{S})?(?P<qan>quarter|period)(?-u:\b))"
            ),
            // the 1988 quarter: the quarter under report, in that year
            format!(
                r"(?P<yq>the{S}(?P<yqy>{YEAR4}){S}(?:fiscal{S})?(?:quarter|period)(?-u:\b))"
            ),
            // the first half of 1989, the second half of next year, H1 2024
            format!(
                r"(?P<h>(?:the{S})?(?P<ho>first|second|last|latter|1st|2nd){S}half{S}of{S}(?:(?:fiscal|the{S}year|calendar){S})?(?:(?P<hy>{year})|(?P<hyr>this|last|next){S}year(?-u:\b)))"
            ),
            format!(r"(?P<hn>(?-i:H)(?P<hnn>[12]){S}?(?P<hny>{YEAR4}))"),
            // fiscal 1989, fiscal year 2024, FY2024; the current fiscal year
            format!(
                r"(?P<fy>(?:fiscal(?:{S}year)?{S}|(?-i:FY){S}?)(?P<fyy>{YEAR4}|'?[0-9][0-9](?-u:\b)))"
            ),
            format!(
                r"(?P<fr>(?:the{S})?(?P<frd>this|last|next|current|latest|previous|prior|coming|past){S}fiscal{S}year(?-u:\b))"
            ),
            // the 1990s, the mid-1980s, the '90s
            format!(
                r"(?P<dec>(?:the{S})?(?:(?P<decp>early|mid|late)[- ]?)?(?P<decy>1[0-9][0-9]0|20[0-9]0|'[0-9]0)'?s(?-u:\b))"
            ),
            // the 20th century
            format!(
                r"(?P<cen>(?:the{S})?(?:(?P<cenp>early|mid|late)[- ]?)?(?P<cenn>1[0-9]|2[0-2]|[1-9])(?:st|nd|rd|th){S}century(?-u:\b))"
            ),
            // two years ago, nearly four years ago, a week or so ago, five days earlier
            format!(
                r"(?P<ago>(?:(?P<agoq>nearly|almost|about|around|roughly|some|more{S}than|less{S}than|over|under|only|just|barely|at{S}least){S})?(?P<agon>{num}){S}(?P<agou>day|week|month|year|decade)s?(?:{S}or{S}(?:so|two|three|more))?{S}(?P<agod>ago|earlier|later|from{S}now|hence|before|after)(?-u:\b))"
            ),
            // the year-ago quarter, year-earlier
            format!(
                r"(?P<ya>(?:the{S})?year[- ](?:ago|earlier)(?:{S}(?P<yan>quarter|period|month|year)(?-u:\b))?)"
            ),
            // year-end, the end of the year
            format!(r"(?P<ye>year(?:[- ]|'s{S})end(?-u:\b))"),
            // earlier this year, late next month, this week, the past year
            format!(
                r"(?P<ru>(?:(?P<rup>earlier|later|early|late|mid)[- ]?{S}?)?(?:the{S})?(?P<rud>this|last|next|past|coming|previous|current|same|following){S}(?P<ruu>year|month|week|weekend|decade|century)(?-u:\b))"
            ),
            // the end of the year, the beginning of the month
            format!(
                r"(?P<eo>(?:the{S})?(?P<eop>end|beginning|start|middle|close|turn){S}of{S}(?:(?:the|this){S})?(?P<eou>year|month|week|decade|century)(?-u:\b))"
            ),
            format!(r"(?P<we>(?:the|this|last|next|that){S}weekend(?-u:\b))"),
            // the week of March 6
            format!(
                r"(?P<wo>the{S}week{S}of{S}(?P<wom>{month}){S}?(?P<wod>{DAY})(?:,?{S}(?P<woy>{YEAR4}))?)"
            ),
            // yesterday, the day after tomorrow
            format!(
                r"(?P<dw>(?:the{S}day{S}(?P<dwba>before|after){S})?(?P<dww>today|yesterday|tomorrow|tonight)(?-u:\b)(?:{S}{PART_OF_DAY})?)"
            ),
            // this morning, last night
            format!(r"(?P<pd>(?P<pdd>this|last){S}{PART_OF_DAY})"),
            // that day, earlier that day, the next morning, the day before
            format!(
                r"(?P<ad>(?:(?:earlier|later){S})?(?:that|the{S}same|that{S}same){S}(?:day|morning|afternoon|evening|night)(?-u:\b)|the{S}(?P<add>next|following|previous|preceding){S}(?:day|morning|afternoon|evening|night)(?-u:\b)|the{S}day{S}(?P<adba>before|after)(?-u:\b))"
            ),
            format!(r"(?P<wd>{weekday})(?:{S}{PART_OF_DAY})?"),
            // PRESENT_REF, PAST_REF, FUTURE_REF
            format!(
                r"(?P<pr>now|currently|nowadays|presently|at{S}present|these{S}days|the{S}present|current)(?-u:\b)"
            ),
            format!(
                r"(?P<pa>recently|lately|recent{S}(?:years|months|weeks|days|quarters)|(?:the{S})?(?:last|past){S}(?:few|several){S}(?:years|months|weeks|days|quarters)|past{S}years|the{S}past)(?-u:\b)"
            ),
            format!(
                r"(?P<fu>the{S}(?:near|distant|not-too-distant){S}future|the{S}future|the{S}(?:near|short){S}term|(?:the{S})?coming{S}(?:years|months|weeks|days|quarters)|future{S}(?:years|quarters))(?-u:\b)"
            ),
            // the nineties
            format!(
                r"(?P<decw>(?:the{S})?(?:(?P<decwp>early|mid|late)[- ]?)?(?:(?P<decwc>nineteen|eighteen)[- ])?(?P<decwn>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)(?-u:\b))"
            ),
            // the fiscal year, the full year
            format!(r"(?P<fyr>the{S}(?:full|fiscal|calendar|whole|entire){S}year(?-u:\b))"),
            // the summer
            format!(r"(?P<ts>the{S}(?:(?:early|late|mid)[- ]?{S}?)?(?P<tss>{season}))"),
            // 2019-2021, 1990-91
            format!(r"(?P<yrr>(?P<yrr1>{YEAR4})(?:-|–)(?P<yrr2>{YEAR4}|[0-9][0-9](?-u:\b)))"),
            // 1989, the year 2000, nineteen ninety-six
            format!(r"(?P<yr>(?:the{S}year{S})?(?P<yry>{YEAR4}|{yw}))"),
            format!(r"(?P<ty>(?:(?:earlier|later){S})?(?:the|that){S}year(?-u:\b))"),
            // a bare month (guarded in code)
            format!(r"(?P<mo>{month_full})"),
        ];
        let pre = format!(
            r"(?:early|late|mid)(?:-|{S})|(?:the{S})?(?:end|beginning|start|middle|close){S}of{S}"
        );
        (alts.into(), pre)
    })
}

pub fn date_regex() -> &'static DateRegex {
    static RE: OnceLock<DateRegex> = OnceLock::new();
    RE.get_or_init(|| {
        let (alts, pre) = sources();
        let src = format!(r"(?i-u)\b(?P<pre>{pre})?(?:{})", alts.join("|"));
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
        let (alts, pre) = sources();
        let parts: Vec<String> = alts.iter().map(|a| format!("(?i-u){a}")).collect();
        let which = hybrid::dfa::DFA::builder()
            .thompson(thompson::Config::new().which_captures(WhichCaptures::None))
            .build_many(&parts)
            .expect("date alternatives");
        Alternatives {
            pre: meta::Regex::new(&format!("(?i-u){pre}")).expect("date modifier"),
            which,
            parts: parts.into_iter().map(Part::new).collect(),
        }
    })
}

pub fn ordinal(s: &str) -> Option<i8> {
    Some(match s.to_ascii_lowercase().as_str() {
        "first" | "1st" => 1,
        "second" | "2nd" | "last" | "latter" => 2,
        "third" | "3rd" => 3,
        "fourth" | "4th" => 4,
        _ => return None,
    })
}

/// A year in digits or words; two-digit years read as 19xx/20xx (pivot 50).
pub fn parse_year(s: &str) -> Option<i16> {
    let t = s.trim().trim_start_matches('\'');
    if t.bytes().all(|b| b.is_ascii_digit()) {
        let n: i16 = t.parse().ok()?;
        return Some(match t.len() {
            2 if n < 50 => 2000 + n,
            2 => 1900 + n,
            _ => n,
        });
    }
    let l = t.to_ascii_lowercase().replace('-', " ");
    let words: Vec<&str> = l.split_whitespace().filter(|w| *w != "and").collect();
    let small = |ws: &[&str]| -> Option<i16> {
        let j = ws.join(" ");
        if j.is_empty() {
            return Some(0);
        }
        if let Some(rest) = j.strip_prefix("oh ") {
            return crate::extract::numbers::parse_number(rest).map(|v| v as i16);
        }
        crate::extract::numbers::parse_number(&j).map(|v| v as i16)
    };
    match words.first().copied()? {
        "two" if words.get(1) == Some(&"thousand") => Some(2000 + small(&words[2..])?),
        first => {
            let century = crate::extract::numbers::parse_number(first)? as i16;
            let rest = if words.get(1) == Some(&"hundred") {
                &words[2..]
            } else {
                &words[1..]
            };
            Some(century * 100 + small(rest)?)
        }
    }
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
