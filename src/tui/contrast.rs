//! How readable a theme's colours are: the WCAG 2 contrast ratio of a text colour on its
//! background (4.5:1 is level AA for body text).
//!
//! A terminal colour is not one colour. The sixteen named colours (`Red`, `LightRed`, ...) and the
//! terminal's own text and background (`Color::Reset`) are whatever the terminal's scheme says;
//! only the 256-colour cube and grey ramp (`Indexed(16..=255)`) and RGB colours are fixed. So
//! each theme is judged on the terminal it is meant for ([`TerminalScheme`]): the dark themes on
//! Campbell, the default scheme of Windows Terminal and the Windows console, and the light theme
//! on One Half Light, the light scheme Windows Terminal ships with.
//!
//! Text drawn `DIM` is taken as halfway between its colour and the background (most terminals
//! draw it at half to two-thirds intensity); `REVERSED` swaps the two colours.

use ratatui::style::{Color, Modifier};

/// An sRGB colour.
pub type Rgb = [u8; 3];

/// The colours a terminal gives the names: its own text and background, and the 16 ANSI colours
/// in order (black, red, green, yellow, blue, magenta, cyan, white, then the bright ones).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TerminalScheme {
    pub name: &'static str,
    pub foreground: Rgb,
    pub background: Rgb,
    pub ansi: [Rgb; 16],
}

/// Windows Terminal's and the Windows console's default scheme: light grey on near black.
pub const CAMPBELL: TerminalScheme = TerminalScheme {
    name: "Campbell (dark)",
    foreground: [0xCC, 0xCC, 0xCC],
    background: [0x0C, 0x0C, 0x0C],
    ansi: [
        [0x0C, 0x0C, 0x0C],
        [0xC5, 0x0F, 0x1F],
        [0x13, 0xA1, 0x0E],
        [0xC1, 0x9C, 0x00],
        [0x00, 0x37, 0xDA],
        [0x88, 0x17, 0x98],
        [0x3A, 0x96, 0xDD],
        [0xCC, 0xCC, 0xCC],
        [0x76, 0x76, 0x76],
        [0xE7, 0x48, 0x56],
        [0x16, 0xC6, 0x0C],
        [0xF9, 0xF1, 0xA5],
        [0x3B, 0x78, 0xFF],
        [0xB4, 0x00, 0x9E],
        [0x61, 0xD6, 0xD6],
        [0xF2, 0xF2, 0xF2],
    ],
};

/// Windows Terminal's light scheme: dark grey on near white.
pub const ONE_HALF_LIGHT: TerminalScheme = TerminalScheme {
    name: "One Half Light (light)",
    foreground: [0x38, 0x3A, 0x42],
    background: [0xFA, 0xFA, 0xFA],
    ansi: [
        [0x38, 0x3A, 0x42],
        [0xE4, 0x56, 0x49],
        [0x50, 0xA1, 0x4F],
        [0xC1, 0x83, 0x01],
        [0x01, 0x84, 0xBC],
        [0xA6, 0x26, 0xA4],
        [0x09, 0x97, 0xB3],
        [0xFA, 0xFA, 0xFA],
        [0x4F, 0x52, 0x5D],
        [0xDF, 0x6C, 0x75],
        [0x98, 0xC3, 0x79],
        [0xE4, 0xC0, 0x7A],
        [0x61, 0xAF, 0xEF],
        [0xC5, 0x77, 0xDD],
        [0x56, 0xB5, 0xC1],
        [0xFF, 0xFF, 0xFF],
    ],
};

/// WCAG AA for body text.
pub const AA: f64 = 4.5;

