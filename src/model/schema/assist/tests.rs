use super::context::{Context, Segment, What, at, hovered};

fn key(k: &str) -> Segment {
    Segment::Key(k.to_string())
}

/// The context at the `|` of `text`, which is taken out.
fn cursor(text: &str) -> Option<Context> {
    let offset = text.find('|').unwrap();
    at(&text.replacen('|', "", 1), offset)
}

#[test]
fn a_key_at_the_root_with_its_siblings() {
    let cx = cursor("---\ntitle: a\nau|\ntags:\n  - x\ndate: 2022-01-01\n---\nbody\n").unwrap();
    assert_eq!(cx.path, []);
    assert_eq!(cx.what, What::Key);
    assert_eq!(cx.word, 13..15);
    assert_eq!(cx.siblings, ["title", "tags", "date"]);
}

#[test]
fn a_key_of_a_nested_mapping() {
    let cx = cursor("---\nimage:\n  path: a\n  |\nb: 1\n---\n").unwrap();
    assert_eq!(cx.path, [key("image")]);
    assert_eq!(cx.what, What::Key);
    assert_eq!(cx.siblings, ["path"]);
}

#[test]
fn a_key_of_a_mapping_in_a_list() {
    let text = "---\nauthors:\n  - name: a\n    |\n  - name: b\n    role: c\n---\n";
    let cx = cursor(text).unwrap();
    assert_eq!(cx.path, [key("authors"), Segment::Item]);
    assert_eq!(cx.siblings, ["name"]);
    // The item's first key, on its `- ` line.
    let cx = cursor("---\nauthors:\n- na|\n- name: b\n---\n").unwrap();
    assert_eq!(cx.path, [key("authors"), Segment::Item]);
    assert_eq!(cx.what, What::Item);
    assert_eq!(cx.siblings, Vec::<String>::new());
}

#[test]
fn values_of_keys_and_items() {
    let cx = cursor("---\nimage:\n  alt: te|xt\n---\n").unwrap();
    assert_eq!(cx.path, [key("image"), key("alt")]);
    assert_eq!(cx.what, What::Value);
    assert_eq!(cx.word, 18..22);
    assert!(!cx.space);
    let cx = cursor("---\ndraft:|\n---\n").unwrap();
    assert_eq!((cx.path, cx.space), (vec![key("draft")], true));
    let cx = cursor("---\ntags:\n- a\n- |\n---\n").unwrap();
    assert_eq!(cx.path, [key("tags"), Segment::Item]);
    let cx = cursor("---\nlist:\n  - name: x\n    tags:\n      - |\n---\n").unwrap();
    assert_eq!(
        cx.path,
        [key("list"), Segment::Item, key("tags"), Segment::Item]
    );
}

#[test]
fn nothing_outside_the_front_matter_or_inside_flow_values() {
    assert_eq!(cursor("---\ntitle: a\n---\nbo|dy\n"), None);
    assert_eq!(cursor("no front matter|\n"), None);
    assert_eq!(
        cursor("---\ntags: [a, |\n---\n").map(|c| c.what),
        Some(What::Value)
    );
    assert_eq!(cursor("---\ntags:\n|- x\n---\n"), None);
}

#[test]
fn what_is_hovered() {
    let text = "---\nimage:\n  alt: \"a b\" # why\n---\n";
    let (path, span, value) = hovered(text, 14).unwrap();
    assert_eq!(
        (path, &text[span], value),
        (vec![key("image"), key("alt")], "alt", false)
    );
    let (_, span, value) = hovered(text, 20).unwrap();
    assert_eq!((&text[span], value), ("\"a b\"", true));
    assert_eq!(hovered(text, 29), None);
}
