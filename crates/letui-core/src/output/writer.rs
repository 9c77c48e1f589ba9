//! [`Writer`]: a sink on a descriptor that never blocks its caller.
//!
//! A send first writes on the caller's thread (the descriptor is our own
//! and non-blocking), waiting at most [`DIRECT_WAIT`] in all for the
//! terminal to take more: a frame a reading terminal takes within that
//! costs no thread hand-off (a pty takes a few KiB at a time, so frames
//! of more than that used to wait for the thread's wake-up). What the
//! terminal does not take by then is kept and written by the writer's
//! thread, which waits for the terminal as long as it has to. Until that is done the writer is not
//! [`ready`](SinkState::ready), and the caller holds later frames back.
//!
//! When the queue empties, a notifier (if armed) is called on the
//! writer's thread, outside every lock; the same happens when the output
//! fails. The caller never waits for the thread except in
//! [`Writer::flush`], with a timeout, and the thread is never joined: a
//! writer dropped while its terminal is stalled leaves the thread to
//! finish (or give up after [`CLOSE_GRACE`]) on its own.

use std::io;
use std::os::fd::{AsFd, OwnedFd};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use super::fd::{Progress, is_nonblocking, wait_writable, write_some};
use super::sink::{Sink, SinkState};

/// How long a dropped writer's thread keeps trying to deliver what it
/// still has.
pub const CLOSE_GRACE: Duration = Duration::from_secs(2);

/// The longest a send waits on the caller's thread for the terminal to
/// take more, in all: short against a frame at 60 Hz and against a 5 ms
/// timer budget, long against a terminal that is reading.
pub const DIRECT_WAIT: Duration = Duration::from_millis(2);

/// How often the thread, waiting for a stalled terminal, looks whether it
/// was closed.
const POLL_SLICE: Duration = Duration::from_millis(200);

/// Called on the writer's thread when the queue emptied or the output
/// failed, if armed. It may be called after the writer was dropped (for a
/// notification that was already on its way), and it is called with no
/// lock held, so it may block.
pub type Notifier = Arc<dyn Fn() + Send + Sync>;

struct State {
    /// Bytes waiting for the thread.
    queue: Vec<u8>,
    /// True while the thread writes a batch taken from the queue.
    writing: bool,
    /// Bytes of that batch not yet written.
    in_flight: usize,
    /// The first failure; everything after it is dropped.
    error: Option<io::ErrorKind>,
    error_text: Option<String>,
    /// Call the notifier once the queue empties (or on failure).
    armed: bool,
    closed: bool,
}

impl State {
    fn idle(&self) -> bool {
        self.queue.is_empty() && !self.writing
    }
}

struct Shared {
    fd: OwnedFd,
    state: Mutex<State>,
    /// Wakes the thread: new bytes, or closed.
    work: Condvar,
    /// Wakes [`Writer::flush`]: the queue emptied.
    drained: Condvar,
    notifier: Mutex<Option<Notifier>>,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, State> {
        // A panic while holding the lock leaves plain data behind: go on.
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn notify(&self) {
        let n = self
            .notifier
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone();
        if let Some(f) = n {
            f();
        }
    }
}

/// A sink on a descriptor of our own that never blocks (see the module
/// documentation).
pub struct Writer {
    shared: Arc<Shared>,
    direct: bool,
}

impl Writer {
    /// A writer on `fd` (a descriptor of our own, see
    /// [`super::open_output`]), with its thread started.
    ///
    /// # Errors
    /// The thread could not be started.
    pub fn new(fd: OwnedFd) -> io::Result<Writer> {
        // Direct writes need a descriptor that cannot stall the caller:
        // non-blocking, or a regular file (which never waits for a reader).
        let direct = is_nonblocking(&fd)
            || rustix::fs::fstat(&fd).is_ok_and(|st| {
                rustix::fs::FileType::from_raw_mode(st.st_mode) == rustix::fs::FileType::RegularFile
            });
        let shared = Arc::new(Shared {
            fd,
            state: Mutex::new(State {
                queue: Vec::new(),
                writing: false,
                in_flight: 0,
                error: None,
                error_text: None,
                armed: false,
                closed: false,
            }),
            work: Condvar::new(),
            drained: Condvar::new(),
            notifier: Mutex::new(None),
        });
        let thread = Arc::clone(&shared);
        std::thread::Builder::new()
            .name("letui-writer".into())
            .spawn(move || run(&thread))?;
        Ok(Writer { shared, direct })
    }

