//! The cell: one character position on the screen, 16 bytes.
//!
//! A cell is four `u32` words, laid out `#[repr(C)]` so that the TypeScript
//! side can read and write cells through a `Uint32Array` view:
//!
//! | word | meaning |
//! |------|---------|
//! | 0 | glyph: a Unicode scalar, or [`Cell::POOL_BIT`] `|` a grapheme pool id, or [`Cell::CONTINUATION`] |
//! | 1 | foreground [`Color`] |
//! | 2 | background [`Color`] |
//! | 3 | [`Attrs`]: flags, underline style, hyperlink id |

/// A color as stored in a cell: terminal default, a 256-palette index, or
/// 24-bit RGB, tagged in the top byte.
///
/// | bits 24..32 | bits 0..24 |
/// |-------------|------------|
/// | 0: default  | 0 |
/// | 1: indexed  | palette index in bits 0..8 |
/// | 2: RGB      | `0xRRGGBB` |
#[repr(transparent)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Color(pub u32);

impl Color {
    /// The terminal's default color.
    pub const DEFAULT: Color = Color(0);
    /// Drawing only: keep the color the cell already has (text over a
    /// background, say). Never stored in a cell; reads as the default if it
    /// ever is.
    pub const KEEP: Color = Color(3 << 24);
    const TAG_INDEXED: u32 = 1 << 24;
    const TAG_RGB: u32 = 2 << 24;

    /// A 256-palette color (0..16 are the terminal's 16 named colors).
    pub const fn indexed(index: u8) -> Color {
        Color(Self::TAG_INDEXED | index as u32)
    }

    /// A 24-bit color.
    pub const fn rgb(r: u8, g: u8, b: u8) -> Color {
        Color(Self::TAG_RGB | (r as u32) << 16 | (g as u32) << 8 | b as u32)
    }

    /// Decodes the tagged word.
    ///
    /// A word with an unknown tag decodes as the default color, so any `u32`
    /// written from outside is safe to render.
    #[inline]
    pub const fn kind(self) -> ColorKind {
        match self.0 >> 24 {
            1 => ColorKind::Indexed(self.0 as u8),
            2 => ColorKind::Rgb((self.0 >> 16) as u8, (self.0 >> 8) as u8, self.0 as u8),
            _ => ColorKind::Default,
        }
    }

    /// True when the word is exactly one of the three valid forms (so that
    /// [`Color::normalized`] would return it unchanged).
    #[inline]
    pub const fn is_normal(self) -> bool {
        match self.0 >> 24 {
            0 => self.0 == 0,
            1 => self.0 & 0x00ff_ff00 == 0,
            2 => true,
            _ => false,
        }
    }

    /// The same color with any unknown tag or stray bits cleared.
    #[inline]
    pub const fn normalized(self) -> Color {
        match self.kind() {
            ColorKind::Default => Color::DEFAULT,
            ColorKind::Indexed(i) => Color::indexed(i),
            ColorKind::Rgb(r, g, b) => Color::rgb(r, g, b),
        }
    }
}

/// A decoded [`Color`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ColorKind {
    /// The terminal's default foreground or background.
    Default,
    /// A 256-palette index.
    Indexed(u8),
    /// Red, green, blue.
    Rgb(u8, u8, u8),
}

/// Underline styles (SGR 4 and its `4:n` sub-parameters).
#[repr(u8)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Underline {
    /// No underline.
    #[default]
    None = 0,
    /// A single straight line.
    Single = 1,
    /// Two straight lines.
    Double = 2,
    /// A wavy line.
    Curly = 3,
    /// A dotted line.
    Dotted = 4,
    /// A dashed line.
    Dashed = 5,
}

impl Underline {
    /// Decodes a style number; numbers above 5 read as [`Underline::Single`].
    pub const fn from_u8(n: u8) -> Underline {
        match n {
            0 => Underline::None,
            2 => Underline::Double,
            3 => Underline::Curly,
            4 => Underline::Dotted,
            5 => Underline::Dashed,
            _ => Underline::Single,
        }
    }
}