impl TerminalScheme {
    /// The colour this terminal shows for `color`; `Reset` is its text colour as a foreground
    /// and its background colour as a background.
    pub fn rgb(&self, color: Color, as_foreground: bool) -> Rgb {
        let ansi = |i: usize| self.ansi[i];
        match color {
            Color::Reset if as_foreground => self.foreground,
            Color::Reset => self.background,
            Color::Black => ansi(0),
            Color::Red => ansi(1),
            Color::Green => ansi(2),
            Color::Yellow => ansi(3),
            Color::Blue => ansi(4),
            Color::Magenta => ansi(5),
            Color::Cyan => ansi(6),
            Color::Gray => ansi(7),
            Color::DarkGray => ansi(8),
            Color::LightRed => ansi(9),
            Color::LightGreen => ansi(10),
            Color::LightYellow => ansi(11),
            Color::LightBlue => ansi(12),
            Color::LightMagenta => ansi(13),
            Color::LightCyan => ansi(14),
            Color::White => ansi(15),
            Color::Rgb(r, g, b) => [r, g, b],
            Color::Indexed(i) => indexed(i, self),
        }
    }

    /// The contrast of text drawn in `fg` on `bg` with `modifiers`, on this terminal.
    pub fn contrast(&self, fg: Color, bg: Color, modifiers: Modifier) -> f64 {
        let (mut text, mut back) = (self.rgb(fg, true), self.rgb(bg, false));
        if modifiers.contains(Modifier::REVERSED) {
            std::mem::swap(&mut text, &mut back);
        }
        if modifiers.contains(Modifier::DIM) {
            text = halfway(text, back);
        }
        ratio(text, back)
    }
}

/// The xterm 256-colour table: 0-15 the scheme's own, 16-231 a 6x6x6 cube, 232-255 greys.
fn indexed(i: u8, scheme: &TerminalScheme) -> Rgb {
    match i {
        0..=15 => scheme.ansi[usize::from(i)],
        16..=231 => {
            let level = |n: u8| if n == 0 { 0 } else { 55 + 40 * n };
            let n = i - 16;
            [level(n / 36), level((n / 6) % 6), level(n % 6)]
        }
        232..=255 => {
            let grey = 8 + 10 * (i - 232);
            [grey, grey, grey]
        }
    }
}

fn halfway(a: Rgb, b: Rgb) -> Rgb {
    let mid = |x: u8, y: u8| ((u16::from(x) + u16::from(y)) / 2) as u8;
    [mid(a[0], b[0]), mid(a[1], b[1]), mid(a[2], b[2])]
}

/// WCAG 2 relative luminance.
pub fn luminance(rgb: Rgb) -> f64 {
    let channel = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(rgb[0]) + 0.7152 * channel(rgb[1]) + 0.0722 * channel(rgb[2])
}

/// WCAG 2 contrast ratio, from 1 (none) to 21 (black on white).
pub fn ratio(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    let (light, dark) = if la > lb { (la, lb) } else { (lb, la) };
    (light + 0.05) / (dark + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_wcag_figures_come_out_as_published() {
        assert!((ratio([0, 0, 0], [255, 255, 255]) - 21.0).abs() < 1e-9);
        assert!((ratio([255, 255, 255], [255, 255, 255]) - 1.0).abs() < 1e-9);
        // #767676 on white is the classic just-passing grey: 4.54:1.
        let grey = ratio([0x76, 0x76, 0x76], [255, 255, 255]);
        assert!((4.5..4.6).contains(&grey), "{grey}");
    }

    #[test]
    fn the_256_colour_table_is_xterms() {
        assert_eq!(indexed(16, &CAMPBELL), [0, 0, 0]);
        assert_eq!(indexed(25, &CAMPBELL), [0, 95, 175]);
        assert_eq!(indexed(231, &CAMPBELL), [255, 255, 255]);
        assert_eq!(indexed(240, &CAMPBELL), [88, 88, 88]);
        assert_eq!(indexed(255, &CAMPBELL), [238, 238, 238]);
    }

    #[test]
    fn reversed_keeps_the_ratio_and_dim_lowers_it() {
        let plain = CAMPBELL.contrast(Color::LightRed, Color::Reset, Modifier::empty());
        let reversed = CAMPBELL.contrast(Color::LightRed, Color::Reset, Modifier::REVERSED);
        assert!((plain - reversed).abs() < 1e-9);
        let dim = CAMPBELL.contrast(Color::Reset, Color::Reset, Modifier::DIM);
        let full = CAMPBELL.contrast(Color::Reset, Color::Reset, Modifier::empty());
        assert!(dim < AA && full > AA, "dim {dim:.2}, full {full:.2}");
    }
}
