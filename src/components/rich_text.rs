use gazette_core::html::{Node, Tag};
use yew::virtual_dom::{VNode, VTag, VText};
use yew::Html;

/// Sanitised story content as DOM nodes: each allowed element is created by name with its
/// checked attributes, and text stays text. No HTML string is ever parsed.
///
/// Headings move down by `below` levels, so that a story's sections sit under its headline
/// (sections as `h4`–`h6` under an `h3` headline).
pub fn rich_text(nodes: &[Node], below: u8) -> Html {
    VNode::from_iter(nodes.iter().map(|n| node(n, below)))
}

fn node(n: &Node, below: u8) -> VNode {
    match n {
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
                tag.add_children(e.children.iter().map(|c| node(c, below)));
            }
            VNode::from(tag)
        }
    }
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
