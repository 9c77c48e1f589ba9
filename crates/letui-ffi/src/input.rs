//! The input object: the core parser behind a handle, with decoded events
//! written as fixed-size records into shared memory.
//!
//! One call per chunk read from the terminal (`letui_input_feed`) returns
//! the number of events; each event is [`RECORD_WORDS`] `u32` words:
//!
//! | kind (word 0) | words 1.. |
//! |---|---|
//! | 1 key | codepoint (0 if not a character key), modifiers, kind (0 press, 1 repeat, 2 release), name offset, name length, text offset, text length |
//! | 2 mouse | x, y, button, kind (0 down, 1 up, 2 drag, 3 move, 4 wheel), modifiers |
//! | 3 paste | text offset, text length, truncated (0/1) |
//! | 4 focus | 1 gained, 0 lost |
//! | 5 cursor position | row, column (0-based) |
//! | 6 device attributes | class, feature bits 0..32, feature bits 32..64 |
//! | 7 keyboard flags | kitty protocol flags |
//! | 8 mode report | mode, private (0/1), state (0 unknown, 1 set, 2 reset, 3 permanently set, 4 permanently reset) |
//!
//! Offsets and lengths are in bytes of the shared text buffer (UTF-8),
//! valid until the next call on this handle.

use letui_core::input::{Event, KeyKind, ModeState, MouseButton, MouseKind, Parser, ParserOptions};

use crate::abi::{
    LETUI_INPUT_INFO_GENERATION, LETUI_INPUT_INFO_IN_PASTE, LETUI_INPUT_INFO_LEN,
    LETUI_INPUT_INFO_PENDING, LETUI_INPUT_INFO_TEXT_USED, LETUI_INPUT_RECORD_WORDS, LetuiEventKind,
    LetuiKeyKind, LetuiModeState, LetuiMouseButton, LetuiMouseKind,
};
use crate::error::{FfiError, FfiResult, bytes, guard};
use crate::handle::{self, Handle, Kind};

/// Opaque input handle.
pub struct LetuiInput {
    _private: [u8; 0],
}

/// Where an input's shared buffers are. Pointers stay valid until the
/// generation (info word 0) changes or the handle is freed.
#[repr(C)]
pub struct LetuiInputView {
    /// Event records, `LETUI_INPUT_RECORD_WORDS` words each.
    pub records: *const u32,
    /// Number of `u32` words in `records`.
    pub records_len: usize,
    /// Text of events (UTF-8).
    pub text: *const u8,
    /// Its length in bytes.
    pub text_len: usize,
    /// The info block (see the `LETUI_INPUT_INFO_*` constants).
    pub info: *const u32,
    /// Number of `u32` words in `info`.
    pub info_len: usize,
}

const RECORD_WORDS: usize = LETUI_INPUT_RECORD_WORDS as usize;

/// The object behind an input handle.
pub struct InputState {
    parser: Parser,
    events: Vec<Event>,
    records: Vec<u32>,
    text: Vec<u8>,
    info: Box<[u32; LETUI_INPUT_INFO_LEN as usize]>,
}

impl Kind for InputState {
    const MAGIC: u64 = handle::INPUT;
    const NAME: &'static str = "input";
}

fn mouse_button(b: MouseButton) -> u32 {
    (match b {
        MouseButton::None => LetuiMouseButton::None,
        MouseButton::Left => LetuiMouseButton::Left,
        MouseButton::Middle => LetuiMouseButton::Middle,
        MouseButton::Right => LetuiMouseButton::Right,
        MouseButton::WheelUp => LetuiMouseButton::WheelUp,
        MouseButton::WheelDown => LetuiMouseButton::WheelDown,
        MouseButton::WheelLeft => LetuiMouseButton::WheelLeft,
        MouseButton::WheelRight => LetuiMouseButton::WheelRight,
        MouseButton::Back => LetuiMouseButton::Back,
        MouseButton::Forward => LetuiMouseButton::Forward,
        MouseButton::Button10 => LetuiMouseButton::Button10,
        MouseButton::Button11 => LetuiMouseButton::Button11,
    }) as u32
}

fn mouse_kind(k: MouseKind) -> u32 {
    (match k {
        MouseKind::Down => LetuiMouseKind::Down,
        MouseKind::Up => LetuiMouseKind::Up,
        MouseKind::Drag => LetuiMouseKind::Drag,
        MouseKind::Move => LetuiMouseKind::Move,
        MouseKind::Wheel => LetuiMouseKind::Wheel,
    }) as u32
}

