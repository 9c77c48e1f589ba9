//! Opaque handles: validated on every call, safe to double free.
//!
//! A handle is a pointer to a [`Handle`]: a magic number naming its kind,
//! a poison flag, and the object. Freeing drops the object and turns the
//! magic into a tombstone, but keeps the small header allocated (24 bytes),
//! so that a later call with the stale pointer reads the tombstone and
//! fails with an error instead of touching freed memory. A pointer to a
//! handle of another kind fails on the magic number. (A pointer to memory
//! that never was a handle cannot be detected without a global registry,
//! which this crate does not keep; it is the caller's responsibility.)

use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::error::{FfiError, FfiResult, LetuiStatus};

/// Magic of a freed handle.
const FREED: u64 = 0x6c65_7475_6900_dead;

/// The kinds of object behind handles.
pub trait Kind: Sized {
    /// The magic number in the header of this kind's handles.
    const MAGIC: u64;
    /// The kind's name in error messages.
    const NAME: &'static str;
}

/// Magic of screen handles.
pub const SCREEN: u64 = 0x6c65_7475_6900_0001;
/// Magic of terminal handles.
pub const TERMINAL: u64 = 0x6c65_7475_6900_0002;
/// Magic of input parser handles.
pub const INPUT: u64 = 0x6c65_7475_6900_0003;
/// Magic of layout tree handles.
pub const LAYOUT: u64 = 0x6c65_7475_6900_0005;
/// Magic of syntax highlighter handles.
pub const HIGHLIGHTER: u64 = 0x6c65_7475_6900_0006;

/// Every kind's magic and name, for "expected X, got Y" messages.
const KINDS: &[(u64, &str)] = &[
    (SCREEN, "screen"),
    (TERMINAL, "terminal"),
    (INPUT, "input"),
    (LAYOUT, "layout"),
    (HIGHLIGHTER, "highlighter"),
];

/// Handles created and not yet freed, over all kinds: what tests of
/// finalizers and leaks count. The one counter in this crate; it holds no
/// object, only a number.
static LIVE: AtomicUsize = AtomicUsize::new(0);

/// The number of live handles.
pub fn live() -> usize {
    LIVE.load(Ordering::Relaxed)
}

/// The memory behind a handle.
#[repr(C)]
pub struct Handle<T> {
    magic: u64,
    poisoned: bool,
    value: Option<Box<T>>,
}

/// Boxes `value` into a new handle.
pub fn into_raw<T: Kind>(value: T) -> *mut Handle<T> {
    crate::error::install_panic_hook();
    LIVE.fetch_add(1, Ordering::Relaxed);
    Box::into_raw(Box::new(Handle {
        magic: T::MAGIC,
        poisoned: false,
        value: Some(Box::new(value)),
    }))
}

/// Validates `ptr` as a live handle of kind `T`.
///
/// # Safety
/// `ptr` is null, or was returned by [`into_raw`] (for any kind, freed or
/// not), or points to at least 8 readable bytes.
unsafe fn check<'a, T: Kind>(ptr: *mut Handle<T>) -> FfiResult<&'a mut Handle<T>> {
    if ptr.is_null() {
        return Err(FfiError::new(
            LetuiStatus::NullHandle,
            format!("{} handle is null", T::NAME),
        ));
    }
    if !ptr.cast::<u64>().is_aligned() {
        return Err(FfiError::new(
            LetuiStatus::InvalidHandle,
            format!("not a {} handle (misaligned pointer)", T::NAME),
        ));
    }
    // SAFETY: per the contract, the first 8 bytes are readable; every
    // handle, live or freed, starts with its magic.
    let magic = unsafe { ptr.cast::<u64>().read() };
    if magic == FREED {
        return Err(FfiError::new(
            LetuiStatus::InvalidHandle,
            format!("{} handle was already freed", T::NAME),
        ));
    }
    if magic != T::MAGIC {
        let got = KINDS
            .iter()
            .find(|(m, _)| *m == magic)
            .map_or("something that is not a letui handle", |(_, n)| n);
        return Err(FfiError::new(
            LetuiStatus::InvalidHandle,
            format!("expected a {} handle, got {got}", T::NAME),
        ));
    }
    // SAFETY: the magic says this allocation is a live Handle<T> made by
    // into_raw; the caller holds no other reference to it during the call.
    Ok(unsafe { &mut *ptr })
}

