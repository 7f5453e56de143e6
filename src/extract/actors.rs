//! Organisations and people a sentence names.
//!
//! An actor is a run of capitalised words, possibly joined by lowercase
//! connectors ("Department of Investigation", "Immigration and Customs
//! Enforcement", "Tren de Aragua"), or an acronym ("NYPD", "U.S."), which
//! always stands alone. Sentence openers and other stop words are dropped
//! from the start of a run, month and weekday names from its edges, and a
//! title before a full name is dropped ("Commissioner Jocelyn Strauber" →
//! "Jocelyn Strauber", keeping "City Council" from "City Council Speaker
//! Adrienne Adams"). Names are canonicalised: no leading "the", no
//! possessive, single spaces.

use crate::lang::wordlist::{
    is_calendar_word, is_name_connector, lower_in, WordList, SPEAKER_TITLES as TITLES,
};
use crate::text::char_at;

static STOPWORDS: WordList = WordList::new(include_str!("../../data/actor_stopwords.txt"));

fn is_stopword(lower: &str) -> bool {
    STOPWORDS.contains(lower)
}

fn is_title(lower: &str) -> bool {
    TITLES.contains(lower.trim_end_matches('.'))
}

/// The words of `s` with their byte ranges: letters and digits joined by
/// inner apostrophes, hyphens, ampersands and points ("O’Brien",
/// "Tren-de", "AT&T", "U.S."), a dotted acronym keeping its final point.
fn words_of(s: &str, out: &mut Vec<(usize, usize)>) {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let (c, n) = char_at(s, i);
        if !c.is_alphanumeric() {
            i += n;
            continue;
        }
        let start = i;
        let mut end = i + n;
        while end < b.len() {
            let (d, dn) = char_at(s, end);
            if d.is_alphanumeric() {
                end += dn;
                continue;
            }
            // A joiner stays inside the word when a letter or digit follows.
            let joiner = matches!(d, '\u{2019}' | '\'' | '-' | '&' | '.');
            if joiner && end + dn < b.len() && char_at(s, end + dn).0.is_alphanumeric() {
                end += dn;
                continue;
            }
            break;
        }
        // "U.S." keeps its final point.
        if b.get(end) == Some(&b'.') && end >= start + 3 && b[end - 2] == b'.' {
            end += 1;
        }
        out.push((start, end));
        i = end;
    }
}

#[derive(Debug, Clone, Copy)]
struct Word<'a> {
    text: &'a str,
    /// Something other than spaces separates this word from the previous.
    broken: bool,
    /// The word opens a sentence, quote, bracket or table cell, where any
    /// word is capitalised.
    initial: bool,
}

/// A capitalised word at the start of a sentence that reads as a common
/// noun, adjective or verb form ("Investigators", "Federal", "Initiated")
/// rather than a name.
fn looks_common(lower: &str) -> bool {
    lower.len() > 4
        && [
            "ers", "ors", "ists", "ed", "ing", "ly", "al", "ive", "ous", "ment", "tion", "sion",
            "ity", "ness", "able", "ible", "ful", "less", "ary", "ants", "ents",
        ]
        .iter()
        .any(|s| lower.ends_with(s))
}

fn is_cap(w: &str) -> bool {
    match w.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => w.starts_with(char::is_uppercase),
    }
}

/// "NYPD", "U.S.", "HSI's": two or more letters, all capitals.
fn is_acronym(w: &str) -> bool {
    if !is_cap(w) {
        return false;
    }
    let mut letters = 0;
    for c in strip_possessive(w).chars() {
        if c.is_uppercase() {
            letters += 1;
        } else if c != '.' && c != '&' {
            return false;
        }
    }
    letters >= 2
}

fn strip_possessive(w: &str) -> &str {
    w.strip_suffix("’s")
        .or_else(|| w.strip_suffix("'s"))
        .or_else(|| w.strip_suffix('’'))
        .unwrap_or(w)
}

fn has_possessive(w: &str) -> bool {
    w.ends_with("’s") || w.ends_with("'s")
}

