//! Disjoint sets (union-find) over indices: documents that are one source,
//! claims that state one fact, quote findings that are one disagreement.

/// Sets of the indices `0..len()`, each named by its root.
#[derive(Debug, Clone, Default)]
pub(crate) struct DisjointSets {
    parent: Vec<usize>,
}

impl DisjointSets {
    /// `n` sets of one index each.
    pub fn new(n: usize) -> Self {
        DisjointSets {
            parent: (0..n).collect(),
        }
    }

    /// A new set of one index, the next one.
    pub fn add(&mut self) -> usize {
        self.parent.push(self.parent.len());
        self.parent.len() - 1
    }

    /// The root of `x`'s set (paths halved on the way).
    pub fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    /// Joins the sets of `a` and `b` under the lower root: a set is named by
    /// its smallest index.
    pub fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        self.parent[ra.max(rb)] = ra.min(rb);
    }

    /// Joins the set of `a` under the root of `b`'s, for a caller whose
    /// order follows the roots as they fall.
    pub fn attach(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.parent[ra] = rb;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_set_is_named_by_its_smallest_index() {
        let mut s = DisjointSets::new(6);
        s.union(4, 2);
        s.union(5, 4);
        s.union(3, 1);
        assert_eq!(
            (0..6).map(|i| s.find(i)).collect::<Vec<_>>(),
            [0, 1, 2, 1, 2, 2]
        );
        s.union(5, 3);
        assert_eq!(s.find(4), 1);
        assert_eq!(s.add(), 6);
        assert_eq!(s.find(6), 6);
    }

    #[test]
    fn attach_puts_the_first_set_under_the_second() {
        let mut s = DisjointSets::new(3);
        s.attach(0, 2);
        s.attach(1, 0);
        assert_eq!((0..3).map(|i| s.find(i)).collect::<Vec<_>>(), [2, 2, 2]);
    }
}