    /// Sets (or removes) the function called when the queue empties or the
    /// output fails, while armed (see [`Writer::arm`]).
    pub fn set_notifier(&self, notifier: Option<Notifier>) {
        *self
            .shared
            .notifier
            .lock()
            .unwrap_or_else(|p| p.into_inner()) = notifier;
    }

    /// Asks for the notifier once everything handed over is written (or
    /// the output failed). Returns false, without arming, when that is
    /// already the case: no call will come.
    pub fn arm(&self) -> bool {
        let mut s = self.shared.lock();
        if s.idle() || s.error.is_some() {
            return false;
        }
        s.armed = true;
        true
    }

    /// The first failure of the output, if it failed.
    pub fn error(&self) -> Option<io::Error> {
        let s = self.shared.lock();
        s.error
            .map(|k| io::Error::new(k, s.error_text.clone().unwrap_or_default()))
    }

    /// Waits until everything handed over is written, at most `timeout`;
    /// returns true when it is.
    pub fn flush(&self, timeout: Duration) -> bool {
        let deadline = Instant::now() + timeout;
        let mut s = self.shared.lock();
        while !s.idle() && s.error.is_none() {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return false;
            }
            s = self
                .shared
                .drained
                .wait_timeout(s, left)
                .unwrap_or_else(|p| p.into_inner())
                .0;
        }
        s.error.is_none()
    }
}

impl Sink for Writer {
    fn send(&mut self, bytes: &[u8]) -> io::Result<()> {
        if bytes.is_empty() {
            return Ok(());
        }
        let mut s = self.shared.lock();
        if let Some(kind) = s.error {
            return Err(io::Error::new(
                kind,
                s.error_text.clone().unwrap_or_default(),
            ));
        }
        let mut rest = bytes;
        if self.direct && s.idle() {
            // Nothing queued: what the terminal takes within DIRECT_WAIT
            // costs no hand-off.
            let deadline = Instant::now() + DIRECT_WAIT;
            loop {
                match write_some(&self.shared.fd, rest) {
                    Ok(Progress::Wrote(n)) => {
                        rest = &rest[n..];
                        if rest.is_empty() {
                            return Ok(());
                        }
                    }
                    Ok(Progress::Full) => {
                        let left = deadline.saturating_duration_since(Instant::now());
                        match wait_writable(&self.shared.fd, left) {
                            Ok(true) if !left.is_zero() => {}
                            Ok(_) => break,
                            Err(e) => {
                                fail(&mut s, &e);
                                return Err(e);
                            }
                        }
                    }
                    Err(e) => {
                        fail(&mut s, &e);
                        return Err(e);
                    }
                }
            }
        }
        s.queue.extend_from_slice(rest);
        drop(s);
        self.shared.work.notify_one();
        Ok(())
    }

    fn state(&self) -> SinkState {
        let s = self.shared.lock();
        SinkState {
            unsent: s.queue.len() + s.in_flight,
            ready: s.idle(),
        }
    }
}

impl Drop for Writer {
    fn drop(&mut self) {
        self.shared.lock().closed = true;
        self.shared.work.notify_one();
    }
}

fn fail(s: &mut State, e: &io::Error) {
    if s.error.is_none() {
        s.error = Some(e.kind());
        s.error_text = Some(e.to_string());
    }
    s.queue.clear();
}