/// Text attributes, packed in one word.
///
/// | bits | meaning |
/// |------|---------|
/// | 0..8 | flags: [`Attrs::BOLD`], [`Attrs::DIM`], [`Attrs::ITALIC`], [`Attrs::BLINK`], [`Attrs::INVERSE`], [`Attrs::HIDDEN`], [`Attrs::STRIKE`] |
/// | 8..11 | [`Underline`] style |
/// | 16..32 | hyperlink id (0: none), see [`crate::links`] |
#[repr(transparent)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Attrs(pub u32);

impl Attrs {
    /// No attributes.
    pub const NONE: Attrs = Attrs(0);
    /// Bold (SGR 1).
    pub const BOLD: u32 = 1 << 0;
    /// Dim, also called faint (SGR 2).
    pub const DIM: u32 = 1 << 1;
    /// Italic (SGR 3).
    pub const ITALIC: u32 = 1 << 2;
    /// Blink (SGR 5).
    pub const BLINK: u32 = 1 << 3;
    /// Inverse video (SGR 7).
    pub const INVERSE: u32 = 1 << 4;
    /// Hidden, also called conceal (SGR 8).
    pub const HIDDEN: u32 = 1 << 5;
    /// Strikethrough (SGR 9).
    pub const STRIKE: u32 = 1 << 6;
    /// All flag bits.
    pub const FLAGS: u32 = 0x7f;
    const UNDERLINE_SHIFT: u32 = 8;
    const UNDERLINE_MASK: u32 = 0x7 << Self::UNDERLINE_SHIFT;
    const LINK_SHIFT: u32 = 16;
    /// Bits that have a meaning; others are ignored.
    pub const VALID: u32 = Self::FLAGS | Self::UNDERLINE_MASK | 0xffff << Self::LINK_SHIFT;

    /// Attributes from flag bits.
    pub const fn flags(bits: u32) -> Attrs {
        Attrs(bits & Self::FLAGS)
    }

    /// True when every flag in `bits` is set.
    #[inline]
    pub const fn has(self, bits: u32) -> bool {
        self.0 & bits == bits
    }

    /// The flag bits alone.
    #[inline]
    pub const fn flag_bits(self) -> u32 {
        self.0 & Self::FLAGS
    }

    /// The underline style.
    #[inline]
    pub const fn underline(self) -> Underline {
        Underline::from_u8(((self.0 & Self::UNDERLINE_MASK) >> Self::UNDERLINE_SHIFT) as u8)
    }

    /// Sets the underline style.
    pub const fn with_underline(self, style: Underline) -> Attrs {
        Attrs(self.0 & !Self::UNDERLINE_MASK | (style as u32) << Self::UNDERLINE_SHIFT)
    }

    /// The hyperlink id, 0 for none.
    #[inline]
    pub const fn link(self) -> u16 {
        (self.0 >> Self::LINK_SHIFT) as u16
    }

    /// Sets the hyperlink id (0 removes the link).
    pub const fn with_link(self, id: u16) -> Attrs {
        Attrs(self.0 & !(0xffff << Self::LINK_SHIFT) | (id as u32) << Self::LINK_SHIFT)
    }

    /// Everything but the hyperlink: what SGR controls.
    #[inline]
    pub const fn sgr_bits(self) -> u32 {
        self.0 & (Self::FLAGS | Self::UNDERLINE_MASK)
    }

    /// True when no undefined bit is set and the underline style is valid.
    #[inline]
    pub const fn is_normal(self) -> bool {
        self.0 & !Self::VALID == 0 && (self.0 & Self::UNDERLINE_MASK) >> Self::UNDERLINE_SHIFT <= 5
    }

    /// The same attributes with undefined bits cleared and the underline
    /// style made valid.
    #[inline]
    pub const fn normalized(self) -> Attrs {
        Attrs(self.0 & Self::VALID).with_underline(self.underline())
    }
}

/// One screen cell. See the module documentation for the layout.
///
/// Aligned to 16 bytes so that a cell is one vector register: comparing
/// rows of cells, most of a quiet frame's work, then runs on whole cells.
#[repr(C, align(16))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Cell {
    /// Glyph word: a Unicode scalar, a pool id with [`Cell::POOL_BIT`], or
    /// [`Cell::CONTINUATION`].
    pub glyph: u32,
    /// Foreground color.
    pub fg: Color,
    /// Background color.
    pub bg: Color,
    /// Attributes.
    pub attrs: Attrs,
}

