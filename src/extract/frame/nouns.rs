//! What a value is of, read from the words around it: the noun it counts or
//! modifies, the names of its clause, and a word that makes its set
//! another one ("other", "total", "part").

use super::build::occurrences;
use super::{is_function, Reach, WINDOW};
use crate::lang::lexicon::Lexicon;
use crate::lang::tokens::Token;
use crate::lang::words;

/// Words that are not part of a name even when capitalised ("The", "In",
/// "Our"), unlike "New" of "New York".
use crate::lang::wordlist::FUNCTION_WORDS as NAME_BREAKERS;

/// What "one instance where an officer violated the law" counts: the
/// event its clause tells (a violation), not instances at large. Only for
/// nouns that count occurrences of something else.
pub(super) fn instance_of(
    lex: &Lexicon,
    toks: &[Token],
    owner: &[Option<usize>],
    b: usize,
    noun: &str,
) -> Option<String> {
    if !matches!(noun, "incident" | "occasion" | "time") {
        return None;
    }
    let mut k = b;
    match toks.get(k).map(|t| &*t.lower) {
        Some("where" | "when") => k += 1,
        Some("in") if toks.get(k + 1).is_some_and(|t| t.lower == "which") => k += 2,
        _ => return None,
    }
    // The clause's own verb is its last ("where an officer assigned to a
    // task force violated the law").
    let mut verb = None;
    for j in k..(k + 16).min(toks.len()) {
        let t = &toks[j];
        if (!t.word && t.lower != "'" && t.lower != "\u{2019}") || owner[j].is_some() {
            break;
        }
        if t.is_verb_form() && !lex.is_not_event(t.lemma()) {
            verb = Some(lex.concept(t.lemma()).to_string());
        }
    }
    verb
}

/// What an amount of money or a percentage is of: the noun it modifies
/// ("a $900m loan", "a $27.5bn tax bill", "a 5% stake"), the noun after
/// "in" or "worth of" ("$20bn in damages", "$108m worth of diamonds"), or
/// the noun before "of" ("a bid of $6.3bn", "revenue of $3.6bn").
pub(super) fn thing_of(
    lex: &Lexicon,
    toks: &[Token],
    owner: &[Option<usize>],
    ci: usize,
    a: usize,
    b: usize,
) -> Option<String> {
    let free = |k: usize| owner.get(k).is_some_and(|o| o.is_none() || *o == Some(ci));
    let noun = |k: usize| {
        toks.get(k).filter(|t| {
            t.word
                && !t.digit
                && free(k)
                && !is_function(&t.lower)
                && !crate::lang::wordlist::is_calendar_word(&t.lower)
                && !t.is_verb_form()
                && lex.change(t.lemma()).is_none()
        })
    };
    // Skip a bracket restating the amount: "$6.3bn (£3.4bn) bid".
    let mut k = b;
    if toks.get(k).is_some_and(|t| t.lower == "(") {
        while k < toks.len() && toks[k].lower != ")" && k < b + 8 {
            k += 1;
        }
        k += 1;
    }
    let word = |k: usize| toks.get(k).map(|t| &*t.lower);
    let lead = match (word(k), word(k + 1)) {
        (Some("in"), _) => Some(k + 1),
        (Some("worth"), Some("of")) => Some(k + 2),
        (Some("of"), _) if is_percent(toks, a, b) => Some(k + 1),
        _ => None,
    };
    let start = lead.unwrap_or(k);
    let start = if word(start).is_some_and(|w| matches!(w, "the" | "its" | "their" | "a" | "an")) {
        start + 1
    } else {
        start
    };
    // The head of the noun phrase: its last noun of up to three ("the
    // fishing fleet's moorings": a verb form may modify a noun after it).
    let mut head = None;
    let mut j = start;
    // "Yukos' oil output": the mark of a plural possessive.
    let possessive_mark = |k: usize| {
        toks.get(k)
            .is_some_and(|t| !t.word && (t.lower == "'" || t.lower == "\u{2019}"))
            && k > start
            && noun(k + 1).is_some()
    };
    let modifier = |k: usize| {
        toks.get(k).is_some_and(|t| {
            t.word && !t.digit && free(k) && !is_function(&t.lower) && t.lower.ends_with("ing")
        }) && noun(k + 1).is_some()
    };
    while j < start + 4 && (noun(j).is_some() || modifier(j) || possessive_mark(j)) {
        if !possessive_mark(j) {
            head = Some(j);
        }
        j += 1;
    }
    if let Some(h) = head {
        return Some(lex.concept(toks[h].lemma()).to_string());
    }
    // "a bid of $6.3bn", "revenue of $3.6bn", "an offer worth $2bn".
    let before = a.checked_sub(1)?;
    if matches!(&*toks[before].lower, "of" | "worth" | "at") {
        let n = noun(before.checked_sub(1)?)?;
        return Some(lex.concept(n.lemma()).to_string());
    }
    None
}

/// Whether the claim's span ends in a percent sign or word.
fn is_percent(toks: &[Token], a: usize, b: usize) -> bool {
    toks[a..b]
        .iter()
        .any(|t| t.lower == "%" || t.lower == "percent" || t.lower == "per")
}

