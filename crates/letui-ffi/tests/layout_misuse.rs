//! The layout object through the C ABI: a small layout end to end, and
//! misuse (bad handles, stale and foreign node ids, cycles, bad style
//! words, bad text) returning error statuses with clear messages.

use letui::LetuiStatus;
use letui::abi::*;
use letui::layout::*;
use letui::letui_last_error;

const OK: i32 = LetuiStatus::Ok as i32;
const BAD_ARG: i32 = LetuiStatus::InvalidArgument as i32;

fn last_error() -> String {
    let mut buf = vec![0u8; 512];
    // SAFETY: buf has 512 writable bytes.
    let n = unsafe { letui_last_error(buf.as_mut_ptr(), buf.len()) };
    buf.truncate(n.min(512));
    String::from_utf8(buf).unwrap()
}

struct Tree(*mut LetuiLayout);

impl Tree {
    fn new() -> Tree {
        let mut h = std::ptr::null_mut();
        // SAFETY: valid out pointer.
        assert_eq!(unsafe { letui_layout_new(&mut h) }, OK);
        Tree(h)
    }

    fn view(&self) -> LetuiLayoutView {
        let mut v = LetuiLayoutView {
            style: std::ptr::null_mut(),
            style_len: 0,
            scratch: std::ptr::null_mut(),
            scratch_len: 0,
            results: std::ptr::null(),
            results_len: 0,
            lines: std::ptr::null(),
            lines_len: 0,
            info: std::ptr::null(),
            info_len: 0,
        };
        // SAFETY: live handle, valid view pointer.
        assert_eq!(unsafe { letui_layout_view(self.0, &mut v) }, OK);
        v
    }

    fn node(&self) -> u64 {
        let mut id = 0;
        // SAFETY: live handle, valid out pointer.
        assert_eq!(unsafe { letui_layout_node_new(self.0, &mut id) }, OK);
        id
    }

    /// Writes a style block: all defaults, then `words` overrides.
    fn style(&self, node: u64, words: &[(usize, f32)]) -> i32 {
        let v = self.view();
        // SAFETY: the style block has style_len words and stays put.
        let style = unsafe { std::slice::from_raw_parts_mut(v.style, v.style_len) };
        style.fill(0.0);
        style[11] = 1.0; // flex shrink
        for side in 0..8 {
            // Margin, padding and border in cells, 0.
            for base in [34, 42, 50] {
                if side % 2 == 0 {
                    style[base + side] = 1.0;
                }
            }
        }
        style[58] = 1.0;
        style[60] = 1.0;
        for &(w, x) in words {
            style[w] = x;
        }
        // SAFETY: live handle.
        unsafe { letui_layout_set_style(self.0, node) }
    }

    fn text(&self, node: u64, text: &str, wrap: u32, ellipsis: u32) -> i32 {
        let v = self.view();
        assert!(text.len() <= v.scratch_len);
        // SAFETY: the scratch has scratch_len bytes.
        unsafe { std::ptr::copy_nonoverlapping(text.as_ptr(), v.scratch, text.len()) };
        // SAFETY: live handle.
        unsafe { letui_layout_set_text(self.0, node, text.len() as u32, wrap, ellipsis) }
    }

    fn rect(&self, node: u64) -> [i32; 4] {
        let v = self.view();
        // SAFETY: results has results_len words.
        let r = unsafe { std::slice::from_raw_parts(v.results, v.results_len) };
        let i = (node & 0xffff_ffff) as usize * LETUI_LAYOUT_RESULT_WORDS as usize;
        [r[i], r[i + 1], r[i + 2], r[i + 3]]
    }
}

impl Drop for Tree {
    fn drop(&mut self) {
        // SAFETY: live handle (or already freed: an error, not a crash).
        unsafe { letui_layout_free(self.0) };
    }
}

