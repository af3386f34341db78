use std::cell::{Cell, RefCell};
use std::ops::Range;
use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, Node};
use yew::prelude::*;

use crate::app::heights::{Heights, Layout, Metrics};
use crate::app::shared::Shared;
use crate::document::Document;

/// Documents of up to this many paragraphs are put in the page whole: they
/// cost little, and the browser's own find still sees all of them.
pub const WHOLE_UP_TO: usize = 300;

/// Pixels kept in the page above and below the viewport, at least.
const MIN_MARGIN: f64 = 600.0;

/// Redraws in a row that the list may ask for without a scroll in between
/// (measuring, then re-estimating, converge in two or three).
const MAX_SETTLE: u32 = 6;

/// What the windowed list draws, and the element it must be drawn into.
pub struct Window {
    /// The list element (its children: gaps and paragraphs).
    pub list: NodeRef,
    pub layout: Layout,
    /// Brings a paragraph into the page, then into the middle of the view.
    pub reveal: Callback<usize>,
}

/// The window of a long document: which paragraphs are in the page (those
/// near the viewport of `scroller`, plus the one holding the anchor of a
/// selection, so that a drag that scrolls keeps it), and how much blank
/// space stands for the others. Heights measured after each render replace
/// the estimates; the paragraph at the top of the view is kept where it
/// was on screen when they do (scroll anchoring), so nothing jumps.
#[hook]
pub fn use_window(scroller: NodeRef, document: Shared<Document>) -> Window {
    let list = use_node_ref();
    let redraw = use_force_update();
    let previous = use_mut_ref(|| None::<Rc<Windower>>);
    let windower = use_memo(document, {
        let (scroller, list) = (scroller.clone(), list.clone());
        let previous = previous.clone();
        move |document| {
            // The same paragraphs in a new document (an outline replaced by
            // its parse): the reader's place and the measured heights stay.
            let carried = previous
                .borrow()
                .as_ref()
                .and_then(|old| old.carry_to(document));
            Rc::new(Windower::new(
                document.clone(),
                scroller.clone(),
                list.clone(),
                redraw.clone(),
                carried,
            ))
        }
    });
    let windower: Rc<Windower> = (*windower).clone();
    *previous.borrow_mut() = Some(windower.clone());
    {
        let windower = windower.clone();
        use_effect_with(Rc::as_ptr(&windower) as usize, move |_| {
            let listeners = windower.listen();
            move || drop(listeners)
        });
    }
    {
        let windower = windower.clone();
        use_effect(move || windower.after_render());
    }
    let reveal = {
        let windower = windower.clone();
        use_callback(
            Rc::as_ptr(&windower) as usize,
            move |paragraph: usize, _| windower.reveal(paragraph),
        )
    };
    Window {
        list,
        layout: windower.layout(),
        reveal,
    }
}

/// What a new document with the same paragraphs takes over from the
/// windower of the old one.
struct Carried {
    heights: Heights,
    window: Range<usize>,
    anchor: Option<(usize, f64)>,
    width: i32,
}

struct Windower {
    /// Whose paragraphs these are.
    document: Shared<Document>,
    scroller: NodeRef,
    list: NodeRef,
    whole: bool,
    heights: RefCell<Heights>,
    window: RefCell<Range<usize>>,
    /// The paragraph holding the anchor of the selection.
    pinned: Cell<Option<usize>>,
    /// The paragraph at the top of the view and where its top was on
    /// screen (pixels below the top of the view; negative above).
    anchor: Cell<Option<(usize, f64)>>,
    /// A paragraph to bring into the middle of the view once it is mounted.
    revealing: Cell<Option<usize>>,
    /// The paragraph last brought into view: the anchor while it is on
    /// screen, so that paragraphs above it that are measured afresh (a jump
    /// lands among estimated heights) cannot push it out of the view.
    revealed: Cell<Option<usize>>,
    /// The list's width when the estimates were made.
    width: Cell<i32>,
    settling: Cell<u32>,
    redraw: yew::functional::UseForceUpdateHandle,
}

