//! Frames: what each claim of a sentence states a value of.
//!
//! A claim's frame is read from its own clause, not the whole sentence: the
//! words next to the value, up to a hard break (a semicolon, a colon, a
//! dash, a quote mark, a bracket that holds no other value) and at most a
//! few content words away, a comma or another value counting as distance.
//! In "killing 10 persons and wounding other 70", 10 are deaths and 70
//! other injuries; in "a depth of 10 km, 58 km south-west of Bandar Abbas",
//! 10 km is a depth and 58 km a distance from Bandar Abbas.
//!
//! The words are read through the language layer ([`crate::lang`]): base
//! forms, concepts ("hit", "struck" and "jolted" are one event), roles
//! ("killing", "dead", "death toll" give deaths), qualifiers and change
//! words, all data under `data/`.

use crate::lang::lexicon::{Lexicon, ValueKind};
use crate::lang::tokens::{tokenize, Token};
use crate::lang::words;
use crate::model::{ClaimKind, ClaimValue, Frame};

/// Content words kept on each side of a value.
const WINDOW: usize = 8;
/// How far (in words) a role word may stand from its value.
const ROLE_REACH: u8 = 4;
/// How far an event's verb may stand.
const EVENT_REACH: u8 = 6;

/// A claim of the sentence: its byte range in the sentence, kind and value.
pub struct Slot<'a> {
    pub start: usize,
    pub end: usize,
    pub kind: ClaimKind,
    pub value: &'a ClaimValue,
}

/// Words that are not part of a name even when capitalised ("The", "In",
/// "Our"), unlike "New" of "New York".
use crate::lang::wordlist::FUNCTION_WORDS as NAME_BREAKERS;

/// Marks that end a clause outright.
fn hard_break(t: &Token) -> bool {
    !t.word
        && matches!(
            t.lower.as_str(),
            ";" | ":"
                | "\u{2014}"
                | "\u{2013}"
                | "\""
                | "\u{201c}"
                | "\u{201d}"
                | "["
                | "]"
                | "|"
                | "?"
                | "!"
        )
}

/// The concept a token of a clause or sentence contributes to what a value
/// is of, if it is a content word: not a function word, a number, a
/// calendar word or a contraction ("didn't"), which say nothing of it.
pub fn content_concept(lex: &Lexicon, t: &Token) -> Option<String> {
    if !t.word
        || t.digit
        || is_function(&t.lower)
        || t.lower.ends_with("n't")
        || t.lower.ends_with("n\u{2019}t")
        || crate::extract::numbers::is_number_word(&t.lower)
        || crate::lang::wordlist::is_calendar_word(&t.lower)
    {
        return None;
    }
    Some(lex.concept(&crate::lang::morph::root(&t.lemma)).to_string())
}

/// Function words: never context, never a cue on their own.
fn is_function(lower: &str) -> bool {
    crate::lang::wordlist::STOPWORDS.contains(lower)
}

/// What a position is, seen from one claim: its distance in words, or
/// `None` when it lies beyond the clause.
struct Reach {
    dist: Vec<Option<u8>>,
    /// Whether a comma stands between the claim and the word, after it.
    after_comma: Vec<bool>,
}

