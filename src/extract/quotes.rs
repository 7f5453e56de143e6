//! Quoted spans and who said them.
//!
//! A quote is a span in straight ("...") or curly (“...”) double quotes, or
//! in curly single quotes (‘...’) when they clearly quote rather than mark a
//! possessive. An opening double quote with no close runs to the end of its
//! line: news text continues a quotation there into the next paragraph.
//!
//! The speaker comes from the quote's sentence: an attribution right after
//! the quote (", X said", ", said X"), "according to X", or a reporting verb
//! before it ("X said the review found “...”"). A quote with none takes the
//! speaker of another quote on the same line. Names are preferred over roles
//! ("NYPD spokesperson Brad Weekes" → "Brad Weekes"); pronouns give none.

use super::numbers::Tokens;
use super::{Context, Found, Recogniser};
use crate::lang::wordlist::{
    is_name_connector, WordList, FUNCTION_WORDS, SPEAKER_TITLES as TITLES,
};
use crate::model::{ClaimKind, ClaimValue};
use std::ops::Range;

pub struct Quotes;

/// The most words a speaker's noun phrase may have
/// ("City Council Speaker Adrienne Adams and Councilmember Gale Brewer").
const MAX_NP: usize = 12;

static SPEECH_VERBS: WordList = WordList::new(include_str!("../../data/speech_verbs.txt"));
/// What is said or written, not who says it ("the statement said").
static STATEMENT_NOUNS: WordList = WordList::new(include_str!("../../data/statement_nouns.txt"));

fn is_speech_verb(w: &str) -> bool {
    SPEECH_VERBS.contains(w)
}

fn is_title(w: &str) -> bool {
    TITLES.contains(w.trim_end_matches('.'))
}

fn is_function(w: &str) -> bool {
    FUNCTION_WORDS.contains(w)
}

fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "the" | "a" | "an" | "this" | "that" | "his" | "her" | "their" | "its" | "our"
    )
}

fn is_pronoun(w: &str) -> bool {
    matches!(
        w,
        "he" | "she" | "they" | "it" | "we" | "i" | "you" | "who" | "which" | "both" | "one"
    )
}

/// Adverbs that may stand between a speaker and the verb ("X also said").
static SPEECH_ADVERBS: WordList = WordList::new(include_str!("../../data/speech_adverbs.txt"));

fn is_adverb(w: &str) -> bool {
    SPEECH_ADVERBS.contains(w)
}

/// A quoted span within a line: the whole span with its marks, and the text
/// inside them.
#[derive(Debug, Clone)]
struct Span {
    outer: Range<usize>,
    inner: Range<usize>,
}

/// Finds the quoted spans of `text[line]`.
fn spans(text: &str, line: Range<usize>, out: &mut Vec<Span>) {
    let l = &text[line.clone()];
    let base = line.start;
    let mut i = 0;
    while let Some(rel) = l[i..].find(['"', '\u{201c}', '\u{2018}']) {
        let p = i + rel;
        let c = l[p..].chars().next().unwrap_or('"');
        let after = p + c.len_utf8();
        let prev = l[..p].chars().next_back();
        let opens = prev.is_none_or(|c| {
            c.is_whitespace()
                || matches!(
                    c,
                    '(' | '[' | '\u{2014}' | '\u{2013}' | '-' | ':' | '/' | '\u{201c}' | '"'
                )
        });
        match c {
            '\u{201c}' | '"' => {
                if c == '"' && !opens {
                    i = after;
                    continue;
                }
                let close = if c == '"' { '"' } else { '\u{201d}' };
                let (inner_end, end) = match l[after..].find(close) {
                    Some(r) => (after + r, after + r + close.len_utf8()),
                    None => {
                        let t = l.trim_end().len();
                        (t, t)
                    }
                };
                if l[after..inner_end].trim().is_empty() {
                    i = end.max(after);
                    continue;
                }
                out.push(Span {
                    outer: base + p..base + end,
                    inner: base + after..base + inner_end,
                });
                i = end.max(after);
            }
            _ => {
                // ‘...’: opens before a letter, closes at a ’ not followed by
                // a letter (so not "Department’s"), within a few words.
                let next_ok = l[after..].chars().next().is_some_and(char::is_alphanumeric);
                let mut found = None;
                if opens && next_ok {
                    let mut k = after;
                    while let Some(r) = l[k..].find('\u{2019}') {
                        let q = k + r;
                        let nx = l[q + 3..].chars().next();
                        if !nx.is_some_and(char::is_alphanumeric) {
                            found = Some(q);
                            break;
                        }
                        k = q + 3;
                    }
                }
                match found {
                    Some(q) if l[after..q].split_whitespace().count() <= 12 => {
                        out.push(Span {
                            outer: base + p..base + q + 3,
                            inner: base + after..base + q,
                        });
                        i = q + 3;
                    }
                    _ => i = after,
                }
            }
        }
    }
}

