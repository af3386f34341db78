//! The library and the views across it, as small components: the Library
//! region (actions, the storage line, the list), "People and delegations",
//! "Codes by delegation" (an SVG heat map with a table beside it) and
//! "Search". They show what the library reducer holds and the pure views of
//! `crate::library` compute; exports are built in [`export`].

mod actions;
mod codes;
pub mod export;
mod heat_map;
mod people;
mod release_list;
mod search;
mod storage_line;

pub use actions::{add_files, LibraryActions};
pub use codes::CodesView;
pub use people::{summaries_of, PeopleView};
pub use release_list::ReleaseList;
pub use search::SearchView;
pub use storage_line::StorageLine;

use std::rc::Rc;

use yew::prelude::*;

use crate::app::renders::rendered;
use crate::app::shared::Shared;
use crate::app::state::{Listing, Release, Storage};

#[derive(Properties, PartialEq)]
pub struct LibraryPanelProps {
    pub releases: Shared<Vec<Rc<Release>>>,
    pub open: Option<AttrValue>,
    pub listing: Listing,
    pub storage: Storage,
    pub estimate: Option<(f64, f64)>,
    pub persisted: Option<bool>,
    /// The label of the release deleted last, while it can come back.
    pub trash: Option<AttrValue>,
}

/// The Library region: every release added, with what the library does as
/// a whole.
#[component(LibraryPanel)]
pub fn library_panel(props: &LibraryPanelProps) -> Html {
    rendered("LibraryPanel");
    html! {
        <section class="panel library" aria-labelledby="library-heading">
            <h2 id="library-heading">{ "Library" }</h2>
            <LibraryActions />
            <StorageLine storage={props.storage.clone()} estimate={props.estimate} persisted={props.persisted}
                releases={props.releases.len()} />
            <ReleaseList releases={props.releases.clone()} open={props.open.clone()}
                listing={props.listing.clone()} trash={props.trash.clone()} />
        </section>
    }
}
