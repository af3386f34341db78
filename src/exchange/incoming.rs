//! "Import annotations" for the open release: our own JSON or another
//! tool's files, recognised, read, checked whole and placed on the
//! document. A foreign file may hold several releases (a doccano or Label
//! Studio project, a brat zip); the one whose text is the open release's is
//! taken (same digest, else the one whose annotations re-anchor best), and
//! the others are named in a notice.

use crate::annotate::{import_annotations, ImportError, Placement, Tag};
use crate::document::Document;

use super::{detect, import_foreign, Format, ImportedRelease, InputFile};

/// At most this many left-out releases are named; the rest are counted.
const NAMED: usize = 5;

/// What an import puts on the open release, ready for
/// `Session::replace_all(placement.set)`.
#[derive(Debug, Clone)]
pub struct ReleaseImport {
    pub placement: Placement,
    /// Annotations that started or ended inside a character and now cover
    /// it whole.
    pub widened: usize,
    /// What it was read from, for messages: `sc.annotations.json`,
    /// `tasks.json (Label Studio tasks, task 2)`.
    pub source: String,
    /// The tool's format; `None` for our own JSON.
    pub format: Option<Format>,
    /// Sentences for the reader: what the file held that has no place in
    /// Rapporteur, and the releases left out.
    pub notices: Vec<String>,
}

/// Reads `files` (one of our exports, or another tool's files) and places
/// them on `document`. `palette` is the user's tags, kept whole by a
/// foreign import; `now` dates what a foreign file does not. On any
/// problem nothing is returned but the error, which lists every problem.
pub fn import_for_release(
    document: &Document,
    files: &[InputFile],
    palette: &[Tag],
    now: &str,
    limit: u64,
) -> Result<ReleaseImport, ImportError> {
    let names = file_names(files);
    if !detect::is_foreign(files) {
        let bytes = files.first().map_or(&[][..], |f| f.bytes);
        let imported = import_annotations(bytes, limit)?;
        return Ok(ReleaseImport {
            placement: imported.place(document),
            widened: imported.widened,
            source: names,
            format: None,
            notices: Vec::new(),
        });
    }
    let foreign = import_foreign(files, palette, now, limit)?;
    let format = foreign.format;
    let held = foreign.releases.len();
    let chosen = choose(document, foreign.releases)?;
    let mut notices: Vec<String> = chosen.release.notices.iter().map(|n| sentence(n)).collect();
    let source = if held == 1 {
        format!("{names} ({})", format.name())
    } else {
        notices.push(left_out_notice(&chosen, held));
        format!("{names} ({}, {})", format.name(), chosen.release.name)
    };
    Ok(ReleaseImport {
        widened: chosen.release.file.widened,
        placement: chosen.placement,
        source,
        format: Some(format),
        notices,
    })
}

struct Chosen {
    release: ImportedRelease,
    placement: Placement,
    /// Whether its text is the open release's, character for character.
    same_text: bool,
    left_out: Vec<ImportedRelease>,
}

/// The release of the file that belongs to the open document.
fn choose(document: &Document, releases: Vec<ImportedRelease>) -> Result<Chosen, ImportError> {
    let held = releases.len();
    let exact = releases.iter().position(|r| r.file.same_text_as(document));
    let (index, placement) = match exact {
        Some(index) => (index, releases[index].file.place(document)),
        None if held == 1 => (0, releases[0].file.place(document)),
        None => {
            let mut best: Option<(usize, Placement)> = None;
            for (index, release) in releases.iter().enumerate() {
                let placement = release.file.place(document);
                let placed = placement.set.annotations().len();
                if best
                    .as_ref()
                    .is_none_or(|(_, b)| placed > b.set.annotations().len())
                {
                    best = Some((index, placement));
                }
            }
            match best {
                Some((index, placement)) if !placement.set.annotations().is_empty() => {
                    (index, placement)
                }
                _ => return Err(no_release_fits(&releases)),
            }
        }
    };
    let mut left_out = releases;
    let release = left_out.remove(index);
    Ok(Chosen {
        release,
        placement,
        same_text: exact.is_some(),
        left_out,
    })
}

fn no_release_fits(releases: &[ImportedRelease]) -> ImportError {
    ImportError::NotOurFormat(format!(
        "the file holds {} releases, and none of them is the open one: neither its text nor \
         any of its annotations' passages is in this text ({}); open the release the \
         annotations belong to, then import the file again",
        releases.len(),
        named(releases.iter())
    ))
}

fn left_out_notice(chosen: &Chosen, held: usize) -> String {
    let how = if chosen.same_text {
        "its text is the open release's"
    } else {
        "its annotations fit the open release best"
    };
    format!(
        "The file holds {held} releases; {} was imported ({how}). Left out: {}. To bring in \
         their annotations, open each of those releases and import the file again.",
        describe(&chosen.release),
        named(chosen.left_out.iter())
    )
}

/// `task 2 (SC/99001)`: where a release is in the file, and its symbol or
/// headline when the file gives one.
fn describe(release: &ImportedRelease) -> String {
    let file = &release.file;
    match file.symbol.as_deref().or(file.headline.as_deref()) {
        Some(title) if !title.is_empty() && title != release.name => {
            format!("{} ({title})", release.name)
        }
        _ => release.name.clone(),
    }
}

fn named<'a>(releases: impl ExactSizeIterator<Item = &'a ImportedRelease>) -> String {
    let count = releases.len();
    let mut names: Vec<String> = releases.take(NAMED).map(describe).collect();
    if count > NAMED {
        names.push(format!("{} more", count - NAMED));
    }
    names.join(", ")
}

/// The files' names for messages: `sc.ann, sc.txt`.
fn file_names(files: &[InputFile]) -> String {
    let mut names: Vec<&str> = files.iter().take(NAMED).map(|f| f.name).collect();
    let more = files.len().saturating_sub(NAMED);
    let more = format!("{more} more");
    if files.len() > NAMED {
        names.push(&more);
    }
    names.join(", ")
}

/// A notice fragment (`task 1: its 3 prediction(s) were not imported`) as
/// a sentence.
fn sentence(fragment: &str) -> String {
    let mut chars = fragment.trim().chars();
    let Some(first) = chars.next() else {
        return String::new();
    };
    let mut out: String = first.to_uppercase().chain(chars).collect();
    if !out.ends_with(['.', '!', '?']) {
        out.push('.');
    }
    out
}
