//! `Shared<T>`: an `Rc` that props compare by address. The state's parts
//! and the document are replaced, never mutated, so a new address means new
//! data, and comparing a 1 MB document field by field on every render would
//! be wasted work. The reducers keep an unchanged part at its address.

use std::ops::Deref;
use std::rc::Rc;

pub struct Shared<T: ?Sized>(pub Rc<T>);

impl<T: ?Sized> Shared<T> {
    pub fn new(value: Rc<T>) -> Self {
        Shared(value)
    }
}

impl<T: ?Sized> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Rc::clone(&self.0))
    }
}

impl<T: ?Sized> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T: ?Sized> Deref for Shared<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}
