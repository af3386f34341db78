//! Entry point of the web app; Trunk builds this binary to WebAssembly.

fn main() {
    // The same module also runs in the parsing worker, where there is no
    // window and nothing to render.
    #[cfg(target_arch = "wasm32")]
    if web_sys::window().is_some() {
        rapporteur::app::start();
    }

    #[cfg(not(target_arch = "wasm32"))]
    {
        eprintln!(
            "rapporteur is the web app: run it with `make run`; on files use `rapporteur-cli`."
        );
        std::process::exit(2);
    }
}
