//! Merging the work of two tabs on the same text: when another tab saved
//! while this one was open, neither tab's annotations may be lost.

use std::collections::HashMap;

use super::set::AnnotationSet;
use super::tags::same_name;

/// This set, plus what `theirs` has that it lacks: tags (a tag of the same
/// name counts as the same tag), annotations and orphans, matched by id.
/// An annotation both have keeps this side's version. Both sets must point
/// into the same text.
pub fn merge(ours: &AnnotationSet, theirs: &AnnotationSet) -> AnnotationSet {
    let mut merged = ours.clone();
    // Their tag ids, mapped to the id the merged set uses for that tag.
    let mut tag_ids: HashMap<String, String> = HashMap::new();
    for tag in theirs.tags() {
        let known = merged
            .tags()
            .iter()
            .find(|t| t.id == tag.id || same_name(&t.name, &tag.name))
            .map(|t| t.id.clone());
        match known {
            Some(id) => {
                tag_ids.insert(tag.id.clone(), id);
            }
            None => {
                tag_ids.insert(tag.id.clone(), tag.id.clone());
                merged.tags_mut().push(tag.clone());
            }
        }
    }
    let retag = |tag: &str| tag_ids.get(tag).cloned().unwrap_or_else(|| tag.to_owned());
    for annotation in theirs.annotations() {
        if merged.annotation(&annotation.id).is_none() && merged.orphan(&annotation.id).is_none() {
            let mut annotation = annotation.clone();
            annotation.tag = retag(&annotation.tag);
            merged.annotations_mut().push(annotation);
        }
    }
    for orphan in theirs.orphans() {
        let id = &orphan.annotation.id;
        if merged.annotation(id).is_none() && merged.orphan(id).is_none() {
            let mut orphan = orphan.clone();
            orphan.annotation.tag = retag(&orphan.annotation.tag);
            merged.orphans_mut().push(orphan);
        }
    }
    merged
}

/// Whether two sets hold the same work: the same tags, annotations and
/// orphans, whatever their order. Two tabs that merged each other's saves
/// hold the same work in different orders, and must not ask again.
pub fn same_work(a: &AnnotationSet, b: &AnnotationSet) -> bool {
    fn sorted<T: Clone>(items: &[T], key: impl Fn(&T) -> &str) -> Vec<T> {
        let mut items = items.to_vec();
        // The crate's one small sort: the standard one is a large copy per
        // element type in the wasm (core/src/sort.rs).
        crate::sort::sort_by(&mut items, |x, y| key(x).cmp(key(y)));
        items
    }
    a.tags().len() == b.tags().len()
        && a.annotations().len() == b.annotations().len()
        && a.orphans().len() == b.orphans().len()
        && sorted(a.tags(), |t| &t.id) == sorted(b.tags(), |t| &t.id)
        && sorted(a.annotations(), |x| &x.id) == sorted(b.annotations(), |x| &x.id)
        && sorted(a.orphans(), |o| &o.annotation.id) == sorted(b.orphans(), |o| &o.annotation.id)
}

#[cfg(test)]
mod tests {
    use super::{merge, same_work};
    use crate::annotate::{AnnotationSet, NewAnnotation, Session};
    use crate::parse;

    fn annotate(
        session: &mut Session,
        doc: &crate::Document,
        id: &str,
        tag: &str,
        start: usize,
        end: usize,
    ) {
        let new = NewAnnotation {
            id: id.into(),
            tag: tag.into(),
            note: String::new(),
            start,
            end,
            now: "2025-01-01T00:00:00.000Z".into(),
        };
        session.annotate(doc, new).unwrap();
    }

    #[test]
    fn both_tabs_work_survives() {
        let doc = parse("ZOË ÅSTRÖM (Sweden) said the Nordic countries will double their aid.");
        let mut ours = Session::new(AnnotationSet::default());
        let mut theirs = Session::new(AnnotationSet::default());
        annotate(&mut ours, &doc, "a-1", "claim", 0, 10);
        annotate(&mut theirs, &doc, "a-1", "concern", 0, 10);
        annotate(&mut theirs, &doc, "b-1", "commitment", 45, 51);
        theirs.add_tag("t-x", "Follow-up", "#123456").unwrap();
        theirs.add_tag("t-y", "claim", "#654321").unwrap_err(); // names are unique
        annotate(&mut theirs, &doc, "b-2", "t-x", 20, 25);

        let merged = merge(ours.set(), theirs.set());
        let ids: Vec<(&str, &str)> = merged
            .annotations()
            .iter()
            .map(|a| (a.id.as_str(), a.tag.as_str()))
            .collect();
        assert_eq!(
            ids,
            [("a-1", "claim"), ("b-1", "commitment"), ("b-2", "t-x")]
        );
        assert!(merged.tag("t-x").is_some());
        assert_eq!(merged.tags().len(), 7);
        // "a-1" differs between the tabs (ours kept): a real difference.
        assert!(!same_work(&merge(theirs.set(), &merged), &merged));
    }

    #[test]
    fn tabs_that_merged_each_other_hold_the_same_work() {
        let doc = parse("One two three four five six seven eight nine ten.");
        let mut ours = Session::new(AnnotationSet::default());
        let mut theirs = Session::new(AnnotationSet::default());
        annotate(&mut ours, &doc, "a-1", "claim", 0, 3);
        theirs.add_tag("t-x", "Follow-up", "#123456").unwrap();
        annotate(&mut theirs, &doc, "b-1", "t-x", 4, 7);
        ours.add_tag("t-y", "Later", "#654321").unwrap();
        // Theirs merges ours, then ours merges that: another order, same work.
        let their_merge = merge(theirs.set(), ours.set());
        let our_merge = merge(ours.set(), &their_merge);
        assert_ne!(our_merge, their_merge);
        assert!(same_work(&our_merge, &their_merge));
        assert!(!same_work(ours.set(), &their_merge));
    }

    #[test]
    fn tags_of_the_same_name_are_one_tag() {
        let doc = parse("Some text to annotate here.");
        let ours = Session::new(AnnotationSet::default());
        let mut theirs = Session::new(AnnotationSet::default());
        theirs.rename_tag("claim", "Assertion").unwrap();
        theirs.add_tag("t-claim-2", "Claim", "#111111").unwrap();
        annotate(&mut theirs, &doc, "b-1", "t-claim-2", 0, 4);
        let merged = merge(ours.set(), theirs.set());
        assert_eq!(merged.annotation("b-1").unwrap().tag, "claim");
    }
}
