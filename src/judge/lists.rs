//! A short list per item, all in one vector.

/// Per item, a list of values: every list in one vector, with where each
/// starts. A `Vec` per item costs 24 bytes for every claim of an archive,
/// most of whose lists are empty, and an allocation rounded up for each of
/// the others; this costs 4 bytes per item and the values themselves.
#[derive(Debug, Clone)]
pub struct Lists<T> {
    /// Where each item's list starts in `values`; one more than the items,
    /// the last where the values end.
    starts: Vec<u32>,
    values: Vec<T>,
}

impl<T: Copy> Lists<T> {
    /// The lists of `n` items from `(item, value)` pairs in any order of
    /// items: each list keeps its values in the order the pairs give them.
    /// (The pairs are read twice: once to count, once to place.)
    pub fn new<I>(n: usize, pairs: impl Fn() -> I) -> Lists<T>
    where
        I: Iterator<Item = (usize, T)>,
    {
        let mut starts = vec![0u32; n + 1];
        for (i, _) in pairs() {
            starts[i + 1] += 1;
        }
        for i in 0..n {
            starts[i + 1] += starts[i];
        }
        // Filled with any one of the values, each overwritten below.
        let mut values = match pairs().next() {
            Some((_, v)) => vec![v; starts[n] as usize],
            None => Vec::new(),
        };
        let mut next: Vec<u32> = starts[..n].to_vec();
        for (i, v) in pairs() {
            values[next[i] as usize] = v;
            next[i] += 1;
        }
        Lists { starts, values }
    }

    /// Sorts each list and drops its repeated values.
    pub fn sort_dedup(&mut self)
    where
        T: Ord,
    {
        let n = self.starts.len() - 1;
        let mut kept = 0usize;
        for i in 0..n {
            let (a, b) = (self.starts[i] as usize, self.starts[i + 1] as usize);
            let list = &mut self.values[a..b];
            list.sort_unstable();
            let start = kept;
            // Written at or before where it is read: the lists before
            // this one have only shrunk.
            for k in a..b {
                if kept == start || self.values[kept - 1] != self.values[k] {
                    self.values[kept] = self.values[k];
                    kept += 1;
                }
            }
            self.starts[i] = start as u32;
        }
        self.starts[n] = kept as u32;
        self.values.truncate(kept);
        self.values.shrink_to_fit();
    }
}

/// An item, document, source or quote as the rules' relations and the
/// lists keep it: a run holds fewer than 2^32 of each, and there is one for
/// every relation of an archive.
pub fn item(i: usize) -> u32 {
    u32::try_from(i).expect("fewer than 2^32 claims in a run")
}

impl<T> std::ops::Index<usize> for Lists<T> {
    type Output = [T];
    fn index(&self, i: usize) -> &[T] {
        &self.values[self.starts[i] as usize..self.starts[i + 1] as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::Lists;

    #[test]
    fn each_list_keeps_its_values_in_order() {
        let pairs = [(2, 5), (0, 1), (2, 3), (2, 5), (0, 1)];
        let mut l = Lists::new(4, || pairs.iter().copied());
        assert_eq!(
            (&l[0], &l[1], &l[2], &l[3]),
            (&[1, 1][..], &[][..], &[5, 3, 5][..], &[][..])
        );
        l.sort_dedup();
        assert_eq!(
            (&l[0], &l[1], &l[2], &l[3]),
            (&[1][..], &[][..], &[3, 5][..], &[][..])
        );
    }
}
