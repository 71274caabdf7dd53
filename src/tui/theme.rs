//! Styles for the three looks: colour, high contrast, and no colour (`NO_COLOR`). Colour is never
//! the only signal: every status also has a word or a symbol.
//!
//! The default look keeps the terminal's own foreground for text and borders, and marks what is
//! secondary with dim and what matters with bold, rather than fixed greys: ANSI grey (7) and
//! bright black (8) are faint on a light terminal, and the terminal's foreground is readable on
//! whatever background the receptionist chose.

use ratatui::style::{Color, Modifier, Style};

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
}

impl Theme {
    pub fn new(name: ThemeName, no_color: bool) -> Theme {
        let bold = Style::new().add_modifier(Modifier::BOLD);
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
                muted: Style::new().add_modifier(Modifier::DIM),
                urgent: bold.fg(Color::Red),
                not_us: Style::new().fg(Color::Yellow),
                key: bold.fg(Color::Cyan),
                info: Style::new().fg(Color::Green),
                warning: bold.fg(Color::Yellow),
                error: bold.fg(Color::Red),
                border: Style::new(),
                focus_border: Style::new().fg(Color::Cyan),
                colour: true,
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
            },
        }
    }
}

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
        assert!(theme.muted.add_modifier.contains(Modifier::DIM));
        assert_eq!(theme.border.fg, None, "borders keep the terminal's colour");
    }

    #[test]
    fn no_color_sets_no_colour_in_either_look() {
        for name in [ThemeName::Default, ThemeName::HighContrast] {
            let theme = Theme::new(name, true);
            for style in styles(&theme) {
                assert_eq!((style.fg, style.bg), (None, None), "{style:?}");
            }
        }
    }
}
