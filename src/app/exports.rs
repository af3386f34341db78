//! What the Export menu offers: our own JSON, the W3C form, and each other
//! tool's format, with the name a menu item shows and the file it makes.
//! Pure (no browser), so it is tested natively; the menu component only
//! lists these and saves the file.

use crate::annotate::{
    export_file_name, export_json, web_annotation_file_name, web_annotation_json,
};
use crate::exchange::{export_releases, ExportOptions, ExportedFile, Format, Release};

/// One entry of the Export menu.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Export {
    /// Our own `rapporteur-annotations/1` JSON (one release).
    Json,
    /// The W3C Web Annotation JSON-LD form (one release).
    WebAnnotations,
    /// Another tool's format; `predictions` adds the extracted speakers,
    /// turns and facts (Label Studio tasks).
    Tool { format: Format, predictions: bool },
}

/// The entries for the open release, in menu order.
pub const RELEASE_EXPORTS: &[Export] = &[
    Export::Json,
    Export::WebAnnotations,
    Export::Tool {
        format: Format::Brat,
        predictions: false,
    },
    Export::Tool {
        format: Format::Doccano,
        predictions: false,
    },
    Export::Tool {
        format: Format::LabelStudio,
        predictions: false,
    },
    Export::Tool {
        format: Format::LabelStudio,
        predictions: true,
    },
    Export::Tool {
        format: Format::LabelStudioConfig,
        predictions: false,
    },
    Export::Tool {
        format: Format::UimaXmi,
        predictions: false,
    },
];

impl Export {
    /// The menu item's text and accessible name: "Export JSON", "Export
    /// doccano JSONL".
    pub fn label(self) -> String {
        match self {
            Export::Json => "Export JSON".to_owned(),
            Export::WebAnnotations => "Export Web Annotations".to_owned(),
            Export::Tool {
                format,
                predictions: true,
            } => format!("Export {} with predictions", format.label()),
            Export::Tool { format, .. } => format!("Export {}", format.label()),
        }
    }

    /// The file for `releases`, named `<symbol-or-headline>.<format>.<ext>`
    /// (`library-<n>.…` for several). Our JSON and the W3C form hold one
    /// release; asked for several they say so.
    pub fn file(self, releases: &[Release], now: &str) -> Result<ExportedFile, String> {
        match self {
            Export::Json | Export::WebAnnotations => {
                let [(document, set)] = releases else {
                    return Err(format!(
                        "{} holds one release, and {} were chosen",
                        self.label(),
                        releases.len()
                    ));
                };
                Ok(if self == Export::Json {
                    ExportedFile {
                        name: export_file_name(document),
                        mime: "application/json",
                        bytes: export_json(document, set, now).into_bytes(),
                    }
                } else {
                    ExportedFile {
                        name: web_annotation_file_name(document),
                        mime: "application/ld+json",
                        bytes: web_annotation_json(document, set).into_bytes(),
                    }
                })
            }
            Export::Tool {
                format,
                predictions,
            } => {
                // The labelling config always has the extracted labels, so
                // that it fits the tasks with predictions as well as those
                // without (a label nobody uses costs nothing there).
                let predictions = predictions || format == Format::LabelStudioConfig;
                export_releases(format, releases, ExportOptions { predictions })
                    .map_err(|e| e.to_string())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::NewAnnotation;
    use crate::annotate::{AnnotationSet, Session};

    const NOW: &str = "2026-03-12T09:00:00.000Z";
    const TEXT: &str = "Security Council\n9999th Meeting (AM)\nSC/99001\n12 March 2026\n\n\
                        ZOË ÅSTRÖM (Sweden) said the Council must act now 🙏.\n";

    fn release() -> (crate::Document, AnnotationSet) {
        let document = crate::parse(TEXT);
        let mut session = Session::new(AnnotationSet::default());
        let quote = "the Council must act now 🙏";
        let byte = document.text.find(quote).unwrap();
        let start = document.text[..byte].chars().count();
        session
            .annotate(
                &document,
                NewAnnotation {
                    id: "a-1".into(),
                    tag: "claim".into(),
                    note: "Urgent".into(),
                    start,
                    end: start + quote.chars().count(),
                    now: NOW.into(),
                },
            )
            .unwrap();
        (document, session.set().clone())
    }

    #[test]
    fn labels_name_the_format() {
        let labels: Vec<String> = RELEASE_EXPORTS.iter().map(|e| e.label()).collect();
        assert_eq!(
            labels,
            [
                "Export JSON",
                "Export Web Annotations",
                "Export brat standoff (.zip)",
                "Export doccano JSONL",
                "Export Label Studio tasks",
                "Export Label Studio tasks with predictions",
                "Export Label Studio labelling config",
                "Export INCEpTION UIMA CAS XMI (.zip)",
            ]
        );
    }

    #[test]
    fn each_entry_makes_its_file_named_after_the_release() {
        let (document, set) = release();
        let names: Vec<String> = RELEASE_EXPORTS
            .iter()
            .map(|e| e.file(&[(&document, &set)], NOW).unwrap().name)
            .collect();
        assert_eq!(
            names,
            [
                "SC-99001.annotations.json",
                "SC-99001.annotations.jsonld",
                "SC-99001.brat.zip",
                "SC-99001.doccano.jsonl",
                "SC-99001.label-studio.json",
                "SC-99001.label-studio.json",
                "SC-99001.label-studio-config.xml",
                "SC-99001.inception.zip",
            ]
        );
        let file = |export: Export| {
            String::from_utf8(export.file(&[(&document, &set)], NOW).unwrap().bytes).unwrap()
        };
        let tool = |format, predictions| Export::Tool {
            format,
            predictions,
        };
        assert!(!file(tool(Format::LabelStudio, false)).contains("\"predictions\""));
        assert!(file(tool(Format::LabelStudio, true)).contains("\"predictions\""));
        assert!(file(tool(Format::LabelStudioConfig, false)).contains("name=\"extracted\""));
        assert!(file(Export::Json).contains(NOW));
    }

    #[test]
    fn our_json_holds_one_release_and_an_empty_list_is_refused() {
        let (document, set) = release();
        let two = [(&document, &set), (&document, &set)];
        assert_eq!(
            Export::Json.file(&two, NOW).unwrap_err(),
            "Export JSON holds one release, and 2 were chosen"
        );
        let library = Export::Tool {
            format: Format::Doccano,
            predictions: false,
        };
        assert_eq!(
            library.file(&two, NOW).unwrap().name,
            "library-2.doccano.jsonl"
        );
        assert_eq!(
            library.file(&[], NOW).unwrap_err(),
            "there is no release to export"
        );
    }
}