/// The frames of the claims of one sentence, in the order given.
pub fn frames(sentence: &str, slots: &[Slot]) -> Vec<Frame> {
    let mut toks = tokenize(sentence);
    let lex = Lexicon::bundled();
    // Two words that name one concept together ("let go", "laid off") are
    // read as that concept.
    // A pronoun may stand between them: "let him go", "laid them off".
    for k in 0..toks.len().saturating_sub(1) {
        let pronoun = |t: &Token| {
            matches!(
                t.lower.as_str(),
                "him" | "her" | "them" | "it" | "us" | "me"
            )
        };
        let second = if toks.get(k + 1).is_some_and(pronoun) {
            k + 2
        } else {
            k + 1
        };
        if second >= toks.len() || !(toks[k].word && toks[second].word) {
            continue;
        }
        if let Some(c) = lex.phrase_concept(&toks[k].lemma, &toks[second].lemma) {
            let c = c.to_string();
            toks[k].lemma = c.clone();
            toks[second].lemma = c;
        }
    }
    // Which claim each token belongs to.
    let mut owner: Vec<Option<usize>> = vec![None; toks.len()];
    let mut spans: Vec<(usize, usize)> = Vec::with_capacity(slots.len());
    for (ci, s) in slots.iter().enumerate() {
        let first = toks.partition_point(|t| t.end <= s.start);
        let mut last = first;
        while last < toks.len() && toks[last].start < s.end {
            if owner[last].is_none() {
                owner[last] = Some(ci);
            }
            last += 1;
        }
        spans.push((first, last.max(first + 1).min(toks.len().max(1))));
    }
    slots
        .iter()
        .enumerate()
        .map(|(ci, s)| {
            let (a, b) = spans[ci];
            if toks.is_empty() || a >= toks.len() {
                return Frame {
                    attribute: base_attribute(s).to_string(),
                    ..Frame::default()
                };
            }
            let reach = reach(&toks, &owner, ci, a, b);
            build(lex, &toks, &owner, &reach, ci, a, b, s)
        })
        .collect()
}

/// Distances from the claim at tokens [a, b) to every token of its clause.
fn reach(toks: &[Token], owner: &[Option<usize>], ci: usize, a: usize, b: usize) -> Reach {
    let mut dist = vec![None; toks.len()];
    let mut after_comma = vec![false; toks.len()];
    for d in dist.iter_mut().take(b).skip(a) {
        *d = Some(0);
    }
    // Leftwards, then rightwards.
    for dir in [-1isize, 1] {
        let mut d: u32 = 0;
        let mut content = 0;
        let mut k: isize = if dir < 0 { a as isize - 1 } else { b as isize };
        let mut last_owner: Option<usize> = Some(ci);
        let mut paren_depth = 0i32;
        let mut comma = false;
        while k >= 0 && (k as usize) < toks.len() && content < WINDOW {
            let t = &toks[k as usize];
            let o = owner[k as usize];
            if o.is_some() && o != Some(ci) {
                // Another value: its words are not context, and it stands
                // between.
                if o != last_owner {
                    d += 2;
                }
                last_owner = o;
                k += dir;
                continue;
            }
            last_owner = None;
            if hard_break(t) {
                break;
            }
            if !t.word {
                match t.lower.as_str() {
                    "," => {
                        d += 2;
                        comma = dir > 0;
                    }
                    // A bracket that only restates a value ("58 km (36
                    // miles)") is read through; any other ends the clause.
                    "(" | ")" => {
                        let opening = (t.lower == "(") == (dir > 0);
                        if opening {
                            if !restates(toks, owner, k as usize, dir) {
                                break;
                            }
                            paren_depth += 1;
                        } else if paren_depth > 0 {
                            paren_depth -= 1;
                        } else {
                            // Leaving the brackets the claim sits in: what
                            // lies outside is still its clause.
                            d += 1;
                        }
                    }
                    "." => break,
                    _ => {}
                }
                k += dir;
                continue;
            }
            dist[k as usize] = Some(d.min(250) as u8);
            after_comma[k as usize] = comma;
            if !is_function(&t.lower) && !t.digit {
                content += 1;
                d += 1;
            } else if matches!(t.lower.as_str(), "and" | "or" | "but" | "while" | "whereas") {
                d += 1;
            }
            k += dir;
        }
    }
    Reach { dist, after_comma }
}

/// Whether the brackets opening at `k` (reading in `dir`) hold a value and
/// little else: a conversion or restatement of the value before them.
fn restates(toks: &[Token], owner: &[Option<usize>], k: usize, dir: isize) -> bool {
    let mut j = k as isize + dir;
    let mut n = 0;
    let mut holds_value = false;
    while j >= 0 && (j as usize) < toks.len() && n < 8 {
        let t = &toks[j as usize];
        if !t.word && (t.lower == ")" || t.lower == "(") {
            return holds_value;
        }
        if owner[j as usize].is_some() {
            holds_value = true;
        } else if t.word && !is_function(&t.lower) {
            n += 1;
        }
        j += dir;
    }
    false
}