fn mode_state(s: ModeState) -> u32 {
    (match s {
        ModeState::NotRecognized => LetuiModeState::NotRecognized,
        ModeState::Set => LetuiModeState::Set,
        ModeState::Reset => LetuiModeState::Reset,
        ModeState::PermanentlySet => LetuiModeState::PermanentlySet,
        ModeState::PermanentlyReset => LetuiModeState::PermanentlyReset,
    }) as u32
}

impl InputState {
    /// Turns the events of the last parser call into records and text.
    fn publish(&mut self) -> FfiResult<i32> {
        let n = self.events.len();
        let parser_text = self.parser.text().as_bytes();
        // Text: the parser's text first (ranges index it as is), then key
        // names appended.
        let needed_text = parser_text.len() + n * 16;
        let needed_records = n * RECORD_WORDS;
        let mut moved = false;
        if self.text.len() < needed_text {
            self.text = vec![0; needed_text.next_power_of_two()];
            moved = true;
        }
        if self.records.len() < needed_records {
            self.records = vec![0; needed_records.next_power_of_two()];
            moved = true;
        }
        if moved {
            let g = &mut self.info[LETUI_INPUT_INFO_GENERATION as usize];
            *g = g.wrapping_add(1);
        }
        self.text[..parser_text.len()].copy_from_slice(parser_text);
        let mut used = parser_text.len();
        for (i, e) in self.events.iter().enumerate() {
            let r = &mut self.records[i * RECORD_WORDS..(i + 1) * RECORD_WORDS];
            r.fill(0);
            match *e {
                Event::Key(k) => {
                    let text = parser_text
                        .get(k.text.start as usize..(k.text.start + k.text.len) as usize)
                        .unwrap_or_default();
                    let (name_at, name_len) = if names_itself(k.code, text) {
                        // Most keys are named by their own text: point the
                        // name at it rather than copying.
                        (k.text.start as usize, text.len())
                    } else {
                        let name = k.code.name();
                        let name = name.as_str().as_bytes();
                        if used + name.len() > self.text.len() {
                            // Names are at most a few bytes; the reserve
                            // above covers them, this guards the slice.
                            continue;
                        }
                        self.text[used..used + name.len()].copy_from_slice(name);
                        used += name.len();
                        (used - name.len(), name.len())
                    };
                    r[0] = LetuiEventKind::Key as u32;
                    r[1] = match k.code {
                        letui_core::input::KeyCode::Char(c) => c as u32,
                        _ => 0,
                    };
                    r[2] = k.modifiers.bits() as u32;
                    r[3] = (match k.kind {
                        KeyKind::Press => LetuiKeyKind::Press,
                        KeyKind::Repeat => LetuiKeyKind::Repeat,
                        KeyKind::Release => LetuiKeyKind::Release,
                    }) as u32;
                    r[4] = name_at as u32;
                    r[5] = name_len as u32;
                    r[6] = k.text.start;
                    r[7] = k.text.len;
                }
                Event::Mouse(m) => {
                    r[0] = LetuiEventKind::Mouse as u32;
                    r[1] = m.x as u32;
                    r[2] = m.y as u32;
                    r[3] = mouse_button(m.button);
                    r[4] = mouse_kind(m.kind);
                    r[5] = m.modifiers.bits() as u32;
                }
                Event::Paste { text, truncated } => {
                    r[0] = LetuiEventKind::Paste as u32;
                    r[1] = text.start;
                    r[2] = text.len;
                    r[3] = u32::from(truncated);
                }
                Event::Focus(gained) => {
                    r[0] = LetuiEventKind::Focus as u32;
                    r[1] = u32::from(gained);
                }
                Event::CursorPosition { row, col } => {
                    r[0] = LetuiEventKind::CursorPosition as u32;
                    r[1] = row as u32;
                    r[2] = col as u32;
                }
                Event::PrimaryDeviceAttributes(da) => {
                    r[0] = LetuiEventKind::DeviceAttributes as u32;
                    r[1] = da.class as u32;
                    r[2] = da.features() as u32;
                    r[3] = (da.features() >> 32) as u32;
                }
                Event::KeyboardFlags(f) => {
                    r[0] = LetuiEventKind::KeyboardFlags as u32;
                    r[1] = f as u32;
                }
                Event::ModeReport {
                    mode,
                    private,
                    state,
                } => {
                    r[0] = LetuiEventKind::ModeReport as u32;
                    r[1] = mode as u32;
                    r[2] = u32::from(private);
                    r[3] = mode_state(state);
                }
            }
        }
        self.info[LETUI_INPUT_INFO_PENDING as usize] = u32::from(self.parser.pending());
        self.info[LETUI_INPUT_INFO_IN_PASTE as usize] = u32::from(self.parser.awaiting_end());
        self.info[LETUI_INPUT_INFO_TEXT_USED as usize] = used as u32;
        i32::try_from(n).map_err(|_| FfiError::arg("too many events"))
    }
}

