use yew::prelude::*;

/// A long text being read in the worker.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Progress {
    /// Zero until the worker has something to report.
    pub percent: u8,
    /// The length of the text, in bytes.
    pub bytes: usize,
    /// The text is on show as its outline meanwhile.
    pub outline: bool,
}

/// How far the worker has read a long text. A plain function: it is drawn
/// only as part of the document view.
pub fn parse_progress(progress: Progress) -> Html {
    let Progress {
        percent,
        bytes,
        outline,
    } = progress;
    let megabytes = bytes as f64 / 1_048_576.0;
    let value = (percent > 0).then(|| percent.to_string());
    html! {
        <div class="parsing" role="status">
            <progress max="100" value={value} aria-label="Reading the text"></progress>
            if outline {
                { format!("Finding speakers and facts in {} MB of text, in the background; the text can be read and searched meanwhile.", crate::text::one_decimal(megabytes)) }
            } else {
                { format!("Reading {} MB of text in the background; the page stays usable.", crate::text::one_decimal(megabytes)) }
            }
        </div>
    }
}
