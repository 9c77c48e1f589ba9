//! Terminal color capabilities and color downgrading.
//!
//! Cells hold 24-bit colors (or palette indexes); the renderer converts them
//! to what the terminal supports, chosen by [`ColorMode::detect`] from the
//! environment or set explicitly.

use crate::cell::{Color, ColorKind};

/// How many colors the terminal shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum ColorMode {
    /// 24-bit RGB (`38;2;r;g;b`).
    #[default]
    TrueColor,
    /// The 256-color palette (`38;5;n`).
    Palette256,
    /// The 16 basic colors (`30..37`, `90..97`).
    Basic16,
    /// No colors at all (`NO_COLOR`); attributes are still shown.
    NoColor,
}

/// `LETUI_COLOR` holds a value that names no color mode.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "LETUI_COLOR={0:?} is not a color mode: use truecolor (or 24bit, rgb), 256, 16, or none (or 0, off)"
)]
pub struct InvalidColorOverride(pub String);

impl ColorMode {
    /// Chooses a mode from environment variables, read through `var`.
    ///
    /// In order: `LETUI_COLOR` (`truecolor`, `256`, `16`, `none`) is an
    /// explicit user override; `NO_COLOR` (non-empty) means no color;
    /// `FORCE_COLOR` (`0`..`3`); `COLORTERM` of `truecolor`/`24bit`;
    /// `TERM` of `dumb` (no color), `*-direct` or a terminal known to do
    /// 24-bit color, `*256color*`, `linux`/`vt*`/`ansi` (16); `TERM_PROGRAM`
    /// of a terminal known to do 24-bit color. Otherwise 256 colors, which
    /// every terminal in use today supports.
    ///
    /// # Examples
    /// ```
    /// use letui_core::ColorMode;
    /// let env = |k: &str| match k {
    ///     "TERM" => Some("xterm-256color".to_string()),
    ///     "COLORTERM" => Some("truecolor".to_string()),
    ///     _ => None,
    /// };
    /// assert_eq!(ColorMode::detect(env), Ok(ColorMode::TrueColor));
    /// ```
    ///
    /// # Errors
    /// [`InvalidColorOverride`] when `LETUI_COLOR` is set to anything else
    /// than the values above: an override the user gave is never ignored.
    pub fn detect(var: impl Fn(&str) -> Option<String>) -> Result<ColorMode, InvalidColorOverride> {
        let get = |k: &str| var(k).filter(|v| !v.is_empty());
        if let Some(v) = get("LETUI_COLOR") {
            return match v.to_ascii_lowercase().as_str() {
                "truecolor" | "24bit" | "rgb" => Ok(ColorMode::TrueColor),
                "256" => Ok(ColorMode::Palette256),
                "16" => Ok(ColorMode::Basic16),
                "none" | "0" | "off" => Ok(ColorMode::NoColor),
                _ => Err(InvalidColorOverride(v)),
            };
        }
        Ok(Self::detect_terminal(&get))
    }

    /// The mode the terminal's own variables (after `LETUI_COLOR`) suggest.
    fn detect_terminal(get: &impl Fn(&str) -> Option<String>) -> ColorMode {
        if get("NO_COLOR").is_some() {
            return ColorMode::NoColor;
        }
        if let Some(v) = get("FORCE_COLOR") {
            match v.as_str() {
                "0" | "false" => return ColorMode::NoColor,
                "1" => return ColorMode::Basic16,
                "2" => return ColorMode::Palette256,
                "3" => return ColorMode::TrueColor,
                _ => {}
            }
        }
        if let Some(v) = get("COLORTERM") {
            let v = v.to_ascii_lowercase();
            if v == "truecolor" || v == "24bit" {
                return ColorMode::TrueColor;
            }
        }
        let term = get("TERM").unwrap_or_default().to_ascii_lowercase();
        if term == "dumb" {
            return ColorMode::NoColor;
        }
        const TRUECOLOR_TERMS: [&str; 7] = [
            "-direct",
            "kitty",
            "alacritty",
            "wezterm",
            "foot",
            "ghostty",
            "contour",
        ];
        if TRUECOLOR_TERMS.iter().any(|t| term.contains(t)) {
            return ColorMode::TrueColor;
        }
        const TRUECOLOR_PROGRAMS: [&str; 5] = [
            "iterm.app",
            "wezterm",
            "vscode",
            "ghostty",
            "windows_terminal",
        ];
        let program = get("TERM_PROGRAM").unwrap_or_default().to_ascii_lowercase();
        if TRUECOLOR_PROGRAMS.contains(&program.as_str()) || get("WT_SESSION").is_some() {
            return ColorMode::TrueColor;
        }
        if term.contains("256color") {
            return ColorMode::Palette256;
        }
        if term == "linux" || term == "ansi" || term.starts_with("vt") || term == "cons25" {
            return ColorMode::Basic16;
        }
        ColorMode::Palette256
    }

