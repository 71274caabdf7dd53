//! The report screen: this desk's (or all desks') headline figures, top services and demand as
//! bar charts, and the weekday x hour heat map, for today, this week, this month or a chosen
//! range. Bars are blocks with their numbers on them and the heat map's cells are shade
//! characters with their counts, so the screen reads without colour. When the central server
//! cannot give the figures of all desks, one sentence says so in their place.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, Block, Paragraph, Wrap};

use crate::desk::view::{AppointmentsView, report_appointments, report_headline};
use crate::desk::{App, Command, ReportDesks, ReportView};
use crate::printable::{cut, printable};
use crate::report::PeriodKind;
use crate::report::Report;
use crate::text::Language;
use crate::text::report::{
    screen_busiest, screen_keys, screen_labels, screen_more_services, screen_title,
};
use crate::tui::theme::Theme;

/// The heat map's rows: its heading, the hours, seven days and the busiest hour.
const HEAT_MAP_ROWS: u16 = 10;
/// The headline's rows (its figures wrap to two lines of an 80-column screen).
const HEADLINE_ROWS: u16 = 2;
/// The charts' own height: a heading, Value and the five kinds of failure demand.
const CHART_ROWS: u16 = 7;

/// How the report's rows are shared out: see [`plan_rows`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Plan {
    appointments: u16,
    heat: u16,
    busiest_beside: bool,
}

/// Shares `height` rows out by priority: the headline; the heat map (the busiest hour beside
/// its heading when that saves the row the appointments or the charts need); one line of
/// appointments; the charts' own height; the rest of the appointments' `appointment_rows`.
/// The charts take what is left, at least nothing; on a very short screen the heat map is cut.
fn plan_rows(height: u16, appointment_rows: u16, busiest: bool, can_join: bool) -> Plan {
    let mut heat = if busiest {
        HEAT_MAP_ROWS
    } else {
        HEAT_MAP_ROWS - 1
    };
    let mut left = height.saturating_sub(HEADLINE_ROWS);
    let wanted = heat + appointment_rows.min(1) + CHART_ROWS;
    let busiest_beside = busiest && can_join && left < wanted;
    if busiest_beside {
        heat -= 1;
    }
    heat = heat.min(left);
    left -= heat;
    let mut appointments = appointment_rows.min(1).min(left);
    left -= appointments;
    left = left.saturating_sub(CHART_ROWS);
    appointments += appointment_rows.saturating_sub(appointments).min(left);
    Plan {
        appointments,
        heat,
        busiest_beside,
    }
}

/// As many of the appointments' figures as fit one line of `width` after the heading, ending
/// with "…" when some are left off.
fn first_figures(view: &AppointmentsView, width: usize) -> String {
    let room = width.saturating_sub(view.heading.chars().count() + 2);
    let mut line = String::new();
    for (n, figure) in view.figures.iter().enumerate() {
        let joined = if n == 0 {
            figure.clone()
        } else {
            format!("{line} · {figure}")
        };
        let more = n + 1 < view.figures.len();
        if joined.chars().count() + if more { 2 } else { 0 } > room {
            return if line.is_empty() {
                cut(figure, room)
            } else {
                format!("{line} …")
            };
        }
        line = joined;
    }
    line
}