/// Runs `f` on the object behind `ptr`. A panic inside poisons the handle
/// (later calls fail with [`LetuiStatus::Poisoned`]) and continues to the
/// export's guard, which reports it.
///
/// # Safety
/// As for [`check`].
pub unsafe fn with<T: Kind, R>(
    ptr: *mut Handle<T>,
    f: impl FnOnce(&mut T) -> FfiResult<R>,
) -> FfiResult<R> {
    // SAFETY: forwarded contract.
    unsafe { with_inner(ptr, false, f) }
}

/// [`with`], but also on a poisoned handle: for calls that must work
/// whatever happened before, like giving the terminal back.
///
/// # Safety
/// As for [`check`].
pub unsafe fn with_poisoned<T: Kind, R>(
    ptr: *mut Handle<T>,
    f: impl FnOnce(&mut T) -> FfiResult<R>,
) -> FfiResult<R> {
    // SAFETY: forwarded contract.
    unsafe { with_inner(ptr, true, f) }
}

unsafe fn with_inner<T: Kind, R>(
    ptr: *mut Handle<T>,
    allow_poisoned: bool,
    f: impl FnOnce(&mut T) -> FfiResult<R>,
) -> FfiResult<R> {
    // SAFETY: forwarded contract.
    let h = unsafe { check(ptr)? };
    if h.poisoned && !allow_poisoned {
        return Err(FfiError::new(
            LetuiStatus::Poisoned,
            format!("{} handle is unusable after an earlier panic", T::NAME),
        ));
    }
    let Some(value) = h.value.as_deref_mut() else {
        return Err(FfiError::new(
            LetuiStatus::InvalidHandle,
            format!("{} handle was already freed", T::NAME),
        ));
    };
    match catch_unwind(AssertUnwindSafe(|| f(value))) {
        Ok(r) => r,
        Err(payload) => {
            h.poisoned = true;
            resume_unwind(payload)
        }
    }
}

/// Frees the object behind `ptr`; null is accepted and does nothing.
///
/// # Safety
/// As for [`check`].
pub unsafe fn free<T: Kind>(ptr: *mut Handle<T>) -> FfiResult<()> {
    if ptr.is_null() {
        return Ok(());
    }
    // SAFETY: forwarded contract.
    let h = unsafe { check(ptr)? };
    h.magic = FREED;
    drop(h.value.take());
    LIVE.fetch_sub(1, Ordering::Relaxed);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Thing(u32);
    impl Kind for Thing {
        const MAGIC: u64 = 0x6c65_7475_6900_0099;
        const NAME: &'static str = "thing";
    }

    #[test]
    fn lifecycle_and_misuse() {
        let h = into_raw(Thing(5));
        // SAFETY: h comes from into_raw.
        unsafe {
            assert_eq!(with(h, |t| Ok(t.0)).unwrap(), 5);
            free(h).unwrap();
            let e = with(h, |t| Ok(t.0)).unwrap_err();
            assert_eq!(e.status, LetuiStatus::InvalidHandle);
            assert!(e.message.contains("already freed"));
            let e = free(h).unwrap_err();
            assert!(e.message.contains("already freed"));
            free::<Thing>(std::ptr::null_mut()).unwrap();
            let e = with::<Thing, ()>(std::ptr::null_mut(), |_| Ok(())).unwrap_err();
            assert_eq!(e.status, LetuiStatus::NullHandle);
        }
    }

    #[test]
    fn foreign_pointers_are_rejected() {
        let mut not_a_handle = [7u64, 0, 0, 0];
        let p = not_a_handle.as_mut_ptr().cast::<Handle<Thing>>();
        // SAFETY: p points to 32 readable bytes.
        let e = unsafe { with(p, |t| Ok(t.0)) }.unwrap_err();
        assert_eq!(e.status, LetuiStatus::InvalidHandle);
        assert!(e.message.contains("not a letui handle"), "{}", e.message);
    }

    #[test]
    fn panics_poison_the_handle() {
        let h = into_raw(Thing(1));
        // SAFETY: h comes from into_raw.
        unsafe {
            let r = catch_unwind(AssertUnwindSafe(|| {
                with(h, |_| -> FfiResult<()> { panic!("x") })
            }));
            assert!(r.is_err());
            let e = with(h, |t| Ok(t.0)).unwrap_err();
            assert_eq!(e.status, LetuiStatus::Poisoned);
            free(h).unwrap();
        }
    }
}
