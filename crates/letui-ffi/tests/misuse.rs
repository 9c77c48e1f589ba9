//! Misuse of the C ABI from Rust: every case returns an error status with a
//! message, never undefined behaviour or a crash.

use letui::LetuiStatus;
use letui::screen::*;
use letui::{letui_debug_panic, letui_last_error};

fn last_error() -> String {
    let mut buf = vec![0u8; 512];
    // SAFETY: buf has 512 writable bytes.
    let n = unsafe { letui_last_error(buf.as_mut_ptr(), buf.len()) };
    buf.truncate(n.min(512));
    String::from_utf8(buf).unwrap()
}

fn new_screen(w: u32, h: u32) -> Result<*mut LetuiScreen, i32> {
    let mut out = std::ptr::null_mut();
    // SAFETY: valid out pointer.
    let s = unsafe { letui_screen_new(w, h, -1, 0, &mut out) };
    if s == 0 { Ok(out) } else { Err(s) }
}

const OK: i32 = LetuiStatus::Ok as i32;

#[test]
fn null_handles() {
    // SAFETY: null is a documented input.
    unsafe {
        assert_eq!(
            letui_screen_render(std::ptr::null_mut()),
            LetuiStatus::NullHandle as i32
        );
        assert!(last_error().contains("null"));
        assert_eq!(letui_screen_free(std::ptr::null_mut()), OK);
        assert_eq!(
            letui_screen_new(1, 1, -1, 0, std::ptr::null_mut()),
            LetuiStatus::InvalidArgument as i32
        );
    }
}

#[test]
fn freed_handles_and_double_free() {
    let h = new_screen(4, 4).unwrap();
    // SAFETY: h is a handle (live, then freed; both are documented inputs).
    unsafe {
        assert_eq!(letui_screen_free(h), OK);
        assert_eq!(letui_screen_render(h), LetuiStatus::InvalidHandle as i32);
        assert!(last_error().contains("already freed"));
        assert_eq!(letui_screen_free(h), LetuiStatus::InvalidHandle as i32);
        assert_eq!(
            letui_screen_resize(h, 2, 2),
            LetuiStatus::InvalidHandle as i32
        );
    }
}

#[test]
fn foreign_pointers() {
    let mut fake = [0xabcdu64; 4];
    let p = fake.as_mut_ptr().cast::<LetuiScreen>();
    // SAFETY: p points to 32 readable bytes.
    unsafe {
        assert_eq!(letui_screen_render(p), LetuiStatus::InvalidHandle as i32);
    }
    assert!(last_error().contains("not a letui handle"));
    let misaligned = (fake.as_mut_ptr() as usize + 1) as *mut LetuiScreen;
    // SAFETY: the pointer is rejected before any read.
    unsafe {
        assert_eq!(
            letui_screen_render(misaligned),
            LetuiStatus::InvalidHandle as i32
        );
    }
    assert!(last_error().contains("misaligned"));
}

#[test]
fn sizes_are_validated() {
    for (w, h) in [
        (0, 1),
        (1, 0),
        (u32::MAX, u32::MAX),
        (65_536, 1),
        (4096, 4096),
    ] {
        assert_eq!(
            new_screen(w, h).unwrap_err(),
            LetuiStatus::InvalidArgument as i32,
            "{w}x{h}"
        );
        assert!(last_error().contains("invalid screen size"));
    }
    let h = new_screen(10, 10).unwrap();
    // SAFETY: live handle.
    unsafe {
        assert_eq!(
            letui_screen_resize(h, 0, 5),
            LetuiStatus::InvalidArgument as i32
        );
        assert_eq!(
            letui_screen_reserve_scratch(h, u64::MAX),
            LetuiStatus::InvalidArgument as i32
        );
        assert!(last_error().contains("scratch"));
        assert_eq!(
            letui_screen_set_cursor(h, 1, 1, 99),
            LetuiStatus::InvalidArgument as i32
        );
        assert_eq!(
            letui_screen_set_color_mode(h, 9),
            LetuiStatus::InvalidArgument as i32
        );
        assert_eq!(
            letui_screen_set_capabilities(h, 0x100),
            LetuiStatus::InvalidArgument as i32
        );
        assert_eq!(
            letui_screen_consume_output(h, 1),
            LetuiStatus::InvalidArgument as i32
        );
        assert_eq!(
            letui_screen_row_text(h, 10),
            LetuiStatus::InvalidArgument as i32
        );
        // Huge coordinates are clipped, not errors.
        let text = "x";
        assert_eq!(
            letui_screen_draw_text_ptr(h, i32::MAX, i32::MIN, text.as_ptr(), 1, 0, 0, 0),
            OK
        );
        assert_eq!(
            letui_screen_fill(h, i32::MIN, i32::MIN, u32::MAX, u32::MAX, 0, 0, 0, 0),
            OK
        );
        assert_eq!(letui_screen_free(h), OK);
    }
}