pub fn render(app: &App, theme: &Theme, frame: &mut Frame, body: Rect, view: &ReportView) {
    let lang = app.lang;
    let labels = screen_labels(lang);
    let today = app.now.date_naive();
    let span = match view.period.kind {
        PeriodKind::Range => labels.chosen.to_string(),
        _ => view.period.name(lang, today),
    };
    let desk = match view.desks {
        ReportDesks::ThisDesk => printable(&app.desk),
        ReportDesks::AllDesks => labels.all_desks.into(),
    };
    let title = screen_title(
        lang,
        &span,
        &view.period.from.to_string(),
        &view.period.to.to_string(),
        &desk,
    );
    let keys = &app.keys;
    let footer = screen_keys(
        lang,
        &keys.key(Command::ReportToday),
        &keys.key(Command::ReportWeek),
        &keys.key(Command::ReportMonth),
        &keys.key(Command::ReportLonger),
        &keys.key(Command::ReportShorter),
    );
    let room = usize::from(body.width.saturating_sub(2));
    let block = Block::bordered()
        .title(cut(&title, room))
        .title_bottom(Line::from(cut(&footer, room)))
        .border_style(theme.border);
    let inner = block.inner(body);
    frame.render_widget(block.style(theme.base), body);
    frame.set_cursor_position(Position::new(inner.x, inner.y));
    if let Some(problem) = app.report_problem(view) {
        let sentence = Paragraph::new(Span::styled(printable(problem), theme.error));
        frame.render_widget(sentence.wrap(Wrap { trim: true }), inner);
        return;
    }
    // Figures for another period, or other desks, are not shown as these.
    let Some(report) = app.report_for(view) else {
        frame.render_widget(Paragraph::new(labels.loading).style(theme.muted), inner);
        return;
    };
    // What does not fit is left off by priority: the headline, then the whole heat map (every
    // day and the busiest hour), then one line of appointments, then the charts at their
    // height (a heading, Value and the five kinds of failure demand), then the rest of the
    // appointments; the charts take whatever is left (as many services as fit). When short
    // of a row, the busiest hour goes beside the heat map's heading rather than under it.
    let appointments = report_appointments(report, lang);
    let width = usize::from(inner.width);
    let appointment_rows = appointments.as_ref().map_or(0, |view| {
        let text = format!("{}: {}", view.heading, view.line());
        u16::try_from(wrapped_rows(&text, width)).unwrap_or(u16::MAX)
    });
    let busiest = busiest_line(report, lang);
    let heading_room = screen_labels(lang).busiest.chars().count() + 3;
    let can_join = busiest
        .as_ref()
        .is_some_and(|b| heading_room + b.chars().count() <= width);
    let plan = plan_rows(inner.height, appointment_rows, busiest.is_some(), can_join);
    let [headline, appointments_area, charts, heat] = Layout::vertical([
        Constraint::Length(HEADLINE_ROWS),
        Constraint::Length(plan.appointments),
        Constraint::Min(0),
        Constraint::Length(plan.heat),
    ])
    .areas(inner);
    let text = report_headline(report, lang)
        .iter()
        .map(|figure| format!("{} {}", figure.label, figure.value))
        .collect::<Vec<_>>()
        .join(" · ");
    frame.render_widget(
        Paragraph::new(Line::from(Span::styled(text, theme.heading))).wrap(Wrap { trim: true }),
        headline,
    );
    if let Some(view) = appointments.as_ref().filter(|_| plan.appointments > 0) {
        let figures = if plan.appointments < appointment_rows && plan.appointments == 1 {
            first_figures(view, width)
        } else {
            view.line()
        };
        let line = Line::from(vec![
            Span::styled(format!("{}: ", view.heading), theme.heading),
            Span::styled(figures, theme.base),
        ]);
        frame.render_widget(
            Paragraph::new(line).wrap(Wrap { trim: true }),
            appointments_area,
        );
    }
    if report.visits == 0 {
        let none = match view.desks {
            ReportDesks::ThisDesk => labels.no_visits,
            ReportDesks::AllDesks => labels.no_visits_anywhere,
        };
        frame.render_widget(Paragraph::new(none).style(theme.base), charts);
        return;
    }
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(60), Constraint::Percentage(40)])
            .spacing(2)
            .areas(charts);
    let numbers = Style::new().add_modifier(Modifier::REVERSED);
    // One row for the heading; the rest hold a service each, the last saying how many more
    // there are when they do not all fit. A name has half the chart's width.
    let rows = usize::from(left.height.saturating_sub(1));
    let shown = if report.services.len() > rows {
        rows.saturating_sub(1)
    } else {
        report.services.len()
    };
    let name_room = usize::from(left.width / 2).max(12);
    let services: Vec<Bar> = report
        .services
        .iter()
        .take(shown)
        .map(|s| {
            Bar::default()
                .label(Line::from(cut(&printable(&s.title), name_room)))
                .value(s.visits)
                .text_value(s.visits.to_string())
        })
        .collect();
    let more = report.services.len() - shown;
    let left = if more > 0 {
        let [bars, rest] =
            Layout::vertical([Constraint::Min(0), Constraint::Length(1)]).areas(left);
        frame.render_widget(
            Paragraph::new(Span::styled(screen_more_services(lang, more), theme.muted)),
            rest,
        );
        bars
    } else {
        left
    };
    chart(frame, left, labels.top_services, services, theme, numbers);
    let d = &report.demand;
    let mut demand = vec![
        Bar::default()
            .label(Line::from(labels.value))
            .value(d.value)
            .text_value(d.value.to_string()),
    ];
    for (kind, label) in crate::visit::Demand::ALL
        .iter()
        .filter(|k| k.is_failure())
        .zip(labels.failure_kinds)
    {
        let n = d.failure_by_kind.get(kind.as_str()).copied().unwrap_or(0);
        demand.push(
            Bar::default()
                .label(Line::from(label))
                .value(n)
                .text_value(n.to_string()),
        );
    }
    chart(frame, right, labels.demand, demand, theme, numbers);
    heat_map(frame, heat, report, theme, lang, plan.busiest_beside);
}