#[test]
fn a_small_layout_end_to_end() {
    let t = Tree::new();
    let root = t.node();
    let a = t.node();
    let b = t.node();
    // Root: column, width 10 cells.
    assert_eq!(t.style(root, &[(2, 1.0), (14, 1.0), (15, 10.0)]), OK);
    assert_eq!(t.style(a, &[(16, 1.0), (17, 2.0)]), OK);
    // 1: a new text leaf needs a layout.
    assert_eq!(t.text(b, "hello wide world", 0, 0), 1);
    // SAFETY: live handle and ids.
    unsafe {
        assert_eq!(letui_layout_append_child(t.0, root, b), OK);
        assert_eq!(letui_layout_insert_child(t.0, root, a, 0), OK);
        assert_eq!(letui_layout_compute(t.0, root, 80, 24), OK);
    }
    assert_eq!(t.rect(a), [0, 0, 10, 2]);
    assert_eq!(t.rect(b), [0, 2, 10, 2]);
    // 0: a text that measures the same (two lines at this width) needs none;
    // 1: one that takes three lines does.
    assert_eq!(t.text(b, "hello wide words", 0, 0), 0);
    assert_eq!(t.text(b, "hello wide world, more", 0, 0), 1);
    assert_eq!(t.text(b, "hello wide world", 0, 0), 1);
    // SAFETY: live handle and id.
    let n = unsafe { letui_layout_text_lines(t.0, b) };
    assert_eq!(n, 2);
    let v = t.view();
    // SAFETY: lines has lines_len words, info has info_len words.
    let (lines, info) = unsafe {
        (
            std::slice::from_raw_parts(v.lines, v.lines_len),
            std::slice::from_raw_parts(v.info, v.info_len),
        )
    };
    assert_eq!(&lines[..8], &[0, 10, 10, 0, 11, 16, 5, 0]);
    assert_eq!(info[LETUI_LAYOUT_INFO_NODES as usize], 3);
    assert_eq!(info[LETUI_LAYOUT_INFO_LINES as usize], 2);
    // Children from the scratch: b only.
    // SAFETY: the scratch has room for one u64.
    unsafe {
        v.scratch.cast::<u64>().write(b.to_le());
        assert_eq!(letui_layout_set_children(t.0, root, 1), OK);
        assert_eq!(letui_layout_compute(t.0, root, 80, 24), OK);
    }
    assert_eq!(t.rect(b), [0, 0, 10, 2]);
    assert_eq!(t.rect(a), [0, 0, 0, 0]);
}

#[test]
fn handles_are_validated() {
    // SAFETY: null, freed and foreign handles are documented inputs.
    unsafe {
        assert_eq!(
            letui_layout_compute(std::ptr::null_mut(), 0, 1, 1),
            LetuiStatus::NullHandle as i32
        );
        assert_eq!(letui_layout_free(std::ptr::null_mut()), OK);
        assert_eq!(letui_layout_new(std::ptr::null_mut()), BAD_ARG);
        let mut h = std::ptr::null_mut();
        assert_eq!(letui_layout_new(&mut h), OK);
        assert_eq!(letui_layout_free(h), OK);
        assert_eq!(
            letui_layout_compute(h, 0, 1, 1),
            LetuiStatus::InvalidHandle as i32
        );
        assert!(last_error().contains("already freed"));
        assert_eq!(letui_layout_free(h), LetuiStatus::InvalidHandle as i32);
        // A screen handle is not a layout handle.
        let mut screen = std::ptr::null_mut();
        assert_eq!(
            letui::screen::letui_screen_new(2, 2, -1, 0, &mut screen),
            OK
        );
        assert_eq!(
            letui_layout_compute(screen.cast(), 0, 1, 1),
            LetuiStatus::InvalidHandle as i32
        );
        assert!(last_error().contains("expected a layout handle, got screen"));
        letui::screen::letui_screen_free(screen);
        let t = Tree::new();
        assert_eq!(letui_layout_node_new(t.0, std::ptr::null_mut()), BAD_ARG);
        assert_eq!(letui_layout_view(t.0, std::ptr::null_mut()), BAD_ARG);
    }
}

#[test]
fn stale_and_foreign_node_ids_are_errors() {
    let t = Tree::new();
    let other = Tree::new();
    let a = t.node();
    let b = t.node();
    // SAFETY: live handles; ids are arbitrary values by design.
    unsafe {
        assert_eq!(letui_layout_node_free(t.0, a), OK);
        assert_eq!(letui_layout_node_free(t.0, a), BAD_ARG);
        assert!(last_error().contains("does not exist"), "{}", last_error());
        assert_eq!(letui_layout_compute(t.0, a, 1, 1), BAD_ARG);
        assert_eq!(letui_layout_append_child(t.0, b, a), BAD_ARG);
        assert_eq!(letui_layout_text_lines(t.0, a), BAD_ARG);
        // The slot comes back with a new id; the old one stays invalid.
        let c = t.node();
        assert_ne!(c, a);
        assert_eq!(c & 0xffff_ffff, a & 0xffff_ffff);
        assert_eq!(letui_layout_mark_dirty(t.0, a), BAD_ARG);
        assert_eq!(letui_layout_mark_dirty(t.0, c), OK);
        // Ids of another tree, and made-up ids.
        let foreign = other.node() + (5 << 32);
        assert_eq!(letui_layout_mark_dirty(t.0, foreign), BAD_ARG);
        for id in [0, u64::MAX, 1 << 60, 0xffff_ffff] {
            assert_eq!(letui_layout_compute(t.0, id, 1, 1), BAD_ARG);
        }
        assert_eq!(letui_layout_append_child(t.0, b, c), OK);
        assert_eq!(letui_layout_node_free_subtree(t.0, b), 2);
        let ids = t.view().scratch.cast::<u64>();
        assert_eq!([ids.read(), ids.add(1).read()], [b.to_le(), c.to_le()]);
        assert_eq!(letui_layout_node_free_subtree(t.0, b), BAD_ARG);
        assert_eq!(letui_layout_mark_dirty(t.0, c), BAD_ARG);
    }
}

