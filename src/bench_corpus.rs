//! Benchmark texts: many different releases built from our own fixtures.
//!
//! A benchmark that parses one release repeated measures a parser that has
//! seen every name before: a handful of speakers per megabyte, the same
//! delegations, the same facts. The texts built here are instead a run of
//! releases, each one of our fixtures (every UN organ's shape, the
//! corporate releases, the sample) drawn at random, with the speakers'
//! names, the countries, the numbers, the dates, months and weekdays
//! replaced by others, so that a megabyte holds hundreds of distinct
//! people and delegations, and thousands of distinct facts, in the shapes
//! the parser meets in real releases.
//!
//! The texts are deterministic: the same seed and size give the same
//! bytes on every machine. `benches/parse.rs` builds them in memory;
//! `rapporteur-bench-corpus` (src/bin) writes the same texts to files for
//! the browser benchmarks (`tests/e2e/bench/corpus.mjs`), so the native and
//! the wasm parser, and `compromise`, are timed on the same bytes.

use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;

use crate::document::ParagraphRole;
use crate::lexicon::countries::{self, COUNTRIES};

/// The seed of every published figure (BENCHMARKS.md).
pub const SEED: u64 = 14;

/// The releases the texts are drawn from: every UN release shape among our
/// fixtures, the corporate releases and the sample, written for this
/// project. The first one opens every text, so that the whole text reads
/// as UN meeting coverage, as a library of meetings pasted together would.
pub const SOURCES: &[&str] = &[
    crate::sample::UN_MEETING,
    include_str!("../tests/fixtures/un/cedaw_treaty_body.txt"),
    include_str!("../tests/fixtures/un/dc_no_header_wrapped.txt"),
    include_str!("../tests/fixtures/un/ecosoc_panel.txt"),
    include_str!("../tests/fixtures/un/ga_ab_fifth_budget.txt"),
    include_str!("../tests/fixtures/un/ga_dis_first.txt"),
    include_str!("../tests/fixtures/un/ga_ef_two_meetings.txt"),
    include_str!("../tests/fixtures/un/ga_ess_current.txt"),
    include_str!("../tests/fixtures/un/ga_l_sixth.txt"),
    include_str!("../tests/fixtures/un/ga_plenary_reply.txt"),
    include_str!("../tests/fixtures/un/ga_plenary_votes.txt"),
    include_str!("../tests/fixtures/un/ga_spd_fourth_2010.txt"),
    include_str!("../tests/fixtures/un/hrc_dialogue.txt"),
    include_str!("../tests/fixtures/un/pbc_annual.txt"),
    include_str!("../tests/fixtures/un/sc_2004_slash_date.txt"),
    include_str!("../tests/fixtures/un/sc_2006_old.txt"),
    include_str!("../tests/fixtures/un/sc_2025_current.txt"),
    include_str!("../tests/fixtures/un/sc_two_meetings_night.txt"),
    include_str!("../tests/fixtures/un/whole_page_gashc.txt"),
    include_str!("../tests/fixtures/un_committee.txt"),
    include_str!("../tests/fixtures/press_release.txt"),
    include_str!("../tests/fixtures/facts/briefing.txt"),
    include_str!("../tests/fixtures/annotate/release.txt"),
];

/// Given names put in place of a speaker's first name: many languages,
/// some beyond ASCII, so that the parser's Unicode paths are exercised.
const GIVEN: &[&str] = &[
    "Aaliyah",
    "Abebe",
    "Adaeze",
    "Adriana",
    "Ahmed",
    "Aiko",
    "Akosua",
    "Alejandro",
    "Aleksandra",
    "Amani",
    "Amara",
    "Ana",
    "Anders",
    "Andrés",
    "Anh",
    "Anjali",
    "Arjun",
    "Astrid",
    "Ayesha",
    "Bashir",
    "Beatriz",
    "Benedikt",
    "Bongani",
    "Camila",
    "Carlos",
    "Catalina",
    "Chidi",
    "Chloé",
    "Dagny",
    "Daniel",
    "Dariusz",
    "Dilnoza",
    "Dmitri",
    "Elena",
    "Eliska",
    "Emeka",
    "Emma",
    "Esperanza",
    "Fatima",
    "Fernando",
    "Florence",
    "Gabriel",
    "Giulia",
    "Grace",
    "Hamid",
    "Hana",
    "Hiroshi",
    "Ibrahim",
    "Ines",
    "Ingrid",
    "Irina",
    "Isabel",
    "Jae-won",
    "Jamal",
    "Javier",
    "Jelena",
    "Joaquín",
    "Jonas",
    "Juliette",
    "Kaveh",
    "Kemal",
    "Kenji",
    "Khadija",
    "Kofi",
    "Lars",
    "Layla",
    "Leila",
    "Lucía",
    "Łukasz",
    "Mahmoud",
    "Mariam",
    "Marta",
    "Mateus",
    "Mei",
    "Mia",
    "Mohammed",
    "Nadia",
    "Naledi",
    "Nikolai",
    "Noor",
    "Olga",
    "Oluwaseun",
    "Omar",
    "Paulo",
    "Priya",
    "Rafael",
    "Rania",
    "Ravi",
    "Rosa",
    "Rustam",
    "Salma",
    "Santiago",
    "Sebastián",
    "Siddharth",
    "Sipho",
    "Søren",
    "Sofía",
    "Tamar",
    "Thandiwe",
    "Tomás",
    "Valentina",
    "Viktor",
    "Wanjiru",
    "Xiaoling",
    "Yasmin",
    "Yusuf",
    "Zainab",
    "Zoë",
    "Zoran",
];

