//! Exchange with the annotation tools teams already use: brat standoff,
//! doccano sequence-labelling JSONL, Label Studio tasks and labelling
//! config, and UIMA CAS XMI for INCEpTION. Export and import, for one
//! release or many at once, in the pure core (no web-sys).
//!
//! Offsets: ours count Unicode code points into the LF-normalised text.
//! brat, doccano, Label Studio (its front end counts code points since its
//! emoji fix) and Python readers such as dkpro-cassis count code points too;
//! UIMA XMI counts UTF-16 code units, as Java does, and is converted with
//! `crate::text`. `docs/EXCHANGE.md` documents each format, what survives
//! the trip and what does not.
//!
//! Imports read the other tool's file into spans, labels and notes and hand
//! them to the annotation core's own checks (`annotate::assemble`), so that
//! a foreign file is validated, re-anchored and reported exactly like one
//! of ours: everything or nothing, with every problem listed.

mod archive;
mod brat;
mod detect;
mod doccano;
mod extracted;
mod incoming;
mod label_studio;
mod names;
mod uima;
mod xml;

use std::fmt;

use crate::annotate::{ImportError, ImportedFile, Tag};
use crate::document::Document;

use crate::annotate::AnnotationSet;

pub use incoming::{import_for_release, ReleaseImport};
pub use names::{exchange_file_name, library_file_name};

/// One release and its annotations: what every export takes a list of.
pub type Release<'a> = (&'a Document, &'a AnnotationSet);

/// The formats of the Export menu (besides our own JSON and the W3C form).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// brat standoff: a zip of `.txt` + `.ann` per release, `annotation.conf`
    /// and `visual.conf`.
    Brat,
    /// doccano sequence labelling, one JSON object per line and release.
    Doccano,
    /// Label Studio tasks (one JSON array).
    LabelStudio,
    /// Label Studio's labelling config (XML) for the tag set.
    LabelStudioConfig,
    /// UIMA CAS XMI for INCEpTION: a zip of one `.xmi` per release and
    /// `TypeSystem.xml`.
    UimaXmi,
}

impl Format {
    pub const ALL: [Format; 5] = [
        Format::Brat,
        Format::Doccano,
        Format::LabelStudio,
        Format::LabelStudioConfig,
        Format::UimaXmi,
    ];

    /// The name used on the command line and in file names' middle part.
    pub fn id(self) -> &'static str {
        match self {
            Format::Brat => "brat",
            Format::Doccano => "doccano",
            Format::LabelStudio => "label-studio",
            Format::LabelStudioConfig => "label-studio-config",
            Format::UimaXmi => "uima-xmi",
        }
    }

    pub fn from_id(id: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.id() == id)
    }

    /// The tool and the file, as the Export menu names them ("Export "
    /// before it) and as messages about an import name the format.
    pub fn label(self) -> &'static str {
        match self {
            Format::Brat => "brat standoff (.zip)",
            Format::Doccano => "doccano JSONL",
            Format::LabelStudio => "Label Studio tasks",
            Format::LabelStudioConfig => "Label Studio labelling config",
            Format::UimaXmi => "INCEpTION UIMA CAS XMI (.zip)",
        }
    }

    /// The format alone, for messages about a file read: "brat standoff".
    pub fn name(self) -> &'static str {
        match self {
            Format::Brat => "brat standoff",
            Format::Doccano => "doccano JSONL",
            Format::LabelStudio => "Label Studio tasks",
            Format::LabelStudioConfig => "Label Studio labelling config",
            Format::UimaXmi => "UIMA CAS XMI",
        }
    }

    /// The MIME type of the exported file.
    pub fn mime(self) -> &'static str {
        match self {
            Format::Brat | Format::UimaXmi => "application/zip",
            Format::Doccano => "application/jsonl",
            Format::LabelStudio => "application/json",
            Format::LabelStudioConfig => "application/xml",
        }
    }
}

/// What an export may add beyond the user's tags.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ExportOptions {
    /// Label Studio: the extracted speakers, turns and facts as
    /// `predictions` (and their labels in the config), so that a team
    /// starts pre-labelled. Export the config with the same choice.
    pub predictions: bool,
}

/// A file ready to be saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportedFile {
    pub name: String,
    pub mime: &'static str,
    pub bytes: Vec<u8>,
}

/// Why an export could not be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportError {
    NoReleases,
    /// The zip writer failed (it writes to memory, so this is a bug).
    Archive(String),
}

impl fmt::Display for ExportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExportError::NoReleases => write!(f, "there is no release to export"),
            ExportError::Archive(why) => write!(f, "the zip archive could not be written: {why}"),
        }
    }
}

impl std::error::Error for ExportError {}