impl Windower {
    fn new(
        document: Shared<Document>,
        scroller: NodeRef,
        list: NodeRef,
        redraw: yew::functional::UseForceUpdateHandle,
        carried: Option<Carried>,
    ) -> Self {
        let carried = carried.unwrap_or_else(|| {
            let chars = document
                .paragraphs
                .iter()
                .map(|p| p.end.saturating_sub(p.start))
                .collect();
            let heights = Heights::new(chars, Metrics::default());
            let window = if heights.len() <= WHOLE_UP_TO {
                0..heights.len()
            } else {
                heights.span(0.0, 2.0 * MIN_MARGIN + 900.0)
            };
            Carried {
                heights,
                window,
                anchor: None,
                width: 0,
            }
        });
        Windower {
            document,
            scroller,
            list,
            whole: carried.heights.len() <= WHOLE_UP_TO,
            heights: RefCell::new(carried.heights),
            window: RefCell::new(carried.window),
            pinned: Cell::new(None),
            anchor: Cell::new(carried.anchor),
            revealing: Cell::new(None),
            revealed: Cell::new(None),
            width: Cell::new(carried.width),
            settling: Cell::new(0),
            redraw,
        }
    }

    /// This windower's heights, window and place for `document`, when its
    /// paragraphs are these (the same offsets). The place is the anchor as
    /// last recorded (at the last scroll): the page around the list may
    /// already have changed for the new document (the progress line above
    /// it gone), so it is not read again now.
    fn carry_to(&self, document: &Document) -> Option<Carried> {
        let (old, new) = (&self.document.paragraphs, &document.paragraphs);
        let same = old.len() == new.len()
            && old
                .iter()
                .zip(new)
                .all(|(a, b)| a.start == b.start && a.end == b.end);
        same.then(|| Carried {
            heights: self.heights.borrow().clone(),
            window: self.window.borrow().clone(),
            anchor: self.anchor.get(),
            width: self.width.get(),
        })
    }

    fn layout(&self) -> Layout {
        let mut mounted = vec![self.window.borrow().clone()];
        if let Some(pinned) = self.pinned.get() {
            mounted.push(pinned..pinned + 1);
        }
        self.heights.borrow().layout(&mounted)
    }

    fn elements(&self) -> Option<(HtmlElement, HtmlElement)> {
        Some((self.scroller.cast()?, self.list.cast()?))
    }

    /// The view in list coordinates: its top and height.
    fn viewport(&self) -> Option<(f64, f64)> {
        let (scroller, list) = self.elements()?;
        let top = f64::from(scroller.scroll_top() - list.offset_top());
        Some((top, f64::from(scroller.client_height())))
    }

    /// The paragraphs in the page and where each is (scroller coordinates):
    /// (index, top, height), in order.
    fn mounted(&self) -> Vec<(usize, f64, f64)> {
        let Some((_, list)) = self.elements() else {
            return Vec::new();
        };
        let children = list.children();
        let mut placed = Vec::new();
        let mut previous: Option<(usize, f64)> = None;
        for i in 0..children.length() {
            let Some(child) = children
                .item(i)
                .and_then(|c| c.dyn_into::<HtmlElement>().ok())
            else {
                continue;
            };
            let top = f64::from(child.offset_top());
            // A paragraph reaches down to the next child: margins included.
            if let Some((index, from)) = previous.take() {
                placed.push((index, from, top - from));
            }
            if let Some(index) = paragraph_index(&child) {
                previous = Some((index, top));
            }
        }
        placed
    }

