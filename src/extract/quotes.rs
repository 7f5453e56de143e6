//! Quoted spans and who said them.

use super::{Context, Found, Recogniser};

pub struct Quotes;

impl Recogniser for Quotes {
    fn name(&self) -> &'static str {
        "quotes"
    }

    fn find(&self, _cx: &Context) -> Vec<Found> {
        Vec::new()
    }
}