fn base_attribute(s: &Slot) -> &'static str {
    match s.kind {
        ClaimKind::Date | ClaimKind::DateRange => "date",
        ClaimKind::Quantity => "count",
        ClaimKind::Age => "age",
        ClaimKind::Money => "money",
        ClaimKind::Percent => "percent",
        ClaimKind::Size => "size",
        ClaimKind::Quote => "quote",
        ClaimKind::TableRow => "row",
    }
}

fn value_kind(kind: ClaimKind) -> Option<ValueKind> {
    match kind {
        ClaimKind::Quantity => Some(ValueKind::Count),
        ClaimKind::Money => Some(ValueKind::Money),
        ClaimKind::Percent => Some(ValueKind::Percent),
        ClaimKind::Size => Some(ValueKind::Size),
        _ => None,
    }
}

/// Where a phrase of lemmas occurs in the tokens: its start positions.
fn occurrences<'t>(toks: &'t [Token], phrase: &'t [String]) -> impl Iterator<Item = usize> + 't {
    (0..toks.len()).filter(move |&i| {
        i + phrase.len() <= toks.len()
            && phrase
                .iter()
                .enumerate()
                .all(|(k, w)| toks[i + k].lemma == *w || toks[i + k].lower == *w)
    })
}

/// The nearest distance of a phrase's occurrence from the claim.
/// A word after a comma that follows the value starts another clause
/// ("to $1.63, and they expect revenue ..."): it gives no role.
fn phrase_distance(toks: &[Token], reach: &Reach, phrase: &[String]) -> Option<u8> {
    occurrences(toks, phrase)
        .filter(|&i| !reach.after_comma[i])
        .filter_map(|i| (i..i + phrase.len()).filter_map(|k| reach.dist[k]).min())
        .min()
}

/// Whether a counted noun names people.
fn names_people(lex: &Lexicon, noun: &str, written_cap: bool) -> bool {
    lex.names_people(noun)
        || written_cap
        || ["er", "or", "ist", "ian", "ant", "ent"]
            .iter()
            .any(|s| noun.len() > s.len() + 3 && noun.ends_with(s))
}

