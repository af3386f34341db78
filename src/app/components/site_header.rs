use yew::prelude::*;

#[component(SiteHeader)]
pub fn site_header() -> Html {
    html! {
        <header class="site-header">
            <h1>{ "Rapporteur" }</h1>
            <p class="tagline">{ "Read and annotate press releases. Everything stays in your browser." }</p>
        </header>
    }
}
