//! The screen object: a back buffer the caller draws into (directly through
//! shared memory, or with text and fill calls), a renderer, and an output.
//!
//! Shared memory: the cells (four `u32` words each), a scratch buffer for
//! text arguments, and an info block of `u32` words. The cells and scratch
//! move when the screen is resized or the scratch grows; the generation
//! word of the info block changes whenever they do. The info block itself
//! never moves while the screen lives.

use letui_core::cell::{Attrs, Color};
use letui_core::output::{Output, Sink, Writer, open_output};
use letui_core::renderer::Capabilities;
use letui_core::surface::Surface;
use letui_core::{ColorMode, Rect, Renderer, Screen, Style};

use crate::abi::{
    LETUI_CAP_HYPERLINKS, LETUI_CAP_SCROLL_REGIONS, LETUI_CAP_STYLED_UNDERLINE,
    LETUI_CAP_SYNCHRONIZED_OUTPUT, LETUI_INFO_END_X, LETUI_INFO_GENERATION, LETUI_INFO_HEIGHT,
    LETUI_INFO_LEN, LETUI_INFO_LINKS_EPOCH, LETUI_INFO_PENDING_BYTES, LETUI_INFO_UNSENT,
    LETUI_INFO_WIDTH,
};
use crate::error::{FfiError, FfiResult, bytes, guard, guard_unit, invalid, utf8};
use crate::handle::{self, Handle, Kind};
use crate::output::borrow_open;

mod frame;
pub use frame::*;

/// Opaque screen handle.
pub struct LetuiScreen {
    _private: [u8; 0],
}

/// Where the shared buffers of a screen are. Pointers stay valid until the
/// generation (info word 0) changes or the screen is freed.
#[repr(C)]
pub struct LetuiScreenView {
    /// Cells, four `u32` words each (glyph, fg, bg, attrs), row-major.
    pub cells: *mut u32,
    /// Number of `u32` words in `cells`.
    pub cells_len: usize,
    /// Scratch buffer for text arguments.
    pub scratch: *mut u8,
    /// Its length in bytes.
    pub scratch_len: usize,
    /// The info block (see the `LETUI_INFO_*` constants).
    pub info: *mut u32,
    /// Number of `u32` words in `info`.
    pub info_len: usize,
}

/// Initial scratch size in bytes.
const SCRATCH_INITIAL: usize = 64 * 1024;
/// Largest scratch size in bytes.
const SCRATCH_MAX: usize = 256 * 1024 * 1024;

/// The object behind a screen handle: a core surface (screen, renderer,
/// output), the scratch buffer for text arguments, and the info block.
pub struct ScreenState {
    surface: Surface<Output>,
    scratch: Vec<u8>,
    info: Box<[u32; LETUI_INFO_LEN as usize]>,
}

/// The function a screen calls, on its writer's thread, when the output
/// drained after a frame had to wait, or failed; `token` is the value
/// given with it. It must not call back into letui on that thread.
pub type LetuiNotify = Option<extern "C" fn(token: u32)>;

impl Kind for ScreenState {
    const MAGIC: u64 = handle::SCREEN;
    const NAME: &'static str = "screen";
}

impl ScreenState {
    fn sync_info(&mut self) {
        let screen = &self.surface.screen;
        self.info[LETUI_INFO_WIDTH as usize] = screen.width() as u32;
        self.info[LETUI_INFO_HEIGHT as usize] = screen.height() as u32;
        self.info[LETUI_INFO_LINKS_EPOCH as usize] = screen.links_epoch();
        let sink = self.surface.sink();
        if let Output::Buffer(b) = sink {
            self.info[LETUI_INFO_PENDING_BYTES as usize] =
                u32::try_from(b.len()).unwrap_or(u32::MAX);
        }
        self.info[LETUI_INFO_UNSENT as usize] =
            u32::try_from(sink.state().unsent).unwrap_or(u32::MAX);
    }

    fn writer(&self) -> Option<&Writer> {
        match self.surface.sink() {
            Output::Writer(w) => Some(w),
            Output::Buffer(_) => None,
        }
    }

    fn bump_generation(&mut self) {
        let g = &mut self.info[LETUI_INFO_GENERATION as usize];
        *g = g.wrapping_add(1);
    }

    fn text(&self, len: u32) -> FfiResult<&str> {
        scratch_text(&self.scratch, len)
    }
}

/// The UTF-8 text in the first `len` bytes of the scratch buffer.
fn scratch_text(scratch: &[u8], len: u32) -> FfiResult<&str> {
    let len = len as usize;
    let Some(b) = scratch.get(..len) else {
        return Err(FfiError::arg(format!(
            "text length {len} is larger than the scratch buffer ({} bytes)",
            scratch.len()
        )));
    };
    utf8(b)
}

