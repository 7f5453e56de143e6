//! What `crosscheck check` reports: the documents read and what was judged
//! of them, with what every format asks of it (counts, suppressions, the
//! summary line). Each format is a reporter of its own: `check_table`,
//! `check_json`, `github`, `sarif`, `html`, `claimreview`.

use crate::judge::{Finding, Judgement, Severity};
use crate::model::Extraction;
use crate::model::Run;

pub use super::check_json::{JsonReporter, JsonlReporter};
pub use super::check_table::{TableReporter, MIN_WIDTH};

/// A finished check: the documents read and what was judged of them.
pub struct CheckReport<'a> {
    pub run: &'a Run,
    pub judgement: &'a Judgement,
    pub ledger_files: &'a [String],
    /// How many documents are of the story the ledger records: the ones
    /// its facts judge.
    pub ledger_documents: usize,
}

impl CheckReport<'_> {
    /// The end of the summary line that names the ledger (its files as
    /// `files` shows them) and whether it judged any document.
    pub fn ledger_note(&self, files: &[String]) -> String {
        if files.is_empty() {
            return String::new();
        }
        let n = self.docs().len();
        match self.ledger_documents {
            0 => format!(
                "; ledger {} not used: no document is of the story it records",
                files.join(", ")
            ),
            k => format!(
                "; ledger: {} ({k} of {n} document{} of its story)",
                files.join(", "),
                if n == 1 { "" } else { "s" }
            ),
        }
    }

    pub fn docs(&self) -> &[Extraction] {
        &self.run.extractions
    }

    /// Findings of this severity that are not suppressed.
    pub fn count(&self, s: Severity) -> usize {
        self.judgement
            .findings
            .iter()
            .filter(|f| f.severity == s && self.suppressed(f).is_none())
            .count()
    }

    /// Why the finding is suppressed by a comment in its document, if it is.
    pub fn suppressed(&self, f: &Finding) -> Option<&str> {
        let d = &self.docs()[f.at.doc];
        self.run
            .suppressions
            .get(&d.path)?
            .reason(d.claims[f.at.claim].line)
    }

    pub fn suppressed_count(&self) -> usize {
        self.judgement
            .findings
            .iter()
            .filter(|f| self.suppressed(f).is_some())
            .count()
    }

    /// The highest severity among findings that are not suppressed.
    pub fn worst(&self) -> Option<Severity> {
        self.judgement
            .findings
            .iter()
            .filter(|f| self.suppressed(f).is_none())
            .map(|f| f.severity)
            .max()
    }

    /// "7 errors, 1 warning, 59 notes in 5 documents (2 suppressed)".
    pub fn summary_line(&self) -> String {
        let suppressed = self.suppressed_count();
        use super::words::counted;
        format!(
            "{}, {}, {} in {}{}",
            counted(self.count(Severity::Error), "error"),
            counted(self.count(Severity::Warning), "warning"),
            counted(self.count(Severity::Info), "note"),
            counted(self.docs().len(), "document"),
            if suppressed > 0 {
                format!(" ({suppressed} suppressed)")
            } else {
                String::new()
            }
        )
    }
}

/// A source worth a row of its own: a warning sign, spin, or a copy.
pub(crate) fn notable(s: &crate::judge::SourceSummary) -> bool {
    !s.signals.is_empty() || s.spin.is_spun() || s.rewrite_of.is_some()
}