#[allow(clippy::too_many_arguments)]
fn build(
    lex: &Lexicon,
    toks: &[Token],
    owner: &[Option<usize>],
    reach: &Reach,
    ci: usize,
    a: usize,
    b: usize,
    s: &Slot,
) -> Frame {
    let mut f = Frame {
        attribute: base_attribute(s).to_string(),
        ..Frame::default()
    };
    // The counted noun, or the unit.
    let (mut of, unit_cap) = match s.value {
        ClaimValue::Quantity { unit, .. } => {
            let canon = crate::lang::units::canonical_unit(unit);
            let cap = toks[a..b]
                .iter()
                .rev()
                .find(|t| t.word && !t.digit)
                .is_some_and(|t| t.cap && t.lower != t.lemma);
            let told = instance_of(lex, toks, owner, b, &canon);
            (Some(told.unwrap_or(canon)), cap)
        }
        ClaimValue::Size { unit, .. } => (Some(unit.to_lowercase()), false),
        ClaimValue::Age { person, .. } => (person.as_ref().map(|p| p.to_lowercase()), false),
        ClaimValue::Money { .. } | ClaimValue::Percent { .. } => {
            (thing_of(lex, toks, owner, ci, a, b), false)
        }
        _ => (None, false),
    };

    // Context: content words of the clause, nearest first.
    let mut context: Vec<(String, u8)> = Vec::new();
    for (k, t) in toks.iter().enumerate() {
        if let Some(d) = reach.dist[k] {
            if owner[k] == Some(ci) {
                continue;
            }
            if let Some(c) = content_concept(lex, t) {
                context.push((c, d));
            }
        }
    }
    context.sort_by(|x, y| x.1.cmp(&y.1).then_with(|| x.0.cmp(&y.0)));
    context.dedup_by(|x, y| x.0 == y.0);

    // The role: the nearest role word that applies to this kind of value.
    if let Some(vk) = value_kind(s.kind) {
        let mut best: Option<(u8, usize)> = None;
        for (ri, role) in lex.roles.iter().enumerate() {
            if !role.kinds.contains(&vk) {
                continue;
            }
            for cue in &role.cues {
                if let Some(d) = phrase_distance(toks, reach, cue) {
                    if d <= ROLE_REACH && best.is_none_or(|(bd, _)| d < bd) {
                        best = Some((d, ri));
                    }
                }
            }
        }
        if let Some((_, ri)) = best {
            let role = &lex.roles[ri];
            let applies = match (s.kind, &of) {
                (ClaimKind::Quantity, Some(noun)) if role.people => {
                    names_people(lex, noun, unit_cap) || role_noun(lex, noun)
                }
                // "magnitude" is the unit's own dimension; a size role only
                // refines a measure of length ("deep", "south of").
                (ClaimKind::Size, Some(unit)) => {
                    let dim = lex.unit(unit).map(|u| u.0);
                    match role.name.as_str() {
                        "magnitude" => dim.is_none() || dim == Some("magnitude"),
                        "speed" => dim == Some("speed") || dim == Some("length"),
                        _ => dim == Some("length"),
                    }
                }
                _ => true,
            };
            if applies {
                f.attribute = role.name.clone();
                if s.kind == ClaimKind::Quantity && role.people {
                    if let Some(noun) = &of {
                        if lex.counts_people(noun) || role_noun(lex, noun) || unit_cap {
                            of = Some("people".into());
                        }
                    }
                }
            }
        }
    }
    // A count whose noun is a role's own word: "a single clear
    // violation", "multiple breaches", "one instance where an officer
    // violated".
    if s.kind == ClaimKind::Quantity && f.attribute == "count" {
        if let Some(noun) = &of {
            let noun = lex.concept(noun);
            if let Some(role) = lex.roles.iter().find(|r| {
                !r.people
                    && r.kinds.contains(&ValueKind::Count)
                    && r.cues
                        .iter()
                        .any(|c| c.len() == 1 && lex.concept(&c[0]) == noun)
            }) {
                f.attribute = role.name.clone();
            }
        }
    }
    if s.kind == ClaimKind::Size && f.attribute == "size" {
        if let Some(unit) = &of {
            f.attribute = match lex.unit(unit) {
                Some(("magnitude", _)) => "magnitude".into(),
                Some((dim, _)) => dim.to_string(),
                None if lex.concept(unit) == "magnitude" => "magnitude".into(),
                None => unit.clone(),
            };
        }
    }
    if s.kind == ClaimKind::Quantity {
        if let Some(noun) = &of {
            if lex.counts_people(noun) {
                of = Some("people".into());
            }
        }
    }
    // A date that names an instance: "the August 2022 complaint",
    // "Sunday's quake": the noun it picks out.
    if s.kind == ClaimKind::Date && of.is_none() {
        of = instance_noun(lex, toks, owner, a, b);
    }
    let instance = (s.kind == ClaimKind::Date).then(|| of.clone()).flatten();
    f.of = of;

    // The event: the nearest verb of the clause that names one, or a noun
    // made from a verb just before the value ("its deployment on November
    // 2"). After the value, a conjunction starts another clause ("deployed
    // on November 2 and since then it rescued").
    let mut event: Option<(u8, String)> = None;
    let mut conjunction_after = usize::MAX;
    for (k, t) in toks.iter().enumerate().skip(b) {
        if t.word
            && matches!(
                t.lower.as_str(),
                "and" | "but" | "while" | "whereas" | "then"
            )
        {
            conjunction_after = k;
            break;
        }
    }
    for (k, t) in toks.iter().enumerate() {
        let Some(d) = reach.dist[k] else { continue };
        if d > EVENT_REACH || owner[k] == Some(ci) || !t.word || t.digit || k > conjunction_after {
            continue;
        }
        let verb = crate::lang::morph::is_verb_form(&t.lower) && !lex.is_not_event(&t.lemma);
        let root = crate::lang::morph::root(&t.lemma);
        let noun_of_verb = k < a && d <= 2 && root != t.lemma && !lex.is_not_event(&root);
        if !(verb || noun_of_verb) {
            continue;
        }
        if event.as_ref().is_none_or(|(bd, _)| d < *bd) {
            event = Some((d, lex.concept(&root).to_string()));
        }
    }
    // A date that names its event ("the November 18 sinking") dates that.
    f.event = instance.or(event.map(|(_, e)| e));

    // Names of the clause.
    f.entities = entities(toks, reach, owner, ci);

    // The place a distance is measured from: "(direction) of|from NAME".
    if f.attribute == "distance" {
        let mut k = b;
        while k < toks.len() && k < b + 6 {
            let t = &toks[k];
            if t.word && (t.lower == "of" || t.lower == "from") {
                let mut j = k + 1;
                if j < toks.len() && toks[j].lower == "the" {
                    j += 1;
                }
                let start = j;
                while j < toks.len() && toks[j].word && toks[j].cap {
                    j += 1;
                }
                if j > start {
                    f.place = Some(join_names(&toks[start..j]));
                }
                break;
            }
            if owner[k].is_some() && owner[k] != Some(ci) {
                k += 1;
                continue;
            }
            k += 1;
        }
    }

    // Only a count of things is made another set by "other" or "more".
    if matches!(s.kind, ClaimKind::Quantity | ClaimKind::TableRow) {
        f.qualifier = qualifier(lex, toks, reach, owner, ci, a, b);
    }

    // A rate: "$0.13 per share", "$2 billion a year".
    if matches!(
        s.kind,
        ClaimKind::Money | ClaimKind::Size | ClaimKind::Quantity
    ) {
        let mut k = b;
        while k < toks.len() && owner[k] == Some(ci) {
            k += 1;
        }
        if k + 1 < toks.len() {
            let w = toks[k].lower.as_str();
            let next = &toks[k + 1];
            if (w == "per" || w == "a" || w == "an" || w == "each") && next.word && !next.digit {
                let diluted = next.lower == "diluted" && k + 2 < toks.len();
                let unit = if diluted { &toks[k + 2] } else { next };
                if w == "per" || is_period(&unit.lemma) {
                    f.per = Some(unit.lemma.clone());
                }
            }
        }
    }

    // A change: "an increase of 207%", "rose 5%", "up 3%", "a 5% rise".
    if matches!(s.kind, ClaimKind::Percent | ClaimKind::Money) {
        f.change = change(lex, toks, owner, ci, a, b).map(str::to_string);
    }
    f.context = crate::model::Context::new(context.iter().map(|(w, d)| (w.as_str(), *d)));
    f
}