    /// Converts `color` to one this mode can show.
    #[inline]
    pub fn downgrade(self, color: Color) -> Color {
        if self == ColorMode::TrueColor && color.is_normal() {
            return color;
        }
        match (self, color.kind()) {
            (_, ColorKind::Default) | (ColorMode::NoColor, _) => Color::DEFAULT,
            (ColorMode::TrueColor, _) => color.normalized(),
            (ColorMode::Palette256, ColorKind::Indexed(_)) => color.normalized(),
            (ColorMode::Palette256, ColorKind::Rgb(r, g, b)) => Color::indexed(rgb_to_256(r, g, b)),
            (ColorMode::Basic16, ColorKind::Indexed(i)) if i < 16 => color.normalized(),
            (ColorMode::Basic16, ColorKind::Indexed(i)) => {
                let (r, g, b) = palette_rgb(i);
                Color::indexed(rgb_to_16(r, g, b))
            }
            (ColorMode::Basic16, ColorKind::Rgb(r, g, b)) => Color::indexed(rgb_to_16(r, g, b)),
        }
    }
}

/// Levels of the 6x6x6 color cube of the 256-color palette.
const CUBE: [u8; 6] = [0, 95, 135, 175, 215, 255];

/// The usual RGB values of the 16 basic colors (xterm's defaults).
const BASIC: [(u8, u8, u8); 16] = [
    (0, 0, 0),
    (205, 0, 0),
    (0, 205, 0),
    (205, 205, 0),
    (0, 0, 238),
    (205, 0, 205),
    (0, 205, 205),
    (229, 229, 229),
    (127, 127, 127),
    (255, 0, 0),
    (0, 255, 0),
    (255, 255, 0),
    (92, 92, 255),
    (255, 0, 255),
    (0, 255, 255),
    (255, 255, 255),
];

/// The RGB value of a 256-palette index.
pub const fn palette_rgb(i: u8) -> (u8, u8, u8) {
    match i {
        0..16 => BASIC[i as usize],
        16..232 => {
            let i = i - 16;
            (
                CUBE[(i / 36) as usize],
                CUBE[(i / 6 % 6) as usize],
                CUBE[(i % 6) as usize],
            )
        }
        _ => {
            let v = 8 + (i - 232) * 10;
            (v, v, v)
        }
    }
}

#[inline]
fn dist(a: (u8, u8, u8), b: (u8, u8, u8)) -> u32 {
    // Weighted Euclidean distance ("redmean" approximation of perceived
    // difference).
    let rmean = (a.0 as i32 + b.0 as i32) / 2;
    let dr = a.0 as i32 - b.0 as i32;
    let dg = a.1 as i32 - b.1 as i32;
    let db = a.2 as i32 - b.2 as i32;
    ((((512 + rmean) * dr * dr) >> 8) + 4 * dg * dg + (((767 - rmean) * db * db) >> 8)) as u32
}

fn cube_level(v: u8) -> usize {
    match v {
        0..48 => 0,
        48..115 => 1,
        _ => ((v as usize - 35) / 40).min(5),
    }
}

/// The nearest 256-palette index (cube or gray ramp) to an RGB color.
pub fn rgb_to_256(r: u8, g: u8, b: u8) -> u8 {
    let (ri, gi, bi) = (cube_level(r), cube_level(g), cube_level(b));
    let cube = (CUBE[ri], CUBE[gi], CUBE[bi]);
    let cube_index = 16 + 36 * ri + 6 * gi + bi;
    let avg = (r as u32 + g as u32 + b as u32) / 3;
    let gray_i = if avg < 8 { 0 } else { ((avg - 8) / 10).min(23) } as u8;
    let gv = 8 + gray_i * 10;
    if dist((r, g, b), (gv, gv, gv)) < dist((r, g, b), cube) {
        232 + gray_i
    } else {
        cube_index as u8
    }
}

