//! A claim's frame built from its clause: the role its words give the
//! value, what it counts, the event, the rate and the change it states.

use super::nouns::{entities, instance_noun, instance_of, join_names, qualifier, thing_of};
use super::{concept_of, cues_at, says, CueAt, Reach, Slot};
use crate::lang::lexicon::{Lexicon, ValueKind};
use crate::lang::tokens::Token;
use crate::model::{ClaimKind, ClaimValue, Frame};

/// How far (in words) a role word may stand from its value.
const ROLE_REACH: u8 = 4;
/// How far an event's verb may stand.
const EVENT_REACH: u8 = 6;

/// The attribute of a value of its kind, before any word refines it.
pub(super) fn base_attribute(s: &Slot) -> &'static str {
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
pub(super) fn occurrences<'t>(
    toks: &'t [Token],
    phrase: &'t [String],
) -> impl Iterator<Item = usize> + 't {
    (0..toks.len()).filter(move |&i| {
        i + phrase.len() <= toks.len()
            && phrase
                .iter()
                .enumerate()
                .all(|(k, w)| says(&toks[i + k], w))
    })
}

/// The role the nearest role cue gives a value of this kind, the first
/// role listed among the nearest, if one stands within [`ROLE_REACH`].
/// A cue after a comma that follows the value starts another clause ("to
/// $1.63, and they expect revenue ..."): it gives no role.
///
/// A two-word cue may also stand around the value, its verb before and its
/// noun the value's own last word: "claimed 12 lives" is "claim life".
fn nearest_role(
    lex: &Lexicon,
    toks: &[Token],
    cues: &[CueAt],
    reach: &Reach,
    vk: ValueKind,
    (a, b): (usize, usize),
) -> Option<usize> {
    let mut best: Option<(u8, usize)> = None;
    let mut offer = |d: u8, role: usize| {
        if d <= ROLE_REACH
            && lex.roles[role].kinds.contains(&vk)
            && best.is_none_or(|nearest| (d, role) < nearest)
        {
            best = Some((d, role));
        }
    };
    if a > 0 && b > a + 1 {
        for (role, ci) in cues_at(lex, &toks[a - 1]) {
            if let [_, noun] = lex.roles[role].cues[ci].as_slice() {
                if says(&toks[b - 1], noun) {
                    offer(0, role);
                }
            }
        }
    }
    for c in cues {
        if reach.after_comma[c.start] {
            continue;
        }
        if let Some(d) = (c.start..c.start + c.len)
            .filter_map(|k| reach.dist[k])
            .min()
        {
            offer(d, c.role);
        }
    }
    best.map(|(_, role)| role)
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
pub(super) fn build(
    lex: &Lexicon,
    toks: &[Token],
    owner: &[Option<usize>],
    cues: &[CueAt],
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
                .is_some_and(|t| t.cap && t.lower != t.lemma());
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
    let mut context: Vec<(std::borrow::Cow<str>, u8)> = Vec::new();
    for (k, t) in toks.iter().enumerate() {
        if let Some(d) = reach.dist[k] {
            if owner[k] == Some(ci) {
                continue;
            }
            if let Some(c) = concept_of(lex, t) {
                context.push((c, d));
            }
        }
    }
    context.sort_by(|x, y| x.1.cmp(&y.1).then_with(|| x.0.cmp(&y.0)));
    context.dedup_by(|x, y| x.0 == y.0);

    // The role: the nearest role word that applies to this kind of value.
    if let Some(vk) = value_kind(s.kind) {
        if let Some(ri) = nearest_role(lex, toks, cues, reach, vk, (a, b)) {
            let role = &lex.roles[ri];
            let applies = match (s.kind, &of) {
                (ClaimKind::Quantity, Some(noun)) if role.people => {
                    names_people(lex, noun, unit_cap) || role_noun(lex, noun)
                }
                // "magnitude" is the unit's own dimension; a size role only
                // refines a measure of length ("deep", "south of").
                (ClaimKind::Size, Some(unit)) => {
                    let dim = lex.unit(unit).map(|u| u.0);
                    // A magnitude is often written without a unit ("a 6.1").
                    (role.name == "magnitude" && dim.is_none())
                        || dim.is_some_and(|d| role.dimensions.iter().any(|x| x == d))
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
    // A toll read far back in its clause ("the death toll from Sunday's gas
    // blast at the Ashford flats rose to 12") is counted in its role's own
    // word for people ("12 dead"), though no cue stands near enough. Only a
    // word that counts people: "two charges" and "1,600 bodies" are things.
    let people_unit = match s.value {
        ClaimValue::Quantity { unit, .. } if f.attribute == "count" && lex.counts_people(unit) => {
            Some(unit.as_str())
        }
        _ => None,
    };
    if let Some(unit) = people_unit {
        if let Some(role) = lex.roles.iter().find(|r| {
            r.people
                && r.kinds.contains(&ValueKind::Count)
                && r.cues.iter().any(|c| c.len() == 1 && c[0] == unit)
        }) {
            f.attribute = role.name.clone();
            of = Some("people".into());
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
        if t.word && matches!(&*t.lower, "and" | "but" | "while" | "whereas" | "then") {
            conjunction_after = k;
            break;
        }
    }
    for (k, t) in toks.iter().enumerate() {
        let Some(d) = reach.dist[k] else { continue };
        if d > EVENT_REACH || owner[k] == Some(ci) || !t.word || t.digit || k > conjunction_after {
            continue;
        }
        let verb = t.is_verb_form() && !lex.is_not_event(t.lemma());
        let just_before = k < a && d <= 2;
        if !(verb || just_before) {
            continue;
        }
        let root = crate::lang::morph::root(t.lemma());
        let noun_of_verb = just_before && root != t.lemma() && !lex.is_not_event(&root);
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
            let w = &*toks[k].lower;
            let next = &toks[k + 1];
            if (w == "per" || w == "a" || w == "an" || w == "each") && next.word && !next.digit {
                let diluted = next.lower == "diluted" && k + 2 < toks.len();
                let unit = if diluted { &toks[k + 2] } else { next };
                if w == "per" || is_period(unit.lemma()) {
                    f.per = Some(unit.lemma().to_string());
                }
            }
        }
    }

    // A change: "an increase of 207%", "rose 5%", "up 3%", "a 5% rise".
    if matches!(s.kind, ClaimKind::Percent | ClaimKind::Money) {
        f.change = change(lex, toks, owner, ci, a, b).map(str::to_string);
    }
    f.context = crate::model::Context::new(context.iter().map(|(w, d)| (&**w, *d)));
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
    let dir = |k: usize| word(k).and_then(|t| lex.change(t.lemma()));
    // Right after: "a 5% rise", "5% higher".
    if let Some(d) = dir(b) {
        return Some(d);
    }
    let before = a.checked_sub(1).and_then(word)?;
    match &*before.lower {
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

/// Nouns that are themselves a role: "10 dead", "40 injured", "deaths".
fn role_noun(lex: &Lexicon, noun: &str) -> bool {
    matches!(
        lex.concept(noun),
        "death" | "injury" | "missing" | "homeless" | "hostage" | "passenger"
    ) || matches!(noun, "casualty" | "victim" | "survivor" | "life")
}

fn is_period(lemma: &str) -> bool {
    matches!(
        lemma,
        "year" | "month" | "week" | "day" | "hour" | "quarter" | "share" | "head" | "person"
    )
}