/// Reads attributions in short stretches of text.
struct Attr<'a> {
    text: &'a str,
    t: Tokens,
}

impl<'a> Attr<'a> {
    fn lw(&self, i: usize) -> Option<&str> {
        (i < self.t.len() && self.t.toks[i].word).then(|| self.t.lower(i))
    }

    fn punct(&self, i: usize) -> Option<&str> {
        (i < self.t.len() && !self.t.toks[i].word).then(|| self.t.lower(i))
    }

    fn surface(&self, i: usize) -> &'a str {
        let k = &self.t.toks[i];
        &self.text[k.start..k.end]
    }

    fn is_cap(&self, i: usize) -> bool {
        self.t.toks[i].word && self.surface(i).starts_with(char::is_uppercase)
    }

    fn is_acronym(&self, i: usize) -> bool {
        let s = self.surface(i);
        s.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && s.chars().all(|c| c.is_uppercase() || c == '.' || c == '&')
    }

    /// A capitalised word that is not an acronym: part of a name.
    fn is_name_word(&self, i: usize) -> bool {
        self.is_cap(i) && !self.is_acronym(i)
    }

    /// May token `i` stand in a noun phrase naming a speaker?
    fn np_word(&self, i: usize) -> bool {
        match self.lw(i) {
            None => false,
            Some(w) => {
                self.is_cap(i)
                    || is_name_connector(w)
                    || is_determiner(w)
                    || is_pronoun(w)
                    || (!is_function(w) && !is_speech_verb(w) && w.chars().all(char::is_alphabetic))
            }
        }
    }

    /// ", X said", "X, the agency's head, said", ", said X" at the start of
    /// the tokens (the text right after a quote).
    fn after(&self) -> Option<Option<String>> {
        let mut k = 0;
        while matches!(self.punct(k), Some("," | "\u{2014}" | "-" | ":" | ";")) {
            k += 1;
        }
        if self.lw(k).is_some_and(is_speech_verb) {
            let start = k + 1;
            let mut e = start;
            while e < self.t.len() && self.np_word(e) && e - start < MAX_NP {
                if self
                    .lw(e)
                    .is_some_and(|w| is_function(w) && !is_determiner(w) && !is_name_connector(w))
                {
                    break;
                }
                e += 1;
            }
            return (e > start).then(|| self.speaker(start, e));
        }
        let limit = (k + 14).min(self.t.len());
        let v = (k..limit).find(|&i| self.lw(i).is_some_and(is_speech_verb))?;
        // The noun phrase runs from the start to the verb, or to an
        // appositive's comma ("Smith, the agency's director, said").
        let mut e = (k..v).find(|&i| self.punct(i) == Some(",")).unwrap_or(v);
        while e > k && self.lw(e - 1).is_some_and(is_adverb) {
            e -= 1;
        }
        if e == k || e - k > MAX_NP || !(k..e).all(|i| self.np_word(i)) {
            return None;
        }
        if e < v && self.punct(v - 1) != Some(",") {
            return None;
        }
        Some(self.speaker(k, e))
    }

    /// "X said ... “quote”": the first reporting verb with a speaker before
    /// it ("X said the report confirms “...”" is X's).
    fn before(&self) -> Option<Option<String>> {
        for v in 0..self.t.len() {
            if !self.lw(v).is_some_and(is_speech_verb) {
                continue;
            }
            let mut e = v;
            while e > 0 && self.lw(e - 1).is_some_and(is_adverb) {
                e -= 1;
            }
            // Skip back over an appositive: "X, who asked for it, said".
            if e > 0 && self.punct(e - 1) == Some(",") {
                let lo = e.saturating_sub(14);
                match (lo..e - 1).rev().find(|&i| self.punct(i) == Some(",")) {
                    Some(c) => e = c,
                    None => continue,
                }
            }
            let mut s = e;
            while s > 0 && e - s < MAX_NP && self.np_word(s - 1) {
                s -= 1;
                let w = self.t.lower(s);
                if is_determiner(w) {
                    break;
                }
                if is_function(w) && !is_name_connector(w) && !is_pronoun(w) {
                    s += 1;
                    break;
                }
            }
            // "and" or "of" cannot start a speaker's name; "the report" keeps
            // its article.
            while s < e
                && self
                    .lw(s)
                    .is_some_and(|w| is_name_connector(w) && !is_determiner(w))
            {
                s += 1;
            }
            if s < e {
                return Some(self.speaker(s, e));
            }
        }
        None
    }

    /// "according to X" anywhere in the tokens.
    fn according_to(&self) -> Option<Option<String>> {
        let i = (0..self.t.len().saturating_sub(1))
            .find(|&i| self.lw(i) == Some("according") && self.lw(i + 1) == Some("to"))?;
        let start = i + 2;
        let mut e = start;
        while e < self.t.len() && e - start < MAX_NP && self.np_word(e) {
            let w = self.t.lower(e);
            if is_function(w) && !is_determiner(w) && !is_name_connector(w) {
                break;
            }
            e += 1;
        }
        (e > start).then(|| self.speaker(start, e))
    }

    /// The speaker a noun phrase (tokens `s..e`) names: the names in it, or
    /// the phrase itself when it names no person; none for a pronoun.
    fn speaker(&self, s: usize, e: usize) -> Option<String> {
        if e - s == 1 && self.lw(s).is_some_and(is_pronoun) {
            return None;
        }
        // Parts joined by "and", each possibly a titled name.
        let mut parts: Vec<(usize, usize)> = Vec::new();
        let mut ps = s;
        for i in s..e {
            if self.lw(i) == Some("and") {
                parts.push((ps, i));
                ps = i + 1;
            }
        }
        parts.push((ps, e));
        let mut names: Vec<(String, bool, usize)> = Vec::new();
        for &(a, b) in &parts {
            // The last run of capitalised words, acronyms excluded.
            let mut end = b;
            while end > a && !self.is_name_word(end - 1) {
                end -= 1;
            }
            if end == a {
                continue;
            }
            let mut start = end;
            while start > a && self.is_name_word(start - 1) {
                start -= 1;
            }
            let mut titled = false;
            let mut ns = start;
            for i in start..end {
                let w = self.t.lower(i);
                if is_title(w) {
                    ns = i + 1;
                    titled = true;
                } else if is_determiner(w) {
                    ns = i + 1;
                }
            }
            // A title just before the run ("spokesperson Brad Weekes").
            if start > a && self.lw(start - 1).is_some_and(is_title) {
                titled = true;
            }
            if ns < end {
                names.push((self.text_of(ns, end), titled, end - ns));
            }
        }
        let multi = parts.len() > 1;
        let all_single = names.iter().all(|n| n.2 == 1);
        let kept: Vec<&str> = names
            .iter()
            .filter(|(_, titled, n)| !multi || *titled || *n > 1 || all_single)
            .map(|(s, _, _)| s.as_str())
            .collect();
        if !kept.is_empty() {
            return Some(kept.join(" and "));
        }
        // "the statement said": a document, not a speaker.
        if self.lw(e - 1).is_some_and(|w| STATEMENT_NOUNS.contains(w)) {
            return None;
        }
        // No name: the phrase itself, without "a"/"an".
        let mut a = s;
        if matches!(self.lw(a), Some("a" | "an")) && a + 1 < e {
            a += 1;
        }
        let mut phrase = self.text_of(a, e);
        if let Some(rest) = phrase.strip_prefix("The ") {
            phrase = format!("the {rest}");
        }
        Some(phrase)
    }

    fn text_of(&self, a: usize, b: usize) -> String {
        let s = &self.text[self.t.toks[a].start..self.t.toks[b - 1].end];
        let s = s
            .strip_suffix("’s")
            .or_else(|| s.strip_suffix("'s"))
            .unwrap_or(s);
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    }
}