/// Exports `releases` in `format`: one release gives a file named after it
/// (`sc-15630.brat.zip`), several a library file (`library-3.brat.zip`).
/// Orphans (annotations with no place in the text) have no offsets and are
/// left out of every foreign format; our own JSON keeps them.
pub fn export_releases(
    format: Format,
    releases: &[Release],
    options: ExportOptions,
) -> Result<ExportedFile, ExportError> {
    let first = releases.first().ok_or(ExportError::NoReleases)?;
    let stems = names::unique_stems(releases);
    let bytes = match format {
        Format::Brat => brat::export(releases, &stems)?,
        Format::Doccano => doccano::export(releases).into_bytes(),
        Format::LabelStudio => label_studio::export_tasks(releases, options).into_bytes(),
        Format::LabelStudioConfig => label_studio::export_config(releases, options).into_bytes(),
        Format::UimaXmi => uima::export(releases, &stems)?,
    };
    let name = if releases.len() == 1 {
        exchange_file_name(first.0, format)
    } else {
        library_file_name(releases.len(), format)
    };
    Ok(ExportedFile {
        name,
        mime: format.mime(),
        bytes,
    })
}

/// The UIMA CAS XMI of one release alone (UTF-16 offsets), for readers
/// that want the `.xmi` without the zip; `uima_type_system` goes with it.
pub fn uima_xmi(release: Release) -> String {
    uima::xmi(release)
}

/// The UIMA type system every XMI export uses (`TypeSystem.xml`).
pub fn uima_type_system() -> String {
    uima::type_system()
}

/// A file handed to import: its name (the extension helps recognise the
/// format) and its bytes. A zip is opened and its files read in its place.
#[derive(Debug, Clone, Copy)]
pub struct InputFile<'a> {
    pub name: &'a str,
    pub bytes: &'a [u8],
}

/// Another tool's file, read and checked: one entry per release it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ForeignImport {
    /// The format recognised.
    pub format: Format,
    pub releases: Vec<ImportedRelease>,
}

/// One release of an imported file. Place it with `file.place(&document)`
/// (same text: annotations stay put; other text: re-anchored by quote, the
/// rest "Not placed") and apply with `Session::replace_all`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedRelease {
    /// Where it came from: `sc-15630.ann`, `task 2`, `line 3`.
    pub name: String,
    pub file: ImportedFile,
    /// What the user should know: parts of the file that have no place in
    /// Rapporteur (relations, comments, other layers), spans given twice,
    /// offsets converted from UTF-16. One sentence each.
    pub notices: Vec<String>,
}

/// Whether files handed to "Import annotations" are another tool's (read
/// by [`import_foreign`]) rather than our own JSON (read by
/// `annotate::import_annotations`, with its own messages), from the
/// names and the shape of the content, without reading any annotation.
pub fn is_foreign(files: &[InputFile]) -> bool {
    detect::is_foreign(files)
}

/// Reads another tool's export: brat (`.ann` + `.txt`, `annotation.conf`,
/// `visual.conf`, or a zip of them), doccano JSONL, Label Studio JSON,
/// UIMA CAS XMI (alone or zipped with its type system). The format is
/// recognised from names and content.
///
/// Tags: `palette` (the user's current tags) is kept whole, and each label
/// the file uses is matched to a palette tag by name (ignoring case and
/// surrounding spaces) or made a new tag, with the file's colour if it has
/// one. Annotations get `now` as their creation and change time.
///
/// Every file is checked whole; on any problem nothing is returned but the
/// list of problems, so nothing is half-applied. `limit` bounds each file's
/// size (and a zip's unpacked size).
pub fn import_foreign(
    files: &[InputFile],
    palette: &[Tag],
    now: &str,
    limit: u64,
) -> Result<ForeignImport, ImportError> {
    let files = archive::expand(files, limit)?;
    let format = detect::format_of(&files)?;
    let releases = match format {
        Format::Brat => brat::import(&files, palette, now, limit)?,
        Format::Doccano => doccano::import(&files, palette, now, limit)?,
        Format::LabelStudio => label_studio::import(&files, palette, now, limit)?,
        Format::UimaXmi => uima::import(&files, palette, now, limit)?,
        Format::LabelStudioConfig => {
            return Err(ImportError::NotOurFormat(
                "the file is a Label Studio labelling config, which holds no annotations; \
                 import the project's export (JSON) instead"
                    .to_owned(),
            ))
        }
    };
    Ok(ForeignImport { format, releases })
}

/// A file's name and bytes after zips are opened.
#[derive(Debug, Clone)]
pub(crate) struct Loaded {
    pub name: String,
    pub bytes: Vec<u8>,
}

impl Loaded {
    fn extension(&self) -> String {
        self.name
            .rsplit_once('.')
            .map(|(_, ext)| ext.to_ascii_lowercase())
            .unwrap_or_default()
    }
}

/// A file's text: UTF-8 (a byte-order mark is dropped), or an error that
/// names the file.
pub(crate) fn text_of(file: &Loaded, limit: u64) -> Result<&str, ImportError> {
    crate::annotate::check_size(u64::try_from(file.bytes.len()).unwrap_or(u64::MAX), limit)?;
    let bytes = file
        .bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or(&file.bytes);
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(ImportError::NotOurFormat(format!(
            "{} is UTF-16 text; save it as UTF-8",
            file.name
        )));
    }
    std::str::from_utf8(bytes).map_err(|e| {
        let at = e.valid_up_to();
        let line = 1 + bytes[..at].iter().filter(|&&b| b == b'\n').count();
        ImportError::NotOurFormat(format!(
            "{} is not UTF-8 text: byte {at} (line {line}) is not valid UTF-8; save it as UTF-8",
            file.name
        ))
    })
}