/// The direction of the change a value states, if it states one: the
/// amount of a rise ("rose 5%", "rose by 5%", "an increase of 5%", "a 5%
/// rise", "up 5%"), not the level reached or left ("rose to $2.55",
/// "from $3.41").
fn change(
    lex: &Lexicon,
    toks: &[Token],
    owner: &[Option<usize>],
    ci: usize,
    a: usize,
    b: usize,
) -> Option<&'static str> {
    let word = |k: usize| toks.get(k).filter(|t| t.word && owner[k] != Some(ci));
    let dir = |k: usize| word(k).and_then(|t| lex.change(&t.lemma));
    // Right after: "a 5% rise", "5% higher".
    if let Some(d) = dir(b) {
        return Some(d);
    }
    let before = a.checked_sub(1).and_then(word)?;
    match before.lower.as_str() {
        "to" | "from" | "at" | "was" | "were" | "is" | "are" | "be" | "reach" | "reached" => None,
        // "rose by 5%", "grew by 5%": the verb before "by".
        "by" => (a >= 2).then(|| dir(a - 2).or_else(|| a.checked_sub(3).and_then(dir)))?,
        // "an increase of 5%", "growth of 5%".
        "of" => a.checked_sub(2).and_then(dir),
        // "rose 5%", "up 5%" (but "up to 5%" is a bound).
        _ => {
            if before.lower == "up" && toks.get(a).is_some_and(|t| t.lower == "to") {
                return None;
            }
            dir(a - 1)
        }
    }
}

