//! [`Surface`]: a screen, the renderer that turns it into bytes, and the
//! sink the bytes go to.
//!
//! When the sink cannot take a frame yet (a terminal that stopped
//! reading), [`Surface::render`] renders nothing and reports the frame
//! deferred; the next render after the sink caught up diffs the screen
//! against what was really sent. Frames coalesce, the terminal always ends
//! up exact, and at most one frame waits.

use std::io;

use crate::output::Sink;
use crate::renderer::Renderer;
use crate::screen::Screen;

/// What [`Surface::render`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rendered {
    /// Bytes of the frame handed to the sink (0: nothing changed, or
    /// deferred).
    pub bytes: usize,
    /// True when the sink was still busy with an earlier frame: render
    /// again once it is ready.
    pub deferred: bool,
}

/// A screen with its renderer and output.
pub struct Surface<S: Sink> {
    /// The back buffer the caller draws into.
    pub screen: Screen,
    /// The renderer (front buffer, capabilities, cursor).
    pub renderer: Renderer,
    sink: S,
}

impl<S: Sink> Surface<S> {
    /// A surface drawing `screen` with `renderer` into `sink`.
    pub fn new(screen: Screen, renderer: Renderer, sink: S) -> Surface<S> {
        Surface {
            screen,
            renderer,
            sink,
        }
    }

    /// The text of row `y` as the renderer believes the terminal shows it
    /// (its front buffer, each cluster once): after [`render`](Self::render)
    /// it equals the screen's row; before, it shows what was last sent. A
    /// row the terminal has not been sent is empty.
    pub fn shown_row_text(&self, y: u16) -> String {
        let front = self.renderer.front();
        if y >= front.height() {
            return String::new();
        }
        front
            .row(y)
            .iter()
            .map(|c| self.screen.cell_text(c))
            .collect()
    }

    /// Renders a frame into the sink, or defers it while the sink is busy.
    ///
    /// # Errors
    /// The sink failed; the next frame repaints everything.
    pub fn render(&mut self) -> io::Result<Rendered> {
        if !self.sink.state().ready {
            return Ok(Rendered {
                bytes: 0,
                deferred: true,
            });
        }
        let frame = self.renderer.render(&mut self.screen);
        let bytes = frame.len();
        if bytes > 0
            && let Err(e) = self.sink.send(frame)
        {
            // What reached the terminal is unknown.
            self.renderer.force_redraw();
            return Err(e);
        }
        Ok(Rendered {
            bytes,
            deferred: false,
        })
    }

    /// Prints lines (from [`encode_lines`](crate::renderer::encode_lines))
    /// above the inline region and repaints the region below them (see
    /// [`Renderer::print_above`]). Sent even while the sink is busy: a
    /// printed line is never dropped. Returns the region's new top row, or
    /// `None` outside inline mode.
    ///
    /// # Errors
    /// The sink failed; the next frame repaints everything.
    pub fn print_above(
        &mut self,
        lines: &[u8],
        count: u32,
        term_height: u16,
    ) -> io::Result<Option<u16>> {
        let Some((bytes, origin)) =
            self.renderer
                .print_above(&mut self.screen, lines, count, term_height)
        else {
            return Ok(None);
        };
        if let Err(e) = self.sink.send(bytes) {
            self.renderer.force_redraw();
            return Err(e);
        }
        Ok(Some(origin))
    }

    /// Sends bytes that must be ordered with frames (queries, a line after
    /// an inline region).
    ///
    /// # Errors
    /// The sink failed.
    pub fn write(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.sink.send(bytes)
    }

    /// The sink.
    pub fn sink(&self) -> &S {
        &self.sink
    }

    /// The sink, to drain a buffer.
    pub fn sink_mut(&mut self) -> &mut S {
        &mut self.sink
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ColorMode;
    use crate::output::SinkState;
    use crate::renderer::Capabilities;
    use crate::screen::Style;

    /// A sink that is busy until told otherwise.
    struct Gate {
        sent: Vec<u8>,
        busy: bool,
    }

    impl Sink for Gate {
        fn send(&mut self, bytes: &[u8]) -> io::Result<()> {
            self.sent.extend_from_slice(bytes);
            Ok(())
        }
        fn state(&self) -> SinkState {
            SinkState {
                unsent: 0,
                ready: !self.busy,
            }
        }
    }

    /// A surface over a sink that can be made busy.
    fn gated(width: u32, height: u32) -> Surface<Gate> {
        let screen = Screen::new(width, height).unwrap();
        let renderer = Renderer::new(ColorMode::TrueColor, Capabilities::default());
        let sink = Gate {
            sent: Vec::new(),
            busy: false,
        };
        Surface::new(screen, renderer, sink)
    }

    #[test]
    fn frames_wait_for_a_busy_sink_and_then_coalesce() {
        let mut s = gated(10, 2);
        s.screen.draw_text(0, 0, "one", Style::default());
        assert!(!s.render().unwrap().deferred);
        s.sink_mut().busy = true;
        s.screen.draw_text(0, 0, "two", Style::default());
        assert_eq!(
            s.render().unwrap(),
            Rendered {
                bytes: 0,
                deferred: true
            }
        );
        s.screen.draw_text(0, 0, "six", Style::default());
        let before = s.sink().sent.len();
        s.sink_mut().busy = false;
        let r = s.render().unwrap();
        assert!(!r.deferred && r.bytes > 0);
        let frame = String::from_utf8_lossy(&s.sink().sent[before..]).into_owned();
        assert!(frame.contains("six") && !frame.contains("two"), "{frame:?}");
    }

    #[test]
    fn the_shown_text_follows_what_was_sent() {
        let mut s = gated(6, 1);
        s.screen.draw_text(0, 0, "中e\u{301}", Style::default());
        assert_eq!(s.shown_row_text(0).trim_end(), "");
        s.render().unwrap();
        assert_eq!(s.shown_row_text(0), "中e\u{301}   ");
        s.sink_mut().busy = true;
        s.screen.draw_text(0, 0, "ab", Style::default());
        s.render().unwrap();
        // Deferred: the terminal still shows the old frame.
        assert_eq!(s.shown_row_text(0), "中e\u{301}   ");
        assert_eq!(s.shown_row_text(5), "");
    }
}
