//! Descriptors handed over by the caller.

use std::os::fd::BorrowedFd;

use crate::error::{FfiError, FfiResult};

/// Borrows `fd` for the length of a call, failing unless it is open.
///
/// The C ABI takes descriptors as integers that the caller keeps open
/// while a call runs; objects that live longer duplicate them.
pub fn borrow_open(fd: i32) -> FfiResult<BorrowedFd<'static>> {
    if fd < 0 {
        return Err(FfiError::arg(format!("file descriptor {fd} is negative")));
    }
    // SAFETY: only used while the caller's call runs, and the descriptor
    // is checked open right here (EBADF otherwise); objects that keep it
    // make their own duplicate before the call returns.
    let borrowed = unsafe { BorrowedFd::borrow_raw(fd) };
    rustix::fs::fcntl_getfl(borrowed)
        .map_err(|e| FfiError::arg(format!("file descriptor {fd} is not open: {e}")))?;
    Ok(borrowed)
}
