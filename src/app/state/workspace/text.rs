//! Taking a new text: parsed here when short, in the worker when long;
//! annotations follow it, or the reader is asked first when most of them
//! would lose their place.

use std::rc::Rc;

use crate::annotate::{AnnotationSet, ReanchorReport, Session};
use crate::document::Document;
use crate::parse::parse;
use crate::text::normalize_line_endings;

use super::{Event, Parsing, Pending, Workspace, MAX_TEXT_BYTES, WORKER_THRESHOLD_BYTES};
use crate::app::state::notice::Notice;

impl Workspace {
    /// Parses `input`, here for a short text or in the worker for a long one.
    /// `fresh`: the text is a release of its own, not an edit of the one on
    /// show.
    pub(super) fn take_text(
        mut self,
        input: Rc<str>,
        fresh: bool,
        events: &mut Vec<Event>,
    ) -> Self {
        // The text box holds LF line ends only, as the document does: a
        // file or paste with CRLF would otherwise differ from its own
        // document forever and be parsed again after every pause.
        let input = if input.contains('\r') {
            Rc::from(normalize_line_endings(&input))
        } else {
            input
        };
        if *input == *self.document.text && self.pending.is_none() {
            self.input = input;
            self.parsing = None;
            return self;
        }
        if input.len() > MAX_TEXT_BYTES {
            events.push(Event::Notice(Some(Notice::error(format!(
                "This text is {} MB; Rapporteur reads up to {} MB in a browser tab. The document shown was kept.",
                crate::text::one_decimal(input.len() as f64 / 1_048_576.0),
                MAX_TEXT_BYTES / 1_048_576
            )))));
            self.input = Rc::from(self.document.text.as_str());
            return self;
        }
        // Already being parsed (a pause in typing asks again, with the
        // same text: compared by address first, as comparing 50 MB byte by
        // byte holds the page for a tenth of a second).
        if self.parsing.is_some() && (Rc::ptr_eq(&input, &self.input) || *input == *self.input) {
            return self;
        }
        if input.len() > WORKER_THRESHOLD_BYTES {
            // Parsed off the page's thread; `Parsed` comes back with it.
            let id = self
                .parsing
                .as_ref()
                .map_or(1, |p| p.id + 1)
                .max(self.revision + 1);
            // A release of its own comes back first as its outline
            // (`Outlined`), made on the page once the worker has the text.
            // An outline already on show (another long text still being
            // read) stays until then: dropping it would show the last
            // parsed document for a frame or more between the two.
            let on_show = self.outline().cloned();
            self.input = input;
            self.parsing = Some(Parsing {
                id,
                percent: 0,
                fresh,
                outline: on_show,
            });
            return self;
        }
        let document = Rc::new(parse(&input));
        self.take_document(input, document, fresh, events)
    }

    /// The worker's answer to job `id`; an answer to a superseded job is
    /// dropped.
    pub(super) fn parsed(
        mut self,
        id: u64,
        input: Rc<str>,
        result: Result<Rc<Document>, String>,
        events: &mut Vec<Event>,
    ) -> Self {
        let Some(fresh) = self
            .parsing
            .as_ref()
            .filter(|p| p.id == id)
            .map(|p| p.fresh)
        else {
            return self;
        };
        match result {
            Ok(document) => self.take_document(input, document, fresh, events),
            Err(error) => {
                self.parsing = None;
                events.push(Event::Notice(Some(Notice::error(format!(
                    "The text could not be read: {error}. The document shown was kept."
                )))));
                self
            }
        }
    }

    /// Shows a parsed document. A release of its own starts with no
    /// annotations (the codebook's tags kept); an edit of the one on show
    /// takes its annotations along, re-anchored, or asks first when most of
    /// them would lose their place.
    fn take_document(
        mut self,
        input: Rc<str>,
        document: Rc<Document>,
        fresh: bool,
        events: &mut Vec<Event>,
    ) -> Self {
        self.parsing = None;
        self.input = input.clone();
        if fresh {
            let tags = self.session.set().tags().to_vec();
            self.session = Rc::new(Session::new(AnnotationSet::with_tags(tags)));
            // Shown first: the store may answer the new release by opening
            // one of the library's, whose place must not be reset after.
            let shown = self.show(document, events);
            events.push(Event::NewRelease);
            return shown;
        }
        if !self.has_annotations() {
            return self.show(document, events);
        }
        let before = self.session.set().annotations().len();
        let mut session = (*self.session).clone();
        let report = session.follow_text_change(&self.document.text, &document);
        let placed = session.set().annotations().len();
        if before > 0 && placed * 2 < before {
            self.pending = Some(Rc::new(Pending {
                question: format!(
                    "This text is not the one you annotated: {} of {} annotations cannot be placed in it. \
                     Replace the document? The annotations that cannot be placed are kept in the Annotations \
                     panel as not placed, and can be exported.",
                    before - placed,
                    before
                ),
                confirm_label: "Replace document".to_owned(),
                document,
                session: Rc::new(session),
                input,
            }));
            return self;
        }
        self.session = Rc::new(session);
        events.push(Event::Notice(reanchor_notice(&report)));
        self.show(document, events)
    }

    pub(super) fn confirm_pending(mut self, events: &mut Vec<Event>) -> Self {
        let Some(pending) = self.pending.clone() else {
            return self;
        };
        self.session = pending.session.clone();
        self.input = pending.input.clone();
        self.show(pending.document.clone(), events)
    }

    pub(super) fn show(mut self, document: Rc<Document>, events: &mut Vec<Event>) -> Self {
        self.document = document;
        self.pending = None;
        events.push(Event::Shown);
        self.changed()
    }
}

/// A sentence for the reader about annotations that moved or lost their
/// place; none when all stayed where they were.
fn reanchor_notice(report: &ReanchorReport) -> Option<Notice> {
    let lost = report.orphaned + report.still_orphaned;
    let moved = report.moved_total();
    match (lost, moved) {
        (0, 0) => None,
        (0, moved) => Some(Notice::info(format!(
            "{moved} annotation(s) moved with the edited text."
        ))),
        (lost, _) => Some(Notice::info(format!(
            "{lost} annotation(s) could not be placed in the edited text; they are listed under \"Not placed\"."
        ))),
    }
}