/// Surnames put in place of the other words of a speaker's name.
const SURNAMES: &[&str] = &[
    "Abdullah",
    "Acheampong",
    "Adeyemi",
    "Agarwal",
    "Alvarez",
    "Amini",
    "Andersen",
    "Arslan",
    "Asante",
    "Bakker",
    "Banda",
    "Barros",
    "Becker",
    "Bello",
    "Bergström",
    "Bianchi",
    "Boateng",
    "Castillo",
    "Chaudhry",
    "Chen",
    "Cruz",
    "Dahl",
    "Danso",
    "Delgado",
    "Diallo",
    "Dimitrov",
    "Dubois",
    "Dvořák",
    "Eze",
    "Farah",
    "Ferreira",
    "Fischer",
    "Fonseca",
    "Gallagher",
    "García",
    "Gonzaga",
    "Gupta",
    "Haddad",
    "Hakimi",
    "Halvorsen",
    "Hashemi",
    "Herrera",
    "Hoang",
    "Horvat",
    "Hussain",
    "Ibrahimović",
    "Ivanova",
    "Jankowski",
    "Jiménez",
    "Johansson",
    "Kamau",
    "Kang",
    "Karimi",
    "Kato",
    "Kelly",
    "Khalil",
    "Kim",
    "Kovačević",
    "Kowalczyk",
    "Kumar",
    "Larsen",
    "Lehmann",
    "Lindqvist",
    "Lopes",
    "Mahlangu",
    "Malik",
    "Mansour",
    "Martínez",
    "Mbeki",
    "Mendoza",
    "Mensah",
    "Mwangi",
    "Nakamura",
    "Nascimento",
    "Ndlovu",
    "Nguyen",
    "Novák",
    "Nowak",
    "Nyambura",
    "Obi",
    "Odhiambo",
    "Okonkwo",
    "Oliveira",
    "Osei",
    "Owusu",
    "Özdemir",
    "Papadopoulos",
    "Park",
    "Pereira",
    "Petrović",
    "Popescu",
    "Quispe",
    "Rahman",
    "Ramírez",
    "Rasmussen",
    "Reyes",
    "Rossi",
    "Saito",
    "Salazar",
    "Santos",
    "Sato",
    "Schmidt",
    "Sesay",
    "Shapiro",
    "Silva",
    "Sokolov",
    "Suleiman",
    "Suzuki",
    "Takahashi",
    "Tanaka",
    "Tembo",
    "Torres",
    "Traoré",
    "Uddin",
    "Van Dijk",
    "Vargas",
    "Vasquez",
    "Virtanen",
    "Wang",
    "Weber",
    "Wiśniewski",
    "Yamamoto",
    "Yilmaz",
    "Zhou",
    "Zulu",
];

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// About `target` bytes (at least that many) of one long meeting
/// coverage: the first source's header and body, then the body paragraphs
/// (summary, briefings, turns; no header, clutter or footer) of releases
/// drawn from [`SOURCES`] and varied with the random stream of `seed`, then
/// the first source's footer. Pasted releases one after another would end
/// at the first footer: the parser reads everything after it as footer, and
/// the speakers, turns and mentions of the rest would cost nothing.
pub fn build(target: usize, seed: u64) -> String {
    let sources: Vec<Source> = SOURCES.iter().copied().map(Source::new).collect();
    let mut random = Random::new(seed);
    let mut text = String::with_capacity(target + 16 * 1024);
    let opening = &sources[0];
    let mut names = Names::new();
    opening.vary(0..opening.footer_start, &mut names, &mut random, &mut text);
    while text.len() < target {
        let source = &sources[random.below(sources.len())];
        let mut names = Names::new();
        for range in &source.body {
            push_paragraph_break(&mut text);
            source.vary(range.clone(), &mut names, &mut random, &mut text);
        }
    }
    push_paragraph_break(&mut text);
    let end = opening.footer_start..opening.text.len();
    opening.vary(end, &mut names, &mut random, &mut text);
    text
}

