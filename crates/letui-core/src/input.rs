//! Terminal input: bytes in, events out.
//!
//! [`Parser`] decodes what a terminal in raw mode sends (UTF-8 text, legacy
//! and kitty keyboard encodings, SGR/X10/urxvt mouse, bracketed paste, focus,
//! replies to queries) into [`Event`]s, incrementally and without panicking
//! on any input.
//!
//! In short (the full contract and choices head `input/parser.rs`): bytes in,
//! events out, no I/O and no clock; chunks may be split anywhere; nothing
//! panics or grows without bound; an unknown or cut sequence never swallows
//! what follows and produces no event. The caller drives timeouts:
//! [`Parser::flush`] after ~25 ms of silence while [`Parser::pending`],
//! [`Parser::abort`] after ~1 s while [`Parser::awaiting_end`] (a stalled
//! paste). Events are `Copy` ([`Event`] is 24 bytes); their text lives in the
//! parser's buffer ([`Parser::text`]), valid until the next call.
//!
//! # Examples
//! ```
//! use letui_core::input::{Event, Parser};
//! let mut parser = Parser::new();
//! let mut events = Vec::new();
//! parser.feed(b"\x1b[200~pasted\x1b[201~\x1b[<0;3;2M", &mut events);
//! let Event::Paste { text, .. } = events[0] else { unreachable!() };
//! assert_eq!(parser.text_of(text), "pasted");
//! let Event::Mouse(m) = events[1] else { unreachable!() };
//! assert_eq!((m.x, m.y), (2, 1));
//! ```

mod csi;
mod escape;
mod event;
mod ground;
mod key;
mod kitty;
mod modifiers;
mod mouse;
mod params;
mod parser;
mod paste;
mod text;
mod utf8;

#[doc(inline)]
pub use event::{DeviceAttributes, Event, ModeState, TextRange};
#[doc(inline)]
pub use key::{KeyCode, KeyEvent, KeyKind, KeyName, KeypadKey, MediaKey, ModifierKey};
#[doc(inline)]
pub use modifiers::Modifiers;
#[doc(inline)]
pub use mouse::{MouseButton, MouseEvent, MouseKind};
#[doc(inline)]
pub use parser::{Parser, ParserOptions};