fn cast(h: *mut LetuiInput) -> *mut Handle<InputState> {
    h.cast()
}

fn with(h: *mut LetuiInput, f: impl FnOnce(&mut InputState) -> FfiResult<i32>) -> i32 {
    // SAFETY: validated by handle::with (see handle.rs for the contract).
    guard(|| unsafe { handle::with(cast(h), f) })
}

/// Creates an input parser. `max_paste` bounds a bracketed paste in bytes
/// (0 for the default, 32 MiB).
///
/// # Safety
/// `out` is writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn letui_input_new(max_paste: u32, out: *mut *mut LetuiInput) -> i32 {
    guard(|| {
        if out.is_null() {
            return Err(FfiError::arg("out pointer is null"));
        }
        let mut options = ParserOptions::default();
        if max_paste > 0 {
            options.max_paste = max_paste as usize;
        }
        let state = InputState {
            parser: Parser::with_options(options),
            events: Vec::new(),
            records: vec![0; 64 * RECORD_WORDS],
            text: vec![0; 4096],
            info: Box::new([0; LETUI_INPUT_INFO_LEN as usize]),
        };
        let h = handle::into_raw(state).cast::<LetuiInput>();
        // SAFETY: checked non-null; writable per the contract.
        unsafe { out.write(h) };
        Ok(0)
    })
}

/// Frees an input parser. Null is accepted; a second free is an error.
///
/// # Safety
/// `h` is null or a value from `letui_input_new`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn letui_input_free(h: *mut LetuiInput) -> i32 {
    // SAFETY: validated by handle::free.
    guard(|| unsafe { handle::free(cast(h)).map(|()| 0) })
}

/// Fills `*view` with the shared buffers' addresses and lengths.
///
/// # Safety
/// `h` is an input handle; `view` is writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn letui_input_view(h: *mut LetuiInput, view: *mut LetuiInputView) -> i32 {
    with(h, |s| {
        if view.is_null() {
            return Err(FfiError::arg("view pointer is null"));
        }
        let v = LetuiInputView {
            records: s.records.as_ptr(),
            records_len: s.records.len(),
            text: s.text.as_ptr(),
            text_len: s.text.len(),
            info: s.info.as_ptr(),
            info_len: s.info.len(),
        };
        // SAFETY: checked non-null; writable per the contract.
        unsafe { view.write(v) };
        Ok(0)
    })
}

/// Decodes a chunk of terminal input and returns the number of events
/// written as records, or a negative status.
///
/// # Safety
/// `h` is an input handle; `data` points to `len` readable bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn letui_input_feed(h: *mut LetuiInput, data: *const u8, len: usize) -> i32 {
    with(h, |s| {
        // SAFETY: per the contract.
        let chunk = unsafe { bytes(data, len)? };
        s.events.clear();
        s.parser.feed(chunk, &mut s.events);
        s.publish()
    })
}

/// Resolves input waiting for a timeout (call after about 25 ms without
/// input while info word `LETUI_INPUT_INFO_PENDING` is 1): a lone ESC
/// becomes the Escape key. Returns the number of events.
///
/// # Safety
/// `h` is an input handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn letui_input_flush(h: *mut LetuiInput) -> i32 {
    with(h, |s| {
        s.events.clear();
        s.parser.flush(&mut s.events);
        s.publish()
    })
}

/// Ends a bracketed paste whose end marker never came (call after a long
/// silence while info word `LETUI_INPUT_INFO_IN_PASTE` is 1): what arrived
/// is delivered as a paste. Returns the number of events.
///
/// # Safety
/// `h` is an input handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn letui_input_abort_paste(h: *mut LetuiInput) -> i32 {
    with(h, |s| {
        s.events.clear();
        s.parser.abort(&mut s.events);
        s.publish()
    })
}

/// Says that a cursor position report was requested, so that the next
/// `CSI row ; col R` is read as one rather than as a function key.
///
/// # Safety
/// `h` is an input handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn letui_input_expect_cursor_position(h: *mut LetuiInput) -> i32 {
    with(h, |s| {
        s.parser.expect_cursor_position();
        Ok(0)
    })
}
/// True when a key's name is exactly its text: a character key typed as
/// itself (lowercase ASCII, digits, punctuation, U+FFFD) and not space.
fn names_itself(code: letui_core::input::KeyCode, text: &[u8]) -> bool {
    match code {
        letui_core::input::KeyCode::Char(c) => match text {
            [b] => *b == c as u32 as u8 && c.is_ascii() && c != ' ' && !c.is_ascii_uppercase(),
            [0xef, 0xbf, 0xbd] => c == '\u{fffd}',
            _ => false,
        },
        _ => false,
    }
}