/// How many rows `text` takes wrapped at word boundaries to `width` columns, as the paragraph
/// wraps it (a word longer than the line is cut across rows).
fn wrapped_rows(text: &str, width: usize) -> usize {
    let width = width.max(1);
    let mut rows = 1;
    let mut used = 0;
    for word in text.split(' ') {
        let len = word.chars().count();
        let needed = if used == 0 { len } else { used + 1 + len };
        if needed <= width {
            used = needed;
        } else if len <= width {
            rows += 1;
            used = len;
        } else {
            rows += usize::from(used > 0) + (len - 1) / width;
            used = (len - 1) % width + 1;
        }
    }
    rows
}

fn chart(
    frame: &mut Frame,
    area: Rect,
    title: &str,
    bars: Vec<Bar>,
    theme: &Theme,
    numbers: Style,
) {
    let [heading, bars_area] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
    frame.render_widget(Paragraph::new(Span::styled(title, theme.heading)), heading);
    let chart = BarChart::horizontal(bars)
        .bar_width(1)
        .bar_gap(0)
        .value_style(numbers)
        .style(theme.base);
    frame.render_widget(chart, bars_area);
}

/// A shade for `n` of `most`: light to dark, a dot for none.
fn shade(n: u64, most: u64) -> &'static str {
    match (n * 4).div_ceil(most.max(1)) {
        0 => "·",
        1 => "░",
        2 => "▒",
        3 => "▓",
        _ => "█",
    }
}

/// The busiest hour's sentence, when the period has a visit.
fn busiest_line(report: &Report, lang: Language) -> Option<String> {
    let labels = screen_labels(lang);
    report.busiest.top.first().map(|slot| {
        let day = labels.weekdays_short[usize::from(slot.weekday).min(6)];
        screen_busiest(lang, day, slot.hour, slot.visits)
    })
}

fn heat_map(
    frame: &mut Frame,
    area: Rect,
    report: &Report,
    theme: &Theme,
    lang: Language,
    busiest_beside: bool,
) {
    let labels = screen_labels(lang);
    let grid = &report.busiest.by_weekday_hour;
    let busy: Vec<usize> = (0..24).filter(|h| grid.iter().any(|d| d[*h] > 0)).collect();
    let (first, last) = (
        busy.first().copied().unwrap_or(9),
        busy.last().copied().unwrap_or(17),
    );
    let room = usize::from(area.width.saturating_sub(4)) / 5;
    let last = last.min(first + room.saturating_sub(1));
    let most = grid.iter().flatten().copied().max().unwrap_or(0);
    let busiest = busiest_line(report, lang);
    let mut heading = vec![Span::styled(labels.busiest, theme.heading)];
    if busiest_beside && let Some(busiest) = &busiest {
        heading.push(Span::raw(" · "));
        heading.push(Span::styled(busiest.clone(), theme.muted));
    }
    let mut lines = vec![Line::from(heading)];
    let mut hours = String::from("    ");
    for hour in first..=last {
        hours.push_str(&format!("{hour:>4} "));
    }
    lines.push(Line::from(Span::styled(hours, theme.muted)));
    for (day, name) in labels.weekdays_short.iter().enumerate() {
        let mut row = format!("{name} ");
        for &n in &grid[day][first..=last] {
            let count = if n == 0 {
                String::new()
            } else if n > 999 {
                "1k+".to_string()
            } else {
                n.to_string()
            };
            row.push_str(&format!("{}{count:>3} ", shade(n, most)));
        }
        lines.push(Line::from(row));
    }
    if let Some(busiest) = busiest.filter(|_| !busiest_beside) {
        lines.push(Line::from(Span::styled(busiest, theme.muted)));
    }
    frame.render_widget(Paragraph::new(lines).style(theme.base), area);
}
