//! Where frames go: a file descriptor, or a buffer the caller drains.

use std::os::fd::BorrowedFd;
use std::time::Duration;

use rustix::event::{PollFd, PollFlags, Timespec, poll};
use rustix::io::Errno;

use crate::error::{FfiError, FfiResult, LetuiStatus};

/// How long a write waits for a full terminal to take more bytes before it
/// reports an error.
const WRITE_TIMEOUT: Duration = Duration::from_secs(5);

/// The destination of rendered frames.
pub enum Output {
    /// Written to this descriptor, which the caller keeps open.
    Fd(i32),
    /// Appended here for the caller to drain.
    Buffer(Vec<u8>),
}

impl Output {
    /// An output to `fd`, or a buffer when `fd` is negative.
    pub fn new(fd: i32) -> FfiResult<Output> {
        if fd < 0 {
            return Ok(Output::Buffer(Vec::new()));
        }
        // SAFETY: borrowed only for this check; an fd that is not open makes
        // fcntl fail with EBADF, which is reported.
        let borrowed = unsafe { BorrowedFd::borrow_raw(fd) };
        rustix::fs::fcntl_getfl(borrowed)
            .map_err(|e| FfiError::arg(format!("file descriptor {fd} is not open: {e}")))?;
        Ok(Output::Fd(fd))
    }

    /// Sends one frame: one `write` normally, more only if the descriptor
    /// takes it in parts; waits (bounded) when it is non-blocking and full.
    pub fn send(&mut self, bytes: &[u8]) -> FfiResult<()> {
        match self {
            Output::Buffer(pending) => {
                pending.extend_from_slice(bytes);
                Ok(())
            }
            Output::Fd(fd) => write_all(*fd, bytes),
        }
    }
}

/// Fails unless `fd` is an open descriptor.
pub fn check_open(fd: i32) -> FfiResult<()> {
    if fd < 0 {
        return Err(FfiError::arg(format!("file descriptor {fd} is negative")));
    }
    // SAFETY: borrowed only for this check; an fd that is not open makes
    // fcntl fail with EBADF, which is reported.
    let borrowed = unsafe { BorrowedFd::borrow_raw(fd) };
    rustix::fs::fcntl_getfl(borrowed)
        .map_err(|e| FfiError::arg(format!("file descriptor {fd} is not open: {e}")))?;
    Ok(())
}

/// Borrows a descriptor checked open earlier.
///
/// # Safety
/// `fd` must stay open while the result is used.
pub unsafe fn borrow(fd: i32) -> BorrowedFd<'static> {
    // SAFETY: forwarded contract.
    unsafe { BorrowedFd::borrow_raw(fd) }
}

/// Writes all of `bytes` to `fd` (see [`Output::send`]).
pub fn write_all(fd: i32, mut bytes: &[u8]) -> FfiResult<()> {
    // SAFETY: the descriptor was checked open at creation, and the caller
    // keeps it open for the life of the screen (the documented contract).
    let fd = unsafe { BorrowedFd::borrow_raw(fd) };
    while !bytes.is_empty() {
        match rustix::io::write(fd, bytes) {
            Ok(n) => bytes = &bytes[n..],
            Err(Errno::INTR) => {}
            Err(Errno::AGAIN) => {
                let mut fds = [PollFd::new(&fd, PollFlags::OUT)];
                let timeout = Timespec {
                    tv_sec: WRITE_TIMEOUT.as_secs() as i64,
                    tv_nsec: 0,
                };
                match poll(&mut fds, Some(&timeout)) {
                    Ok(0) => {
                        return Err(FfiError::new(
                            LetuiStatus::Io,
                            "terminal output stalled: nothing could be written for 5 s",
                        ));
                    }
                    Ok(_) | Err(Errno::INTR) => {}
                    Err(e) => return Err(FfiError::new(LetuiStatus::Io, format!("poll: {e}"))),
                }
            }
            Err(e) => {
                return Err(FfiError::new(
                    LetuiStatus::Io,
                    format!("write to terminal: {e}"),
                ));
            }
        }
    }
    Ok(())
}