#[test]
fn invalid_utf8_and_pointers() {
    let h = new_screen(10, 1).unwrap();
    let bad = [b'a', 0xff, b'b'];
    // SAFETY: live handle; pointers valid for their lengths (or null).
    unsafe {
        assert_eq!(
            letui_screen_draw_text_ptr(h, 0, 0, bad.as_ptr(), bad.len(), 0, 0, 0),
            LetuiStatus::InvalidUtf8 as i32
        );
        assert!(last_error().contains("UTF-8"));
        assert_eq!(
            letui_screen_draw_text_ptr(h, 0, 0, std::ptr::null(), 5, 0, 0, 0),
            LetuiStatus::InvalidArgument as i32
        );
        // An unregistered hyperlink id in the attributes is refused.
        let t = "x";
        assert_eq!(
            letui_screen_draw_text_ptr(h, 0, 0, t.as_ptr(), 1, 0, 0, 77 << 16),
            LetuiStatus::InvalidArgument as i32
        );
        assert!(last_error().contains("hyperlink id 77"));
        letui_screen_free(h);
    }
}

#[test]
fn last_error_reports_its_full_length() {
    let _ = new_screen(0, 0);
    // SAFETY: null asks for the length only.
    let n = unsafe { letui_last_error(std::ptr::null_mut(), 0) };
    let mut small = [0u8; 8];
    // SAFETY: 8 writable bytes.
    let m = unsafe { letui_last_error(small.as_mut_ptr(), small.len()) };
    assert_eq!(n, m);
    assert!(n > 8);
    assert_eq!(&small, b"invalid ");
}

#[test]
fn panics_become_status_codes() {
    assert_eq!(letui_debug_panic(), LetuiStatus::Panic as i32);
    assert!(last_error().contains("letui_debug_panic"));
}

/// Every handle kind passed where another is expected: refused with a
/// message naming both kinds, and nothing is freed by the wrong free.
#[test]
fn every_kind_of_handle_is_named_when_misused() {
    use letui::input::{LetuiInput, letui_input_flush, letui_input_free, letui_input_new};
    use letui::layout::{LetuiLayout, letui_layout_free, letui_layout_new};
    use letui::terminal::{
        LetuiTerminal, letui_terminal_free, letui_terminal_is_tty, letui_terminal_new,
    };
    use std::os::fd::AsRawFd;

    let (reader, writer) = std::io::pipe().unwrap();
    let screen = new_screen(2, 2).unwrap().cast::<u8>();
    let mut terminal: *mut LetuiTerminal = std::ptr::null_mut();
    let mut input: *mut LetuiInput = std::ptr::null_mut();
    let mut layout: *mut LetuiLayout = std::ptr::null_mut();
    // SAFETY: valid out pointers and open descriptors.
    unsafe {
        assert_eq!(
            letui_terminal_new(reader.as_raw_fd(), writer.as_raw_fd(), &mut terminal),
            OK
        );
        assert_eq!(letui_input_new(0, &mut input), OK);
        assert_eq!(letui_layout_new(&mut layout), OK);
    }
    let handles: [(&str, *mut u8); 4] = [
        ("screen", screen),
        ("terminal", terminal.cast()),
        ("input", input.cast()),
        ("layout", layout.cast()),
    ];
    type Call = fn(*mut u8) -> i32;
    // SAFETY (of every call): the pointer is a live handle, of this kind or
    // of another (the documented misuse under test).
    let calls: [(&str, Call, Call); 4] = [
        (
            "screen",
            |h| unsafe { letui_screen_render(h.cast()) },
            |h| unsafe { letui_screen_free(h.cast()) },
        ),
        (
            "terminal",
            |h| unsafe { letui_terminal_is_tty(h.cast()) },
            |h| unsafe { letui_terminal_free(h.cast()) },
        ),
        (
            "input",
            |h| unsafe { letui_input_flush(h.cast()) },
            |h| unsafe { letui_input_free(h.cast()) },
        ),
        (
            "layout",
            |h| unsafe { letui_layout_free(h.cast()) },
            |h| unsafe { letui_layout_free(h.cast()) },
        ),
    ];
    for (expected, use_it, free) in calls {
        for (got, h) in handles {
            if got == expected {
                continue;
            }
            let want = format!("expected a {expected} handle, got {got}");
            assert_eq!(use_it(h), LetuiStatus::InvalidHandle as i32, "{want}");
            assert_eq!(last_error(), want);
            assert_eq!(free(h), LetuiStatus::InvalidHandle as i32, "{want}");
            assert_eq!(last_error(), want);
        }
    }
    // Every handle is still alive, and is freed by its own free.
    for ((_, _, free), (_, h)) in calls.iter().zip(handles) {
        assert_eq!(free(h), OK);
    }
}
