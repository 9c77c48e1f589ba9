//! The terminal session: raw mode and the modes an application turns on,
//! and everything needed to give the terminal back exactly as it was.
//!
//! - [`modes`]: which modes to enable, and the bytes that enable and
//!   disable them (pure);
//! - [`tty`]: saving, changing and restoring the terminal's settings
//!   (termios and file status flags) on a file descriptor;
//! - [`session`]: a [`Session`] puts both together, with the protocols
//!   negotiated after entering, and leaves exactly.

pub mod modes;
pub mod session;
pub mod tty;

#[doc(inline)]
pub use modes::{Modes, MouseMode};
#[doc(inline)]
pub use session::{CONTROL_TIMEOUT, RestorePlan, Session, SessionError, reset, reset_sequence};
#[doc(inline)]
pub use tty::{TtyError, TtyState, make_sane, window_size, window_size_raw};
