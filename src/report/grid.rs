//! Plain tables of text, drawn here rather than by comfy-table.
//!
//! `crosscheck claims` prints a table per document, and an archive has
//! hundreds of thousands of rows. comfy-table, built with the styling
//! support the check table's coloured quotes need, parses every cell for
//! escape sequences on every measure and split: the claims table of a
//! 100 MB archive took four times as long as its JSON Lines. A table with
//! no styling in its cells needs none of that: this one measures cells as
//! plain text and wraps them with [`super::fit`].
//!
//! The layout is comfy-table's own (the `UTF8_FULL_CONDENSED` preset, its
//! dynamic arrangement), so the tables read as the check table does; cells
//! are wrapped at spaces, never cut inside a word.

use super::fit;

/// A table fitted to a width: a header, then rows of cells.
pub(crate) struct Grid {
    width: usize,
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Grid {
    pub(crate) fn new(width: u16, header: &[&str]) -> Grid {
        Grid {
            width: usize::from(width),
            header: header.iter().map(|h| h.to_string()).collect(),
            rows: Vec::new(),
        }
    }

    /// Adds a row, one cell per column of the header.
    pub(crate) fn row(&mut self, cells: Vec<String>) {
        debug_assert_eq!(cells.len(), self.header.len());
        self.rows.push(cells);
    }

    fn cells(&self, col: usize) -> impl Iterator<Item = &str> {
        std::iter::once(self.header[col].as_str())
            .chain(self.rows.iter().map(move |r| r[col].as_str()))
    }

    /// Each column's content width, as comfy-table's dynamic arrangement
    /// gives it: columns narrower than the average room keep their width,
    /// a column whose text wraps well into the average takes only what its
    /// longest wrapped line needs, and the rest share what is left.
    fn arrange(&self) -> Vec<usize> {
        let n = self.header.len();
        let natural: Vec<usize> = (0..n)
            .map(|c| {
                self.cells(c)
                    .flat_map(|s| s.split('\n'))
                    .map(fit::width)
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        // Borders between and around the columns, and a space either side
        // of each cell.
        let room = self.width.saturating_sub(n + 1 + 2 * n);
        let mut widths: Vec<Option<usize>> = vec![None; n];
        // The room not yet given to a column, and the columns waiting.
        let left = |widths: &[Option<usize>]| {
            let given: usize = widths.iter().flatten().sum();
            let waiting = widths.iter().filter(|w| w.is_none()).count();
            (room.saturating_sub(given), waiting)
        };
        // Each pass fixes a column at the width it needs, then the next.
        let pass = |widths: &mut Vec<Option<usize>>,
                    need: &dyn Fn(usize, usize) -> Option<usize>| {
            let mut changed = true;
            while changed {
                changed = false;
                for c in 0..n {
                    let (rest, waiting) = left(widths);
                    if widths[c].is_some() || waiting == 0 || rest / waiting == 0 {
                        continue;
                    }
                    if let Some(w) = need(c, rest / waiting) {
                        widths[c] = Some(w);
                        changed = true;
                    }
                }
            }
        };
        pass(&mut widths, &|c, average| {
            (natural[c] <= average).then_some(natural[c])
        });
        pass(&mut widths, &|c, average| {
            let longest = self.longest_wrapped(c, average);
            (average.saturating_sub(longest) >= 3).then_some(longest)
        });
        let (rest, waiting) = left(&widths);
        if waiting > 0 {
            let rest = rest.max(waiting);
            let (share, mut excess) = (rest / waiting, rest % waiting);
            for w in widths.iter_mut().filter(|w| w.is_none()) {
                *w = Some(share + usize::from(excess > 0));
                excess = excess.saturating_sub(1);
            }
        }
        widths.into_iter().map(|w| w.unwrap_or(1).max(1)).collect()
    }

    /// The widest line of column `col` wrapped to `max`.
    fn longest_wrapped(&self, col: usize, max: usize) -> usize {
        self.cells(col)
            .flat_map(|s| s.split('\n'))
            .map(|line| {
                let w = fit::width(line);
                if w <= max {
                    w
                } else {
                    fit::wrap(line, max)
                        .iter()
                        .map(|l| fit::width(l))
                        .max()
                        .unwrap_or(0)
                }
            })
            .max()
            .unwrap_or(0)
    }

    fn rule(out: &mut String, widths: &[usize], [left, line, cross, right]: [char; 4]) {
        out.push(left);
        for (i, &w) in widths.iter().enumerate() {
            if i > 0 {
                out.push(cross);
            }
            out.extend(std::iter::repeat_n(line, w + 2));
        }
        out.push(right);
        out.push('\n');
    }

    fn cells_of(out: &mut String, widths: &[usize], cells: &[String]) {
        let lines: Vec<Vec<std::borrow::Cow<str>>> = cells
            .iter()
            .zip(widths)
            .map(|(cell, &w)| {
                if fit::width(cell) <= w && !cell.contains('\n') {
                    vec![std::borrow::Cow::Borrowed(cell.as_str())]
                } else {
                    fit::wrap(cell, w)
                        .into_iter()
                        .map(std::borrow::Cow::Owned)
                        .collect()
                }
            })
            .collect();
        let height = lines.iter().map(Vec::len).max().unwrap_or(1).max(1);
        for i in 0..height {
            for (c, (cell, &w)) in lines.iter().zip(widths).enumerate() {
                out.push_str(if c == 0 { "│ " } else { " ┆ " });
                let text = cell.get(i).map_or("", |l| l.as_ref());
                out.push_str(text);
                let pad = w.saturating_sub(fit::width(text));
                out.extend(std::iter::repeat_n(' ', pad));
            }
            out.push_str(" │\n");
        }
    }

    /// The table, each line ended by a newline.
    pub(crate) fn render(&self) -> String {
        let widths = self.arrange();
        let mut out = String::new();
        Self::rule(&mut out, &widths, ['┌', '─', '┬', '┐']);
        Self::cells_of(&mut out, &widths, &self.header);
        Self::rule(&mut out, &widths, ['╞', '═', '╪', '╡']);
        for row in &self.rows {
            Self::cells_of(&mut out, &widths, row);
        }
        Self::rule(&mut out, &widths, ['└', '─', '┴', '┘']);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(width: u16, rows: &[[&str; 3]]) -> String {
        let mut g = Grid::new(width, &["a", "bee", "c"]);
        for r in rows {
            g.row(r.iter().map(|s| s.to_string()).collect());
        }
        g.render().trim_end().to_string()
    }

    #[test]
    fn a_table_that_fits_keeps_its_columns_natural_width() {
        let t = table(80, &[["1:2", "date", "2025-11-26"]]);
        assert_eq!(
            t,
            "┌─────┬──────┬────────────┐\n\
             │ a   ┆ bee  ┆ c          │\n\
             ╞═════╪══════╪════════════╡\n\
             │ 1:2 ┆ date ┆ 2025-11-26 │\n\
             └─────┴──────┴────────────┘"
        );
    }

    #[test]
    fn a_wide_table_wraps_its_long_cells_at_spaces_within_the_width() {
        let long = "the department said on Wednesday that it would review every \
                    one of the policies the report named";
        let t = table(40, &[["7:151", long, "Wednesday"]]);
        for line in t.lines() {
            assert_eq!(fit::width(line), 40, "{line}");
        }
        // Every word of the long cell is there, whole, in order.
        let words: Vec<&str> = t
            .lines()
            .skip(3)
            .filter_map(|l| l.split('┆').nth(1))
            .flat_map(|c| c.split_whitespace())
            .collect();
        assert_eq!(words.join(" "), long);
        // The short columns were not squeezed.
        assert!(t.contains("│ 7:151 ┆"));
        assert!(t.contains("┆ Wednesday │"));
    }

    #[test]
    fn wide_characters_are_padded_by_the_columns_they_take() {
        let t = table(80, &[["1:1", "日本", "x"]]);
        let widths: Vec<usize> = t.lines().map(fit::width).collect();
        assert!(widths.windows(2).all(|w| w[0] == w[1]), "{t}");
    }
}
