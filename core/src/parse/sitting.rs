//! When a meeting sat: `The meeting began at 11:07 a.m. and ended at 1:17
//! p.m.`, with `10 a.m.`, `noon`, `midnight`, suspensions (`was suspended
//! at 1:02 p.m. and resumed at 3:10 p.m.`), `was called to order at`, and
//! releases covering several meetings (`The morning meeting began at …
//! The afternoon meeting began at …`). Times are read by the crate's one
//! time reader, `facts::times::read_time`.

use std::sync::LazyLock;

use memchr::memmem::Finder;

use super::draft::Para;
use super::words::{find_word_ci, words};
use crate::document::Suspension;
use crate::facts::times::{hh_mm, read_time};

#[derive(Debug, Default, PartialEq, Eq)]
pub struct Sitting {
    /// When the first meeting began.
    pub began: Option<u32>,
    /// When the last meeting ended.
    pub ended: Option<u32>,
    pub suspensions: Vec<(u32, u32)>,
    /// Each meeting's (began, ended), in the order printed.
    meetings: Vec<(Option<u32>, Option<u32>)>,
}

impl Sitting {
    /// Minutes sitting: each meeting's end less its start (across midnight
    /// if need be), less the time suspended.
    pub fn duration_minutes(&self) -> Option<u32> {
        let mut span = 0;
        for &(began, ended) in &self.meetings {
            span += (ended? + 1440 - began?) % 1440;
        }
        if self.meetings.is_empty() {
            return None;
        }
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

    fn record(&mut self, event: Event, minutes: u32, open_suspension: &mut Option<u32>) {
        match event {
            Event::Began => {
                self.began.get_or_insert(minutes);
                self.meetings.push((Some(minutes), None));
            }
            Event::Ended => {
                self.ended = Some(minutes);
                match self.meetings.last_mut() {
                    Some((_, ended @ None)) => *ended = Some(minutes),
                    _ => self.meetings.push((None, Some(minutes))),
                }
            }
            Event::Suspended => *open_suspension = Some(minutes),
            Event::Resumed => {
                if let Some(from) = open_suspension.take() {
                    self.suspensions.push((from, minutes));
                }
            }
        }
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Event {
    Began,
    Ended,
    Suspended,
    Resumed,
}

/// The event a word names; `previous` are the two words before it, for
/// `called to order`.
fn event_of(word: &str, previous: [&str; 2]) -> Option<Event> {
    let word = word.trim_end_matches([',', '.']);
    // Every event word is 4 to 9 letters long: most words go no further.
    if !(4..=9).contains(&word.len()) {
        return None;
    }
    let is = |event: &str| word.eq_ignore_ascii_case(event);
    let called_to_order = is("order")
        && previous[0].eq_ignore_ascii_case("called")
        && previous[1].eq_ignore_ascii_case("to");
    let began = ["began", "opened", "started", "convened", "commenced"];
    Some(if called_to_order || began.iter().any(|e| is(e)) {
        Event::Began
    } else if ["ended", "closed", "adjourned", "concluded", "rose"]
        .iter()
        .any(|e| is(e))
    {
        Event::Ended
    } else if is("suspended") {
        Event::Suspended
    } else if is("resumed") || is("reconvened") {
        Event::Resumed
    } else {
        return None;
    })
}

/// Reads the sitting times from the paragraphs that speak of the meeting.
/// Whether `text` holds `eeting`, `EETING` or `ession`; the searchers are
/// built once, as this runs on every paragraph.
fn may_be_about_a_sitting(text: &str) -> bool {
    static WORDS: LazyLock<[Finder<'static>; 3]> =
        LazyLock::new(|| ["eeting", "ession", "EETING"].map(Finder::new));
    WORDS.iter().any(|w| w.find(text.as_bytes()).is_some())
}

pub fn find(paras: &[Para]) -> Sitting {
    let mut sitting = Sitting::default();
    let mut open_suspension: Option<u32> = None;
    for para in paras {
        // A fast substring search rules out most paragraphs before the
        // whole-word test.
        let text = para.text;
        if !may_be_about_a_sitting(text) {
            continue;
        }
        let about_meeting = find_word_ci(text, "meeting", 0).is_some()
            || find_word_ci(text, "session", 0).is_some()
            || (text.contains("eetings") && find_word_ci(text, "meetings", 0).is_some());
        if !about_meeting {
            continue;
        }
        let list: Vec<(usize, &str)> = words(text).collect();
        let mut event = None;
        let mut at = 0;
        while at < list.len() {
            let previous = [
                at.checked_sub(2).map_or("", |k| list[k].1),
                at.checked_sub(1).map_or("", |k| list[k].1),
            ];
            if let Some(found) = event_of(list[at].1, previous) {
                event = Some(found);
                at += 1;
                continue;
            }
            let time = match (event, list[at].1, list.get(at + 1)) {
                (Some(current), "at", Some(&(next, _))) => {
                    read_time(text, next).map(|(end, minutes)| (current, end, minutes))
                }
                _ => None,
            };
            match time {
                Some((current, end, minutes)) => {
                    sitting.record(current, minutes, &mut open_suspension);
                    event = None;
                    at += 1;
                    while at < list.len() && list[at].0 < end {
                        at += 1;
                    }
                }
                None => at += 1,
            }
        }
    }
    sitting
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
    fn called_to_order_and_adjourned() {
        let s = sitting("The meeting was called to order at 3:12 p.m. and adjourned at 5:40 p.m.");
        assert_eq!((s.began, s.ended), (Some(912), Some(1060)));
    }

    #[test]
    fn several_meetings_sit_for_the_sum_of_their_times() {
        let s = sitting(
            "The morning meeting began at 10:05 a.m. and ended at 1:10 p.m. The afternoon meeting began at 3:02 p.m. and ended at 6:03 p.m.",
        );
        assert_eq!((s.began, s.ended), (Some(605), Some(1083)));
        assert_eq!(s.duration_minutes(), Some(185 + 181));
    }

    #[test]
    fn times_without_a_meeting_are_not_sittings() {
        let s = sitting("The convoy began at 10 a.m. and ended at noon.");
        assert_eq!(s, Sitting::default());
        let s = sitting("The meeting began at 10 delegations.");
        assert_eq!(s.duration_minutes(), None);
    }
}
