//! When a meeting began and ended: `The meeting began at 11:07 a.m. and ended
//! at 1:17 p.m.`, with `10 a.m.`, `noon`, `midnight`, and suspensions
//! (`was suspended at 1:02 p.m. and resumed at 3:10 p.m.`).

use super::draft::Para;
use super::words::{find_word_ci, words};
use crate::document::Suspension;

#[derive(Debug, Default, PartialEq, Eq)]
pub struct Sitting {
    pub began: Option<u32>,
    pub ended: Option<u32>,
    pub suspensions: Vec<(u32, u32)>,
}

impl Sitting {
    /// Minutes sitting: end less start (across midnight if need be) less the
    /// time suspended.
    pub fn duration_minutes(&self) -> Option<u32> {
        let (began, ended) = (self.began?, self.ended?);
        let span = (ended + 1440 - began) % 1440;
        let paused: u32 = self
            .suspensions
            .iter()
            .map(|(from, to)| (to + 1440 - from) % 1440)
            .sum();
        span.checked_sub(paused)
    }

    pub fn suspensions(&self) -> Vec<Suspension> {
        self.suspensions
            .iter()
            .map(|&(from, to)| Suspension {
                from: hh_mm(from),
                to: hh_mm(to),
            })
            .collect()
    }
}

pub fn hh_mm(minutes: u32) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

#[derive(Clone, Copy, PartialEq)]
enum Event {
    Began,
    Ended,
    Suspended,
    Resumed,
}

fn event_of(word: &str) -> Option<Event> {
    let word = word.trim_end_matches([',', '.']).to_lowercase();
    Some(match word.as_str() {
        "began" | "opened" | "started" | "convened" | "commenced" => Event::Began,
        "ended" | "closed" | "adjourned" | "concluded" | "rose" => Event::Ended,
        "suspended" => Event::Suspended,
        "resumed" | "reconvened" => Event::Resumed,
        _ => return None,
    })
}

/// Reads the sitting times from the paragraphs that speak of the meeting.
pub fn find(paras: &[Para]) -> Sitting {
    let mut sitting = Sitting::default();
    let mut open_suspension: Option<u32> = None;
    for para in paras {
        // A fast substring search rules out most paragraphs before the
        // whole-word test.
        if !(para.text.contains("eeting")
            || para.text.contains("ession")
            || para.text.contains("EETING"))
        {
            continue;
        }
        if find_word_ci(para.text, "meeting", 0).is_none()
            && find_word_ci(para.text, "session", 0).is_none()
        {
            continue;
        }
        let list: Vec<&str> = words(para.text).map(|(_, w)| w).collect();
        let mut event = None;
        let mut at = 0;
        while at < list.len() {
            if let Some(found) = event_of(list[at]) {
                event = Some(found);
                at += 1;
                continue;
            }
            let Some(current) = event else {
                at += 1;
                continue;
            };
            if list[at] == "at" {
                if let Some((minutes, used)) = read_time(&list[at + 1..]) {
                    match current {
                        Event::Began => {
                            sitting.began.get_or_insert(minutes);
                        }
                        Event::Ended => sitting.ended = Some(minutes),
                        Event::Suspended => open_suspension = Some(minutes),
                        Event::Resumed => {
                            if let Some(from) = open_suspension.take() {
                                sitting.suspensions.push((from, minutes));
                            }
                        }
                    }
                    event = None;
                    at += 1 + used;
                    continue;
                }
            }
            at += 1;
        }
    }
    sitting
}

/// Reads `11:07 a.m.`, `10 a.m.`, `1:17 p.m`, `3.15 pm`, `noon`,
/// `midnight`, `13:17` from the start of `words`: minutes after midnight and
/// how many words it took.
pub fn read_time(words: &[&str]) -> Option<(u32, usize)> {
    let first = words.first()?.trim_end_matches([',', ';', ')']);
    match first.trim_end_matches('.').to_lowercase().as_str() {
        "noon" | "midday" => return Some((12 * 60, 1)),
        "midnight" => return Some((0, 1)),
        _ => {}
    }
    // The clock figure, possibly glued to its suffix: `11:07a.m.`.
    let digits_end = first
        .find(|c: char| !(c.is_ascii_digit() || c == ':' || c == '.'))
        .unwrap_or(first.len());
    let (clock, glued) = first.split_at(digits_end);
    let clock = clock.trim_end_matches('.');
    let (hours, minutes) = match clock.split_once([':', '.']) {
        Some((h, m)) if m.len() == 2 => (h.parse::<u32>().ok()?, m.parse::<u32>().ok()?),
        Some(_) => return None,
        None => (clock.parse::<u32>().ok()?, 0),
    };
    if hours > 23 || minutes > 59 {
        return None;
    }
    let (suffix, used) = if glued.is_empty() {
        match words.get(1) {
            Some(next) => (*next, 2),
            None => ("", 1),
        }
    } else {
        (glued, 1)
    };
    let meridiem: String = suffix
        .chars()
        .filter(|c| c.is_ascii_alphabetic())
        .collect::<String>()
        .to_lowercase();
    match meridiem.as_str() {
        "am" if (1..=12).contains(&hours) => Some(((hours % 12) * 60 + minutes, used)),
        "pm" if (1..=12).contains(&hours) => Some(((hours % 12 + 12) * 60 + minutes, used)),
        // A 24-hour clock needs its colon.
        _ if clock.contains(':') => Some((hours * 60 + minutes, 1)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::draft::Para;

    fn sitting(text: &str) -> Sitting {
        find(&[Para::new(text, 0..text.len())])
    }

    #[test]
    fn began_and_ended() {
        let s = sitting("The meeting began at 11:07 a.m. and ended at 1:17 p.m.");
        assert_eq!((s.began, s.ended), (Some(667), Some(797)));
        assert_eq!(s.duration_minutes(), Some(130));
    }

    #[test]
    fn whole_hours_noon_and_midnight() {
        let s = sitting("The meeting began at 10 a.m. and ended at noon.");
        assert_eq!(
            (s.began, s.ended, s.duration_minutes()),
            (Some(600), Some(720), Some(120))
        );
        let s = sitting("The meeting began at 9:30 p.m. and ended at midnight.");
        assert_eq!(s.duration_minutes(), Some(150));
        let s = sitting("The meeting began at 11:40 p.m. and ended at 1:05 a.m.");
        assert_eq!(s.duration_minutes(), Some(85));
    }

    #[test]
    fn suspended_and_resumed() {
        let s = sitting(
            "The meeting began at 10:04 a.m., was suspended at 1:02 p.m., resumed at 3:10 p.m. and ended at 6:11 p.m.",
        );
        assert_eq!(s.suspensions, vec![(782, 910)]);
        assert_eq!(s.duration_minutes(), Some(487 - 128));
        assert_eq!(s.suspensions()[0].from, "13:02");
    }

    #[test]
    fn times() {
        assert_eq!(read_time(&["12:30", "a.m."]), Some((30, 2)));
        assert_eq!(read_time(&["12", "p.m."]), Some((720, 2)));
        assert_eq!(read_time(&["3.15", "pm"]), Some((915, 2)));
        assert_eq!(read_time(&["13:17"]), Some((797, 1)));
        assert_eq!(read_time(&["10", "delegations"]), None);
        assert_eq!(read_time(&["25:00"]), None);
    }
}
