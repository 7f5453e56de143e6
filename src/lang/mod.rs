//! The language layer: what crosscheck knows of English, kept as data under
//! `data/` and read by every stage that needs it (extraction builds frames
//! with it, alignment weighs words with it, judging reads its roles).
//!
//! - [`words`]: how common each word is in English at large, so that a
//!   shared rare word ("Qeshm", "epicentre") counts for more than a shared
//!   common one ("people", "said"), whatever the size of the run;
//! - [`morph`]: base forms ("struck" → "strike", "villages" → "village");
//! - [`lexicon`]: concepts (words that name one thing), roles (what a number
//!   is a value of), qualifiers, change words, units of measure;
//! - [`tokens`]: the words of a sentence with their base forms;
//! - [`lexeme`]: a word's base form and the concept it stands for, read
//!   once per thread;
//! - [`wordlist`]: plain word lists (function words, stop words, titles);
//! - [`calendar`]: month, weekday and season names and abbreviations;
//! - [`names`]: whether two written names can be one person;
//! - [`currency`]: currency signs and words, and how amounts are written;
//! - [`numbers`]: numbers in words ("twenty-six", "a dozen", "3bn") and the
//!   regex fragments that find them;
//! - [`phrase`]: lists, quotations and sides, as messages write them;
//! - [`units`]: canonical names of counted things ("instances" =
//!   "incidents").

pub mod calendar;
pub mod currency;
pub mod lexeme;
pub mod lexicon;
pub mod morph;
pub mod names;
pub mod numbers;
pub mod phrase;
pub mod tokens;
pub mod units;
pub mod wordlist;
pub mod words;
