//! How many threads a parse may use. The parser has two halves that do not
//! read each other: each paragraph's own facts, and the speakers. The
//! command-line tool runs them side by side; the web app, whose parse
//! already runs in a worker of its own, and the benchmarks of the parse
//! itself run them one after the other. The document is the same.

/// Threads for one parse.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Threads {
    /// All on the calling thread.
    #[default]
    One,
    /// The facts on a second thread while the calling thread reads the
    /// speakers. In WebAssembly, which has no threads here, as [`One`].
    ///
    /// [`One`]: Threads::One
    Two,
}

impl Threads {
    /// Runs `side` and `main` and returns both results: `side` on a
    /// thread of its own when there are two and one can be started,
    /// otherwise before `main` on this thread. A panic in either is
    /// passed on to the caller.
    pub(crate) fn join<A: Send, B>(
        self,
        side: impl FnOnce() -> A + Send,
        main: impl FnOnce() -> B,
    ) -> (A, B) {
        #[cfg(not(target_arch = "wasm32"))]
        if self == Threads::Two {
            return on_two_threads(side, main);
        }
        let a = side();
        (a, main())
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn on_two_threads<A: Send, B>(side: impl FnOnce() -> A + Send, main: impl FnOnce() -> B) -> (A, B) {
    use std::sync::Mutex;
    // The side's work waits in a slot, so that it can still run here if no
    // thread can be started.
    let slot = Mutex::new(Some(side));
    let run_slot = || {
        let side = slot.lock().ok().and_then(|mut held| held.take());
        side.map(|side| side())
    };
    std::thread::scope(|scope| {
        let spawned = std::thread::Builder::new()
            .name("rapporteur-facts".into())
            .spawn_scoped(scope, run_slot);
        let b = main();
        let ran = match spawned {
            Ok(handle) => handle
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            // Not started: the work is still in its slot, and runs here.
            Err(_) => run_slot(),
        };
        (
            ran.expect("the side's work runs once: on its thread or here"),
            b,
        )
    })
}

#[cfg(test)]
mod tests {
    use super::Threads;

    #[test]
    fn both_halves_run_once_and_come_back_in_order() {
        for threads in [Threads::One, Threads::Two] {
            let (a, b) = threads.join(|| vec![1, 2, 3], || "main".to_owned());
            assert_eq!(a, vec![1, 2, 3]);
            assert_eq!(b, "main");
        }
    }

    #[test]
    fn two_threads_run_the_side_elsewhere() {
        let here = std::thread::current().id();
        let (side, main) = Threads::Two.join(
            || std::thread::current().id(),
            || std::thread::current().id(),
        );
        assert_eq!(main, here);
        assert_ne!(side, here);
        let (side, _) = Threads::One.join(|| std::thread::current().id(), || ());
        assert_eq!(side, here);
    }

    #[test]
    fn a_panic_on_the_side_reaches_the_caller() {
        let caught = std::panic::catch_unwind(|| {
            Threads::Two.join(|| -> u8 { panic!("side failed") }, || 1)
        });
        let message = caught.expect_err("the panic is passed on");
        assert_eq!(message.downcast_ref::<&str>(), Some(&"side failed"));
    }
}
