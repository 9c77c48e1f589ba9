//! OSC 8 hyperlinks: which targets a cell may link to.
//!
//! Cells store a 16-bit link id in their attributes; the screen keeps the
//! id-to-URL table (an [`Interner`](crate::intern::Interner)). A URL goes
//! verbatim into an escape sequence, so anything that could end or corrupt
//! that sequence is rejected here.

use thiserror::Error;

/// Longest URL accepted, in bytes.
pub const MAX_URL_LEN: usize = 8192;

/// Highest link id (ids are 16 bits; 0 means no link).
pub const MAX_LINK_ID: u32 = u16::MAX as u32;

/// Why a URL cannot be a hyperlink target.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum LinkError {
    /// The URL is empty.
    #[error("hyperlink URL is empty")]
    Empty,
    /// The URL is longer than [`MAX_URL_LEN`].
    #[error("hyperlink URL is {0} bytes, the limit is {MAX_URL_LEN}")]
    TooLong(usize),
    /// The URL holds a control character, which would break the sequence.
    #[error("hyperlink URL contains control character U+{0:04X}")]
    Control(u32),
    /// Every link id is taken by links still on screen.
    #[error("too many distinct hyperlinks on screen (limit {MAX_LINK_ID})")]
    Full,
}

/// Checks that `url` can be sent inside an OSC 8 sequence.
///
/// # Errors
/// [`LinkError`] when the URL is empty, too long or holds a control
/// character.
///
/// # Examples
/// ```
/// use letui_core::links::{validate_url, LinkError};
/// assert!(validate_url("https://example.com/a?b=c").is_ok());
/// assert_eq!(validate_url("bad\x1b\\url"), Err(LinkError::Control(0x1b)));
/// ```
pub fn validate_url(url: &str) -> Result<(), LinkError> {
    if url.is_empty() {
        return Err(LinkError::Empty);
    }
    if url.len() > MAX_URL_LEN {
        return Err(LinkError::TooLong(url.len()));
    }
    if let Some(c) = url.chars().find(|&c| crate::width::is_control(c)) {
        return Err(LinkError::Control(c as u32));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_what_would_break_the_sequence() {
        assert_eq!(validate_url(""), Err(LinkError::Empty));
        assert_eq!(validate_url("a\x07b"), Err(LinkError::Control(7)));
        assert_eq!(validate_url("a\u{9c}b"), Err(LinkError::Control(0x9c)));
        assert!(matches!(
            validate_url(&"x".repeat(MAX_URL_LEN + 1)),
            Err(LinkError::TooLong(_))
        ));
        assert!(validate_url("file:///tmp/日本").is_ok());
    }
}
