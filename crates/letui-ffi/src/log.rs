//! Diagnostics go to the file named by `LETUI_LOG`, never to the terminal
//! being drawn.

use std::io::Write;

/// Appends a line to the `LETUI_LOG` file, if that variable is set.
/// Failures to log are ignored: logging must never break the caller.
pub fn write(message: &str) {
    let Some(path) = std::env::var_os("LETUI_LOG") else {
        return;
    };
    if let Ok(mut f) = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
    {
        let _ = writeln!(f, "{message}");
    }
}