/// Names and acronyms in `sentence`, in order of appearance, deduplicated.
pub fn find(sentence: &str) -> Vec<String> {
    // About one word in six bytes of prose: one allocation for most sentences.
    let mut spans: Vec<(usize, usize)> = Vec::with_capacity(sentence.len() / 4);
    words_of(sentence, &mut spans);
    let mut words: Vec<Word> = Vec::with_capacity(spans.len());
    let mut last = 0;
    for &(ms, me) in &spans {
        let gap = &sentence[last..ms];
        // Most words follow one space, which neither breaks a run nor opens
        // anything.
        let (broken, opens) = if gap == " " {
            (false, false)
        } else {
            (
                gap.chars().any(|c| !c.is_whitespace()),
                gap.contains(['|', '\u{201c}', '"', '(', ':', '\u{2014}', '\u{2018}'])
                    || gap.contains(['.', '!', '?']),
            )
        };
        words.push(Word {
            text: &sentence[ms..me],
            broken: words.is_empty() || broken,
            initial: words.is_empty() || opens,
        });
        last = me;
    }
    let mut out: Vec<String> = Vec::new();
    let mut push = |name: String| {
        if !name.is_empty() && !out.contains(&name) {
            out.push(name);
        }
    };
    let mut i = 0;
    while i < words.len() {
        let w = words[i].text;
        if is_acronym(w) {
            push(strip_possessive(w).to_string());
            i += 1;
            continue;
        }
        if !is_cap(w) {
            i += 1;
            continue;
        }
        // A run of capitalised words and inner connectors.
        let mut end = i + 1;
        if !has_possessive(w) {
            while end < words.len() && !words[end].broken {
                let t = words[end].text;
                if is_acronym(t) {
                    break;
                }
                if is_cap(t) {
                    end += 1;
                    if has_possessive(t) {
                        break;
                    }
                    continue;
                }
                // A connector joins only when a capitalised word follows it.
                let mut k = end;
                while k < words.len() && !words[k].broken && is_name_connector(words[k].text) {
                    k += 1;
                }
                if k > end
                    && k < words.len()
                    && !words[k].broken
                    && is_cap(words[k].text)
                    && !is_acronym(words[k].text)
                {
                    end = k;
                    continue;
                }
                break;
            }
        }
        run(&words[i..end], &mut push);
        i = end;
    }
    out
}

/// Words that end the name of an organisation or place, where "and" is
/// part of the name ("Immigration and Customs Enforcement"); elsewhere "and"
/// joins two actors ("Adams and Brewer").
static ORG_HEADS: WordList = WordList::new(include_str!("../../data/org_heads.txt"));

fn is_org_head(lower: &str) -> bool {
    ORG_HEADS.contains(lower)
}

/// Emits the actor(s) a run of capitalised words names.
fn run(words: &[Word], push: &mut impl FnMut(String)) {
    // Word lists are looked up in lower case, spelt on the stack.
    let is = |w: &Word, list: fn(&str) -> bool| {
        let mut buf = [0u8; 32];
        list(&lower_in(strip_possessive(w.text), &mut buf))
    };
    if !words.last().is_some_and(|w| is(w, is_org_head)) {
        if let Some(k) = words.iter().position(|w| w.text == "and") {
            run(&words[..k], push);
            run(&words[k + 1..], push);
            return;
        }
    }
    let mut a = 0;
    let mut b = words.len();
    loop {
        let before = (a, b);
        while a < b
            && (is(&words[a], is_stopword)
                || is(&words[a], is_calendar_word)
                || is_name_connector(words[a].text))
        {
            a += 1;
        }
        while b > a && (is(&words[b - 1], is_calendar_word) || is_name_connector(words[b - 1].text))
        {
            b -= 1;
        }
        if (a, b) == before {
            break;
        }
    }
    if a >= b {
        return;
    }
    let ws = &words[a..b];
    // A title before a full name: the person, and any organisation before.
    if let Some(t) = (0..ws.len()).rev().find(|&k| is(&ws[k], is_title)) {
        let name = &ws[t + 1..];
        let named = !name.is_empty()
            && is_cap(name[0].text)
            && !is(&name[0], is_title)
            && !is(&name[name.len() - 1], is_org_head)
            && name
                .iter()
                .all(|w| is_cap(w.text) || is_name_connector(w.text));
        if named {
            if t >= 2 && !ws[..t].iter().all(|w| is(w, is_title)) {
                push(canonical(&ws[..t]));
            }
            push(canonical(name));
            return;
        }
    }
    if ws.len() == 1
        && (ws[0].text.chars().count() < 2 || (ws[0].initial && is(&ws[0], looks_common)))
    {
        return;
    }
    push(canonical(ws));
}

