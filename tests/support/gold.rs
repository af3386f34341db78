//! Checking a parsed release against a gold file in the corpus's format
//! (`../shared/corpus/sc-14794.gold.json`): the header fields, the speakers
//! (precision and recall by name, then affiliation, role and section of
//! each matched one, and their order), and the sample of facts. One
//! machinery for the seed and for our own fixtures (`tests/fixtures/un/`),
//! whose gold files may add `date`, `session`, `headline` and a speaker's
//! `on_behalf_of`, checked where given.

use rapporteur::document::{Document, DocumentKind, Fact, FactKind};
use serde_json::Value;

/// How a document compares with its gold file.
pub struct Report {
    pub name: String,
    /// Speakers found that the gold lists (by name).
    pub matched: usize,
    /// Speakers found.
    pub found: usize,
    /// Speakers the gold lists.
    pub wanted: usize,
    /// Each header field: (field, gold, found).
    pub header: Vec<(&'static str, Option<String>, Option<String>)>,
    /// Everything that differs, one line each.
    pub problems: Vec<String>,
}

impl Report {
    pub fn precision(&self) -> f64 {
        ratio(self.matched, self.found)
    }

    pub fn recall(&self) -> f64 {
        ratio(self.matched, self.wanted)
    }

    /// One line of figures and the header, for the test's output.
    pub fn summary(&self) -> String {
        let header: Vec<String> = self
            .header
            .iter()
            .map(|(field, want, got)| {
                let mark = if want == got { "ok" } else { "DIFFERS" };
                format!("{field}={} ({mark})", got.as_deref().unwrap_or("null"))
            })
            .collect();
        format!(
            "{:<22} speakers P={:.3} R={:.3} ({}/{} found, {} in gold)  {}",
            self.name,
            self.precision(),
            self.recall(),
            self.matched,
            self.found,
            self.wanted,
            header.join("  ")
        )
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        1.0
    } else {
        part as f64 / whole as f64
    }
}

fn text_of(value: &Value) -> Option<String> {
    value.as_str().map(str::to_owned)
}

/// Runs of whitespace (no-break spaces too) made one plain space, as the
/// gold writes names and facts.
pub fn plain_spaces(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn check(name: &str, doc: &Document, gold: &Value) -> Report {
    let mut report = Report {
        name: name.to_owned(),
        matched: 0,
        found: doc.speakers.len(),
        wanted: 0,
        header: Vec::new(),
        problems: Vec::new(),
    };
    check_header(doc, gold, &mut report);
    check_speakers(doc, gold, &mut report);
    check_facts(doc, gold, &mut report);
    report
}

fn check_header(doc: &Document, gold: &Value, report: &mut Report) {
    let kind = match doc.kind {
        DocumentKind::UnMeeting => "un-meeting",
        DocumentKind::UnStatement => "un-statement",
        DocumentKind::PressRelease => "press-release",
    };
    let meeting = doc.meeting.as_ref();
    let mut fields: Vec<(&'static str, Option<String>, Option<String>)> = vec![
        ("kind", text_of(&gold["kind"]), Some(kind.to_owned())),
        (
            "meeting",
            text_of(&gold["meeting"]),
            meeting.map(|m| m.title.clone()),
        ),
        ("symbol", text_of(&gold["symbol"]), doc.symbol.clone()),
        ("body", text_of(&gold["body"]), doc.body.clone()),
        ("began", text_of(&gold["began"]), doc.began.clone()),
        ("ended", text_of(&gold["ended"]), doc.ended.clone()),
    ];
    // Fields our own gold files add to the corpus's format.
    if gold.get("date").is_some() {
        fields.push(("date", text_of(&gold["date"]), doc.date.clone()));
    }
    if gold.get("headline").is_some() {
        fields.push(("headline", text_of(&gold["headline"]), doc.headline.clone()));
    }
    if gold.get("session").is_some() {
        fields.push((
            "session",
            text_of(&gold["session"]),
            meeting.and_then(|m| m.session_name.clone()),
        ));
    }
    for (field, want, got) in &fields {
        if want != got {
            report
                .problems
                .push(format!("{field}: gold {want:?}, found {got:?}"));
        }
    }
    report.header = fields;
}

fn check_speakers(doc: &Document, gold: &Value, report: &mut Report) {
    let wanted = gold["speakers"].as_array().cloned().unwrap_or_default();
    report.wanted = wanted.len();
    let mut order = Vec::new();
    for want in &wanted {
        let name = want["name"].as_str().unwrap_or_default();
        let Some((index, got)) = doc
            .speakers
            .iter()
            .enumerate()
            .find(|(_, s)| plain_spaces(&s.name) == name)
        else {
            report.problems.push(format!("missing speaker {name:?}"));
            continue;
        };
        report.matched += 1;
        order.push(index);
        let fields = [
            ("affiliation", &want["affiliation"], got.affiliation.clone()),
            ("role", &want["role"], got.role.clone()),
            ("section", &want["section"], Some(got.section.clone())),
        ];
        let mut fields = fields.to_vec();
        // Our own gold files may also give the group spoken for.
        if want.get("on_behalf_of").is_some() {
            fields.push((
                "on_behalf_of",
                &want["on_behalf_of"],
                got.on_behalf_of.clone(),
            ));
        }
        for (field, want, got) in fields {
            if text_of(want) != got {
                report.problems.push(format!(
                    "{name:?} {field}: gold {:?}, found {got:?}",
                    text_of(want)
                ));
            }
        }
    }
    for speaker in &doc.speakers {
        let listed = wanted
            .iter()
            .any(|w| w["name"].as_str() == Some(plain_spaces(&speaker.name).as_str()));
        if !listed {
            report.problems.push(format!(
                "extra speaker {:?} ({:?}, {:?})",
                speaker.name, speaker.affiliation, speaker.role
            ));
        }
    }
    if order.windows(2).any(|pair| pair[0] > pair[1]) {
        report
            .problems
            .push("speakers are not in the gold's order".to_owned());
    }
}

/// Every entry of `facts_sample` is found: a fact of that kind whose text
/// equals the gold text (spaces made plain), with the gold's `counts`,
/// `expansion` and quoted speaker where the gold gives them.
fn check_facts(doc: &Document, gold: &Value, report: &mut Report) {
    let Some(sample) = gold["facts_sample"].as_array() else {
        return;
    };
    for entry in sample {
        let kind: Option<FactKind> = serde_json::from_value(entry["kind"].clone()).ok();
        let text = entry["text"].as_str().unwrap_or_default();
        let found = doc.facts.iter().any(|f| {
            let value = serde_json::to_value(&f.value).unwrap_or_default();
            Some(f.kind) == kind
                && plain_spaces(&f.text) == text
                && entry
                    .get("counts")
                    .is_none_or(|c| value.get("counts") == Some(c))
                && entry
                    .get("expansion")
                    .is_none_or(|e| value.get("expansion") == Some(e))
                && entry
                    .get("speaker")
                    .is_none_or(|name| speaker_name(doc, f) == name.as_str())
        });
        if !found {
            report.problems.push(format!("fact not found: {entry}"));
        }
    }
}

fn speaker_name<'a>(doc: &'a Document, fact: &Fact) -> Option<&'a str> {
    fact.speaker
        .and_then(|s| doc.speakers.get(s))
        .map(|s| s.name.as_str())
}
