//! What a claim states a value of: the frame as extraction builds it, and
//! as a claim keeps it.

use super::Word;
use serde::Serialize;

/// What a claim states a value of, read from its own clause: "killing 10
/// people" and "the death toll rose to 10" both give deaths; "58 km
/// south-west of Bandar Abbas" a distance from Bandar Abbas.
///
/// One shape in two forms: [`Frame`] as extraction builds it (strings),
/// [`ClaimFrame`] as a claim keeps it (interned words). Both serialise
/// alike.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct FrameOf<W, E: Entities> {
    /// What the value is a value of: a role of `data/lexicon.yaml`
    /// ("deaths", "magnitude", "revenue"), or for a value no role word
    /// stands by, what it counts or measures ("count", "money", "length",
    /// "date", "quote").
    pub attribute: W,
    /// The counted or measured thing, singular ("village", "boat"); for a
    /// count of people in a role, "people".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub of: Option<W>,
    /// The event the value belongs to: the concept of the nearest verb of
    /// its clause ("strike" for "hit", "struck", "jolted").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub event: Option<W>,
    /// Names in the claim's own clause, lowercase.
    #[serde(skip_serializing_if = "Entities::none")]
    pub entities: E,
    /// The place a distance is measured from ("bandar abbas").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<W>,
    /// A word that makes the counted set another one: `other` ("the other
    /// three cases", "two more arrests"), `total` ("a total of"), `part`
    /// ("two of whom").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<W>,
    /// The unit a rate is given per ("share" in "$0.13 per share").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub per: Option<W>,
    /// For a change rather than a level, its direction: `up` or `down`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub change: Option<W>,
    /// The concepts of the content words around the value in its clause,
    /// nearest first, each with its distance in words: what alignment
    /// compares first.
    #[serde(skip)]
    pub context: Context,
}

/// A frame's list of names, whichever form it takes.
pub trait Entities {
    /// Whether the list names no one.
    fn none(&self) -> bool;
}

impl Entities for Vec<String> {
    fn none(&self) -> bool {
        self.is_empty()
    }
}

impl Entities for Box<[Word]> {
    fn none(&self) -> bool {
        self.is_empty()
    }
}

/// A frame as extraction builds it.
pub type Frame = FrameOf<String, Vec<String>>;

/// A frame's context words with their distances, packed into one shared
/// string: an archive holds millions of claims, and a `String` per word
/// cost several times the words themselves; the claims of a sentence told
/// word for word in other versions of a story share one copy (see
/// [`crate::model::Sentences`]).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Context {
    /// Each entry as its distance (a character [`DIST_BASE`] past the
    /// distance, so never the separator), its word, and a unit separator:
    /// one allocation per claim, not two.
    entries: std::sync::Arc<str>,
}

/// Distances are written as characters from here: ASCII up to a distance
/// of 95 (a clause's words are nearer), and past the unit separator.
const DIST_BASE: u32 = 0x20;

impl Context {
    pub fn new<'a>(entries: impl IntoIterator<Item = (&'a str, u8)>) -> Context {
        let entries = entries.into_iter();
        // Sized once: a frame's context is built for every claim, and
        // most of its words are short.
        let n = entries.size_hint().0;
        let mut out = String::with_capacity(n * 10);
        for (w, d) in entries {
            out.push(char::from_u32(DIST_BASE + u32::from(d)).expect("a character"));
            out.push_str(w);
            out.push('\u{1f}');
        }
        Context {
            entries: out.into(),
        }
    }

    /// Takes the copy of this context `kept` holds, keeping this one there
    /// if it is the first.
    pub(crate) fn share(&mut self, kept: &mut foldhash::HashSet<std::sync::Arc<str>>) {
        match kept.get(&self.entries) {
            Some(k) => self.entries = k.clone(),
            None => {
                kept.insert(self.entries.clone());
            }
        }
    }

    /// Each word and its distance, nearest first.
    pub fn iter(&self) -> impl Iterator<Item = (&str, u8)> + '_ {
        self.entries.split_terminator('\u{1f}').map(|e| {
            let mut chars = e.chars();
            let d = chars.next().map_or(0, |c| c as u32 - DIST_BASE);
            (chars.as_str(), d as u8)
        })
    }

    /// Which copy of its words this context holds: contexts shared through
    /// [`crate::model::Sentences`] have one id, and while they are held no
    /// other context has it.
    pub fn id(&self) -> usize {
        self.entries.as_ptr() as usize
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// A [`Frame`] as a claim keeps it: the same fields, each word interned
/// (see [`Word`]). An archive holds millions of claims, and most of a
/// frame's words are empty or drawn from a small vocabulary; as `String`s
/// they were a third of a claim and several allocations each.
pub type ClaimFrame = FrameOf<Word, Box<[Word]>>;

impl From<Frame> for ClaimFrame {
    fn from(f: Frame) -> ClaimFrame {
        let word = |w: Option<String>| w.as_deref().map(Word::new);
        ClaimFrame {
            attribute: Word::new(&f.attribute),
            of: word(f.of),
            event: word(f.event),
            entities: f.entities.iter().map(|e| Word::new(e)).collect(),
            place: word(f.place),
            qualifier: word(f.qualifier),
            per: word(f.per),
            change: word(f.change),
            context: f.context,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{ClaimFrame, Context, Frame};

    #[test]
    fn a_claim_frame_writes_what_its_frame_would() {
        let full = Frame {
            attribute: "deaths".into(),
            of: Some("people".into()),
            event: Some("strike".into()),
            entities: vec!["port ellis".into(), "varna".into()],
            place: Some("port ellis".into()),
            qualifier: Some("other".into()),
            per: Some("share".into()),
            change: Some("up".into()),
            context: Context::new([("quake", 1)]),
        };
        for f in [full, Frame::default()] {
            let want = serde_json::to_string(&f).expect("json");
            let got = serde_json::to_string(&ClaimFrame::from(f.clone())).expect("json");
            assert_eq!(got, want);
        }
    }

    #[test]
    fn a_context_gives_back_its_words_and_distances() {
        let entries = [("quake", 0), ("", 3), ("bandar abbas", 95), ("far", 255)];
        let c = Context::new(entries);
        assert_eq!(c.iter().collect::<Vec<_>>(), entries);
        assert!(Context::new([]).is_empty());
        assert!(!c.is_empty());
    }
}