const _: () = assert!(std::mem::size_of::<Cell>() == 16);

impl Default for Cell {
    fn default() -> Self {
        Cell::BLANK
    }
}

impl Cell {
    /// A space with default colors and no attributes.
    pub const BLANK: Cell = Cell {
        glyph: b' ' as u32,
        fg: Color::DEFAULT,
        bg: Color::DEFAULT,
        attrs: Attrs::NONE,
    };
    /// Glyph word of the right half of a wide character.
    pub const CONTINUATION: u32 = u32::MAX;
    /// Set in a glyph word that holds a grapheme pool id.
    pub const POOL_BIT: u32 = 1 << 31;

    /// A cell showing `c` in the given style.
    pub const fn new(c: char, fg: Color, bg: Color, attrs: Attrs) -> Cell {
        Cell {
            glyph: c as u32,
            fg,
            bg,
            attrs,
        }
    }

    /// A space with the given background.
    pub const fn blank(bg: Color) -> Cell {
        Cell {
            glyph: b' ' as u32,
            fg: Color::DEFAULT,
            bg,
            attrs: Attrs::NONE,
        }
    }

    /// Sets the character, returning `self` for chaining.
    pub fn set_char(&mut self, c: char) -> &mut Self {
        self.glyph = c as u32;
        self
    }

    /// Sets the foreground color.
    pub fn set_fg(&mut self, fg: Color) -> &mut Self {
        self.fg = fg;
        self
    }

    /// Sets the background color.
    pub fn set_bg(&mut self, bg: Color) -> &mut Self {
        self.bg = bg;
        self
    }

    /// Sets the attributes.
    pub fn set_attrs(&mut self, attrs: Attrs) -> &mut Self {
        self.attrs = attrs;
        self
    }

    /// True for the right half of a wide character.
    #[inline]
    pub const fn is_continuation(&self) -> bool {
        self.glyph == Self::CONTINUATION
    }

    /// The grapheme pool id, when the glyph is a multi-codepoint cluster.
    #[inline]
    pub const fn pool_id(&self) -> Option<u32> {
        if self.glyph != Self::CONTINUATION && self.glyph & Self::POOL_BIT != 0 {
            Some(self.glyph & !Self::POOL_BIT)
        } else {
            None
        }
    }

    /// The glyph as a single character, when it is one.
    #[inline]
    pub const fn char(&self) -> Option<char> {
        char::from_u32(self.glyph)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn color_round_trips() {
        assert_eq!(Color::DEFAULT.kind(), ColorKind::Default);
        assert_eq!(Color::indexed(200).kind(), ColorKind::Indexed(200));
        assert_eq!(Color::rgb(1, 2, 3).kind(), ColorKind::Rgb(1, 2, 3));
        assert_eq!(Color(0xff00_0000 | 7).kind(), ColorKind::Default);
        assert_eq!(Color(0x0100_ff05).normalized(), Color::indexed(5));
    }

    #[test]
    fn attrs_pack_fields_independently() {
        let a = Attrs::flags(Attrs::BOLD | Attrs::ITALIC)
            .with_underline(Underline::Curly)
            .with_link(513);
        assert!(a.has(Attrs::BOLD | Attrs::ITALIC));
        assert!(!a.has(Attrs::DIM));
        assert_eq!(a.underline(), Underline::Curly);
        assert_eq!(a.link(), 513);
        let b = a.with_underline(Underline::None).with_link(0);
        assert_eq!(b, Attrs::flags(Attrs::BOLD | Attrs::ITALIC));
    }

    #[test]
    fn normalized_attrs_drop_stray_bits() {
        let a = Attrs(0x0000_f780);
        let n = a.normalized();
        assert_eq!(n.flag_bits(), 0);
        assert_eq!(n.underline(), Underline::Single);
    }

    #[test]
    fn glyph_kinds() {
        let mut c = Cell::BLANK;
        assert_eq!(c.char(), Some(' '));
        c.glyph = Cell::CONTINUATION;
        assert!(c.is_continuation());
        assert_eq!(c.pool_id(), None);
        c.glyph = Cell::POOL_BIT | 42;
        assert_eq!(c.pool_id(), Some(42));
        assert_eq!(c.char(), None);
    }
}
