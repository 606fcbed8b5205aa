//! The three things every view builds with: elements, text, click listeners.

use std::rc::Rc;

use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use web_sys::{Element, Node};

use super::View;

const SVG: &str = "http://www.w3.org/2000/svg";

impl View {
    /// `<tag attributes…>` appended to `parent`. Every element is made with
    /// `createElement` (never markup), so hosts requiring Trusted Types accept it.
    pub(super) fn element(
        &self,
        parent: &Node,
        tag: &str,
        attributes: &[(&str, &str)],
    ) -> Result<Element, JsValue> {
        self.append(parent, self.document.create_element(tag)?, attributes)
    }

    pub(super) fn svg_element(
        &self,
        parent: &Node,
        tag: &str,
        attributes: &[(&str, &str)],
    ) -> Result<Element, JsValue> {
        let element = self.document.create_element_ns(Some(SVG), tag)?;
        self.append(parent, element, attributes)
    }

    fn append(
        &self,
        parent: &Node,
        element: Element,
        attributes: &[(&str, &str)],
    ) -> Result<Element, JsValue> {
        for (name, value) in attributes {
            element.set_attribute(name, value)?;
        }
        parent.append_child(&element)?;
        Ok(element)
    }

    /// A text node: article text is always text, never markup.
    pub(super) fn text(&self, parent: &Node, text: &str) -> Result<(), JsValue> {
        parent.append_child(&self.document.create_text_node(text))?;
        Ok(())
    }

    /// Calls `handler` on click while this view lives. The listener belongs to the
    /// view: it is dropped when the view re-renders or the widget is removed.
    pub(super) fn on_click(
        self: &Rc<Self>,
        element: &Element,
        handler: impl Fn(&Rc<View>) + 'static,
    ) -> Result<(), JsValue> {
        let view = Rc::downgrade(self);
        let listener = Closure::<dyn FnMut()>::new(move || {
            if let Some(view) = view.upgrade() {
                handler(&view);
            }
        });
        element.add_event_listener_with_callback("click", listener.as_ref().unchecked_ref())?;
        self.listeners.borrow_mut().push(Listener {
            element: element.clone(),
            closure: listener,
        });
        Ok(())
    }
}

/// A click listener the view owns. Dropping it also removes it from its element,
/// so a host script holding on to a detached button gets nothing from clicking it
/// (rather than an error from a freed closure).
pub struct Listener {
    element: Element,
    closure: Closure<dyn FnMut()>,
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = self
            .element
            .remove_event_listener_with_callback("click", self.closure.as_ref().unchecked_ref());
    }
}