fn sentence_of(sentences: &[Range<usize>], off: usize) -> Option<&Range<usize>> {
    let i = sentences.partition_point(|r| r.end <= off);
    sentences.get(i).filter(|r| r.start <= off)
}

/// Whether `line` holds a mark a quote opens with: `"`, `“` or `‘`. Most
/// lines hold none; looking for their bytes (the curly marks are E2 80 9C
/// and E2 80 98) passes them by many times faster than decoding every
/// character.
fn has_opening_mark(line: &str) -> bool {
    let b = line.as_bytes();
    memchr::memchr2_iter(b'"', 0xE2, b).any(|i| {
        b[i] == b'"' || (b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0x9C | 0x98)))
    })
}

impl Recogniser for Quotes {
    fn find(&self, cx: &Context) -> Vec<Found> {
        let text = cx.text;
        let mut out = Vec::new();
        let mut qs: Vec<Span> = Vec::new();
        let mut attr = Attr {
            text,
            t: Tokens::default(),
        };
        let mut line_start = 0;
        for line in text.split_inclusive('\n') {
            let range = line_start..line_start + line.trim_end_matches(['\n', '\r']).len();
            line_start += line.len();
            if !has_opening_mark(line) {
                continue;
            }
            qs.clear();
            spans(text, range.clone(), &mut qs);
            let mut found: Vec<Option<Option<String>>> = Vec::with_capacity(qs.len());
            for (n, q) in qs.iter().enumerate() {
                let sent_start =
                    sentence_of(cx.sentences, q.outer.start).map_or(range.start, |r| r.start);
                let sent_end = sentence_of(cx.sentences, q.outer.end.saturating_sub(1))
                    .map_or(range.end, |r| r.end);
                // Outside-quote text of the sentence, before and after.
                let before_start = n
                    .checked_sub(1)
                    .map(|p| qs[p].outer.end)
                    .filter(|&e| e > sent_start)
                    .unwrap_or(sent_start)
                    .min(q.outer.start);
                let after_end = qs
                    .get(n + 1)
                    .map(|nq| nq.outer.start)
                    .filter(|&s| s < sent_end)
                    .unwrap_or(sent_end)
                    .max(q.outer.end);
                attr.t.tokenize(&text[q.outer.end..after_end], q.outer.end);
                let mut who = attr.after().or_else(|| attr.according_to());
                if who.is_none() {
                    attr.t
                        .tokenize(&text[before_start..q.outer.start], before_start);
                    who = attr.according_to().or_else(|| attr.before());
                }
                found.push(who);
            }
            for (n, q) in qs.iter().enumerate() {
                // A quote with no attribution of its own takes its line's.
                let speaker = match &found[n] {
                    Some(s) => s.clone(),
                    None => (0..n)
                        .rev()
                        .chain(n + 1..qs.len())
                        .find_map(|m| found[m].clone())
                        .flatten(),
                };
                let mut quote = text[q.inner.clone()].trim();
                quote = quote.strip_suffix(',').unwrap_or(quote).trim_end();
                out.push(Found {
                    kind: ClaimKind::Quote,
                    start: q.outer.start,
                    end: q.outer.end,
                    value: ClaimValue::Quote {
                        quote: quote.to_string(),
                        speaker,
                    },
                    ends: None,
                });
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Reference;

    /// (surface, quote, speaker) of each quote in `text`.
    fn run(text: &str) -> Vec<(String, String, Option<String>)> {
        crate::extract::find_in(&Quotes, text, &Reference::unknown())
            .into_iter()
            .map(|f| match f.value {
                ClaimValue::Quote { quote, speaker } => {
                    (text[f.start..f.end].to_string(), quote, speaker)
                }
                other => panic!("{other:?}"),
            })
            .collect()
    }

    #[test]
    fn lines_with_an_opening_mark_are_told_from_the_rest_by_their_bytes() {
        for line in [
            "He said \"no\".",
            "\u{201c}No,\u{201d} he said.",
            "a \u{2018}word\u{2019}",
        ] {
            assert!(has_opening_mark(line), "{line}");
        }
        // Other marks that start with the same byte, and closing marks alone.
        for line in [
            "It\u{2019}s \u{2014} done\u{201d}",
            "caf\u{e9} \u{2026}",
            "plain",
            "",
            "\u{201d}",
        ] {
            assert!(!has_opening_mark(line), "{line}");
        }
    }

    fn speaker(text: &str) -> Option<String> {
        let all = run(text);
        assert_eq!(all.len(), 1, "{text}: {all:?}");
        all[0].2.clone()
    }

    #[test]
    fn straight_and_curly_quotes_with_marks_in_span() {
        let r = run("He said \"we will act\" and left. She called it “a mess,” later.");
        assert_eq!(r[0].0, "\"we will act\"");
        assert_eq!(r[0].1, "we will act");
        assert_eq!(r[1].0, "“a mess,”");
        assert_eq!(r[1].1, "a mess");
    }

    #[test]
    fn single_curly_quotes_but_not_apostrophes() {
        let r = run("NYPD working ‘diligently’ to obey the Department’s rules");
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].0, "‘diligently’");
        assert!(run("The Department’s rules and the officers’ union").is_empty());
    }

    #[test]
    fn unclosed_quote_runs_to_end_of_line() {
        let r = run("“We will keep going, and we will win.\nNext paragraph.");
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].0, "“We will keep going, and we will win.");
    }

    #[test]
    fn speakers_after_the_quote() {
        assert_eq!(
            speaker("“We acted,” Jane Doe said."),
            Some("Jane Doe".into())
        );
        assert_eq!(
            speaker("“We acted,” said Jane Doe."),
            Some("Jane Doe".into())
        );
        assert_eq!(
            speaker("“We acted,” NYPD spokesperson Brad Weekes said in a statement."),
            Some("Brad Weekes".into())
        );
        assert_eq!(
            speaker("“We acted,” Jane Doe, the agency’s director, told reporters."),
            Some("Jane Doe".into())
        );
        assert_eq!(
            speaker("“We acted,” the report stated."),
            Some("the report".into())
        );
        assert_eq!(speaker("“We acted,” they said."), None);
        // A statement is what was said; its author is named elsewhere.
        assert_eq!(speaker("“We acted,” the statement said."), None);
        assert_eq!(speaker("“We acted,” the assertion stated."), None);
        assert_eq!(
            speaker("“It is troubling,” City Council Speaker Adrienne Adams and Councilmember Gale Brewer said."),
            Some("Adrienne Adams and Gale Brewer".into())
        );
        assert_eq!(
            speaker("“It is troubling,” Adams and Brewer mentioned."),
            Some("Adams and Brewer".into())
        );
        assert_eq!(
            speaker("“We acted,” DOI Commissioner Jocelyn Strauber wrote."),
            Some("Jocelyn Strauber".into())
        );
    }

    #[test]
    fn speakers_before_the_quote_and_according_to() {
        assert_eq!(
            speaker("Strauber said the review underscores “the complexities” of the work."),
            Some("Strauber".into())
        );
        assert_eq!(
            speaker("An NYPD spokesperson said the report confirms the department “has worked diligently.”"),
            Some("NYPD spokesperson".into())
        );
        assert_eq!(
            speaker("However, the report stated, the agency “did find gaps.”"),
            Some("the report".into())
        );
        assert_eq!(
            speaker("Speaker Adams and Council Member Brewer, who requested the probe, said the cases are “deeply troubling.”"),
            Some("Adams and Brewer".into())
        );
        assert_eq!(
            speaker("Agents asked him to “put out alerts” on people, according to the report."),
            Some("the report".into())
        );
        assert_eq!(
            speaker("A person holds a sign reading “Abolish ICE” outside."),
            None
        );
    }

    #[test]
    fn second_quote_on_a_line_takes_the_lines_speaker() {
        let r = run("“It is critical,” Jane Doe said. “The city must act.”");
        assert_eq!(r.len(), 2);
        assert_eq!(r[1].2, Some("Jane Doe".into()));
    }
}
