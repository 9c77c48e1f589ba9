//! Where rendered bytes go.
//!
//! - [`sink`]: the [`Sink`] trait, and `Vec<u8>` as the in-memory sink;
//! - [`fd`]: a descriptor of our own on the terminal, and [`FdSink`],
//!   which writes with a bounded wait (control sequences, exit paths);
//! - [`writer`]: [`Writer`], which never blocks its caller: a frame the
//!   terminal cannot take at once is finished by a thread of its own.

pub mod fd;
pub mod sink;
pub mod writer;

use std::io;

#[doc(inline)]
pub use fd::{FdSink, open_output, write_all_within};
#[doc(inline)]
pub use sink::{Sink, SinkState};
#[doc(inline)]
pub use writer::{Notifier, Writer};

/// The output of a screen: a buffer its owner drains, or a [`Writer`] on
/// a terminal.
pub enum Output {
    /// Frames appended here.
    Buffer(Vec<u8>),
    /// Frames written to a descriptor without blocking.
    Writer(Writer),
}

impl Sink for Output {
    fn send(&mut self, bytes: &[u8]) -> io::Result<()> {
        match self {
            Output::Buffer(b) => b.send(bytes),
            Output::Writer(w) => w.send(bytes),
        }
    }

    fn state(&self) -> SinkState {
        match self {
            Output::Buffer(b) => b.state(),
            Output::Writer(w) => w.state(),
        }
    }
}
