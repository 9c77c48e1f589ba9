//! Giving the terminal back when the process dies of a signal that no
//! JavaScript handler can see: a crash in native code (SIGSEGV, SIGBUS,
//! SIGILL, SIGFPE) or `abort()` (SIGABRT, which `process.abort()` raises).
//!
//! While a session is entered, its [restore plan](RestorePlan) (the leave
//! sequence and the saved terminal settings) is published here. The
//! handler writes the sequence and restores the settings with system
//! calls alone (rustix's raw syscalls: async-signal-safe), then hands the
//! signal to whatever handler was installed before (a runtime's crash
//! reporter), or re-raises it with the default action, so that the
//! process still dies of it (exit status and core dump as before).
//!
//! A signal handler can only reach global state, so this module keeps
//! some: the published plan, and the handlers it replaced. Plans are never
//! freed (a handler on another thread may be reading one); they are small
//! and published a few times per session.
//!
//! A signal that the previous handler survives (a WebAssembly bounds trap
//! handled by V8; a SIGBUS sent to Deno with kill) still gives the
//! terminal back first: the program then runs on with the terminal
//! restored. That trade is made for the much more common real crash,
//! whose report (Bun prints one) must be readable.

use std::os::fd::BorrowedFd;
use std::ptr;
use std::sync::Once;
use std::sync::atomic::{AtomicPtr, Ordering};

use letui_core::terminal::RestorePlan;
use rustix::termios::{OptionalActions, tcsetattr};

/// The signals handled: faults and abort.
const SIGNALS: [libc::c_int; 5] = [
    libc::SIGSEGV,
    libc::SIGBUS,
    libc::SIGILL,
    libc::SIGFPE,
    libc::SIGABRT,
];

struct Published {
    input: i32,
    output: i32,
    plan: RestorePlan,
}

static PLAN: AtomicPtr<Published> = AtomicPtr::new(ptr::null_mut());

/// The actions replaced, by signal number (up to 64).
static PREVIOUS: [AtomicPtr<libc::sigaction>; 65] = [const { AtomicPtr::new(ptr::null_mut()) }; 65];

static INSTALL: Once = Once::new();

/// Publishes how to leave the session on `input`/`output` (`None`: there
/// is nothing to restore any more).
pub fn publish(input: i32, output: i32, plan: Option<RestorePlan>) {
    let new = plan.map_or(ptr::null_mut(), |plan| {
        Box::into_raw(Box::new(Published {
            input,
            output,
            plan,
        }))
    });
    // The old plan is leaked on purpose: a handler may still read it.
    PLAN.swap(new, Ordering::AcqRel);
}

/// Installs the handlers (once per process; later calls do nothing).
pub fn install() {
    INSTALL.call_once(|| {
        alternate_stack();
        for sig in SIGNALS {
            // SAFETY: sigaction with a zeroed struct filled with a valid
            // handler and flags; the previous action is kept (leaked) for
            // chaining.
            unsafe {
                let mut act: libc::sigaction = std::mem::zeroed();
                act.sa_sigaction = on_signal as *const () as usize;
                act.sa_flags = libc::SA_SIGINFO | libc::SA_ONSTACK;
                libc::sigemptyset(&mut act.sa_mask);
                let old: *mut libc::sigaction = Box::into_raw(Box::new(std::mem::zeroed()));
                if libc::sigaction(sig, &act, old) == 0 {
                    PREVIOUS[sig as usize].store(old, Ordering::Release);
                }
            }
        }
    });
}

/// Leaves the published session, if any: once (the plan is taken).
fn restore() {
    let p = PLAN.swap(ptr::null_mut(), Ordering::AcqRel);
    if p.is_null() {
        return;
    }
    // SAFETY: published plans are never freed.
    let p = unsafe { &*p };
    // SAFETY: the descriptors belong to the entered session, which the
    // caller keeps open while it is entered; at worst a call fails.
    let (input, output) = unsafe {
        (
            BorrowedFd::borrow_raw(p.input),
            BorrowedFd::borrow_raw(p.output),
        )
    };
    let mut rest: &[u8] = &p.plan.leave;
    let mut tries = 0;
    while !rest.is_empty() && tries < 64 {
        tries += 1;
        match rustix::io::write(output, rest) {
            Ok(n) => rest = &rest[n..],
            Err(rustix::io::Errno::INTR | rustix::io::Errno::AGAIN) => {}
            Err(_) => break,
        }
    }
    let _ = tcsetattr(input, OptionalActions::Now, &p.plan.termios);
}

