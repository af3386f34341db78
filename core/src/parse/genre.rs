//! Recognising UN meeting coverage that its header does not announce: a
//! release pasted without its header, or with header lines of a shape
//! unknown here, is meeting coverage when its paragraphs open turns the
//! way coverage does (`NAME (Country) said`, `The representative of
//! Country said`), so that its speakers are not thrown away. Its organ is
//! then the one the headline or first paragraph names.

use super::draft::Para;
use super::un_openers::{self, Form};
use crate::document::ParagraphRole;
use crate::lexicon::{countries, organs};

/// How many turns of a delegation make a text meeting coverage.
const TURNS_NEEDED: usize = 2;

/// Whether the paragraphs from `from` on hold turns of delegations.
pub fn has_turns(paras: &[Para], from: usize) -> bool {
    let mut found = 0;
    for para in paras.iter().skip(from) {
        if para.role != ParagraphRole::Text {
            continue;
        }
        // Cheap test first: a bracket or a delegation word near the start.
        let head = head(para.text);
        let quick = head.contains(" (")
            || head.contains("representative")
            || head.contains("delegate")
            || head.contains("observer");
        if !quick {
            continue;
        }
        let Some(opener) = un_openers::parse(para.text) else {
            continue;
        };
        let delegation = opener
            .affiliation
            .as_deref()
            .is_some_and(|a| countries::canonical(a).is_some());
        let turn = match opener.form {
            Form::Capitals | Form::OrdinaryCase => delegation,
            Form::Delegation => delegation && opener.verb,
            Form::TitleOfAddress => false,
        };
        found += usize::from(turn);
        if found >= TURNS_NEEDED {
            return true;
        }
    }
    false
}

/// The first 160 bytes or so of a paragraph, on a character boundary.
fn head(text: &str) -> &str {
    let mut end = text.len().min(160);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// The organ named first in `texts` (the headline, the first paragraph):
/// `The Disarmament Commission opened …` → `Disarmament Commission`.
pub fn organ_named_in<'a>(texts: impl IntoIterator<Item = &'a str>) -> Option<&'static str> {
    for text in texts {
        let first = organs::names()
            .filter_map(|(name, organ)| text.find(name).map(|at| (at, name.len(), organ)))
            .min_by_key(|&(at, len, _)| (at, usize::MAX - len));
        if let Some((_, _, organ)) = first {
            return Some(organ.name);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(text: &str) -> Vec<Para<'_>> {
        let mut start = 0;
        text.split('\n')
            .map(|line| {
                let para = Para::new(text, start..start + line.len());
                start += line.len() + 1;
                para
            })
            .collect()
    }

    #[test]
    fn turns_of_delegations_make_coverage() {
        let text = "Commission Opens Session\nThe Commission met today.\nANA LIMA (Brazil) said that talks must go on.\nThe representative of Cuba said her country agreed.";
        assert!(has_turns(&paras(text), 1));
        let text = "Acme Opens Plant\nJANE DOE (Acme Corp.) said the plant opens today.\nThe representative of the union said workers agreed.";
        assert!(!has_turns(&paras(text), 1));
    }

    #[test]
    fn the_organ_the_summary_names() {
        assert_eq!(
            organ_named_in([
                "Talks Resume",
                "The Disarmament Commission opened its session, as the General Assembly met."
            ]),
            Some("Disarmament Commission")
        );
        assert_eq!(
            organ_named_in([
                "Speakers in the Third Committee (Social, Humanitarian and Cultural) said"
            ]),
            Some("General Assembly Third Committee")
        );
        assert_eq!(organ_named_in(["Nothing here"]), None);
    }
}