/// The noun a date modifies when it picks out one of several: "the August
/// 2022 complaint", "Sunday's quake", "last year's election".
pub(super) fn instance_noun(
    lex: &Lexicon,
    toks: &[Token],
    owner: &[Option<usize>],
    a: usize,
    b: usize,
) -> Option<String> {
    let last = &toks[b - 1];
    let possessive = last.is_possessive();
    let determiner = a.checked_sub(1).map(|k| &toks[k]).is_some_and(|t| {
        matches!(
            &*t.lower,
            "the" | "a" | "an" | "this" | "that" | "its" | "their" | "his" | "her"
        )
    });
    if !(possessive || determiner) {
        return None;
    }
    let next = toks.get(b).filter(|_| owner[b].is_none())?;
    // "the November 18 sinking": a verb's -ing form after a date is the
    // event's noun; "the 2008 heist was" is a noun too.
    let gerund = next.lower.ends_with("ing");
    if !next.word
        || next.digit
        || next.cap
        || is_function(&next.lower)
        || (next.is_verb_form() && !gerund)
    {
        return None;
    }
    Some(lex.concept(next.lemma()).to_string())
}

pub(super) fn join_names(ts: &[Token]) -> String {
    ts.iter().map(Token::bare).collect::<Vec<_>>().join(" ")
}

/// Runs of capitalised words in the clause (not the sentence's first word
/// when it is a common word, not calendar words), lowercase.
pub(super) fn entities(
    toks: &[Token],
    reach: &Reach,
    owner: &[Option<usize>],
    ci: usize,
) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut run: Vec<&Token> = Vec::new();
    let flush = |run: &mut Vec<&Token>, out: &mut Vec<String>| {
        if !run.is_empty() {
            let name = run.iter().map(|t| t.bare()).collect::<Vec<_>>().join(" ");
            if !out.contains(&name) {
                out.push(name);
            }
            run.clear();
        }
    };
    for (k, t) in toks.iter().enumerate() {
        let inside = reach.dist[k].is_some_and(|d| d <= WINDOW as u8) && owner[k] != Some(ci);
        // Only a word inside the clause is weighed as a name.
        let name_like = || {
            t.word
                && t.cap
                && !t.digit
                && !crate::lang::wordlist::is_calendar_word(&t.lower)
                // "New York", "United Nations": a capitalised function word
                // inside a name is part of it, not before one ("The", "In").
                && (!NAME_BREAKERS.contains(&t.lower) || (!run.is_empty() && t.lower != "the"))
                && (k != 0 || words::zipf(&t.lower).is_none_or(|z| z < 3.0))
        };
        if inside && name_like() {
            run.push(t);
        } else {
            flush(&mut run, &mut out);
        }
    }
    flush(&mut run, &mut out);
    out
}

/// `other`, `total` or `part`: a word that makes the set another one.
pub(super) fn qualifier(
    lex: &Lexicon,
    toks: &[Token],
    reach: &Reach,
    owner: &[Option<usize>],
    ci: usize,
    a: usize,
    b: usize,
) -> Option<String> {
    // Words of the claim itself after its number ("three other cases",
    // "dozens more"), and just before it ("the remaining three boats");
    // never the bound ("more than 30" is a bound, not more of them).
    let num =
        (a..b).find(|&k| toks[k].digit || crate::lang::numbers::is_number_word(&toks[k].lower));
    let mut near: Vec<usize> = Vec::new();
    if let Some(n) = num {
        near.extend(n + 1..b);
        let mut k = n;
        let mut steps = 0;
        while k > 0 && steps < 3 {
            k -= 1;
            steps += 1;
            let t = &toks[k];
            if !t.word || (owner[k].is_some() && owner[k] != Some(ci)) {
                break;
            }
            if matches!(
                &*t.lower,
                "than" | "least" | "most" | "to" | "nearly" | "about"
            ) {
                break;
            }
            near.push(k);
        }
        // Right after the claim: "dozens more", "10 more".
        if b < toks.len() && toks[b].word && owner[b].is_none() {
            near.push(b);
        }
    }
    for (name, cues) in &lex.qualifiers {
        if name != "other" {
            continue;
        }
        for cue in cues {
            if cue.len() != 1 {
                continue;
            }
            if let Some(k) = near.iter().copied().find(|&k| toks[k].lower == cue[0]) {
                // "more than": a bound.
                if toks.get(k + 1).is_some_and(|n| n.lower == "than") {
                    continue;
                }
                return Some(name.clone());
            }
        }
    }
    // A part of a set: "two of whom", "two of them" right after the
    // number, or "including" right before it.
    let of_set = |k: usize| {
        toks.get(k).is_some_and(|t| t.lower == "of")
            && toks
                .get(k + 1)
                .is_some_and(|t| matches!(&*t.lower, "whom" | "them" | "which"))
    };
    if let Some(n) = num {
        let after_number = (n + 1..b.max(n + 1) + 1).any(of_set);
        let including = a > 0 && toks[a - 1].lower == "including";
        if after_number || including {
            return Some("part".into());
        }
    }
    for (name, cues) in &lex.qualifiers {
        let reach_limit = match name.as_str() {
            "total" => 4,
            _ => continue,
        };
        // Only a cue with a word this near can count: look for cues only
        // around the words that are, not along the whole sentence.
        let near = |k: &usize| reach.dist[*k].is_some_and(|d| d <= reach_limit);
        let (Some(lo), Some(hi)) = ((0..toks.len()).find(near), (0..toks.len()).rfind(near)) else {
            continue;
        };
        for cue in cues.iter().filter(|c| !c.is_empty()) {
            let first = (lo + 1).saturating_sub(cue.len());
            let around = &toks[first..(hi + cue.len()).min(toks.len())];
            for i in occurrences(around, cue).map(|i| first + i) {
                let d = (i..i + cue.len()).filter_map(|k| reach.dist[k]).min();
                if d.is_some_and(|d| d <= reach_limit) {
                    return Some(name.clone());
                }
            }
        }
    }
    None
}
