//! Untrusted text made safe to show: control characters as visible
//! pictures, link targets checked before they go into an OSC 8 sequence,
//! and GFM's bare URLs found in plain text.

use super::{Run, flags, push_run};

/// Text made inert: control characters become their visible pictures, and
/// tabs become spaces (to the next multiple of 4 within each line).
pub fn inert(s: &str, keep_newlines: bool) -> String {
    let mut out = String::with_capacity(s.len());
    let mut col = 0usize;
    for c in s.chars() {
        match c {
            '\n' if keep_newlines => {
                out.push('\n');
                col = 0;
                continue;
            }
            '\t' => {
                let n = 4 - col % 4;
                out.extend(std::iter::repeat_n(' ', n));
                col += n;
                continue;
            }
            c if (c as u32) < 0x20 => {
                out.push(char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'))
            }
            '\u{7f}' => out.push('\u{2421}'),
            c if crate::width::is_control(c) => out.push('\u{fffd}'),
            // Bidirectional overrides and isolates could reorder what the
            // terminal shows; show them as a replacement instead.
            '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => out.push('\u{fffd}'),
            c => out.push(c),
        }
        col += 1;
    }
    out
}

/// A link target that can go into an OSC 8 sequence, or `None`.
/// Schemes a Markdown link may use: one a terminal hands to a browser,
/// mail client or file manager. Others (`javascript:`, `data:`, relative
/// paths with no base) keep their text but get no hyperlink.
const LINK_SCHEMES: [&str; 5] = ["http", "https", "mailto", "ftp", "file"];

pub(super) fn safe_url(url: &str) -> Option<String> {
    crate::links::validate_url(url).ok()?;
    if url.chars().any(|c| c.is_whitespace()) {
        return None;
    }
    let scheme = &url[..url.find(':')?];
    LINK_SCHEMES
        .iter()
        .any(|s| s.eq_ignore_ascii_case(scheme))
        .then(|| url.to_owned())
}

/// A character [`inert`] put in place of a control character.
fn is_inert_picture(c: char) -> bool {
    matches!(c, '\u{2400}'..='\u{2421}' | '\u{fffd}')
}

/// Where a bare URL (GFM's extended autolink) ends in `s`, which starts with it.
fn bare_url_len(s: &str) -> usize {
    let end = s
        .find(|c: char| {
            c.is_whitespace() || c == '<' || crate::width::is_control(c) || is_inert_picture(c)
        })
        .unwrap_or(s.len());
    let mut url = &s[..end];
    loop {
        let trimmed =
            url.trim_end_matches(['.', ',', ':', ';', '!', '?', '"', '\'', '*', '_', '~']);
        let trimmed = if trimmed.ends_with(')')
            && trimmed.matches('(').count() < trimmed.matches(')').count()
        {
            &trimmed[..trimmed.len() - 1]
        } else {
            trimmed
        };
        if trimmed.len() == url.len() {
            break;
        }
        url = trimmed;
    }
    url.len()
}

/// Splits `text` into runs, turning bare `http://`, `https://` and `www.`
/// URLs into links.
fn autolink(text: &str, flags: u32, runs: &mut Vec<Run>) {
    let mut rest = text;
    let mut plain_start = 0;
    let mut i = 0;
    let bytes = text.as_bytes();
    while i < bytes.len() {
        let tail = &text[i..];
        let boundary = i == 0 || !text[..i].ends_with(|c: char| c.is_alphanumeric());
        let scheme = tail.starts_with("https://") || tail.starts_with("http://");
        let www = tail.starts_with("www.");
        if boundary && (scheme || www) {
            let n = bare_url_len(tail);
            let min = if scheme {
                tail.find("//").unwrap_or(0) + 3
            } else {
                5
            };
            if n >= min {
                let target = if www {
                    format!("http://{}", &tail[..n])
                } else {
                    tail[..n].to_owned()
                };
                if let Some(link) = safe_url(&target) {
                    if plain_start < i {
                        push_run(runs, &rest[..i - plain_start], flags, None);
                    }
                    push_run(runs, &tail[..n], flags, Some(link));
                    i += n;
                    plain_start = i;
                    rest = &text[i..];
                    continue;
                }
            }
        }
        i += tail.chars().next().map_or(1, char::len_utf8);
    }
    if !rest.is_empty() {
        push_run(runs, rest, flags, None);
    }
}

/// Runs with GFM's bare URLs turned into links (not in code, images or links).
pub(super) fn with_autolinks(runs: Vec<Run>) -> Vec<Run> {
    if !runs
        .iter()
        .any(|r| r.text.contains("://") || r.text.contains("www."))
    {
        return runs;
    }
    let mut out = Vec::with_capacity(runs.len());
    for r in runs {
        if r.link.is_none() && r.flags & (flags::CODE | flags::IMAGE) == 0 {
            autolink(&r.text, r.flags, &mut out);
        } else {
            out.push(r);
        }
    }
    out
}
