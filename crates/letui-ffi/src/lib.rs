//! The C ABI of letui.
//!
//! Every object is an opaque handle created by a `letui_<object>_new` and
//! released by `letui_<object>_free`. Every fallible function returns an
//! `i32`: 0 (or a non-negative count or id where documented) on success, a
//! negative [`LetuiStatus`] on failure, with the message available from
//! [`letui_last_error`]. Handles are validated on every call: null, freed
//! and foreign handles are errors, and a double free is an error, not a
//! crash. No panic crosses the boundary.
//!
//! This crate holds no logic of its own: it validates arguments and
//! delegates to `letui-core`.

pub mod abi;
pub mod error;
pub mod fault;
pub mod handle;
pub mod highlight;
pub mod input;
pub mod layout;
pub mod log;
pub mod output;
pub mod rich;
pub mod screen;
pub mod terminal;
pub mod text;

use std::panic::{AssertUnwindSafe, catch_unwind};

pub use error::LetuiStatus;

/// The library version as `major << 16 | minor << 8 | patch`.
#[unsafe(no_mangle)]
pub extern "C" fn letui_version() -> u32 {
    let v = |s: &str| s.parse::<u32>().unwrap_or(0);
    (v(env!("CARGO_PKG_VERSION_MAJOR")) << 16)
        | (v(env!("CARGO_PKG_VERSION_MINOR")) << 8)
        | v(env!("CARGO_PKG_VERSION_PATCH"))
}

/// Copies the message of the last failure on this thread (UTF-8, not
/// NUL-terminated) into `buf` (at most `cap` bytes) and returns its full
/// length, which may be larger than `cap`.
///
/// # Safety
/// `buf` is null (with any `cap`, to ask for the length) or points to `cap`
/// writable bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn letui_last_error(buf: *mut u8, cap: usize) -> usize {
    catch_unwind(AssertUnwindSafe(|| {
        error::with_last_error(|m| {
            if !buf.is_null() {
                let n = m.len().min(cap);
                // SAFETY: `buf` has `cap` writable bytes per the contract,
                // and n <= cap.
                unsafe { std::ptr::copy_nonoverlapping(m.as_ptr(), buf, n) };
            }
            m.len()
        })
    }))
    .unwrap_or(0)
}

/// The number of live handles of every kind (created and not freed), for
/// tests of finalizers and leaks.
#[unsafe(no_mangle)]
pub extern "C" fn letui_debug_live_objects() -> u32 {
    u32::try_from(handle::live()).unwrap_or(u32::MAX)
}

/// Crashes the process with an invalid memory access (SIGSEGV), to test
/// that an entered terminal session is given back. Never returns.
#[unsafe(no_mangle)]
pub extern "C" fn letui_debug_crash() -> i32 {
    fault::crash()
}

/// Panics inside a guarded call, to test that panics become
/// [`LetuiStatus::Panic`] and that callers restore the terminal. Returns
/// that status.
#[unsafe(no_mangle)]
pub extern "C" fn letui_debug_panic() -> i32 {
    error::install_panic_hook();
    error::guard(|| panic!("letui_debug_panic called"))
}
