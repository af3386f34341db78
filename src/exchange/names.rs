//! File names for exchange exports: `<symbol-or-headline>.<format>.<ext>`,
//! from the same stem as our own exports.

use std::collections::HashMap;

use crate::annotate::file_stem;
use crate::document::Document;

use super::{Format, Release};

/// `SC-15630.brat.zip`, `SC-15630.doccano.jsonl`,
/// `SC-15630.label-studio.json`, `SC-15630.label-studio-config.xml`,
/// `SC-15630.inception.zip`.
pub fn exchange_file_name(document: &Document, format: Format) -> String {
    format!("{}.{}", file_stem(document), suffix(format))
}

/// The name of an export of `count` releases at once:
/// `library-12.brat.zip`.
pub fn library_file_name(count: usize, format: Format) -> String {
    format!("library-{count}.{}", suffix(format))
}

fn suffix(format: Format) -> &'static str {
    match format {
        Format::Brat => "brat.zip",
        Format::Doccano => "doccano.jsonl",
        Format::LabelStudio => "label-studio.json",
        Format::LabelStudioConfig => "label-studio-config.xml",
        Format::UimaXmi => "inception.zip",
    }
}

/// One stem per release, unique within an archive: the second release
/// whose stem is `document` becomes `document-2`.
pub(crate) fn unique_stems(releases: &[Release]) -> Vec<String> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    releases
        .iter()
        .map(|(document, _)| {
            let stem = file_stem(document);
            let count = seen.entry(stem.to_lowercase()).or_insert(0);
            *count += 1;
            if *count == 1 {
                stem
            } else {
                format!("{stem}-{count}")
            }
        })
        .collect()
}
