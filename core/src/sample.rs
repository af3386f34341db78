//! The sample press release that "Load sample" puts in the editor.
//!
//! Written for this project in the UN meeting-coverage format; the names,
//! figures and events are invented.

/// A Security Council meeting-coverage release with briefers, statements,
/// a meeting line, a symbol, start and end times and the usual footer.
pub const UN_MEETING: &str = include_str!("sample/un_meeting.txt");
