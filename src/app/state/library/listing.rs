//! The library list as the reader asked for it: filtered by text and by
//! body, sorted by date or title.

use std::rc::Rc;

use crate::text::fold;

use super::Release;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// Newest first (the release's date, else when it was added).
    #[default]
    Date,
    Title,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Listing {
    pub filter: String,
    pub body: Option<String>,
    pub sort: Sort,
}

/// The releases the list shows, in its order.
pub fn listed(releases: &[Rc<Release>], listing: &Listing) -> Vec<Rc<Release>> {
    let needle = fold(listing.filter.trim());
    let mut shown: Vec<Rc<Release>> = releases
        .iter()
        .filter(|r| {
            listing
                .body
                .as_deref()
                .is_none_or(|body| r.summary.body.as_deref() == Some(body))
        })
        .filter(|r| needle.is_empty() || matches(r, &needle))
        .cloned()
        .collect();
    match listing.sort {
        Sort::Date => crate::sort::sort_by(&mut shown, |a, b| {
            let date = |r: &Release| {
                r.summary
                    .date
                    .clone()
                    .unwrap_or_else(|| r.added.get(..10).unwrap_or("").to_owned())
            };
            date(b)
                .cmp(&date(a))
                .then_with(|| a.summary.title.cmp(&b.summary.title))
        }),
        Sort::Title => crate::sort::sort_by_key(&mut shown, |r| fold(&r.summary.title)),
    }
    shown
}

/// Whether a release's title, symbol, body, meeting or speakers hold `needle`
/// (folded).
fn matches(release: &Release, needle: &str) -> bool {
    let s = &release.summary;
    let fields = [
        Some(&s.title),
        s.symbol.as_ref(),
        s.body.as_ref(),
        s.meeting.as_ref(),
        s.date.as_ref(),
    ];
    fields
        .into_iter()
        .flatten()
        .any(|f| fold(f).contains(needle))
        || s.speakers.iter().any(|speaker| {
            fold(&speaker.name).contains(needle)
                || speaker
                    .delegation
                    .as_deref()
                    .is_some_and(|d| fold(d).contains(needle))
        })
}

/// The bodies (organs) the library holds, for the filter, sorted.
pub fn bodies(releases: &[Rc<Release>]) -> Vec<String> {
    let mut bodies: Vec<String> = releases
        .iter()
        .filter_map(|r| r.summary.body.clone())
        .collect();
    crate::sort::sort(&mut bodies);
    bodies.dedup();
    bodies
}
