use std::rc::Rc;

use yew::prelude::*;

use crate::app::shared::Shared;

/// A value derived from `deps`: computed again only when they change, and
/// kept at the same address when it comes out equal, so that components
/// handed it (compared by address) re-render only when it really changed.
#[hook]
pub fn use_derived<D, T, F>(deps: D, derive: F) -> Shared<T>
where
    D: PartialEq + 'static,
    T: PartialEq + 'static,
    F: FnOnce(&D) -> T,
{
    let kept = use_mut_ref(|| None::<(D, Shared<T>)>);
    let mut kept = kept.borrow_mut();
    if let Some((old_deps, value)) = kept.as_ref() {
        if *old_deps == deps {
            return value.clone();
        }
    }
    let value = derive(&deps);
    let value = match kept.take() {
        Some((_, old)) if *old == value => old,
        _ => Shared::new(Rc::new(value)),
    };
    *kept = Some((deps, value.clone()));
    value
}
