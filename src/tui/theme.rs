//! Styles for the looks: the default (for a dark terminal), high contrast, light (for a light
//! terminal), and no colour (`NO_COLOR`). Colour is never the only signal: every status also has a
//! word or a symbol, and the selected row is bold and has the cursor.
//!
//! The default look keeps the terminal's own foreground for text and borders and marks what
//! matters with bold, rather than fixed greys: ANSI grey (7) and bright black (8) are faint on a
//! light terminal. Secondary text is not drawn dim: most terminals draw dim text at about half
//! intensity, which takes light grey on black below 4.5:1. Every text colour of every look is
//! checked against WCAG AA (4.5:1) on the terminal it is meant for ([`Theme::scheme`],
//! [`super::contrast`]).

use ratatui::style::{Color, Modifier, Style};

use super::contrast::{self, CAMPBELL, ONE_HALF_LIGHT, TerminalScheme};
use crate::config::ThemeName;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Theme {
    pub base: Style,
    pub title: Style,
    pub heading: Style,
    pub selected: Style,
    pub muted: Style,
    pub urgent: Style,
    pub not_us: Style,
    pub key: Style,
    pub info: Style,
    pub warning: Style,
    pub error: Style,
    pub border: Style,
    pub focus_border: Style,
    /// Whether the QR code may be drawn in explicit black on white.
    pub colour: bool,
    /// The terminal this look is meant for: its contrast is judged on that terminal's colours.
    pub scheme: TerminalScheme,
}

/// One style of a theme as it is drawn: its text colour on its background.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ColourPair {
    pub role: &'static str,
    pub fg: Color,
    pub bg: Color,
    pub modifiers: Modifier,
}

impl ColourPair {
    /// The WCAG contrast ratio of this pair on the theme's terminal.
    pub fn contrast(&self, scheme: &TerminalScheme) -> f64 {
        scheme.contrast(self.fg, self.bg, self.modifiers)
    }
}

impl Theme {
    pub fn new(name: ThemeName, no_color: bool) -> Theme {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let scheme = Theme::scheme(name);
        if no_color {
            return Theme {
                base: Style::new(),
                title: bold,
                heading: bold,
                selected: Style::new().add_modifier(Modifier::REVERSED),
                muted: Style::new(),
                urgent: bold,
                not_us: Style::new().add_modifier(Modifier::UNDERLINED),
                key: bold,
                info: Style::new(),
                warning: bold,
                error: bold,
                border: Style::new(),
                focus_border: bold,
                colour: false,
                scheme,
            };
        }
        match name {
            ThemeName::Default => Theme {
                base: Style::new(),
                title: bold.fg(Color::Cyan),
                heading: bold,
                selected: Style::new()
                    .bg(Color::Blue)
                    .fg(Color::White)
                    .add_modifier(Modifier::BOLD),
                muted: Style::new(),
                // Bright red: the terminal's plain red is 3.2:1 on Campbell's black.
                urgent: bold.fg(Color::LightRed),
                not_us: Style::new().fg(Color::Yellow),
                key: bold.fg(Color::Cyan),
                info: Style::new().fg(Color::Green),
                warning: bold.fg(Color::Yellow),
                error: bold.fg(Color::LightRed),
                border: Style::new(),
                focus_border: Style::new().fg(Color::Cyan),
                colour: true,
                scheme,
            },
            ThemeName::HighContrast => Theme {
                base: Style::new().fg(Color::White).bg(Color::Black),
                title: bold.fg(Color::White),
                heading: bold.fg(Color::White),
                selected: Style::new()
                    .bg(Color::Yellow)
                    .fg(Color::Black)
                    .add_modifier(Modifier::BOLD),
                muted: Style::new().fg(Color::White),
                urgent: bold.fg(Color::LightRed).add_modifier(Modifier::UNDERLINED),
                not_us: bold.fg(Color::Yellow),
                key: bold.fg(Color::Yellow),
                info: bold.fg(Color::White),
                warning: bold.fg(Color::Yellow),
                error: bold.fg(Color::LightRed),
                border: Style::new().fg(Color::White),
                focus_border: bold.fg(Color::Yellow),
                colour: true,
                scheme,
            },
            // The 256-colour table's cube and greys are the same in every terminal, unlike the
            // 16 named colours, whose light-scheme yellow and cyan are unreadable on white.
            ThemeName::Light => Theme {
                base: Style::new(),
                title: bold.fg(LIGHT_BLUE),
                heading: bold,
                selected: Style::new()
                    .bg(LIGHT_BLUE)
                    .fg(Color::Indexed(231))
                    .add_modifier(Modifier::BOLD),
                muted: Style::new().fg(Color::Indexed(240)),
                urgent: bold.fg(LIGHT_RED),
                not_us: Style::new().fg(LIGHT_AMBER),
                key: bold.fg(LIGHT_BLUE),
                info: Style::new().fg(Color::Indexed(22)),
                warning: bold.fg(LIGHT_AMBER),
                error: bold.fg(LIGHT_RED),
                border: Style::new(),
                focus_border: bold.fg(LIGHT_BLUE),
                colour: true,
                scheme,
            },
        }
    }

    /// The terminal a look is meant for: Campbell (Windows Terminal's and the Windows console's
    /// dark default) for the default and high-contrast looks, One Half Light for the light one.
    pub fn scheme(name: ThemeName) -> TerminalScheme {
        match name {
            ThemeName::Default | ThemeName::HighContrast => CAMPBELL,
            ThemeName::Light => ONE_HALF_LIGHT,
        }
    }