/// Ends the text with exactly one blank line.
fn push_paragraph_break(text: &mut String) {
    let trimmed = text.trim_end_matches(['\n', ' ']).len();
    text.truncate(trimmed);
    text.push_str("\n\n");
}

/// The name drawn for each name word of the source, in one copy.
type Names<'a> = HashMap<&'a str, &'static str>;

/// One source release with what may be varied in it, found once.
struct Source<'a> {
    text: &'a str,
    /// Folded words of its speakers' names, each with whether it is the
    /// first word of a name (a given name).
    name_words: HashMap<String, bool>,
    /// Byte spans of country names, sorted.
    countries: Vec<Range<usize>>,
    /// Byte ranges of the paragraphs of its body: summary, briefings,
    /// statements and headings among them, without header, web-page
    /// clutter, contacts, boilerplate or footer.
    body: Vec<Range<usize>>,
    /// Where its footer begins (the end of the text if it has none).
    footer_start: usize,
}

impl<'a> Source<'a> {
    fn new(text: &'a str) -> Self {
        let document = crate::parse(text);
        let mut name_words = HashMap::new();
        for speaker in &document.speakers {
            let words: Vec<&str> = alphabetic_runs(&speaker.name)
                .map(|r| &speaker.name[r])
                .collect();
            // Only proper names: an unnamed speaker's phrase ("the
            // representative of China") has words in lower case.
            let proper = words
                .iter()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase) || w.len() <= 3);
            if !proper {
                continue;
            }
            for (i, word) in words.iter().enumerate() {
                if word.chars().count() < 2 || is_title(word) {
                    continue;
                }
                name_words.entry(word.to_lowercase()).or_insert(i == 0);
            }
        }
        let countries = countries::find_all(text)
            .into_iter()
            .map(|m| m.span)
            .collect();
        let index = document.char_index();
        let bytes = |p: &crate::document::Paragraph| {
            index.byte_of_char(text, p.start)..index.byte_of_char(text, p.end)
        };
        let body = document
            .paragraphs
            .iter()
            .filter(|p| {
                matches!(p.role, ParagraphRole::Text | ParagraphRole::Heading)
                    && !matches!(
                        p.section.as_str(),
                        "header" | "contact" | "boilerplate" | "footer"
                    )
            })
            .map(bytes)
            .collect();
        let footer_start = document
            .paragraphs
            .iter()
            .find(|p| p.section == "footer")
            .map_or(text.len(), |p| bytes(p).start);
        Source {
            text,
            name_words,
            countries,
            body,
            footer_start,
        }
    }

    /// Appends `range` of the release with names, countries, numbers,
    /// months and weekdays drawn anew.
    /// `names` holds the names already drawn for this copy, so that a
    /// person keeps one name across paragraphs.
    fn vary(
        &self,
        range: Range<usize>,
        names: &mut Names<'a>,
        random: &mut Random,
        out: &mut String,
    ) {
        let text = &self.text[..range.end];
        let mut country_spans = self
            .countries
            .iter()
            .filter(|s| s.end <= range.end)
            .peekable();
        let mut at = range.start;
        while at < text.len() {
            while country_spans.peek().is_some_and(|s| s.start < at) {
                country_spans.next();
            }
            if let Some(span) = country_spans.peek() {
                if span.start == at {
                    let country = COUNTRIES[random.below(COUNTRIES.len())].name;
                    out.push_str(country);
                    at = span.end;
                    country_spans.next();
                    continue;
                }
            }
            let next_country = country_spans.peek().map_or(text.len(), |s| s.start);
            let rest = &text[at..next_country];
            let Some(c) = rest.chars().next() else {
                break;
            };
            if c.is_ascii_digit() {
                let len = rest.bytes().take_while(u8::is_ascii_digit).count();
                self.number(at, len, random, out);
                at += len;
            } else if c.is_alphabetic() {
                let len = rest
                    .char_indices()
                    .find(|(_, c)| !c.is_alphabetic())
                    .map_or(rest.len(), |(i, _)| i);
                let word = &rest[..len];
                let after_digits = text[..at].ends_with(|c: char| c.is_ascii_digit());
                if after_digits && matches!(word, "st" | "nd" | "rd" | "th") {
                    // The ordinal suffix was written with its number.
                } else {
                    out.push_str(&self.word(word, names, random));
                }
                at += len;
            } else {
                out.push(c);
                at += c.len_utf8();
            }
        }
    }

    /// A name word, month or weekday replaced; any other word as it is.
    fn word(&self, word: &'a str, names: &mut Names<'a>, random: &mut Random) -> Cow<'a, str> {
        if MONTHS.contains(&word) {
            return MONTHS[random.below(12)].into();
        }
        if WEEKDAYS.contains(&word) {
            return WEEKDAYS[random.below(7)].into();
        }
        let starts_upper = word.chars().next().is_some_and(char::is_uppercase);
        if !starts_upper {
            return word.into();
        }
        let folded = word.to_lowercase();
        let Some(&given) = self.name_words.get(&folded) else {
            return word.into();
        };
        let replacement = *names.entry(word).or_insert_with(|| {
            if given {
                GIVEN[random.below(GIVEN.len())]
            } else {
                SURNAMES[random.below(SURNAMES.len())]
            }
        });
        let all_caps = word.chars().count() > 1 && !word.chars().any(char::is_lowercase);
        if all_caps {
            replacement.to_uppercase().into()
        } else {
            replacement.into()
        }
    }

    /// The digit run `text[at..at + len]` replaced by another number of the
    /// same shape: a year stays a year, a day or hour a small number, the
    /// minutes of a time under 60, and an ordinal keeps a correct suffix.
    fn number(&self, at: usize, len: usize, random: &mut Random, out: &mut String) {
        let text = self.text;
        let digits = &text[at..at + len];
        let before = &text[..at];
        let after = &text[at + len..];
        let value: u64 = digits.parse().unwrap_or(0);
        let new = if before.ends_with(':') || before.ends_with('.') && len == 2 {
            // Minutes of a time, or the decimals of a figure.
            format!("{:02}", random.below(60))
        } else if len == 4 && (1900..2100).contains(&value) {
            (1990 + random.below(46)).to_string()
        } else if len <= 2 {
            if value == 0 {
                digits.to_owned()
            } else if after.starts_with(':') {
                (1 + random.below(23)).to_string()
            } else {
                (1 + random.below(28)).to_string()
            }
        } else {
            let mut s = String::with_capacity(len);
            s.push(char::from(b'1' + random.below(9) as u8));
            for _ in 1..len {
                s.push(char::from(b'0' + random.below(10) as u8));
            }
            s
        };
        out.push_str(&new);
        let suffix: String = after.chars().take(2).collect();
        if matches!(suffix.as_str(), "st" | "nd" | "rd" | "th") {
            out.push_str(ordinal_suffix(&new));
        }
    }
}