/// The handler installed before ours, if it is a function.
fn previous(sig: libc::c_int) -> Option<&'static libc::sigaction> {
    let p = PREVIOUS.get(sig as usize)?.load(Ordering::Acquire);
    // SAFETY: a stored action is never freed.
    let a = unsafe { p.as_ref()? };
    (a.sa_sigaction != libc::SIG_DFL && a.sa_sigaction != libc::SIG_IGN).then_some(a)
}

/// Calls `a`'s handler as the kernel would.
///
/// # Safety
/// `a` is an action sigaction returned for `sig`; `info` and `ctx` are the
/// handler's arguments.
unsafe fn call(
    a: &libc::sigaction,
    sig: libc::c_int,
    info: *mut libc::siginfo_t,
    ctx: *mut libc::c_void,
) {
    // SAFETY: the handler was installed for this signal with these flags.
    unsafe {
        if a.sa_flags & libc::SA_SIGINFO != 0 {
            let f: extern "C" fn(libc::c_int, *mut libc::siginfo_t, *mut libc::c_void) =
                std::mem::transmute(a.sa_sigaction);
            f(sig, info, ctx);
        } else {
            let f: extern "C" fn(libc::c_int) = std::mem::transmute(a.sa_sigaction);
            f(sig);
        }
    }
}

/// True when `sig`'s action is the default now.
fn is_default(sig: libc::c_int) -> bool {
    // SAFETY: a query of the current action into a zeroed struct.
    unsafe {
        let mut now: libc::sigaction = std::mem::zeroed();
        libc::sigaction(sig, ptr::null(), &mut now) == 0 && now.sa_sigaction == libc::SIG_DFL
    }
}

/// Sets `sig` to its default action and raises it: delivered once the
/// handler returns (a fault simply happens again), so the process dies of
/// it as it would have without us.
fn die_of(sig: libc::c_int) {
    // SAFETY: sigaction with a zeroed struct set to the default action,
    // and raise: both async-signal-safe.
    unsafe {
        let mut dfl: libc::sigaction = std::mem::zeroed();
        dfl.sa_sigaction = libc::SIG_DFL;
        libc::sigemptyset(&mut dfl.sa_mask);
        libc::sigaction(sig, &dfl, ptr::null_mut());
        libc::raise(sig);
    }
}

extern "C" fn on_signal(sig: libc::c_int, info: *mut libc::siginfo_t, ctx: *mut libc::c_void) {
    // The process is going down (or should be): give the terminal back
    // first, then let the previous handler (a runtime's crash report, now
    // readable on the main screen) or the default action finish it.
    restore();
    match previous(sig) {
        Some(a) => {
            // SAFETY: as the kernel would call it.
            unsafe { call(a, sig, info, ctx) };
            // A handler that gives up resets the default and returns: a
            // fault then happens again and kills, but a signal sent with
            // kill() would be lost. Raise it again.
            if is_default(sig) {
                die_of(sig);
            }
        }
        None => die_of(sig),
    }
}

/// Crashes the process with an invalid memory access, to test that the
/// terminal comes back.
pub fn crash() -> ! {
    // SAFETY: deliberately not: a read of an address that is never mapped
    // (the first page), which raises SIGSEGV.
    let v = unsafe { ptr::without_provenance::<u8>(16).read_volatile() };
    unreachable!("the read above faults (read {v})")
}

/// Gives the calling thread an alternate signal stack when it has none,
/// so that the handler also runs after a stack overflow.
fn alternate_stack() {
    const SIZE: usize = 64 * 1024;
    // SAFETY: sigaltstack reads and writes the structs given; the stack
    // memory is leaked, so it outlives the thread.
    unsafe {
        let mut old: libc::stack_t = std::mem::zeroed();
        if libc::sigaltstack(ptr::null(), &mut old) != 0 || old.ss_flags & libc::SS_DISABLE == 0 {
            return;
        }
        let mem = Box::leak(vec![0u8; SIZE].into_boxed_slice());
        let st = libc::stack_t {
            ss_sp: mem.as_mut_ptr().cast(),
            ss_flags: 0,
            ss_size: SIZE,
        };
        libc::sigaltstack(&st, ptr::null_mut());
    }
}
