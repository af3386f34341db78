//! Entry point of the web app; Trunk builds this binary to WebAssembly.

fn main() {
    #[cfg(target_arch = "wasm32")]
    rapporteur::app::start();

    #[cfg(not(target_arch = "wasm32"))]
    {
        eprintln!(
            "rapporteur is the web app: run it with `make run`; on files use `rapporteur-cli`."
        );
        std::process::exit(2);
    }
}