fn ordinal_suffix(number: &str) -> &'static str {
    let n: u64 = number.parse().unwrap_or(0);
    match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    }
}

fn is_title(word: &str) -> bool {
    matches!(
        word,
        "Mr" | "Ms" | "Mrs" | "Dr" | "Sir" | "Dame" | "MR" | "MS" | "MRS" | "DR" | "Prof"
    )
}

/// Byte ranges of the maximal runs of letters in `s`.
fn alphabetic_runs(s: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start = None;
    s.char_indices()
        .map(Some)
        .chain(std::iter::once(None))
        .filter_map(move |item| match item {
            Some((i, c)) if c.is_alphabetic() => {
                start.get_or_insert(i);
                None
            }
            Some((i, _)) => start.take().map(|s| s..i),
            None => start.take().map(|st| st..s.len()),
        })
}

/// A small seeded generator (SplitMix64): the same stream everywhere, and
/// no dependency for a benchmark's dice.
struct Random(u64);

impl Random {
    fn new(seed: u64) -> Self {
        Random(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (n > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_text_other_seed_other_text() {
        let a = build(60_000, SEED);
        assert!(a.len() >= 60_000);
        assert_eq!(a, build(60_000, SEED));
        assert_ne!(a, build(60_000, SEED + 1));
    }

    #[test]
    fn varied_releases_hold_many_distinct_speakers_and_countries() {
        let text = build(300_000, SEED);
        let document = crate::parse(&text);
        // The speakers differ from copy to copy.
        assert!(
            document.speakers.len() > 200,
            "{} speakers",
            document.speakers.len()
        );
        let mut names: Vec<&str> = document.speakers.iter().map(|s| s.name.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        assert!(names.len() > 200, "{} distinct names", names.len());
        let countries: std::collections::HashSet<&str> = document
            .facts
            .iter()
            .filter(|f| f.kind == crate::facts::FactKind::Country)
            .map(|f| f.text.as_str())
            .collect();
        assert!(countries.len() > 120, "{} countries", countries.len());
    }

    #[test]
    fn ordinals_keep_a_correct_suffix() {
        assert_eq!(ordinal_suffix("9921"), "st");
        assert_eq!(ordinal_suffix("9912"), "th");
        assert_eq!(ordinal_suffix("42"), "nd");
        assert_eq!(ordinal_suffix("103"), "rd");
    }
}
