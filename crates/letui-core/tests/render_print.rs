//! Printing finished rows above an inline region: replayed into `vt100`
//! with a scrollback, the terminal's whole history (scrollback, then the
//! screen) holds the shell's lines, every printed line once and in order,
//! then the live region, and nothing was ever erased beyond the rows
//! being replaced.

use letui_core::cell::{Attrs, Color};
use letui_core::renderer::{Capabilities, encode_lines};
use letui_core::{ColorMode, Renderer, Screen, Style};

const W: u16 = 24;
const H: u16 = 8;

/// Scrollback then screen, each row trimmed.
fn history(p: &mut vt100::Parser) -> Vec<String> {
    p.screen_mut().set_scrollback(usize::MAX);
    let n = p.screen().scrollback();
    let mut rows = Vec::new();
    for off in (1..=n).rev() {
        p.screen_mut().set_scrollback(off);
        rows.push(p.screen().rows(0, W).next().unwrap_or_default());
    }
    p.screen_mut().set_scrollback(0);
    rows.extend(p.screen().rows(0, W));
    while rows.last().is_some_and(|r| r.trim().is_empty()) {
        rows.pop();
    }
    rows.into_iter().map(|r| r.trim_end().to_owned()).collect()
}

fn lines(texts: &[String]) -> (Vec<u8>, u32) {
    let mut s = Screen::new(W as u32, texts.len() as u32).unwrap();
    for (y, t) in texts.iter().enumerate() {
        let bits = if y % 2 == 0 { Attrs::BOLD } else { 0 };
        s.draw_text(
            0,
            y as i32,
            t,
            Style::new(Color::DEFAULT, Color::DEFAULT, Attrs::flags(bits)),
        );
    }
    let mut out = Vec::new();
    encode_lines(&s, ColorMode::TrueColor, true, true, &mut out);
    (out, texts.len() as u32)
}

fn live(s: &mut Screen, word: &str) {
    s.clear();
    for y in 0..s.height() {
        s.draw_text(0, y as i32, &format!("live {y} {word}"), Style::PLAIN);
    }
}

#[test]
fn printed_lines_go_above_the_region_and_into_the_scrollback() {
    let mut p = vt100::Parser::new(H.try_into().unwrap(), W.try_into().unwrap(), 1000);
    p.process(b"$ one\r\n$ two\r\n");
    let mut screen = Screen::new(W as u32, 3).unwrap();
    let mut r = Renderer::new(ColorMode::TrueColor, Capabilities::default());
    r.set_inline(true, 2);
    live(&mut screen, "a");
    p.process(r.render(&mut screen));
    assert_eq!(
        history(&mut p),
        ["$ one", "$ two", "live 0 a", "live 1 a", "live 2 a"]
    );

    // Room below: the region moves down, nothing scrolls.
    let msgs: Vec<String> = (0..2).map(|i| format!("msg {i}")).collect();
    let (bytes, n) = lines(&msgs);
    live(&mut screen, "b");
    let (out, origin) = r.print_above(&mut screen, &bytes, n, H).unwrap();
    let out = out.to_vec();
    assert_eq!(origin, 4);
    p.process(&out);
    assert_eq!(
        history(&mut p),
        [
            "$ one", "$ two", "msg 0", "msg 1", "live 0 b", "live 1 b", "live 2 b"
        ]
    );

    // Past the bottom, and more lines than the terminal has rows: the
    // terminal scrolls, the oldest go to the scrollback, all in order.
    let msgs: Vec<String> = (2..20).map(|i| format!("msg {i}")).collect();
    let (bytes, n) = lines(&msgs);
    live(&mut screen, "c");
    let (out, origin) = r.print_above(&mut screen, &bytes, n, H).unwrap();
    let out = out.to_vec();
    assert_eq!(origin, H - 3);
    p.process(&out);
    let mut want = vec!["$ one".to_owned(), "$ two".to_owned()];
    want.extend((0..20).map(|i| format!("msg {i}")));
    want.extend((0..3).map(|i| format!("live {i} c")));
    assert_eq!(history(&mut p), want);
    let s = String::from_utf8_lossy(&out);
    assert!(
        !s.contains("\x1b[2J") && !s.contains("\x1b[J"),
        "an erase beyond the printed rows: {s:?}"
    );
    assert_eq!(p.screen().cell(0, 0).map(|c| c.bold()), Some(false)); // msg 15
    assert_eq!(p.screen().cell(1, 0).map(|c| c.bold()), Some(true)); // msg 16

    // The region keeps rendering as diffs at its new place.
    screen.draw_text(5, 1, "X", Style::PLAIN);
    p.process(r.render(&mut screen));
    assert_eq!(p.screen().contents().lines().last(), Some("live 2 c"));
    assert_eq!(history(&mut p).last().map(String::as_str), Some("live 2 c"));
    assert!(history(&mut p).contains(&"live X c".to_owned()));
}