/// What "one instance where an officer violated the law" counts: the
/// event its clause tells (a violation), not instances at large. Only for
/// nouns that count occurrences of something else.
fn instance_of(
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
    match toks.get(k).map(|t| t.lower.as_str()) {
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
        if crate::lang::morph::is_verb_form(&t.lower) && !lex.is_not_event(&t.lemma) {
            verb = Some(lex.concept(&t.lemma).to_string());
        }
    }
    verb
}

/// What an amount of money or a percentage is of: the noun it modifies
/// ("a $900m loan", "a $27.5bn tax bill", "a 5% stake"), the noun after
/// "in" or "worth of" ("$20bn in damages", "$108m worth of diamonds"), or
/// the noun before "of" ("a bid of $6.3bn", "revenue of $3.6bn").
fn thing_of(
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
                && !crate::lang::morph::is_verb_form(&t.lower)
                && lex.change(&t.lemma).is_none()
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
    let word = |k: usize| toks.get(k).map(|t| t.lower.as_str());
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
        return Some(lex.concept(&toks[h].lemma).to_string());
    }
    // "a bid of $6.3bn", "revenue of $3.6bn", "an offer worth $2bn".
    let before = a.checked_sub(1)?;
    if matches!(toks[before].lower.as_str(), "of" | "worth" | "at") {
        let n = noun(before.checked_sub(1)?)?;
        return Some(lex.concept(&n.lemma).to_string());
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
fn instance_noun(
    lex: &Lexicon,
    toks: &[Token],
    owner: &[Option<usize>],
    a: usize,
    b: usize,
) -> Option<String> {
    let last = &toks[b - 1];
    let possessive = last.lower.ends_with("'s") || last.lower.ends_with("\u{2019}s");
    let determiner = a.checked_sub(1).map(|k| &toks[k]).is_some_and(|t| {
        matches!(
            t.lower.as_str(),
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
        || (crate::lang::morph::is_verb_form(&next.lower) && !gerund)
    {
        return None;
    }
    Some(lex.concept(&next.lemma).to_string())
}

/// Nouns that are themselves a role: "10 dead", "40 injured", "deaths".
fn role_noun(lex: &Lexicon, noun: &str) -> bool {
    matches!(
        lex.concept(noun),
        "death" | "injury" | "missing" | "homeless" | "hostage" | "passenger"
    ) || matches!(noun, "casualty" | "victim" | "survivor")
}

fn is_period(lemma: &str) -> bool {
    matches!(
        lemma,
        "year" | "month" | "week" | "day" | "hour" | "quarter" | "share" | "head" | "person"
    )
}

/// A name as written, lowercase, without a possessive.
fn name_word(t: &Token) -> &str {
    t.lower
        .strip_suffix("\u{2019}s")
        .or_else(|| t.lower.strip_suffix("'s"))
        .unwrap_or(&t.lower)
}

fn join_names(ts: &[Token]) -> String {
    ts.iter().map(name_word).collect::<Vec<_>>().join(" ")
}

/// Runs of capitalised words in the clause (not the sentence's first word
/// when it is a common word, not calendar words), lowercase.
fn entities(toks: &[Token], reach: &Reach, owner: &[Option<usize>], ci: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut run: Vec<&Token> = Vec::new();
    let flush = |run: &mut Vec<&Token>, out: &mut Vec<String>| {
        if !run.is_empty() {
            let name = run
                .iter()
                .map(|t| name_word(t))
                .collect::<Vec<_>>()
                .join(" ");
            if !out.contains(&name) {
                out.push(name);
            }
            run.clear();
        }
    };
    for (k, t) in toks.iter().enumerate() {
        let inside = reach.dist[k].is_some_and(|d| d <= WINDOW as u8) && owner[k] != Some(ci);
        let name_like = t.word
            && t.cap
            && !t.digit
            && !crate::lang::wordlist::is_calendar_word(&t.lower)
            // "New York", "United Nations": a capitalised function word
            // inside a name is part of it, not before one ("The", "In").
            && (!NAME_BREAKERS.contains(&t.lower) || (!run.is_empty() && t.lower != "the"))
            && (k != 0 || words::zipf(&t.lower).is_none_or(|z| z < 3.0));
        if inside && name_like {
            run.push(t);
        } else {
            flush(&mut run, &mut out);
        }
    }
    flush(&mut run, &mut out);
    out
}

/// `other`, `total` or `part`: a word that makes the set another one.
fn qualifier(
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
        (a..b).find(|&k| toks[k].digit || crate::extract::numbers::is_number_word(&toks[k].lower));
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
                t.lower.as_str(),
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
                .is_some_and(|t| matches!(t.lower.as_str(), "whom" | "them" | "which"))
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
        for cue in cues {
            for i in occurrences(toks, cue) {
                let d = (i..i + cue.len()).filter_map(|k| reach.dist[k]).min();
                if d.is_some_and(|d| d <= reach_limit) {
                    return Some(name.clone());
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{find_in, Recogniser};
    use crate::model::Reference;

    /// The frames of every claim crosscheck finds in `text`, as
    /// (surface, frame).
    fn read(text: &str) -> Vec<(String, Frame)> {
        let mut found = Vec::new();
        for r in [
            &crate::extract::quantities::Quantities as &dyn Recogniser,
            &crate::extract::dates::Dates,
        ] {
            found.extend(find_in(r, text, &Reference::unknown()));
        }
        found.sort_by_key(|f| f.start);
        let slots: Vec<Slot> = found
            .iter()
            .map(|f| Slot {
                start: f.start,
                end: f.end,
                kind: f.kind,
                value: &f.value,
            })
            .collect();
        let frames = frames(text, &slots);
        found
            .iter()
            .zip(frames)
            .map(|(f, fr)| (text[f.start..f.end].to_string(), fr))
            .collect()
    }

    fn frame_of(text: &str, surface: &str) -> Frame {
        read(text)
            .into_iter()
            .find(|(s, _)| s == surface)
            .unwrap_or_else(|| panic!("no claim {surface:?} in {:?}", read(text)))
            .1
    }

    #[test]
    fn one_toll_in_three_wordings() {
        for (text, surface) in [
            ("The quake hit the island, killing 10 people.", "10 people"),
            ("Officials said 10 people died in the quake.", "10 people"),
            ("The death toll rose to 10 people on Monday.", "10 people"),
            ("At least 10 people were killed.", "At least 10 people"),
        ] {
            let f = frame_of(text, surface);
            assert_eq!(f.attribute, "deaths", "{text}");
            assert_eq!(f.of.as_deref(), Some("people"), "{text}");
        }
    }

    #[test]
    fn two_counts_of_one_sentence_keep_their_own_roles() {
        let t =
            "The quake leveled seven villages, killing 10 persons and wounding other 70 people.";
        assert_eq!(frame_of(t, "10 persons").attribute, "deaths");
        let injured = frame_of(t, "70 people");
        assert_eq!(injured.attribute, "injuries");
        assert_eq!(injured.qualifier.as_deref(), Some("other"));
        let villages = frame_of(t, "seven villages");
        assert_eq!(villages.attribute, "count");
        assert_eq!(villages.of.as_deref(), Some("village"));
        assert_eq!(villages.event.as_deref(), Some("destroy"));
    }

    #[test]
    fn a_bound_is_not_a_qualifier() {
        let f = frame_of(
            "It killed more than 26,000 people.",
            "more than 26,000 people",
        );
        assert_eq!(f.qualifier, None);
        assert_eq!(f.attribute, "deaths");
    }

    #[test]
    fn distance_and_its_place_through_a_conversion() {
        let t = "The epicentre was about 58 km (36 miles) south-west of Bandar Abbas.";
        for s in ["about 58 km", "36 miles"] {
            let f = frame_of(t, s);
            assert_eq!(f.attribute, "distance", "{s}");
            assert_eq!(f.place.as_deref(), Some("bandar abbas"), "{s}");
        }
    }

    #[test]
    fn the_same_event_in_other_verbs() {
        let a = frame_of("A quake struck southern Iran on Sunday.", "Sunday");
        let b = frame_of("An earthquake jolted the island on Sunday.", "Sunday");
        assert_eq!(a.event.as_deref(), Some("strike"));
        assert_eq!(a.event, b.event);
    }
}