    /// Every style of the look, by its role. Written out in full (no `..`), so a style added to
    /// the theme cannot be left out of the contrast check.
    pub fn roles(&self) -> [(&'static str, Style); 13] {
        let Theme {
            base,
            title,
            heading,
            selected,
            muted,
            urgent,
            not_us,
            key,
            info,
            warning,
            error,
            border,
            focus_border,
            colour: _,
            scheme: _,
        } = *self;
        [
            ("base", base),
            ("title", title),
            ("heading", heading),
            ("selected", selected),
            ("muted", muted),
            ("urgent", urgent),
            ("not_us", not_us),
            ("key", key),
            ("info", info),
            ("warning", warning),
            ("error", error),
            ("border", border),
            ("focus_border", focus_border),
        ]
    }

    /// Each style's text colour on its background, as the screens draw it: a style that sets no
    /// colour of its own is drawn on the base style, and the base on the terminal's own colours.
    pub fn pairs(&self) -> Vec<ColourPair> {
        let base = self.base;
        self.roles()
            .into_iter()
            .map(|(role, style)| {
                let drawn = base.patch(style);
                ColourPair {
                    role,
                    fg: drawn.fg.unwrap_or(Color::Reset),
                    bg: drawn.bg.unwrap_or(Color::Reset),
                    modifiers: drawn.add_modifier - drawn.sub_modifier,
                }
            })
            .collect()
    }

    /// The lowest contrast of the look's pairs, on its terminal.
    pub fn lowest_contrast(&self) -> f64 {
        self.pairs()
            .iter()
            .map(|p| p.contrast(&self.scheme))
            .fold(f64::INFINITY, f64::min)
    }
}

/// The light look's colours, from the 256-colour cube: #005faf, #af0000, #875f00.
const LIGHT_BLUE: Color = Color::Indexed(25);
const LIGHT_RED: Color = Color::Indexed(124);
const LIGHT_AMBER: Color = Color::Indexed(94);

/// WCAG AA, re-exported for the checks of the looks.
pub const CONTRAST_AA: f64 = contrast::AA;

#[cfg(test)]
mod tests {
    use super::*;

    fn styles(theme: &Theme) -> [Style; 13] {
        [
            theme.base,
            theme.title,
            theme.heading,
            theme.selected,
            theme.muted,
            theme.urgent,
            theme.not_us,
            theme.key,
            theme.info,
            theme.warning,
            theme.error,
            theme.border,
            theme.focus_border,
        ]
    }

    #[test]
    fn the_default_look_uses_no_fixed_grey() {
        let theme = Theme::new(ThemeName::Default, false);
        let grey = |c: Option<Color>| {
            matches!(
                c,
                Some(Color::Gray | Color::DarkGray | Color::Indexed(7 | 8))
            )
        };
        for style in styles(&theme) {
            assert!(!grey(style.fg) && !grey(style.bg), "{style:?} is grey");
        }
        assert_eq!(
            theme.muted.fg, None,
            "secondary text keeps the terminal's colour"
        );
        assert!(
            !theme.muted.add_modifier.contains(Modifier::DIM),
            "dim text would fall below 4.5:1"
        );
        assert_eq!(theme.border.fg, None, "borders keep the terminal's colour");
    }

    const LOOKS: [ThemeName; 3] = [
        ThemeName::Default,
        ThemeName::HighContrast,
        ThemeName::Light,
    ];

    /// Prints each look's pairs and their contrast on its terminal; fails below 4.5:1.
    #[test]
    fn every_colour_pair_of_every_look_meets_wcag_aa() {
        let mut failures = Vec::new();
        for name in LOOKS {
            for no_color in [false, true] {
                let theme = Theme::new(name, no_color);
                println!(
                    "{name:?}{} on {}:",
                    if no_color { " (NO_COLOR)" } else { "" },
                    theme.scheme.name
                );
                for pair in theme.pairs() {
                    let ratio = pair.contrast(&theme.scheme);
                    println!(
                        "  {:<13} {:>13} on {:<13} {ratio:>5.2}:1",
                        pair.role,
                        format!("{:?}", pair.fg),
                        format!("{:?}", pair.bg)
                    );
                    if ratio < CONTRAST_AA {
                        failures.push(format!("{name:?} {}: {ratio:.2}:1", pair.role));
                    }
                }
            }
        }
        assert!(failures.is_empty(), "below 4.5:1: {failures:#?}");
    }

    #[test]
    fn the_selected_row_is_marked_by_more_than_colour_in_every_look() {
        for name in LOOKS {
            for no_color in [false, true] {
                let selected = Theme::new(name, no_color).selected;
                assert!(
                    selected
                        .add_modifier
                        .intersects(Modifier::BOLD | Modifier::REVERSED),
                    "{name:?} {selected:?}"
                );
            }
        }
    }

    #[test]
    fn the_check_would_catch_a_poor_colour() {
        let mut theme = Theme::new(ThemeName::Default, false);
        theme.urgent = Style::new().fg(Color::Red);
        assert!(
            theme.lowest_contrast() < CONTRAST_AA,
            "plain red on Campbell's black"
        );
        let mut theme = Theme::new(ThemeName::Light, false);
        theme.warning = Style::new().fg(Color::Yellow);
        assert!(
            theme.lowest_contrast() < CONTRAST_AA,
            "yellow on a light terminal"
        );
        let mut theme = Theme::new(ThemeName::Default, false);
        theme.muted = Style::new().add_modifier(Modifier::DIM);
        assert!(theme.lowest_contrast() < CONTRAST_AA, "dim grey on black");
    }

    #[test]
    fn no_color_sets_no_colour_in_either_look() {
        for name in [
            ThemeName::Default,
            ThemeName::HighContrast,
            ThemeName::Light,
        ] {
            let theme = Theme::new(name, true);
            for style in styles(&theme) {
                assert_eq!((style.fg, style.bg), (None, None), "{style:?}");
            }
        }
    }
}