#[test]
fn wide_and_linked_text_prints_exactly_and_styles_close() {
    let mut s = Screen::new(12, 1).unwrap();
    s.draw_text(0, 0, "中a", Style::PLAIN);
    let link = s.link("https://example.com").unwrap();
    s.draw_text(
        4,
        0,
        "lnk",
        Style::new(Color::DEFAULT, Color::DEFAULT, Attrs::NONE.with_link(link)),
    );
    let mut out = Vec::new();
    encode_lines(&s, ColorMode::TrueColor, true, true, &mut out);
    let text = String::from_utf8(out).unwrap();
    assert_eq!(
        text,
        "\x1b[2K中a \x1b]8;id=1;https://example.com\x1b\\lnk\x1b]8;;\x1b\\\r\n"
    );
}

#[test]
fn outside_inline_mode_nothing_prints() {
    let mut screen = Screen::new(4, 2).unwrap();
    let mut r = Renderer::new(ColorMode::TrueColor, Capabilities::default());
    assert!(r.print_above(&mut screen, b"x\r\n", 1, 10).is_none());
}

/// The region's rows as the emulator shows them, from `origin`.
fn region(p: &vt100::Parser, origin: u16, rows: u16) -> Vec<String> {
    p.screen()
        .rows(0, W)
        .skip(origin as usize)
        .take(rows as usize)
        .map(|r| r.trim_end().to_owned())
        .collect()
}

#[test]
fn the_region_repaints_only_what_differs_from_its_shifted_rows_and_stays_exact() {
    // Prints of every size, with room below and at the bottom, while the
    // region's rows change in part: the emulator's region always matches
    // the screen, and a print whose region did not change writes no
    // region row again except the ones that came from below.
    let mut p = vt100::Parser::new(H.try_into().unwrap(), W.try_into().unwrap(), 1000);
    p.process(b"$ run\r\n");
    let rows = 4;
    let mut screen = Screen::new(W as u32, rows as u32).unwrap();
    let mut r = Renderer::new(ColorMode::TrueColor, Capabilities::default());
    r.set_inline(true, 1);
    live(&mut screen, "s");
    p.process(r.render(&mut screen));
    let mut origin = 1;
    for (step, count) in [1u32, 2, 3, 4, 6, 1, 1, 2].into_iter().enumerate() {
        let msgs: Vec<String> = (0..count).map(|i| format!("p{step}-{i}")).collect();
        let (bytes, n) = lines(&msgs);
        // Half the steps change one region row, half change none.
        if step % 2 == 0 {
            screen.draw_text(0, 1, &format!("edit {step}     "), Style::PLAIN);
        }
        let (out, o) = r.print_above(&mut screen, &bytes, n, H).unwrap();
        let out = out.to_vec();
        p.process(&out);
        origin = o;
        let want: Vec<String> = (0..rows)
            .map(|y| screen.row_text(y).trim_end().to_owned())
            .collect();
        assert_eq!(region(&p, origin, rows), want, "step {step}");
        for m in &msgs {
            assert_eq!(history(&mut p).iter().filter(|l| *l == m).count(), 1, "{m}");
        }
    }
    assert_eq!(origin, H - rows);
    // Content that moves up with the print (a finished block leaving the
    // top of the region, as a chat's transcript does) costs no region row
    // but the one that came from below.
    screen.clear();
    for y in 0..rows {
        screen.draw_text(0, y as i32, &format!("row {y} of the region"), Style::PLAIN);
    }
    p.process(r.render(&mut screen));
    screen.clear();
    for y in 0..rows - 1 {
        screen.draw_text(
            0,
            y as i32,
            &format!("row {} of the region", y + 1),
            Style::PLAIN,
        );
    }
    let (bytes, n) = lines(&["row 0 of the region".to_owned()]);
    let (out, o) = r.print_above(&mut screen, &bytes, n, H).unwrap();
    let out = out.to_vec();
    let text = String::from_utf8_lossy(&out).into_owned();
    for y in 1..rows {
        assert!(
            !text.contains(&format!("row {y} of")),
            "row {y} was rewritten: {text:?}"
        );
    }
    p.process(&out);
    let want: Vec<String> = (0..rows)
        .map(|y| screen.row_text(y).trim_end().to_owned())
        .collect();
    assert_eq!(region(&p, o, rows), want);
}