fn color_mode(mode: i32) -> FfiResult<ColorMode> {
    match crate::abi::color_mode(mode).map_err(FfiError::arg)? {
        Some(m) => Ok(m),
        None => {
            ColorMode::detect(|k| std::env::var(k).ok()).map_err(|e| FfiError::arg(e.to_string()))
        }
    }
}

fn caps(bits: u32) -> FfiResult<Capabilities> {
    let all = LETUI_CAP_SYNCHRONIZED_OUTPUT
        | LETUI_CAP_STYLED_UNDERLINE
        | LETUI_CAP_HYPERLINKS
        | LETUI_CAP_SCROLL_REGIONS;
    if bits & !all != 0 {
        return Err(FfiError::arg(format!(
            "capability bits {bits:#x} has unknown bits"
        )));
    }
    Ok(Capabilities {
        synchronized_output: bits & LETUI_CAP_SYNCHRONIZED_OUTPUT != 0,
        styled_underline: bits & LETUI_CAP_STYLED_UNDERLINE != 0,
        hyperlinks: bits & LETUI_CAP_HYPERLINKS != 0,
        scroll_regions: bits & LETUI_CAP_SCROLL_REGIONS != 0,
    })
}

fn style(fg: u32, bg: u32, attrs: u32) -> Style {
    Style::new(Color(fg), Color(bg), Attrs(attrs))
}

/// Clamps a signed rectangle to unsigned cell coordinates.
fn clip_rect(x: i32, y: i32, w: u32, h: u32) -> Rect {
    let x0 = (x as i64).clamp(0, u16::MAX as i64);
    let y0 = (y as i64).clamp(0, u16::MAX as i64);
    let x1 = (x as i64 + w as i64).clamp(x0, u16::MAX as i64);
    let y1 = (y as i64 + h as i64).clamp(y0, u16::MAX as i64);
    Rect::new(x0 as u16, y0 as u16, (x1 - x0) as u16, (y1 - y0) as u16)
}

fn cast(h: *mut LetuiScreen) -> *mut Handle<ScreenState> {
    h.cast()
}

/// Runs `f` on the screen behind `h` inside the export guard.
fn with(h: *mut LetuiScreen, f: impl FnOnce(&mut ScreenState) -> FfiResult<i32>) -> i32 {
    // SAFETY: `h` is what the caller holds as a screen handle; `check`
    // validates it (see handle.rs for the contract).
    guard(|| unsafe { handle::with(cast(h), f) })
}

/// Creates a screen of `width` x `height` cells writing frames to `fd`
/// (through a descriptor of its own, without ever blocking: see
/// `letui_screen_render`), or to an output buffer drained with
/// `letui_screen_output` when `fd` is negative. `color_mode` is -1 to detect from the environment, or 0
/// (truecolor), 1 (256), 2 (16), 3 (none). The handle goes to `*out`.
///
/// # Safety
/// `out` must be a valid pointer to write a pointer to. The caller keeps
/// `fd` open while the screen lives.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn letui_screen_new(
    width: u32,
    height: u32,
    fd: i32,
    color_mode: i32,
    out: *mut *mut LetuiScreen,
) -> i32 {
    guard_unit(|| {
        if out.is_null() {
            return Err(FfiError::arg("out pointer is null"));
        }
        let screen = Screen::new(width, height).map_err(invalid)?;
        let mode = self::color_mode(color_mode)?;
        let output = if fd < 0 {
            Output::Buffer(Vec::new())
        } else {
            Output::Writer(Writer::new(open_output(borrow_open(fd)?)?)?)
        };
        let mut state = ScreenState {
            surface: Surface::new(screen, Renderer::new(mode, Capabilities::default()), output),
            scratch: vec![0; SCRATCH_INITIAL],
            info: Box::new([0; LETUI_INFO_LEN as usize]),
        };
        state.sync_info();
        let h = handle::into_raw(state).cast::<LetuiScreen>();
        // SAFETY: checked non-null; writable per the contract.
        unsafe { out.write(h) };
        Ok(())
    })
}

/// Frees a screen. Null is accepted; a second free is an error, not a
/// crash.
///
/// # Safety
/// `h` is null or a value from `letui_screen_new`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn letui_screen_free(h: *mut LetuiScreen) -> i32 {
    // SAFETY: validated by handle::free.
    guard_unit(|| unsafe { handle::free(cast(h)) })
}