    /// Remembers which paragraph is at the top of the view, and where; or
    /// the paragraph last revealed, while any of it is on screen.
    fn record_anchor(&self) {
        let Some((scroller, list)) = self.elements() else {
            return;
        };
        let scroll_top = f64::from(scroller.scroll_top());
        let bottom = scroll_top + f64::from(scroller.client_height());
        let mounted = self.mounted();
        let revealed = self.revealed.get().and_then(|paragraph| {
            mounted.iter().find(|(index, top, height)| {
                *index == paragraph && top + height > scroll_top && *top < bottom
            })
        });
        if revealed.is_none() {
            self.revealed.set(None);
        }
        let anchor = revealed
            .copied()
            .or_else(|| {
                mounted
                    .into_iter()
                    .find(|(_, top, height)| top + height > scroll_top)
            })
            .map(|(index, top, _)| (index, top - scroll_top))
            .or_else(|| {
                let heights = self.heights.borrow();
                let list_top = f64::from(list.offset_top());
                let index = heights.index_at(scroll_top - list_top);
                Some((index, list_top + heights.top(index) - scroll_top))
            });
        self.anchor.set(anchor);
    }

    /// The paragraphs to mount for a view at `top` of `height` pixels.
    fn cover(&self, top: f64, height: f64) -> Range<usize> {
        let margin = height.max(MIN_MARGIN);
        self.heights
            .borrow()
            .span(top - margin, top + height + margin)
    }

    /// Whether the paragraphs in the page still cover the view with at
    /// least half the margin on either side.
    fn covers(&self, top: f64, height: f64) -> bool {
        let heights = self.heights.borrow();
        let window = self.window.borrow();
        let half = height.max(MIN_MARGIN) / 2.0;
        let above = window.start == 0 || heights.top(window.start) <= top - half;
        let below = window.end >= heights.len() || heights.top(window.end) >= top + height + half;
        above && below
    }

    fn on_scroll(&self) {
        if self.whole {
            return;
        }
        self.settling.set(0);
        self.record_anchor();
        let Some((top, height)) = self.viewport() else {
            return;
        };
        if !self.covers(top, height) {
            *self.window.borrow_mut() = self.cover(top, height);
            self.redraw.force_update();
        }
    }

    /// Pins the paragraph holding the selection's anchor in the page.
    fn on_selection(&self) {
        if self.whole {
            return;
        }
        let pinned = self.list.cast::<Element>().and_then(selection_anchor_in);
        if pinned == self.pinned.get() {
            return;
        }
        let outside = |p: Option<usize>| p.is_some_and(|p| !self.window.borrow().contains(&p));
        let redraw = outside(pinned) || outside(self.pinned.get());
        self.pinned.set(pinned);
        if redraw {
            self.redraw.force_update();
        }
    }

    fn reveal(&self, paragraph: usize) {
        let heights = self.heights.borrow();
        if paragraph >= heights.len() {
            return;
        }
        if !self.whole {
            let height = self.viewport().map_or(900.0, |(_, h)| h);
            let top = heights.top(paragraph) - height / 2.0;
            *self.window.borrow_mut() = self.cover(top, height);
        }
        self.revealing.set(Some(paragraph));
        self.anchor.set(None);
        self.settling.set(0);
        self.redraw.force_update();
    }

