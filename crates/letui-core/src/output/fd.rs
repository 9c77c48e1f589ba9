//! A descriptor of our own on the output, and a sink that writes to it
//! with a bounded wait.
//!
//! The terminal's descriptor (usually 1) is shared with the runtime and
//! with child processes, and whether it blocks is their business. Frames
//! are written to a second open file description of the same terminal,
//! opened non-blocking, so that a write never stops the caller and a
//! stalled terminal is noticed (`EAGAIN`) instead of waited for.

use std::io;
use std::os::fd::{AsFd, BorrowedFd, OwnedFd};
use std::time::{Duration, Instant};

use rustix::event::{PollFd, PollFlags, Timespec, poll};
use rustix::fs::{FileType, Mode, OFlags, fcntl_getfl, fstat, open};
use rustix::io::Errno;

use super::sink::Sink;

/// Opens a descriptor of our own for writing to what `fd` writes to,
/// non-blocking when possible: the same terminal or pipe opened again
/// (Linux's `/proc/self/fd`), or, for regular files (whose offset must be
/// shared) and where reopening fails, a duplicate of `fd`.
///
/// # Errors
/// `fd` is not open.
pub fn open_output(fd: BorrowedFd<'_>) -> io::Result<OwnedFd> {
    let st = fstat(fd)?;
    if FileType::from_raw_mode(st.st_mode) != FileType::RegularFile {
        let path = format!("/proc/self/fd/{}", std::os::fd::AsRawFd::as_raw_fd(&fd));
        let flags = OFlags::WRONLY | OFlags::NONBLOCK | OFlags::CLOEXEC | OFlags::NOCTTY;
        if let Ok(own) = open(path.as_str(), flags, Mode::empty()) {
            return Ok(own);
        }
    }
    Ok(rustix::io::fcntl_dupfd_cloexec(fd, 3)?)
}

/// True when writes to `fd` never block.
pub fn is_nonblocking(fd: impl AsFd) -> bool {
    fcntl_getfl(fd).is_ok_and(|f| f.contains(OFlags::NONBLOCK))
}

/// What [`write_some`] managed.
pub enum Progress {
    /// Wrote this many bytes (at least one).
    Wrote(usize),
    /// The descriptor is full: nothing was written.
    Full,
}

/// One `write`, retried on `EINTR`.
///
/// # Errors
/// The write's error other than `EAGAIN` and `EINTR`.
pub fn write_some(fd: impl AsFd, bytes: &[u8]) -> io::Result<Progress> {
    loop {
        match rustix::io::write(fd.as_fd(), bytes) {
            Ok(0) => {
                return Err(io::Error::new(
                    io::ErrorKind::WriteZero,
                    "the output took no bytes",
                ));
            }
            Ok(n) => return Ok(Progress::Wrote(n)),
            Err(Errno::INTR) => {}
            Err(Errno::AGAIN) => return Ok(Progress::Full),
            Err(e) => return Err(e.into()),
        }
    }
}

/// Waits until `fd` can take bytes, at most `timeout`; returns false on
/// timeout.
///
/// # Errors
/// The poll's error.
pub fn wait_writable(fd: impl AsFd, timeout: Duration) -> io::Result<bool> {
    let fd = fd.as_fd();
    let mut fds = [PollFd::new(&fd, PollFlags::OUT)];
    let ts = Timespec {
        tv_sec: timeout.as_secs() as i64,
        tv_nsec: i64::from(timeout.subsec_nanos()),
    };
    match poll(&mut fds, Some(&ts)) {
        Ok(0) => Ok(false),
        Ok(_) => Ok(true),
        Err(Errno::INTR) => Ok(true),
        Err(e) => Err(e.into()),
    }
}

/// Writes all of `bytes`, waiting while the descriptor is full, for at
/// most `timeout` in all.
///
/// # Errors
/// A failed write, or [`io::ErrorKind::TimedOut`] when the output took
/// nothing for `timeout`.
pub fn write_all_within(fd: impl AsFd, mut bytes: &[u8], timeout: Duration) -> io::Result<()> {
    let fd = fd.as_fd();
    let deadline = Instant::now() + timeout;
    while !bytes.is_empty() {
        match write_some(fd, bytes)? {
            Progress::Wrote(n) => bytes = &bytes[n..],
            Progress::Full => {
                let left = deadline.saturating_duration_since(Instant::now());
                if left.is_zero() || !wait_writable(fd, left)? {
                    return Err(io::Error::new(
                        io::ErrorKind::TimedOut,
                        format!(
                            "the terminal took no output for {} s",
                            timeout.as_secs_f32()
                        ),
                    ));
                }
            }
        }
    }
    Ok(())
}

/// A sink that writes each send completely before returning, waiting at
/// most [`FdSink::timeout`] for a full terminal. For control sequences and
/// exit paths, where order matters and the caller can afford a bounded
/// wait; frames go through a [`super::Writer`].
#[derive(Debug)]
pub struct FdSink {
    fd: OwnedFd,
    /// The longest wait for one send.
    pub timeout: Duration,
}

impl FdSink {
    /// A sink on a descriptor of our own (see [`open_output`]).
    ///
    /// # Errors
    /// `fd` is not open.
    pub fn new(fd: BorrowedFd<'_>, timeout: Duration) -> io::Result<FdSink> {
        Ok(FdSink {
            fd: open_output(fd)?,
            timeout,
        })
    }
}

impl Sink for FdSink {
    fn send(&mut self, bytes: &[u8]) -> io::Result<()> {
        write_all_within(&self.fd, bytes, self.timeout)
    }
}

impl AsFd for FdSink {
    fn as_fd(&self) -> BorrowedFd<'_> {
        self.fd.as_fd()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn a_pipe_is_reopened_non_blocking_and_a_full_one_times_out() {
        let (r, w) = rustix::pipe::pipe().unwrap();
        let mut sink = FdSink::new(w.as_fd(), Duration::from_millis(50)).unwrap();
        assert!(is_nonblocking(&sink));
        assert!(
            !is_nonblocking(&w),
            "the original description is left as it was"
        );
        sink.send(b"hello").unwrap();
        let mut buf = [0u8; 5];
        std::fs::File::from(r.try_clone().unwrap())
            .read_exact(&mut buf)
            .unwrap();
        assert_eq!(&buf, b"hello");
        let big = vec![b'x'; 1 << 20];
        let e = sink.send(&big).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::TimedOut);
        drop(r);
    }

    #[test]
    fn a_closed_reader_is_an_error() {
        let (r, w) = rustix::pipe::pipe().unwrap();
        drop(r);
        let mut sink = FdSink::new(w.as_fd(), Duration::from_millis(50)).unwrap();
        let e = sink.send(b"x").unwrap_err();
        assert_eq!(e.raw_os_error(), Some(Errno::PIPE.raw_os_error()));
    }

    #[test]
    fn a_regular_file_shares_its_offset() {
        let dir = std::env::temp_dir().join(format!("letui-fd-{}", std::process::id()));
        let f = std::fs::File::create(&dir).unwrap();
        use std::io::Write;
        (&f).write_all(b"ab").unwrap();
        let mut sink = FdSink::new(f.as_fd(), Duration::from_millis(50)).unwrap();
        sink.send(b"cd").unwrap();
        assert_eq!(std::fs::read(&dir).unwrap(), b"abcd");
        std::fs::remove_file(&dir).unwrap();
    }
}