fn canonical(words: &[Word]) -> String {
    let mut s = String::with_capacity(words.iter().map(|w| w.text.len() + 1).sum());
    for (k, w) in words.iter().enumerate() {
        if k == 0 && w.text.eq_ignore_ascii_case("the") {
            continue;
        }
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(if k + 1 == words.len() {
            strip_possessive(w.text)
        } else {
            w.text
        });
    }
    s
}

/// The acronym a name would be abbreviated to: the initials of its
/// capitalised words ("Homeland Security Investigations" → "HSI",
/// "Immigration and Customs Enforcement" → "ICE"), taking "of" too when that
/// would otherwise leave fewer than three letters ("Department of
/// Investigation" → "DOI", "Department of Justice" → "DOJ").
pub fn acronym_of(name: &str) -> String {
    let words: Vec<&str> = name
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .collect();
    let initials = |with_of: bool| -> String {
        words
            .iter()
            .enumerate()
            .filter(|(k, w)| !(*k == 0 && w.eq_ignore_ascii_case("the")))
            .filter_map(|(_, w)| {
                let c = w.chars().next()?;
                if c.is_uppercase() || (with_of && *w == "of") {
                    Some(c.to_uppercase().next().unwrap_or(c))
                } else {
                    None
                }
            })
            .collect()
    };
    let short = initials(false);
    if short.chars().count() < 3 && words.contains(&"of") {
        initials(true)
    } else {
        short
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_with_connectors_and_acronyms() {
        assert_eq!(
            find("In reviewing 5 incidents involving ICE, the Department of Investigation report found that the NYPD complied."),
            vec!["ICE", "Department of Investigation", "NYPD"]
        );
        assert_eq!(
            find("The NYPD’s cooperation with Immigration and Customs Enforcement (ICE) drew criticism."),
            vec!["NYPD", "Immigration and Customs Enforcement", "ICE"]
        );
        assert_eq!(
            find("Officers watched members of the Tren de Aragua gang in the U.S. on Tuesday."),
            vec!["Tren de Aragua", "U.S."]
        );
    }

    #[test]
    fn openers_calendar_words_possessives_and_the_are_dropped() {
        assert_eq!(
            find("However, in March the report said."),
            Vec::<String>::new()
        );
        assert_eq!(
            find("On Wednesday, The New York Times reported on Kordia’s case."),
            vec!["New York Times", "Kordia"]
        );
        assert_eq!(find("It is New York’s sanctuary law."), vec!["New York"]);
        assert_eq!(find("A person held a sign."), Vec::<String>::new());
        assert_eq!(
            find("Investigators reviewed it. Federal agents came."),
            Vec::<String>::new()
        );
        assert_eq!(
            find("| Unauthorized access | Initiated review |"),
            Vec::<String>::new()
        );
        assert_eq!(find("Strauber said so."), vec!["Strauber"]);
    }

    #[test]
    fn particles_of_names_stay_inside_them() {
        assert_eq!(
            find("Prince Al-Walid bin Talal met Ursula von der Leyen."),
            vec!["Al-Walid bin Talal", "Ursula von der Leyen"]
        );
    }

    #[test]
    fn titles_before_full_names() {
        assert_eq!(
            find("City Council Speaker Adrienne Adams and Councilmember Gale Brewer said so."),
            vec!["City Council", "Adrienne Adams", "Gale Brewer"]
        );
        assert_eq!(
            find("DOI Commissioner Jocelyn Strauber said in a statement."),
            vec!["DOI", "Jocelyn Strauber"]
        );
        assert_eq!(
            find("The Police Commissioner cancelled it."),
            vec!["Police Commissioner"]
        );
    }

    #[test]
    fn punctuation_breaks_runs_and_output_is_deduplicated() {
        assert_eq!(
            find("Adams, Brewer and Adams met ICE and ICE."),
            vec!["Adams", "Brewer", "ICE"]
        );
    }

    #[test]
    fn acronyms_of_names() {
        assert_eq!(acronym_of("Department of Investigation"), "DOI");
        assert_eq!(acronym_of("Homeland Security Investigations"), "HSI");
        assert_eq!(acronym_of("Immigration and Customs Enforcement"), "ICE");
        assert_eq!(acronym_of("Federal Bureau of Investigation"), "FBI");
        assert_eq!(acronym_of("New York Police Department"), "NYPD");
        assert_eq!(acronym_of("the Department of Justice"), "DOJ");
    }
}
