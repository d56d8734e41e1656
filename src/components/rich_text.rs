use gazette_core::html::{Node, Tag};
use yew::virtual_dom::{VNode, VTag, VText};
use yew::Html;

/// Sanitised story content as DOM nodes: each allowed element is created by name with its
/// checked attributes, and text stays text. No HTML string is ever parsed.
///
/// Headings move down by `below` levels, so that a story's sections sit under its headline
/// (sections as `h4`–`h6` under an `h3` headline).
///
/// At most [`MAX_NODES`] nodes are drawn; `true` with the content when the story had more.
pub fn rich_text(nodes: &[Node], below: u8) -> (Html, bool) {
    let mut left = MAX_NODES;
    let html = VNode::from_iter(nodes.iter().map_while(|n| node(n, below, &mut left)));
    (html, left == usize::MAX)
}

/// The most nodes (elements and runs of text) of a story drawn: a long feature has a few
/// thousand; a story of 100,000 tiny elements had held the page up for 45 seconds as it opened.
pub const MAX_NODES: usize = 5_000;

/// `n` as a node, if `left` allows one more (else `left` becomes `usize::MAX`: cut).
fn node(n: &Node, below: u8, left: &mut usize) -> Option<VNode> {
    if *left == 0 || *left == usize::MAX {
        *left = usize::MAX;
        return None;
    }
    *left -= 1;
    Some(match n {
        Node::Text(t) => VNode::from(VText::new(t.clone())),
        Node::Element(e) => {
            let name = match e.tag {
                Tag::H2 => heading(2 + below),
                Tag::H3 => heading(3 + below),
                Tag::H4 => heading(4 + below),
                t => t.name(),
            };
            let mut tag = VTag::new(name);
            for (k, v) in &e.attrs {
                tag.add_attribute(k, v.clone());
            }
            // A code block scrolls sideways in a narrow column: the keyboard can reach it to
            // scroll it.
            if e.tag == Tag::Pre {
                tag.add_attribute("tabindex", "0");
            }
            if !e.tag.is_void() {
                tag.add_children(e.children.iter().map_while(|c| node(c, below, left)));
            }
            VNode::from(tag)
        }
    })
}

fn heading(level: u8) -> &'static str {
    match level {
        0..=2 => "h2",
        3 => "h3",
        4 => "h4",
        5 => "h5",
        _ => "h6",
    }
}