    /// After each render of the list: keep the view where the reader had
    /// it (or bring a revealed paragraph into its middle), then measure
    /// what is in the page; when that changed the heights, draw again (the
    /// next pass puts the reader back again); else mount what the view now
    /// needs. The window is only worked out when the page shows the heights
    /// as they are.
    fn after_render(&self) {
        let Some((scroller, list)) = self.elements() else {
            return;
        };
        if let Some(paragraph) = self.revealing.take() {
            match element_of(paragraph) {
                Some(element) => {
                    let top = element.offset_top()
                        - (scroller.client_height() - element.offset_height()).max(0) / 2;
                    scroller.set_scroll_top(top.max(0));
                    self.revealed.set(Some(paragraph));
                    self.record_anchor();
                }
                None => self.revealing.set(Some(paragraph)),
            }
        } else if let Some((index, delta)) = self.anchor.get() {
            if let Some(element) = element_of(index) {
                let wanted = (f64::from(element.offset_top()) - delta).round() as i32;
                if (wanted - scroller.scroll_top()).abs() >= 1 {
                    scroller.set_scroll_top(wanted);
                }
            }
        }
        if self.whole {
            return;
        }
        let mut moved = self.calibrate(&list);
        for (index, _, height) in self.mounted() {
            moved |= self.heights.borrow_mut().measure(index, height);
        }
        let learned = self.heights.borrow().learned();
        if let Some(metrics) = learned {
            moved |= self.heights.borrow_mut().set_metrics(metrics, false);
        }
        if !moved {
            if let Some((top, height)) = self.viewport() {
                if !self.covers(top, height) {
                    *self.window.borrow_mut() = self.cover(top, height);
                    moved = true;
                }
            }
        }
        let settling = self.settling.get();
        if moved && settling < MAX_SETTLE {
            self.settling.set(settling + 1);
            self.redraw.force_update();
        }
    }

    /// Estimates from the list's style and width, again when the width
    /// changes (every measurement then starts over). True when it did.
    fn calibrate(&self, list: &HtmlElement) -> bool {
        let width = list.client_width();
        if width <= 0 || (width - self.width.get()).abs() <= 1 {
            return false;
        }
        let forget = self.width.get() > 0;
        self.width.set(width);
        let style = gloo::utils::window()
            .get_computed_style(list)
            .ok()
            .flatten();
        let pixels = |property: &str| {
            style
                .as_ref()
                .and_then(|s| s.get_property_value(property).ok())
                .and_then(|v| v.trim_end_matches("px").parse::<f64>().ok())
        };
        let font = pixels("font-size").unwrap_or(16.0);
        let metrics = Metrics {
            line: pixels("line-height").unwrap_or(1.65 * font),
            gap: 0.8 * font,
            // A serif text averages about half an em per character.
            chars_per_line: (f64::from(width) / (0.48 * font)).max(1.0),
        };
        self.heights.borrow_mut().set_metrics(metrics, forget)
    }

    fn listen(self: &Rc<Self>) -> Vec<EventListener> {
        let Some(scroller) = self.scroller.cast::<Element>() else {
            return Vec::new();
        };
        let on_scroll = {
            let this = Rc::clone(self);
            EventListener::new(&scroller, "scroll", move |_| this.on_scroll())
        };
        let on_selection = {
            let this = Rc::clone(self);
            EventListener::new(&gloo::utils::document(), "selectionchange", move |_| {
                this.on_selection()
            })
        };
        let on_resize = {
            let this = Rc::clone(self);
            EventListener::new(&gloo::utils::window(), "resize", move |_| {
                this.record_anchor();
                this.settling.set(0);
                this.after_render();
            })
        };
        vec![on_scroll, on_selection, on_resize]
    }
}

/// The index of a paragraph element (`id="para-N"`).
fn paragraph_index(element: &Element) -> Option<usize> {
    element.id().strip_prefix("para-")?.parse().ok()
}

fn element_of(paragraph: usize) -> Option<HtmlElement> {
    gloo::utils::document()
        .get_element_by_id(&format!("para-{paragraph}"))?
        .dyn_into()
        .ok()
}

/// The paragraph of `list` holding the anchor of a selection that is not
/// empty.
fn selection_anchor_in(list: Element) -> Option<usize> {
    let selection = gloo::utils::window().get_selection().ok()??;
    if selection.is_collapsed() {
        return None;
    }
    let node: Node = selection.anchor_node()?;
    if !list.contains(Some(&node)) {
        return None;
    }
    let element = match node.dyn_ref::<Element>() {
        Some(element) => element.clone(),
        None => node.parent_element()?,
    };
    paragraph_index(&element.closest(".para").ok()??)
}
