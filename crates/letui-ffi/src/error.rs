//! Status codes, the last-error message, and the guard every export runs
//! its body in.

use std::any::Any;
use std::cell::RefCell;
use std::fmt::Display;
use std::panic::{AssertUnwindSafe, catch_unwind};

/// Result of every fallible export: 0 for success, a negative value
/// otherwise. `letui_last_error` gives the message of the last failure on
/// the calling thread.
#[repr(i32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LetuiStatus {
    /// Success.
    Ok = 0,
    /// A handle argument was null.
    NullHandle = -1,
    /// A handle argument was freed, of another type, or not a handle.
    InvalidHandle = -2,
    /// An argument was out of its allowed range or otherwise invalid.
    InvalidArgument = -3,
    /// A text argument was not valid UTF-8.
    InvalidUtf8 = -4,
    /// An operating system call failed (the message has the error).
    Io = -5,
    /// The call panicked; the handle it was given is now unusable.
    Panic = -6,
    /// The handle was left inconsistent by an earlier panic.
    Poisoned = -7,
    /// The operation is not supported here (no terminal, say).
    Unsupported = -8,
}

/// An error on its way to becoming a status and a message.
#[derive(Debug)]
pub struct FfiError {
    /// The status returned to the caller.
    pub status: LetuiStatus,
    /// The message kept for `letui_last_error`.
    pub message: String,
}

impl FfiError {
    /// An error with a status and message.
    pub fn new(status: LetuiStatus, message: impl Into<String>) -> FfiError {
        FfiError {
            status,
            message: message.into(),
        }
    }

    /// An invalid argument.
    pub fn arg(message: impl Into<String>) -> FfiError {
        FfiError::new(LetuiStatus::InvalidArgument, message)
    }
}

/// Errors of the core become invalid-argument errors with their message.
pub fn invalid(e: impl Display) -> FfiError {
    FfiError::arg(e.to_string())
}

/// Operating system errors.
impl From<std::io::Error> for FfiError {
    fn from(e: std::io::Error) -> FfiError {
        FfiError::new(LetuiStatus::Io, e.to_string())
    }
}

/// Result of export bodies.
pub type FfiResult<T> = Result<T, FfiError>;

thread_local! {
    static LAST_ERROR: RefCell<String> = const { RefCell::new(String::new()) };
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Stores the message for `letui_last_error`.
pub fn set_last_error(message: &str) {
    LAST_ERROR.with(|e| {
        let mut e = e.borrow_mut();
        e.clear();
        e.push_str(message);
    });
}

/// Runs `f` with the last error message.
pub fn with_last_error<R>(f: impl FnOnce(&str) -> R) -> R {
    LAST_ERROR.with(|e| f(&e.borrow()))
}

/// Routes panic messages away from the terminal: into the thread's last
/// error and, when `LETUI_LOG` names a file, into that file. The default
/// hook would print to stderr, which is the screen being drawn.
///
/// The hook is process state owned by the Rust runtime; it is installed
/// when a handle is created (replacing itself each time, so no flag is
/// kept) and holds no letui state.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let message = format!("panic in letui: {info}");
        crate::log::write(&message);
        LAST_PANIC.with(|p| *p.borrow_mut() = Some(message));
    }));
}

fn panic_message(payload: &(dyn Any + Send)) -> String {
    if let Some(m) = LAST_PANIC.with(|p| p.borrow_mut().take()) {
        return m;
    }
    if let Some(s) = payload.downcast_ref::<&str>() {
        format!("panic in letui: {s}")
    } else if let Some(s) = payload.downcast_ref::<String>() {
        format!("panic in letui: {s}")
    } else {
        "panic in letui".to_string()
    }
}

/// Runs an export's body: catches panics, turns errors into a status and
/// the last-error message. A body returning a non-negative `i32` passes it
/// through (for exports that return a count or an id).
pub fn guard(f: impl FnOnce() -> FfiResult<i32>) -> i32 {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(Ok(v)) => v,
        Ok(Err(e)) => {
            set_last_error(&e.message);
            e.status as i32
        }
        Err(payload) => {
            set_last_error(&panic_message(payload.as_ref()));
            LetuiStatus::Panic as i32
        }
    }
}

/// [`guard`] for bodies that return nothing.
pub fn guard_unit(f: impl FnOnce() -> FfiResult<()>) -> i32 {
    guard(|| f().map(|()| 0))
}

/// Turns `(ptr, len)` into a byte slice, checking for null with a nonzero
/// length.
///
/// # Safety
/// When `ptr` is not null it must point to `len` readable bytes that stay
/// valid and unmodified for `'a`.
pub unsafe fn bytes<'a>(ptr: *const u8, len: usize) -> FfiResult<&'a [u8]> {
    if len == 0 {
        return Ok(&[]);
    }
    if ptr.is_null() {
        return Err(FfiError::arg("null pointer with a nonzero length"));
    }
    if len > isize::MAX as usize {
        return Err(FfiError::arg(format!("length {len} is too large")));
    }
    // SAFETY: checked non-null and length; validity is the caller's
    // contract.
    Ok(unsafe { std::slice::from_raw_parts(ptr, len) })
}

/// Decodes UTF-8, failing with [`LetuiStatus::InvalidUtf8`].
pub fn utf8(bytes: &[u8]) -> FfiResult<&str> {
    std::str::from_utf8(bytes).map_err(|e| {
        FfiError::new(
            LetuiStatus::InvalidUtf8,
            format!("text is not valid UTF-8: {e}"),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guard_maps_results_and_panics() {
        assert_eq!(guard(|| Ok(7)), 7);
        assert_eq!(
            guard(|| Err(FfiError::arg("bad width"))),
            LetuiStatus::InvalidArgument as i32
        );
        with_last_error(|m| assert_eq!(m, "bad width"));
        install_panic_hook();
        assert_eq!(guard(|| panic!("boom")), LetuiStatus::Panic as i32);
        with_last_error(|m| assert!(m.contains("boom"), "{m}"));
    }

    #[test]
    fn utf8_errors_say_so() {
        let e = utf8(b"ok\xff").unwrap_err();
        assert_eq!(e.status, LetuiStatus::InvalidUtf8);
        assert!(e.message.contains("UTF-8"));
    }
}