/// The nearest of the 16 basic colors to an RGB color.
pub fn rgb_to_16(r: u8, g: u8, b: u8) -> u8 {
    let mut best = 0;
    let mut best_d = u32::MAX;
    for (i, &c) in BASIC.iter().enumerate() {
        let d = dist((r, g, b), c);
        if d < best_d {
            best_d = d;
            best = i;
        }
    }
    best as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        move |k| {
            pairs
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn an_unknown_override_is_an_error_naming_the_values() {
        let e = ColorMode::detect(env(&[
            ("LETUI_COLOR", "256colors"),
            ("TERM", "xterm-256color"),
        ]))
        .unwrap_err();
        assert_eq!(e, InvalidColorOverride("256colors".into()));
        let m = e.to_string();
        assert!(
            m.contains("LETUI_COLOR=\"256colors\"")
                && m.contains("truecolor")
                && m.contains("none"),
            "{m}"
        );
        // Empty is the same as unset.
        assert_eq!(
            ColorMode::detect(env(&[("LETUI_COLOR", "")])),
            Ok(ColorMode::Palette256)
        );
    }

    #[test]
    fn detection_order() {
        assert_eq!(ColorMode::detect(env(&[])).unwrap(), ColorMode::Palette256);
        assert_eq!(
            ColorMode::detect(env(&[("TERM", "xterm-256color")])).unwrap(),
            ColorMode::Palette256
        );
        assert_eq!(
            ColorMode::detect(env(&[("TERM", "xterm"), ("COLORTERM", "truecolor")])).unwrap(),
            ColorMode::TrueColor
        );
        assert_eq!(
            ColorMode::detect(env(&[("COLORTERM", "truecolor"), ("NO_COLOR", "1")])).unwrap(),
            ColorMode::NoColor
        );
        assert_eq!(
            ColorMode::detect(env(&[("NO_COLOR", ""), ("TERM", "linux")])).unwrap(),
            ColorMode::Basic16
        );
        assert_eq!(
            ColorMode::detect(env(&[("TERM", "dumb")])).unwrap(),
            ColorMode::NoColor
        );
        assert_eq!(
            ColorMode::detect(env(&[("TERM", "xterm-kitty")])).unwrap(),
            ColorMode::TrueColor
        );
        assert_eq!(
            ColorMode::detect(env(&[("NO_COLOR", "1"), ("LETUI_COLOR", "16")])).unwrap(),
            ColorMode::Basic16
        );
        assert_eq!(
            ColorMode::detect(env(&[("FORCE_COLOR", "3"), ("TERM", "dumb")])).unwrap(),
            ColorMode::TrueColor
        );
    }

    #[test]
    fn downgrade_to_256() {
        let m = ColorMode::Palette256;
        assert_eq!(m.downgrade(Color::rgb(255, 0, 0)), Color::indexed(196));
        assert_eq!(m.downgrade(Color::rgb(0, 0, 0)), Color::indexed(16));
        assert_eq!(m.downgrade(Color::rgb(128, 128, 128)), Color::indexed(244));
        assert_eq!(m.downgrade(Color::indexed(42)), Color::indexed(42));
        assert_eq!(m.downgrade(Color::DEFAULT), Color::DEFAULT);
        // Every cube color maps to itself.
        for i in 16..=255u8 {
            let (r, g, b) = palette_rgb(i);
            assert_eq!(palette_rgb(rgb_to_256(r, g, b)), (r, g, b), "index {i}");
        }
    }

    #[test]
    fn downgrade_to_16_and_none() {
        let m = ColorMode::Basic16;
        assert_eq!(m.downgrade(Color::rgb(250, 10, 10)), Color::indexed(9));
        assert_eq!(m.downgrade(Color::rgb(10, 10, 10)), Color::indexed(0));
        assert_eq!(m.downgrade(Color::indexed(196)), Color::indexed(9));
        assert_eq!(m.downgrade(Color::indexed(4)), Color::indexed(4));
        assert_eq!(
            ColorMode::NoColor.downgrade(Color::rgb(1, 2, 3)),
            Color::DEFAULT
        );
    }
}
