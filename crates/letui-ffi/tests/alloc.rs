//! No heap allocation per frame in steady state, checked with a counting
//! global allocator around the real C ABI path: text drawn through the
//! scratch buffer, cells changed, frames rendered and written to a file
//! descriptor.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use letui::screen::*;

struct Counting;

thread_local! {
    // Per thread, so that tests running in parallel do not count each
    // other's allocations. A const initializer never allocates.
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

fn bump() {
    let _ = ALLOCATIONS.try_with(|c| c.set(c.get() + 1));
}

// SAFETY: delegates to the system allocator; only counts calls.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        bump();
        // SAFETY: same contract as the caller's.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: same contract as the caller's.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        bump();
        // SAFETY: same contract as the caller's.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

struct Fixture {
    h: *mut LetuiScreen,
    view: LetuiScreenView,
    _devnull: std::fs::File,
}

impl Fixture {
    fn new(w: u32, h: u32) -> Fixture {
        use std::os::fd::AsRawFd;
        let devnull = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/null")
            .unwrap();
        let mut handle = std::ptr::null_mut();
        // SAFETY: valid out pointer; the fd stays open in the fixture.
        assert_eq!(
            unsafe { letui_screen_new(w, h, devnull.as_raw_fd(), 0, &mut handle) },
            0
        );
        let mut view = LetuiScreenView {
            cells: std::ptr::null_mut(),
            cells_len: 0,
            scratch: std::ptr::null_mut(),
            scratch_len: 0,
            info: std::ptr::null_mut(),
            info_len: 0,
        };
        // SAFETY: live handle, valid out pointer.
        assert_eq!(unsafe { letui_screen_view(handle, &mut view) }, 0);
        Fixture {
            h: handle,
            view,
            _devnull: devnull,
        }
    }

    fn text(&self, x: i32, y: i32, s: &str, fg: u32) {
        assert!(s.len() <= self.view.scratch_len);
        // SAFETY: the scratch buffer has scratch_len bytes and the view is
        // current (no resize or growth happens in this test).
        unsafe {
            std::ptr::copy_nonoverlapping(s.as_ptr(), self.view.scratch, s.len());
            assert_eq!(
                letui_screen_draw_text(self.h, x, y, s.len() as u32, fg, 0, 0),
                0
            );
        }
    }

    fn set_glyph(&self, i: usize, glyph: u32) {
        assert!(i * 4 < self.view.cells_len);
        // SAFETY: index checked against the mapped cell words.
        unsafe { self.view.cells.add(i * 4).write(glyph) };
    }

    fn render(&self) {
        // SAFETY: live handle.
        assert_eq!(unsafe { letui_screen_render(self.h) }, 0);
    }
}

impl Drop for Fixture {
    fn drop(&mut self) {
        // SAFETY: live handle, freed once.
        unsafe { letui_screen_free(self.h) };
    }
}

fn count(f: impl FnOnce()) -> usize {
    let before = ALLOCATIONS.with(Cell::get);
    f();
    ALLOCATIONS.with(Cell::get) - before
}

#[test]
fn steady_state_frames_do_not_allocate() {
    let fx = Fixture::new(200, 60);
    let frame = |n: u32| {
        // A full repaint in truecolor, scattered changes, and a scroll.
        for y in 0..60 {
            let fg = 0x0200_0000 | (n.wrapping_mul(7919) + y as u32 * 104_729) & 0xff_ffff;
            fx.text(
                0,
                y,
                "the quick brown fox jumps over the lazy dog 0123456789",
                fg,
            );
        }
        for k in 0..360usize {
            fx.set_glyph(
                (k * 7919 + n as usize * 31) % 12_000,
                b'a' as u32 + (n % 26),
            );
        }
        fx.render();
        fx.render();
    };
    // Warm up: buffers reach their working sizes.
    for n in 0..20 {
        frame(n);
    }
    let allocations = count(|| {
        for n in 20..220 {
            frame(n);
        }
    });
    assert_eq!(
        allocations, 0,
        "steady-state frames allocated {allocations} times"
    );
}

#[test]
fn pooled_graphemes_and_links_reach_a_steady_state() {
    let fx = Fixture::new(80, 24);
    let url = "https://example.com/a";
    // SAFETY: scratch has room; live handle.
    let link = unsafe {
        std::ptr::copy_nonoverlapping(url.as_ptr(), fx.view.scratch, url.len());
        letui_screen_link(fx.h, url.len() as u32)
    };
    assert!(link > 0);
    let frame = |n: u32| {
        fx.text(
            (n % 10) as i32,
            3,
            "👨\u{200d}👩\u{200d}👧 e\u{301} 中文",
            0,
        );
        fx.text(0, 5, "link", 0);
        fx.render();
    };
    for n in 0..20 {
        frame(n);
    }
    assert_eq!(count(|| (20..120).for_each(frame)), 0);
}

#[test]
fn decoding_input_does_not_allocate_in_steady_state() {
    use letui::input::*;
    let mut h = std::ptr::null_mut();
    // SAFETY: valid out pointer.
    assert_eq!(unsafe { letui_input_new(0, &mut h) }, 0);
    let chunk: &[u8] = b"hello \xe4\xb8\xad\xe6\x96\x87 \x1b[1;5A\x1b[<0;10;5M\x1b[<0;10;5m\x1b[97;5u\x1b[200~pasted\r\ntext\x1b[201~\x1b[I";
    let feed = || {
        // SAFETY: live handle; the chunk is readable.
        let n = unsafe { letui_input_feed(h, chunk.as_ptr(), chunk.len()) };
        assert!(n > 5, "{n} events");
    };
    for _ in 0..20 {
        feed();
    }
    assert_eq!(count(|| (0..500).for_each(|_| feed())), 0);
    // SAFETY: live handle, freed once.
    unsafe { letui_input_free(h) };
}