/// The thread: takes what is queued and writes it, waiting for the
/// terminal as long as needed (or [`CLOSE_GRACE`] once closed).
fn run(shared: &Shared) {
    let mut batch: Vec<u8> = Vec::new();
    let mut closed_at: Option<Instant> = None;
    loop {
        let mut s = shared.lock();
        while s.queue.is_empty() && !s.closed {
            s = shared.work.wait(s).unwrap_or_else(|p| p.into_inner());
        }
        if s.queue.is_empty() {
            // Closed with nothing left.
            return;
        }
        if s.closed {
            closed_at.get_or_insert_with(Instant::now);
        }
        std::mem::swap(&mut batch, &mut s.queue);
        s.writing = true;
        s.in_flight = batch.len();
        drop(s);

        let mut written = 0;
        let mut failure: Option<io::Error> = None;
        while written < batch.len() {
            match write_some(&shared.fd, &batch[written..]) {
                Ok(Progress::Wrote(n)) => {
                    written += n;
                    shared.lock().in_flight = batch.len() - written;
                }
                Ok(Progress::Full) => {
                    if let Err(e) = wait_writable(&shared.fd, POLL_SLICE) {
                        failure = Some(e);
                        break;
                    }
                    let closed = shared.lock().closed;
                    if closed && closed_at.get_or_insert_with(Instant::now).elapsed() > CLOSE_GRACE
                    {
                        return;
                    }
                }
                Err(e) => {
                    failure = Some(e);
                    break;
                }
            }
        }
        batch.clear();

        let mut s = shared.lock();
        s.writing = false;
        s.in_flight = 0;
        if let Some(e) = &failure {
            fail(&mut s, e);
        }
        let call = s.armed && (failure.is_some() || s.idle());
        if call {
            s.armed = false;
        }
        let closed = s.closed;
        drop(s);
        shared.drained.notify_all();
        if call {
            shared.notify();
        }
        if failure.is_some() && closed {
            return;
        }
    }
}

impl AsFd for Writer {
    fn as_fd(&self) -> std::os::fd::BorrowedFd<'_> {
        self.shared.fd.as_fd()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::open_output;
    use std::io::Read;
    use std::sync::atomic::{AtomicUsize, Ordering};

    fn pipe_writer() -> (std::fs::File, Writer) {
        let (r, w) = rustix::pipe::pipe().unwrap();
        let own = open_output(w.as_fd()).unwrap();
        drop(w);
        (std::fs::File::from(r), Writer::new(own).unwrap())
    }

    #[test]
    fn small_sends_are_written_at_once() {
        let (mut r, mut w) = pipe_writer();
        w.send(b"frame").unwrap();
        assert!(w.state().ready);
        let mut buf = [0u8; 5];
        r.read_exact(&mut buf).unwrap();
        assert_eq!(&buf, b"frame");
    }

    #[test]
    fn a_stalled_reader_never_blocks_the_sender_and_the_rest_follows() {
        let (mut r, mut w) = pipe_writer();
        let calls = Arc::new(AtomicUsize::new(0));
        let c = Arc::clone(&calls);
        w.set_notifier(Some(Arc::new(move || {
            c.fetch_add(1, Ordering::SeqCst);
        })));
        // Far more than a pipe holds (64 KiB): the send returns at once.
        let big: Vec<u8> = (0..1_000_000u32).map(|i| (i % 251) as u8).collect();
        let t = Instant::now();
        w.send(&big).unwrap();
        assert!(t.elapsed() < Duration::from_millis(500));
        let st = w.state();
        assert!(!st.ready);
        assert!(st.unsent > 0);
        assert!(w.arm());
        let mut got = vec![0u8; big.len()];
        r.read_exact(&mut got).unwrap();
        assert_eq!(got, big);
        assert!(w.flush(Duration::from_secs(5)));
        assert!(w.state().ready);
        let end = Instant::now() + Duration::from_secs(5);
        while calls.load(Ordering::SeqCst) == 0 && Instant::now() < end {
            std::thread::sleep(Duration::from_millis(5));
        }
        assert_eq!(calls.load(Ordering::SeqCst), 1);
        assert!(!w.arm(), "nothing is pending: no notification to wait for");
    }

    #[test]
    fn a_closed_reader_fails_once_and_drops_later_frames() {
        let (r, mut w) = pipe_writer();
        drop(r);
        let e = w.send(b"x").unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::BrokenPipe);
        assert!(w.send(b"y").is_err());
        assert!(w.error().is_some());
    }

    #[test]
    fn flush_times_out_on_a_stalled_reader() {
        let (r, mut w) = pipe_writer();
        w.send(&vec![0u8; 1 << 20]).unwrap();
        assert!(!w.flush(Duration::from_millis(50)));
        drop(w);
        drop(r);
    }
}
