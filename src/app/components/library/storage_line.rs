use yew::prelude::*;

use crate::app::renders::rendered;
use crate::app::state::Storage;

#[derive(Properties, PartialEq)]
pub struct StorageLineProps {
    pub storage: Storage,
    pub estimate: Option<(f64, f64)>,
    pub persisted: Option<bool>,
    pub releases: usize,
}

/// `1.2 MB` and the like.
pub fn human_bytes(bytes: f64) -> String {
    const UNITS: [&str; 5] = ["bytes", "KB", "MB", "GB", "TB"];
    let mut value = bytes;
    let mut unit = 0;
    while value >= 1000.0 && unit + 1 < UNITS.len() {
        value /= 1000.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{} {}", value.round() as u64, UNITS[0])
    } else {
        format!("{} {}", crate::text::one_decimal(value), UNITS[unit])
    }
}

/// Where the library is kept and how much room it takes.
#[component(StorageLine)]
pub fn storage_line(props: &StorageLineProps) -> Html {
    rendered("StorageLine");
    let count = format!("{} release(s)", props.releases);
    let place = match &props.storage {
        Storage::Opening => "Opening the library…".to_owned(),
        Storage::Memory(_) => format!("{count}, in memory only (not saved in this browser)"),
        Storage::Failing(_) => format!("{count}; the last changes are not saved"),
        Storage::Saved => match props.estimate {
            Some((usage, quota)) => format!(
                "{count}, kept in this browser: {} used of {} available{}",
                human_bytes(usage),
                human_bytes(quota),
                match props.persisted {
                    Some(true) => " (persistent storage)",
                    Some(false) => " (the browser may clear it when space runs short: export the corpus to keep a copy)",
                    None => "",
                }
            ),
            None => format!("{count}, kept in this browser"),
        },
    };
    html! { <p class="storage-line">{ place }</p> }
}