/// Fills `*view` with the shared buffers' addresses and lengths.
///
/// # Safety
/// `h` is a screen handle; `view` points to a writable `LetuiScreenView`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn letui_screen_view(h: *mut LetuiScreen, view: *mut LetuiScreenView) -> i32 {
    with(h, |s| {
        if view.is_null() {
            return Err(FfiError::arg("view pointer is null"));
        }
        let cells = s.surface.screen.grid_mut().cells_mut();
        let v = LetuiScreenView {
            cells: cells.as_mut_ptr().cast::<u32>(),
            cells_len: cells.len() * 4,
            scratch: s.scratch.as_mut_ptr(),
            scratch_len: s.scratch.len(),
            info: s.info.as_mut_ptr(),
            info_len: s.info.len(),
        };
        // SAFETY: checked non-null; writable per the contract.
        unsafe { view.write(v) };
        Ok(0)
    })
}

/// Resizes the screen, keeping the overlapping content; the next frame
/// repaints everything. Cells move: the generation changes.
///
/// # Safety
/// `h` is a screen handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn letui_screen_resize(h: *mut LetuiScreen, width: u32, height: u32) -> i32 {
    with(h, |s| {
        s.surface.screen.resize(width, height).map_err(invalid)?;
        s.surface.renderer.force_redraw();
        s.bump_generation();
        s.sync_info();
        Ok(0)
    })
}

/// Makes the scratch buffer at least `len` bytes. When it grows it moves:
/// the generation changes.
///
/// # Safety
/// `h` is a screen handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn letui_screen_reserve_scratch(h: *mut LetuiScreen, len: u64) -> i32 {
    with(h, |s| {
        let len = usize::try_from(len).unwrap_or(usize::MAX);
        if len > SCRATCH_MAX {
            return Err(FfiError::arg(format!(
                "scratch of {len} bytes requested, the limit is {SCRATCH_MAX}"
            )));
        }
        if len > s.scratch.len() {
            s.scratch = vec![0; len.next_power_of_two().min(SCRATCH_MAX)];
            s.bump_generation();
        }
        Ok(0)
    })
}

/// Draws the UTF-8 text in the first `len` scratch bytes at (`x`, `y`),
/// clipped, in the given style (`fg`/`bg` as cell colors, `0x03000000` to
/// keep the cell's color; `attrs` as cell attributes). The column after the
/// text goes to info word `LETUI_INFO_END_X`.
///
/// # Safety
/// `h` is a screen handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn letui_screen_draw_text(
    h: *mut LetuiScreen,
    x: i32,
    y: i32,
    len: u32,
    fg: u32,
    bg: u32,
    attrs: u32,
) -> i32 {
    with(h, |s| {
        check_link(s, attrs)?;
        let ScreenState {
            surface,
            scratch,
            info,
        } = s;
        let text = scratch_text(scratch, len)?;
        let end = surface.screen.draw_text(x, y, text, style(fg, bg, attrs));
        info[LETUI_INFO_END_X as usize] = end as u32;
        Ok(0)
    })
}

fn check_link(s: &ScreenState, attrs: u32) -> FfiResult<()> {
    let id = Attrs(attrs).link();
    if id != 0 && s.surface.screen.link_url(id).is_none() {
        return Err(FfiError::arg(format!(
            "hyperlink id {id} is not registered (ids are recycled when the links epoch changes)"
        )));
    }
    Ok(())
}

/// Fills a rectangle (clipped) with the first grapheme of the UTF-8 text in
/// the first `len` scratch bytes (a space when `len` is 0).
///
/// # Safety
/// `h` is a screen handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn letui_screen_fill(
    h: *mut LetuiScreen,
    x: i32,
    y: i32,
    width: u32,
    height: u32,
    len: u32,
    fg: u32,
    bg: u32,
    attrs: u32,
) -> i32 {
    with(h, |s| {
        check_link(s, attrs)?;
        let ScreenState {
            surface, scratch, ..
        } = s;
        let glyph = if len == 0 {
            " "
        } else {
            scratch_text(scratch, len)?
        };
        surface
            .screen
            .fill(x, y, width, height, glyph, style(fg, bg, attrs));
        Ok(0)
    })
}

/// Blanks the whole screen, ignoring the clip.
///
/// # Safety
/// `h` is a screen handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn letui_screen_clear(h: *mut LetuiScreen) -> i32 {
    with(h, |s| {
        s.surface.screen.clear();
        Ok(0)
    })
}

