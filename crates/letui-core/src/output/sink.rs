//! The [`Sink`] trait: something frames are handed to.

use std::io;

/// What a sink can say about the bytes handed to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SinkState {
    /// Bytes accepted but not yet written.
    pub unsent: usize,
    /// True when the sink would take a frame now without queueing behind
    /// an earlier one.
    pub ready: bool,
}

/// A destination for frames.
///
/// A sink takes whole frames. One that cannot write a frame at once (a
/// terminal that stopped reading) keeps it, and says it is not
/// [`ready`](SinkState::ready) until it is written: the renderer then
/// holds later frames back and diffs against what was really sent, so
/// frames coalesce instead of piling up.
pub trait Sink {
    /// Takes a frame (or any bytes that must be ordered with frames).
    ///
    /// # Errors
    /// The output is gone or failed (the error of the write that failed,
    /// possibly an earlier one).
    fn send(&mut self, bytes: &[u8]) -> io::Result<()>;

    /// How far the sink is with what it was given.
    fn state(&self) -> SinkState {
        SinkState {
            unsent: 0,
            ready: true,
        }
    }
}

/// Frames appended to a buffer that the owner drains.
impl Sink for Vec<u8> {
    fn send(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.extend_from_slice(bytes);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_vec_collects_frames_and_is_always_ready() {
        let mut v: Vec<u8> = Vec::new();
        v.send(b"ab").unwrap();
        v.send(b"c").unwrap();
        assert_eq!(v, b"abc");
        assert!(v.state().ready);
        assert_eq!(v.state().unsent, 0);
    }
}
