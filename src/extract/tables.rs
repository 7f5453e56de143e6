//! Markdown tables: one claim per row, read through the header.

use super::{Context, Found, Recogniser};

pub struct Tables;

impl Recogniser for Tables {
    fn name(&self) -> &'static str {
        "tables"
    }

    fn find(&self, _cx: &Context) -> Vec<Found> {
        Vec::new()
    }
}
