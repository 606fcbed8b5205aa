//! When an article counts as viewed and as read (contract §6), as a state
//! machine the embed layer feeds with what the browser observes (the article's
//! visibility, the page's, the end of the body on screen, a timer) and that says
//! what to do. Pure, so the rules are tested natively.

/// How long an article must stay in view, continuously, to count as viewed.
pub const VIEW_MS: f64 = 1000.0;

/// Whether an article is in view by the contract's rule: at least half of its
/// area visible, or, for an article taller than the viewport, at least half of
/// the viewport covered by it. `viewport_height` is unknown in a cross-origin
/// frame, where the first rule alone applies.
pub fn in_view(visible_area_ratio: f64, visible_height: f64, viewport_height: Option<f64>) -> bool {
    visible_area_ratio >= 0.5
        || viewport_height
            .is_some_and(|viewport| viewport > 0.0 && visible_height >= viewport / 2.0)
}

/// What the embed layer must do after telling the machine something.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Actions {
    /// Start the one-second timer (then call [`Viewability::timer_fired`]).
    pub start_timer: bool,
    /// Cancel the timer: the article left the view, or the page was hidden.
    pub cancel_timer: bool,
    /// Dispatch `article-widget:view`.
    pub view: bool,
    /// Dispatch `article-widget:read` with these whole seconds in view.
    pub read: Option<u64>,
}

/// One rendered article's view and read, from the moment it is rendered. A new
/// article (a changed `src`, a retry) gets a new one: the counts start afresh.
#[derive(Debug, Default)]
pub struct Viewability {
    in_view: bool,
    page_visible: bool,
    /// When the current stretch in view (on a visible page) began.
    since: Option<f64>,
    /// The time in view of the stretches before it.
    earlier_ms: f64,
    timing: bool,
    viewed: bool,
    read: bool,
    end_on_screen: bool,
}

impl Viewability {
    pub fn new(page_visible: bool) -> Viewability {
        Viewability {
            page_visible,
            ..Viewability::default()
        }
    }

    /// The article came into view, or left it.
    pub fn article_in_view(&mut self, in_view: bool, now: f64) -> Actions {
        self.in_view = in_view;
        self.changed(now)
    }

    /// The page was shown, or hidden.
    pub fn page_visible(&mut self, visible: bool, now: f64) -> Actions {
        self.page_visible = visible;
        self.changed(now)
    }

    /// The end of the body (its last block, after any expansion) came on
    /// screen, or left it; `false` as well while the whole body is not shown.
    pub fn end_on_screen(&mut self, on_screen: bool, now: f64) -> Actions {
        self.end_on_screen = on_screen;
        Actions {
            read: self.read_now(now),
            ..Actions::default()
        }
    }

    /// The timer started by [`Actions::start_timer`] fired: a second in view has
    /// passed without a break (a break cancels it).
    pub fn timer_fired(&mut self, now: f64) -> Actions {
        if !self.timing || self.since.is_none() || self.viewed {
            return Actions::default();
        }
        self.timing = false;
        self.viewed = true;
        Actions {
            view: true,
            read: self.read_now(now),
            ..Actions::default()
        }
    }

    /// The whole seconds in view so far.
    pub fn seconds_in_view(&self, now: f64) -> u64 {
        let current = self.since.map_or(0.0, |since| now - since);
        ((self.earlier_ms + current) / 1000.0).floor().max(0.0) as u64
    }

    fn changed(&mut self, now: f64) -> Actions {
        let active = self.in_view && self.page_visible;
        let mut actions = Actions::default();
        match self.since {
            None if active => {
                self.since = Some(now);
                if !self.viewed {
                    self.timing = true;
                    actions.start_timer = true;
                }
            }
            Some(since) if !active => {
                self.earlier_ms += now - since;
                self.since = None;
                if self.timing {
                    self.timing = false;
                    actions.cancel_timer = true;
                }
            }
            _ => {}
        }
        actions
    }

    fn read_now(&mut self, now: f64) -> Option<u64> {
        if self.viewed && self.end_on_screen && !self.read {
            self.read = true;
            Some(self.seconds_in_view(now))
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn in_view_is_half_the_article_or_half_the_viewport() {
        assert!(in_view(0.5, 100.0, Some(800.0)));
        assert!(!in_view(0.49, 100.0, Some(800.0)));
        // A 4000 px article covering 400 of an 800 px viewport: 10% of it, half the screen.
        assert!(in_view(0.1, 400.0, Some(800.0)));
        assert!(!in_view(0.09, 399.0, Some(800.0)));
        // In a cross-origin frame the viewport is unknown.
        assert!(!in_view(0.1, 400.0, None));
    }

    #[test]
    fn a_continuous_second_in_view_is_a_view() {
        let mut v = Viewability::new(true);
        assert!(v.article_in_view(true, 0.0).start_timer);
        let fired = v.timer_fired(1000.0);
        assert!(fired.view);
        assert_eq!(fired.read, None, "not read before the end is on screen");
        // Once per article.
        v.article_in_view(false, 1500.0);
        assert_eq!(v.article_in_view(true, 2000.0), Actions::default());
    }

    #[test]
    fn leaving_the_view_or_hiding_the_page_restarts_the_second() {
        let mut v = Viewability::new(true);
        v.article_in_view(true, 0.0);
        assert!(v.article_in_view(false, 600.0).cancel_timer);
        assert!(v.article_in_view(true, 700.0).start_timer);
        assert!(v.page_visible(false, 1200.0).cancel_timer);
        assert!(v.page_visible(true, 5000.0).start_timer);
        assert!(v.timer_fired(6000.0).view);
    }

    #[test]
    fn never_viewed_while_hidden_or_out_of_view() {
        let mut v = Viewability::new(false);
        assert_eq!(v.article_in_view(true, 0.0), Actions::default());
        assert_eq!(v.timer_fired(5000.0), Actions::default());
        let mut v = Viewability::new(true);
        assert_eq!(v.end_on_screen(true, 0.0), Actions::default());
        assert_eq!(
            v.timer_fired(5000.0),
            Actions::default(),
            "no timer was started"
        );
        v.article_in_view(true, 6000.0);
        v.article_in_view(false, 6500.0);
        assert_eq!(
            v.timer_fired(7000.0),
            Actions::default(),
            "a cancelled timer"
        );
    }

    #[test]
    fn read_comes_after_the_view_once_the_end_is_on_screen() {
        let mut v = Viewability::new(true);
        v.article_in_view(true, 0.0);
        assert_eq!(
            v.end_on_screen(true, 200.0).read,
            None,
            "no read before a view"
        );
        let fired = v.timer_fired(1000.0);
        assert_eq!(
            (fired.view, fired.read),
            (true, Some(1)),
            "the end is already on screen"
        );
        assert_eq!(v.end_on_screen(true, 9000.0).read, None, "once");
    }

    #[test]
    fn read_counts_the_whole_seconds_in_view() {
        let mut v = Viewability::new(true);
        v.article_in_view(true, 0.0);
        v.timer_fired(1000.0);
        v.article_in_view(false, 2500.0); // 2.5 s
        v.article_in_view(true, 10_000.0);
        v.end_on_screen(false, 10_500.0);
        // 2.5 s + 1.9 s
        assert_eq!(v.end_on_screen(true, 11_900.0).read, Some(4));
    }
}
