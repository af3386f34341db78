//! "Codes by delegation": how often each tag was applied to what each
//! delegation (or speaker) said, across the library, and the passages
//! behind each count.

use std::collections::HashMap;

use crate::annotate::Tag;

use super::ReleaseRef;

/// What the rows of the matrix are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RowKind {
    #[default]
    Delegations,
    Speakers,
}

/// Label for annotations outside any turn, or of a speaker with no
/// delegation, in the delegation rows.
pub const NO_DELEGATION: &str = "(no delegation)";
pub const NOT_IN_A_TURN: &str = "(not in a turn)";

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CodeMatrix {
    /// Row labels, sorted by total (most first), then name.
    pub rows: Vec<String>,
    /// Each row's total.
    pub totals: Vec<u32>,
    /// Tag ids and names, in codebook order.
    pub tags: Vec<(String, String)>,
    /// `counts[row][tag]`.
    pub counts: Vec<Vec<u32>>,
    pub max: u32,
    /// Rows left out (past the fullest ones asked for).
    pub hidden_rows: usize,
}

/// The row an annotation at `start` of `release` counts under.
fn row_of(release: &ReleaseRef<'_>, start: usize, kind: RowKind) -> String {
    match release.summary.speaker_at(start) {
        None => NOT_IN_A_TURN.to_owned(),
        Some(speaker) => match kind {
            RowKind::Delegations => speaker
                .delegation
                .clone()
                .or_else(|| speaker.role.clone())
                .unwrap_or_else(|| NO_DELEGATION.to_owned()),
            RowKind::Speakers => match &speaker.delegation {
                Some(d) => format!("{} ({d})", speaker.name.trim()),
                None => speaker.name.trim().to_owned(),
            },
        },
    }
}

/// Counts of placed annotations by row and tag; at most `max_rows` rows,
/// those with the most annotations (a library has thousands of speakers).
pub fn code_matrix(releases: &[ReleaseRef<'_>], tags: &[Tag], kind: RowKind) -> CodeMatrix {
    code_matrix_top(releases, tags, kind, usize::MAX)
}

/// [`code_matrix`] with at most `max_rows` rows, the fullest; `hidden_rows`
/// says how many were left out.
pub fn code_matrix_top(
    releases: &[ReleaseRef<'_>],
    tags: &[Tag],
    kind: RowKind,
    max_rows: usize,
) -> CodeMatrix {
    let column: HashMap<&str, usize> = tags
        .iter()
        .enumerate()
        .map(|(i, t)| (t.id.as_str(), i))
        .collect();
    let mut rows: HashMap<String, Vec<u32>> = HashMap::new();
    for release in releases {
        for annotation in &release.work.annotations {
            let Some(&col) = column.get(annotation.tag.as_str()) else {
                continue;
            };
            let row = row_of(release, annotation.start, kind);
            rows.entry(row).or_insert_with(|| vec![0; tags.len()])[col] += 1;
        }
    }
    let mut rows: Vec<(String, Vec<u32>)> = rows.into_iter().collect();
    crate::sort::sort_by(&mut rows, |(a, ca), (b, cb)| {
        let (ta, tb): (u32, u32) = (ca.iter().sum(), cb.iter().sum());
        tb.cmp(&ta).then_with(|| a.cmp(b))
    });
    let hidden_rows = rows.len().saturating_sub(max_rows);
    rows.truncate(max_rows);
    let max = rows
        .iter()
        .flat_map(|(_, c)| c.iter().copied())
        .max()
        .unwrap_or(0);
    CodeMatrix {
        totals: rows.iter().map(|(_, c)| c.iter().sum()).collect(),
        tags: tags
            .iter()
            .map(|t| (t.id.clone(), t.name.clone()))
            .collect(),
        rows: rows.iter().map(|(r, _)| r.clone()).collect(),
        counts: rows.into_iter().map(|(_, c)| c).collect(),
        max,
        hidden_rows,
    }
}

/// One annotated passage behind a cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passage {
    pub release: String,
    pub release_label: String,
    pub annotation: String,
    pub paragraph: Option<usize>,
    pub start: usize,
    pub end: usize,
    pub speaker: Option<String>,
    pub note: String,
}

/// The annotations of tag `tag` on row `row`, release by release in
/// reading order.
pub fn passages(releases: &[ReleaseRef<'_>], kind: RowKind, row: &str, tag: &str) -> Vec<Passage> {
    let mut out = Vec::new();
    for release in releases {
        let mut found: Vec<Passage> = release
            .work
            .annotations
            .iter()
            .filter(|a| a.tag == tag && row_of(release, a.start, kind) == row)
            .map(|a| Passage {
                release: release.id.to_owned(),
                release_label: release.summary.label().to_owned(),
                annotation: a.id.clone(),
                paragraph: release.summary.paragraph_at(a.start),
                start: a.start,
                end: a.end,
                speaker: release.summary.speaker_at(a.start).map(|s| s.name.clone()),
                note: a.note.clone(),
            })
            .collect();
        crate::sort::sort_by_key(&mut found, |p| (p.start, std::cmp::Reverse(p.end)));
        out.extend(found);
    }
    out
}
