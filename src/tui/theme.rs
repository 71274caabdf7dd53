//! Styles for the three looks: colour, high contrast, and no colour (`NO_COLOR`). Colour is never
//! the only signal: every status also has a word or a symbol.

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
                muted: Style::new().fg(Color::Gray),
                urgent: bold.fg(Color::Red),
                not_us: Style::new().fg(Color::Yellow),
                key: bold.fg(Color::Cyan),
                info: Style::new().fg(Color::Green),
                warning: bold.fg(Color::Yellow),
                error: bold.fg(Color::Red),
                border: Style::new().fg(Color::DarkGray),
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