/// Restricts drawing to a rectangle (intersected with the screen); a
/// negative `width` lifts the restriction.
///
/// # Safety
/// `h` is a screen handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn letui_screen_set_clip(
    h: *mut LetuiScreen,
    x: i32,
    y: i32,
    width: i32,
    height: i32,
) -> i32 {
    with(h, |s| {
        if width < 0 {
            s.surface.screen.set_clip(None);
        } else {
            let height = height.max(0) as u32;
            s.surface
                .screen
                .set_clip(Some(clip_rect(x, y, width as u32, height)));
        }
        Ok(0)
    })
}

/// Registers the URL in the first `len` scratch bytes as a hyperlink and
/// returns its id (1..=65535, for bits 16..32 of cell attributes), or a
/// negative status.
///
/// # Safety
/// `h` is a screen handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn letui_screen_link(h: *mut LetuiScreen, len: u32) -> i32 {
    with(h, |s| {
        let url = s.text(len)?.to_string();
        let id = s.surface.screen.link(&url).map_err(invalid)?;
        Ok(id as i32)
    })
}

/// Writes the text of row `y` (UTF-8, wide characters once, no trailing
/// trimming) into the scratch buffer and returns its length in bytes, or a
/// negative status. The scratch grows if needed (generation changes).
///
/// # Safety
/// `h` is a screen handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn letui_screen_row_text(h: *mut LetuiScreen, y: u32) -> i32 {
    with(h, |s| {
        let screen = &s.surface.screen;
        if y >= screen.height() as u32 {
            return Err(FfiError::arg(format!(
                "row {y} is outside the screen (height {})",
                screen.height()
            )));
        }
        let text = screen.row_text(y as u16);
        put_scratch(s, text.as_bytes())
    })
}

/// Writes the text of row `y` as the renderer believes the terminal shows
/// it (what was last sent; equal to the row after a render) into the
/// scratch buffer and returns its length; 0 for a row never sent.
///
/// # Safety
/// `h` is a screen handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn letui_screen_shown_row_text(h: *mut LetuiScreen, y: u32) -> i32 {
    with(h, |s| {
        let text = u16::try_from(y)
            .map(|y| s.surface.shown_row_text(y))
            .unwrap_or_default();
        put_scratch(s, text.as_bytes())
    })
}

/// Writes the URL of hyperlink `id` into the scratch buffer and returns its
/// length, or 0 when no link has that id (0 itself, or an id recycled when
/// the links epoch changed).
///
/// # Safety
/// `h` is a screen handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn letui_screen_link_url(h: *mut LetuiScreen, id: u32) -> i32 {
    with(h, |s| {
        let url = u16::try_from(id)
            .ok()
            .and_then(|id| s.surface.screen.link_url(id))
            .unwrap_or_default()
            .to_owned();
        put_scratch(s, url.as_bytes())
    })
}

/// Writes the text of one cell's grapheme into the scratch buffer and
/// returns its length (0 for the right half of a wide character).
///
/// # Safety
/// `h` is a screen handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn letui_screen_cell_text(h: *mut LetuiScreen, x: u32, y: u32) -> i32 {
    with(h, |s| {
        let cell = u16::try_from(x)
            .ok()
            .zip(u16::try_from(y).ok())
            .and_then(|(x, y)| s.surface.screen.grid().get(x, y).copied())
            .ok_or_else(|| FfiError::arg(format!("cell ({x}, {y}) is outside the screen")))?;
        let text = s.surface.screen.cell_text(&cell);
        put_scratch(s, text.as_bytes())
    })
}

pub(crate) fn put_scratch(s: &mut ScreenState, text: &[u8]) -> FfiResult<i32> {
    if text.len() > s.scratch.len() {
        s.scratch = vec![0; text.len().next_power_of_two()];
        s.bump_generation();
    }
    s.scratch[..text.len()].copy_from_slice(text);
    i32::try_from(text.len()).map_err(|_| FfiError::arg("text too long"))
}

/// Draws text given as a pointer and length (for C callers; the TS binding
/// uses the scratch buffer). Same as `letui_screen_draw_text` otherwise.
///
/// # Safety
/// `h` is a screen handle; `text` points to `len` readable bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn letui_screen_draw_text_ptr(
    h: *mut LetuiScreen,
    x: i32,
    y: i32,
    text: *const u8,
    len: usize,
    fg: u32,
    bg: u32,
    attrs: u32,
) -> i32 {
    with(h, |s| {
        check_link(s, attrs)?;
        // SAFETY: per the contract.
        let b = unsafe { bytes(text, len)? };
        let end = s
            .surface
            .screen
            .draw_text(x, y, utf8(b)?, style(fg, bg, attrs));
        s.info[LETUI_INFO_END_X as usize] = end as u32;
        Ok(0)
    })
}