#[test]
fn cycles_and_bad_structure_are_errors() {
    let t = Tree::new();
    let [a, b, c] = [t.node(), t.node(), t.node()];
    // SAFETY: live handle and ids.
    unsafe {
        assert_eq!(letui_layout_append_child(t.0, a, b), OK);
        assert_eq!(letui_layout_append_child(t.0, b, c), OK);
        assert_eq!(letui_layout_append_child(t.0, c, a), BAD_ARG);
        assert!(last_error().contains("its own ancestor"));
        assert_eq!(letui_layout_append_child(t.0, a, a), BAD_ARG);
        assert_eq!(letui_layout_insert_child(t.0, a, c, 5), BAD_ARG);
        assert!(last_error().contains("out of range"));
        assert_eq!(letui_layout_remove_child(t.0, a, c), BAD_ARG);
        assert!(last_error().contains("not a child"));
        let v = t.view();
        let ids = v.scratch.cast::<u64>();
        ids.write(c.to_le());
        ids.add(1).write(c.to_le());
        assert_eq!(letui_layout_set_children(t.0, a, 2), BAD_ARG);
        assert!(last_error().contains("twice"));
        ids.write(a.to_le());
        assert_eq!(letui_layout_set_children(t.0, c, 1), BAD_ARG);
        assert_eq!(letui_layout_set_children(t.0, a, u32::MAX), BAD_ARG);
        assert!(last_error().contains("scratch"));
        // Text leaves have no children.
        assert_eq!(t.text(c, "x", 0, 0), 1);
        assert_eq!(letui_layout_append_child(t.0, c, t.node()), BAD_ARG);
        assert!(last_error().contains("text leaf"));
    }
}

#[test]
fn bad_style_words_are_errors_naming_the_field() {
    let t = Tree::new();
    let n = t.node();
    let cases: &[(&[(usize, f32)], &str)] = &[
        (&[(0, 2.0)], "display"),
        (&[(1, 0.5)], "position"),
        (&[(2, f32::NAN)], "flex direction"),
        (&[(9, -1.0)], "overflow y"),
        (&[(10, f32::NAN)], "flex grow"),
        (&[(11, -1.0)], "flex shrink must not be negative"),
        (&[(14, 3.0)], "width unit"),
        (
            &[(14, 1.0), (15, f32::NAN)],
            "width must be a finite number",
        ),
        (&[(16, 2.0), (17, -50.0)], "height must not be negative"),
        (
            &[(22, 1.0), (23, f32::INFINITY)],
            "max width must be a finite",
        ),
        (&[(42, 0.0)], "padding top cannot be auto"),
        (&[(50, 2.0)], "border top must be in cells"),
        (
            &[(52, 1.0), (53, -1.0)],
            "border right must not be negative",
        ),
        (&[(58, 0.0)], "row gap cannot be auto"),
    ];
    for (words, message) in cases {
        assert_eq!(t.style(n, words), BAD_ARG, "{message}");
        let e = last_error();
        assert!(e.contains(message), "{e} (wanted {message})");
    }
    // Negative margins and insets are fine.
    assert_eq!(
        t.style(n, &[(34, 1.0), (35, -2.0), (26, 1.0), (27, -1.0)]),
        OK
    );
}

#[test]
fn bad_text_is_an_error() {
    let t = Tree::new();
    let n = t.node();
    assert_eq!(t.text(n, "ok", 3, 0), BAD_ARG);
    assert!(last_error().contains("wrap mode 3"));
    let v = t.view();
    // SAFETY: the scratch has at least 3 bytes; live handle.
    unsafe {
        std::ptr::copy_nonoverlapping([0x61u8, 0xff, 0x62].as_ptr(), v.scratch, 3);
        assert_eq!(
            letui_layout_set_text(t.0, n, 3, 0, 0),
            LetuiStatus::InvalidUtf8 as i32
        );
        assert_eq!(letui_layout_set_text(t.0, n, u32::MAX, 0, 0), BAD_ARG);
        assert!(last_error().contains("scratch"));
        assert_eq!(letui_layout_reserve_scratch(t.0, u64::MAX), BAD_ARG);
    }
}

