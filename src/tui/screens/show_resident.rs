//! "Show the resident": the web address in plain large text with a QR code they can scan, the
//! phone number and the opening hours, so they can do it themselves next time.

use qrcode::{Color as QrColor, EcLevel, QrCode};
use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Position, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::fit::scroll_signs;
use crate::desk::{App, ResidentView, TextView};
use crate::tui::theme::Theme;

/// The QR code as rows of half blocks: each character is two modules, top and bottom.
pub fn qr_lines(url: &str, theme: &Theme) -> Option<Vec<Line<'static>>> {
    let code = QrCode::with_error_correction_level(url.as_bytes(), EcLevel::L).ok()?;
    let width = code.width();
    let colors = code.to_colors();
    let quiet = 2usize;
    let size = width + 2 * quiet;
    let dark = |x: usize, y: usize| -> bool {
        if x < quiet || y < quiet || x >= width + quiet || y >= width + quiet {
            return false;
        }
        colors[(y - quiet) * width + (x - quiet)] == QrColor::Dark
    };
    // Dark modules on a light quiet zone, whatever the terminal, so a phone can scan it: in
    // colour, explicit black on white; without colour (reverse video needs none), the glyphs
    // are drawn in the terminal's dark colour: reversed on a dark terminal, whose text colour
    // is then the light of the quiet zone, as they are on a light one.
    let style = if theme.colour {
        Style::new().fg(Color::Black).bg(Color::White)
    } else if dark_terminal(theme) {
        Style::new().add_modifier(Modifier::REVERSED)
    } else {
        Style::new()
    };
    let mut lines = Vec::new();
    for y in (0..size).step_by(2) {
        let row: String = (0..size)
            .map(|x| match (dark(x, y), dark(x, y + 1)) {
                (true, true) => '█',
                (true, false) => '▀',
                (false, true) => '▄',
                (false, false) => ' ',
            })
            .collect();
        lines.push(Line::from(Span::styled(row, style)));
    }
    Some(lines)
}

/// True when the theme is for a terminal with light text on a dark background.
fn dark_terminal(theme: &Theme) -> bool {
    use crate::tui::contrast::luminance;
    luminance(theme.scheme.foreground) > luminance(theme.scheme.background)
}

/// Draws what to show the resident; returns how much of its text fitted.
pub fn render(
    app: &App,
    theme: &Theme,
    frame: &mut Frame,
    body: Rect,
    shown: &ResidentView,
) -> Option<TextView> {
    let handout = app.handout_view(shown.key)?;
    // The resident reads this screen: its words are in the resident's language.
    let block = Block::bordered()
        .title(format!(" {} ", handout.heading))
        .border_style(theme.border);
    let inner = block.inner(body);

    let large = theme.title.add_modifier(Modifier::BOLD);
    let mut text = vec![
        Line::from(Span::styled(handout.title.as_str(), theme.heading)),
        Line::from(""),
    ];
    match handout.url.as_deref() {
        Some(url) => {
            text.push(Line::from(handout.online_intro));
            text.push(Line::from(Span::styled(url, large)));
        }
        None => text.push(Line::from(handout.no_web_address)),
    }
    if let Some(phone) = handout.phone.as_deref() {
        text.push(Line::from(""));
        text.push(Line::from(handout.or_phone));
        text.push(Line::from(Span::styled(phone, large)));
    }
    if !handout.hours.is_empty() {
        text.push(Line::from(""));
        text.extend(handout.hours.iter().map(|h| Line::from(h.as_str())));
    }

    let qr = handout.url.as_deref().and_then(|url| qr_lines(url, theme));
    let qr_width = qr
        .as_ref()
        .and_then(|l| l.first())
        .map_or(0, |l| u16::try_from(l.width()).unwrap_or(0));
    let qr_height = qr
        .as_ref()
        .map_or(0, |l| u16::try_from(l.len()).unwrap_or(0));
    let fits_beside = qr_width > 0 && inner.width >= qr_width + 30 && inner.height >= qr_height;
    // The text, the QR code beside it, or a line asking for a larger window under it.
    let (text_area, qr_area, note_area) = if fits_beside {
        let [left, right] =
            Layout::horizontal([Constraint::Min(30), Constraint::Length(qr_width + 1)])
                .areas(inner);
        (left, Some(right), None)
    } else if qr.is_some() {
        let [text, note] =
            Layout::vertical([Constraint::Min(0), Constraint::Length(1)]).areas(inner);
        (text, None, Some(note))
    } else {
        (inner, None, None)
    };
    let paragraph = Paragraph::new(text).wrap(Wrap { trim: false });
    let view = TextView {
        rows: text_area.height,
        length: u16::try_from(paragraph.line_count(text_area.width)).unwrap_or(u16::MAX),
    };
    let mut scroll = shown.scroll;
    scroll.shown(view);
    frame.render_widget(
        scroll_signs(block, &scroll, app, theme).style(theme.base),
        body,
    );
    frame.render_widget(
        paragraph.scroll((scroll.offset, 0)).style(theme.base),
        text_area,
    );
    match (qr, qr_area, note_area) {
        (Some(qr), Some(area), _) => {
            frame.render_widget(Paragraph::new(qr).alignment(Alignment::Left), area);
        }
        (Some(_), None, Some(area)) => {
            let note = Paragraph::new(Line::from(Span::styled(
                crate::text::screens::labels(handout.lang).window_too_small_for_qr,
                theme.muted,
            )));
            frame.render_widget(note, area);
        }
        _ => {}
    }
    frame.set_cursor_position(Position::new(inner.x, inner.y));
    Some(view)
}
