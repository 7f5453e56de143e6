//! The parsed page: an arena of nodes, so that neither building nor
//! dropping it recurses and a page nested a million deep costs memory, not
//! the stack; html5ever builds it through our tree sink, which records
//! the source line of every node.

use html5ever::tendril::StrTendril;
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{Attribute, QualName};
use std::borrow::Cow;
use std::cell::{Cell, Ref, RefCell};

#[derive(Debug)]
pub(super) enum Data {
    Document,
    Element {
        name: QualName,
        attrs: Vec<Attribute>,
    },
    Text(String),
    /// Comments, doctypes, processing instructions, template contents.
    Other,
}

#[derive(Debug)]
pub(super) struct Node {
    pub(super) data: Data,
    line: usize,
    parent: Option<usize>,
    pub(super) children: Vec<usize>,
}

#[derive(Debug)]
pub(super) struct Dom {
    pub(super) nodes: RefCell<Vec<Node>>,
    line: Cell<u64>,
}

impl Default for Dom {
    fn default() -> Self {
        Dom {
            nodes: RefCell::new(vec![Node {
                data: Data::Document,
                line: 1,
                parent: None,
                children: Vec::new(),
            }]),
            line: Cell::new(1),
        }
    }
}

impl Dom {
    fn push(&self, data: Data) -> usize {
        let mut nodes = self.nodes.borrow_mut();
        nodes.push(Node {
            data,
            line: self.line.get() as usize,
            parent: None,
            children: Vec::new(),
        });
        nodes.len() - 1
    }

    fn detach(nodes: &mut [Node], child: usize) {
        if let Some(p) = nodes[child].parent.take() {
            nodes[p].children.retain(|&c| c != child);
        }
    }

    fn node_or_text(&self, child: NodeOrText<usize>) -> usize {
        match child {
            NodeOrText::AppendNode(n) => n,
            NodeOrText::AppendText(t) => self.push(Data::Text(t.to_string())),
        }
    }

    /// Visits `root`'s subtree in document order without recursion.
    pub(super) fn walk(&self, root: usize, v: &mut impl Visitor) {
        enum Step {
            Enter(usize),
            Leave(usize),
        }
        let mut stack = vec![Step::Enter(root)];
        while let Some(step) = stack.pop() {
            let nodes = self.nodes.borrow();
            match step {
                Step::Enter(id) => {
                    let n = &nodes[id];
                    let descend = match &n.data {
                        Data::Element { name, attrs } => v.enter(&name.local, attrs, n.line),
                        Data::Text(t) => {
                            v.text(t, n.line);
                            false
                        }
                        Data::Document => true,
                        Data::Other => false,
                    };
                    if descend {
                        stack.push(Step::Leave(id));
                        stack.extend(n.children.iter().rev().map(|&c| Step::Enter(c)));
                    }
                }
                Step::Leave(id) => {
                    if let Data::Element { name, .. } = &nodes[id].data {
                        v.leave(&name.local);
                    }
                }
            }
        }
    }
}

impl TreeSink for Dom {
    type Handle = usize;
    type Output = Self;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Self {
        self
    }

    // A saved page is rarely valid HTML; the parser recovers as browsers do.
    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> usize {
        0
    }

    fn elem_name<'a>(&'a self, target: &'a usize) -> Ref<'a, QualName> {
        Ref::map(self.nodes.borrow(), |nodes| match &nodes[*target].data {
            Data::Element { name, .. } => name,
            // html5ever asks only for the names of elements it created.
            _ => unreachable!("elem_name of a node that is not an element"),
        })
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, _: ElementFlags) -> usize {
        self.push(Data::Element { name, attrs })
    }

    fn create_comment(&self, _text: StrTendril) -> usize {
        self.push(Data::Other)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> usize {
        self.push(Data::Other)
    }

    fn append(&self, parent: &usize, child: NodeOrText<usize>) {
        let child = self.node_or_text(child);
        let mut nodes = self.nodes.borrow_mut();
        Self::detach(&mut nodes, child);
        nodes[child].parent = Some(*parent);
        nodes[*parent].children.push(child);
    }

    fn append_based_on_parent_node(&self, element: &usize, prev: &usize, child: NodeOrText<usize>) {
        if self.nodes.borrow()[*element].parent.is_some() {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev, child);
        }
    }

    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {}

    fn get_template_contents(&self, target: &usize) -> usize {
        // Template contents are never article text; an empty node will do.
        let _ = target;
        self.push(Data::Other)
    }

    fn same_node(&self, x: &usize, y: &usize) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &usize, new_node: NodeOrText<usize>) {
        let child = self.node_or_text(new_node);
        let mut nodes = self.nodes.borrow_mut();
        Self::detach(&mut nodes, child);
        let Some(parent) = nodes[*sibling].parent else {
            return;
        };
        let at = nodes[parent]
            .children
            .iter()
            .position(|c| c == sibling)
            .unwrap_or(nodes[parent].children.len());
        nodes[parent].children.insert(at, child);
        nodes[child].parent = Some(parent);
    }

    fn add_attrs_if_missing(&self, target: &usize, attrs: Vec<Attribute>) {
        if let Data::Element { attrs: have, .. } = &mut self.nodes.borrow_mut()[*target].data {
            for a in attrs {
                if !have.iter().any(|h| h.name == a.name) {
                    have.push(a);
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &usize) {
        Self::detach(&mut self.nodes.borrow_mut(), *target);
    }

    fn reparent_children(&self, node: &usize, new_parent: &usize) {
        let mut nodes = self.nodes.borrow_mut();
        let moved = std::mem::take(&mut nodes[*node].children);
        for &c in &moved {
            nodes[c].parent = Some(*new_parent);
        }
        nodes[*new_parent].children.extend(moved);
    }

    fn set_current_line(&self, line: u64) {
        self.line.set(line);
    }
}

/// What a walk over the tree does at each node.
pub(super) trait Visitor {
    /// Called on entering an element; returns whether to visit its children.
    fn enter(&mut self, name: &str, attrs: &[Attribute], line: usize) -> bool;
    fn leave(&mut self, name: &str);
    fn text(&mut self, text: &str, line: usize);
}