#[test]
fn results_move_with_a_new_generation() {
    let t = Tree::new();
    let gen0 = {
        let v = t.view();
        // SAFETY: info has info_len words.
        unsafe { *v.info.add(LETUI_LAYOUT_INFO_GENERATION as usize) }
    };
    let root = t.node();
    let v1 = t.view();
    for _ in 0..200 {
        let n = t.node();
        // SAFETY: live handle and ids.
        unsafe { assert_eq!(letui_layout_append_child(t.0, root, n), OK) };
    }
    let v2 = t.view();
    // SAFETY: info has info_len words.
    let gen2 = unsafe { *v2.info.add(LETUI_LAYOUT_INFO_GENERATION as usize) };
    assert!(v2.results_len > v1.results_len);
    assert_ne!(gen2, gen0);
    // SAFETY: live handle.
    unsafe {
        assert_eq!(letui_layout_reserve_scratch(t.0, 1 << 20), OK);
        assert_eq!(
            *t.view().info.add(LETUI_LAYOUT_INFO_GENERATION as usize),
            gen2.wrapping_add(1)
        );
        assert_eq!(
            letui_layout_compute(t.0, root, 10, LETUI_LAYOUT_UNBOUNDED),
            OK
        );
    }
    assert_eq!(t.rect(root), [0, 0, 0, 0]);
}

impl Tree {
    /// Writes `ids` into the scratch as little-endian `u64`s.
    fn put_ids(&self, ids: &[u64]) {
        let v = self.view();
        assert!(ids.len() * 8 <= v.scratch_len);
        for (i, id) in ids.iter().enumerate() {
            // SAFETY: within the scratch's scratch_len bytes, u64-aligned.
            unsafe { v.scratch.cast::<u64>().add(i).write(id.to_le()) };
        }
    }

    fn scratch_ids(&self, n: usize) -> Vec<u64> {
        let v = self.view();
        // SAFETY: the call that wrote them grew the scratch to hold n ids.
        (0..n)
            .map(|i| u64::from_le(unsafe { v.scratch.cast::<u64>().add(i).read() }))
            .collect()
    }
}

#[test]
fn nodes_are_made_freed_and_given_texts_in_batches() {
    let t = Tree::new();
    let root = t.node();
    // SAFETY: live handle.
    let made = unsafe { letui_layout_nodes_new(t.0, 3000) };
    assert_eq!(made, 3000);
    let ids = t.scratch_ids(3000);
    // Texts: ids, lengths (u32, two per word), then the bytes.
    let texts = ["a", "日本", "hello wide world"];
    let v = t.view();
    let head = 3 + 2;
    // SAFETY: the scratch is far larger than these few bytes.
    unsafe {
        let w = v.scratch.cast::<u64>();
        for (i, id) in ids[..3].iter().enumerate() {
            w.add(i).write(id.to_le());
        }
        let lens = v.scratch.cast::<u32>().add(6);
        let mut at = head * 8;
        for (i, s) in texts.iter().enumerate() {
            lens.add(i).write((s.len() as u32).to_le());
            std::ptr::copy_nonoverlapping(s.as_ptr(), v.scratch.add(at), s.len());
            at += s.len();
        }
        assert_eq!(letui_layout_set_texts(t.0, 3, 0, 0), 1);
        t.put_ids(&ids[..3]);
        assert_eq!(letui_layout_set_children(t.0, root, 3), OK);
        assert_eq!(letui_layout_compute(t.0, root, 10, 10), OK);
    }
    // Each measured by its own text.
    assert_eq!(t.rect(ids[0])[2], 1);
    assert_eq!(t.rect(ids[1])[2], 4);
    // A bad id anywhere, or one given twice: an error, and nothing is freed.
    t.put_ids(&[ids[5], ids[6], 12345]);
    // SAFETY: live handle.
    unsafe {
        assert_eq!(letui_layout_nodes_free(t.0, 3), BAD_ARG);
        t.put_ids(&[ids[5], ids[5]]);
        assert_eq!(letui_layout_nodes_free(t.0, 2), BAD_ARG);
        assert!(
            last_error().contains("twice") || last_error().contains("duplicate"),
            "{}",
            last_error()
        );
        assert_eq!(letui_layout_nodes_new(t.0, u32::MAX), BAD_ARG);
        assert!(last_error().contains("limit"));
        // A text for a node with children: nothing changes.
        t.put_ids(&[root]);
        let lens = t.view().scratch.cast::<u32>().add(2);
        lens.write(1);
        t.view().scratch.add(16).write(b'x');
        assert_eq!(letui_layout_set_texts(t.0, 1, 0, 0), BAD_ARG);
        // Freeing all of them (the root first) works.
        let mut all = vec![root];
        all.extend(&ids);
        t.put_ids(&all);
        assert_eq!(letui_layout_nodes_free(t.0, all.len() as u32), OK);
        assert_eq!(letui_layout_node_free(t.0, ids[7]), BAD_ARG);
    }
}
