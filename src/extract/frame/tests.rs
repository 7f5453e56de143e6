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
        // A cue of two words around the value.
        ("The quake claimed 10 lives on Sunday.", "10 lives"),
        ("The crash cost 10 lives.", "10 lives"),
    ] {
        let f = frame_of(text, surface);
        assert_eq!(f.attribute, "deaths", "{text}");
        assert_eq!(f.of.as_deref(), Some("people"), "{text}");
    }
}

#[test]
fn a_toll_far_back_in_its_clause_is_still_deaths() {
    let f = frame_of(
        "The death toll from the gas blast at the Ashford flats rose to 12, police said.",
        "12",
    );
    assert_eq!(f.attribute, "deaths");
    assert_eq!(f.of.as_deref(), Some("people"));
}

#[test]
fn a_duration_says_what_lasts() {
    let f = |t: &str, s: &str| frame_of(t, s).attribute;
    assert_eq!(
        f("He could face a jail sentence of 85 years.", "85 years"),
        "sentence"
    );
    assert_eq!(
        f("The coach was banned for four years.", "four years"),
        "ban"
    );
    assert_eq!(
        f("The trial is expected to last two months.", "two months"),
        "time"
    );
    // A depth stays a length's role, a magnitude needs no unit.
    assert_eq!(f("The quake struck 10 km deep.", "10 km"), "depth");
}

#[test]
fn lives_saved_are_not_lives_lost() {
    assert_ne!(
        frame_of("Firefighters saved 10 lives on Sunday.", "10 lives").attribute,
        "deaths"
    );
}

#[test]
fn two_counts_of_one_sentence_keep_their_own_roles() {
    let t = "The quake leveled seven villages, killing 10 persons and wounding other 70 people.";
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
