//! The report as one self-contained HTML page: headline figures, tables, bar charts and the
//! weekday x hour heat map as inline SVG drawn with plotters. No scripts, fonts or other files:
//! it opens offline, prints, and can be attached to an email. Bars and cells are shades of grey
//! with their numbers written on them, so the page reads the same in black and white.

use std::fmt::Write;

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{NOT_RECORDED, Report};
use crate::text::Language;
use crate::text::report::{
    cost_of_visits, labels, minutes, money, period, unit_costs_line, value_word,
};

/// The widest chart, in pixels.
const WIDTH: u32 = 720;
/// How many bars a chart shows at most.
const MOST_BARS: usize = 12;

/// Text safe inside HTML.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// An SVG with whatever plotters could not draw left out (a drawing error is not worth a
/// missing report).
fn svg(
    width: u32,
    height: u32,
    draw: impl FnOnce(&DrawingArea<SVGBackend<'_>, plotters::coord::Shift>) -> Result<(), String>,
) -> String {
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (width, height)).into_drawing_area();
        let drawn = root
            .fill(&WHITE)
            .map_err(|e| e.to_string())
            .and_then(|()| draw(&root))
            .and_then(|()| root.present().map_err(|e| e.to_string()));
        if let Err(error) = drawn {
            tracing::warn!("a report chart could not be drawn: {error}");
        }
    }
    out
}

/// A horizontal bar chart: each label, its bar, and its number written after the bar.
fn bars(rows: &[(String, u64)]) -> String {
    let rows = &rows[..rows.len().min(MOST_BARS)];
    if rows.is_empty() {
        return String::new();
    }
    let row_height = 22;
    let label_width = 260;
    let height = (rows.len() as u32) * row_height + 10;
    let most = rows.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1);
    svg(WIDTH, height, |root| {
        let font = ("sans-serif", 13).into_font().color(&BLACK);
        let bar_room = i64::from(WIDTH - label_width - 70);
        for (i, (label, n)) in rows.iter().enumerate() {
            let top = (i as i32) * row_height as i32 + 5;
            let middle = top + row_height as i32 / 2;
            let shown: String = if label.chars().count() > 38 {
                label.chars().take(37).chain(['…']).collect()
            } else {
                label.clone()
            };
            root.draw(&Text::new(
                shown,
                (label_width as i32 - 8, middle),
                font.clone().pos(Pos::new(HPos::Right, VPos::Center)),
            ))
            .map_err(|e| e.to_string())?;
            let length = (i64::try_from(*n).unwrap_or(i64::MAX) * bar_room / most as i64) as i32;
            root.draw(&Rectangle::new(
                [
                    (label_width as i32, top + 3),
                    (
                        label_width as i32 + length.max(1),
                        top + row_height as i32 - 3,
                    ),
                ],
                RGBColor(90, 90, 90).filled(),
            ))
            .map_err(|e| e.to_string())?;
            root.draw(&Text::new(
                n.to_string(),
                (label_width as i32 + length + 6, middle),
                font.clone().pos(Pos::new(HPos::Left, VPos::Center)),
            ))
            .map_err(|e| e.to_string())?;
        }
        Ok(())
    })
}

/// The weekday x hour heat map: darker is busier, and every cell with visits has its number.
fn heat_map(grid: &[[u64; 24]; 7], weekdays: &[&str; 7]) -> String {
    let busy_hours: Vec<usize> = (0..24)
        .filter(|h| grid.iter().any(|day| day[*h] > 0))
        .collect();
    let (first, last) = match (busy_hours.first(), busy_hours.last()) {
        (Some(first), Some(last)) => (*first, *last),
        _ => return String::new(),
    };
    let hours: Vec<usize> = (first..=last).collect();
    let left = 100;
    let top = 24;
    let cell_w = ((WIDTH - left) / hours.len() as u32).min(48) as i32;
    let cell_h = 26;
    let most = grid.iter().flatten().copied().max().unwrap_or(0).max(1);
    let height = top as u32 + 7 * cell_h as u32 + 4;
    svg(WIDTH, height, |root| {
        let font = ("sans-serif", 12).into_font();
        for (column, hour) in hours.iter().enumerate() {
            let x = left as i32 + column as i32 * cell_w + cell_w / 2;
            root.draw(&Text::new(
                format!("{hour:02}"),
                (x, top / 2),
                font.clone()
                    .color(&BLACK)
                    .pos(Pos::new(HPos::Center, VPos::Center)),
            ))
            .map_err(|e| e.to_string())?;
        }
        for (day, name) in weekdays.iter().enumerate() {
            let y = top + day as i32 * cell_h;
            root.draw(&Text::new(
                name.to_string(),
                (left as i32 - 8, y + cell_h / 2),
                font.clone()
                    .color(&BLACK)
                    .pos(Pos::new(HPos::Right, VPos::Center)),
            ))
            .map_err(|e| e.to_string())?;
            for (column, hour) in hours.iter().enumerate() {
                let n = grid[day][*hour];
                let x = left as i32 + column as i32 * cell_w;
                let shade = 255 - (n * 205 / most) as u8;
                root.draw(&Rectangle::new(
                    [(x, y), (x + cell_w - 1, y + cell_h - 1)],
                    RGBColor(shade, shade, shade).filled(),
                ))
                .map_err(|e| e.to_string())?;
                root.draw(&Rectangle::new(
                    [(x, y), (x + cell_w - 1, y + cell_h - 1)],
                    RGBColor(200, 200, 200).stroke_width(1),
                ))
                .map_err(|e| e.to_string())?;
                if n > 0 {
                    let ink = if shade < 140 { &WHITE } else { &BLACK };
                    root.draw(&Text::new(
                        n.to_string(),
                        (x + cell_w / 2, y + cell_h / 2),
                        font.clone()
                            .color(ink)
                            .pos(Pos::new(HPos::Center, VPos::Center)),
                    ))
                    .map_err(|e| e.to_string())?;
                }
            }
        }
        Ok(())
    })
}

/// A two-column table of names and numbers.
fn table(out: &mut String, rows: &[(String, String)]) {
    out.push_str("<table>\n");
    for (name, value) in rows {
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{}</th><td>{}</td></tr>",
            esc(name),
            esc(value)
        );
    }
    out.push_str("</table>\n");
}

fn counted(
    counts: &std::collections::BTreeMap<String, u64>,
    not_recorded: &str,
    lang: Language,
) -> Vec<(String, String)> {
    counts
        .iter()
        .map(|(word, n)| {
            let word = if word == NOT_RECORDED {
                not_recorded
            } else {
                crate::text::form::code_label(lang, word).unwrap_or(word)
            };
            (word.to_string(), n.to_string())
        })
        .collect()
}

/// A stored word ("chasing-progress") as its label in `lang`.
fn shown_code(lang: Language, code: &str) -> String {
    if code == NOT_RECORDED && lang != Language::English {
        return crate::text::report::labels(lang).not_recorded.to_string();
    }
    crate::text::form::code_label(lang, code)
        .unwrap_or(code)
        .to_string()
}

/// The appointments and waiting section: the figures both faces show, then bookings by
/// service and place and the wait by service and by hour, as tables.
fn appointments(
    out: &mut String,
    figures: &super::appointments::AppointmentFigures,
    lang: Language,
) {
    let w = crate::text::appointments::report_words(lang);
    let heads = crate::text::appointments::columns(lang);
    let wait = |m: Option<f64>| m.map_or("-".to_string(), |m| minutes(lang, m));
    let _ = writeln!(
        out,
        "<section class=\"appointments\">\n<h2>{}</h2>",
        esc(w.heading)
    );
    table(
        out,
        &[
            (w.bookings.to_string(), figures.bookings.to_string()),
            (
                w.kept.to_string(),
                rate(figures.kept, figures.kept_rate_percent),
            ),
            (w.no_shows.to_string(), figures.no_shows.to_string()),
            (w.cancelled.to_string(), figures.cancelled.to_string()),
            (
                w.by_appointment.to_string(),
                rate(figures.by_appointment, figures.by_appointment_percent),
            ),
            (w.walk_ins.to_string(), figures.walk_ins.to_string()),
            (
                w.wait.to_string(),
                format!(
                    "{} {}, {} {}, p90 {}",
                    figures.waiting.called,
                    w.called,
                    w.median,
                    wait(figures.waiting.median_minutes),
                    wait(figures.waiting.p90_minutes)
                ),
            ),
        ],
    );
    if !figures.by_service_and_place.is_empty() {
        let _ = writeln!(out, "<h3>{}</h3>", esc(w.by_service_and_place));
        let _ = writeln!(
            out,
            "<table>\n<tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
            esc(heads.service),
            esc(heads.place),
            esc(w.bookings),
            esc(w.kept),
            esc(w.no_shows),
            esc(w.cancelled)
        );
        for pair in &figures.by_service_and_place {
            let _ = writeln!(
                out,
                "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(&pair.service),
                esc(&pair.place),
                pair.bookings,
                pair.kept,
                pair.no_shows,
                pair.cancelled
            );
        }
        out.push_str("</table>\n");
    }
    for (title, first, rows, hours) in [
        (
            w.wait_by_service,
            heads.service,
            &figures.waiting_by_service,
            false,
        ),
        (w.wait_by_hour, w.hour, &figures.waiting_by_hour, true),
    ] {
        if rows.is_empty() {
            continue;
        }
        let _ = writeln!(out, "<h3>{}</h3>", esc(title));
        let _ = writeln!(
            out,
            "<table>\n<tr><th>{}</th><th>{}</th><th>{}</th><th>p90</th></tr>",
            esc(first),
            esc(w.called),
            esc(w.median)
        );
        for row in rows.iter() {
            let name = if hours {
                format!("{}:00", row.id)
            } else {
                row.id.clone()
            };
            let _ = writeln!(
                out,
                "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(&name),
                row.waits.called,
                esc(&wait(row.waits.median_minutes)),
                esc(&wait(row.waits.p90_minutes))
            );
        }
        out.push_str("</table>\n");
    }
    out.push_str("</section>\n");
}

fn rate(visits: u64, rate: Option<f64>) -> String {
    match rate {
        Some(rate) => format!("{visits} ({rate}%)"),
        None => visits.to_string(),
    }
}

const STYLE: &str = "body{font-family:sans-serif;max-width:60em;margin:1em auto;color:#000;background:#fff}\
h1,h2{margin-bottom:.3em}h2{border-bottom:1px solid #000;page-break-after:avoid}\
table{border-collapse:collapse;margin:.5em 0}th,td{border:1px solid #888;padding:.2em .6em;text-align:left}\
td{text-align:right}.headline td{font-size:1.3em;font-weight:bold}svg{max-width:100%;height:auto}\
section{page-break-inside:avoid}dd{margin-bottom:.5em}@media print{body{margin:0}}";

/// The whole page.
pub fn render(report: &Report, lang: Language) -> String {
    let l = labels(lang);
    let mut out = String::new();
    let shown_period = period(
        lang,
        &report.period.from.to_string(),
        &report.period.to.to_string(),
    );
    let desks = match &report.period.desk {
        Some(desk) => desk.clone(),
        None => format!("{} {}", l.all_desks_but, super::DEMO_DESK),
    };
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{} {}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>{}</h1>\n<p>{}: <strong>{}</strong>. {}: <strong>{}</strong>.</p>\n",
        match lang {
            Language::English => "en-GB",
            Language::Welsh => "cy-GB",
        },
        esc(l.title),
        esc(&shown_period),
        esc(l.title),
        esc(l.period),
        esc(&shown_period),
        esc(l.desks),
        esc(&desks)
    );
    out.push_str("<section class=\"headline\">\n");
    table(
        &mut out,
        &[
            (l.visits.to_string(), report.visits.to_string()),
            (
                l.first_contact.to_string(),
                rate(
                    report.first_contact_resolution.visits,
                    report.first_contact_resolution.rate_percent,
                ),
            ),
            (
                l.assisted_digital.to_string(),
                rate(
                    report.assisted_digital.visits,
                    report.assisted_digital.rate_percent,
                ),
            ),
            (
                l.failure.to_string(),
                rate(report.demand.failure, report.demand.failure_rate_percent),
            ),
            (
                l.median_length.to_string(),
                crate::text::report::median_text(
                    lang,
                    report.median_minutes,
                    report.length_unknown,
                ),
            ),
        ],
    );
    out.push_str("</section>\n");

    let section = |out: &mut String, title: &str| {
        let _ = writeln!(out, "<section>\n<h2>{}</h2>", esc(title));
    };
    section(&mut out, l.services);
    out.push_str(&bars(
        &report
            .services
            .iter()
            .map(|s| (s.title.clone(), s.visits))
            .collect::<Vec<_>>(),
    ));
    out.push_str("<table>\n<tr><th>");
    out.push_str(&esc(l.service));
    let _ = write!(out, "</th><th>{}</th>", esc(l.visits));
    for word in crate::visit::Outcome::ALL {
        let _ = write!(out, "<th>{}</th>", esc(&shown_code(lang, word.as_str())));
    }
    let _ = writeln!(out, "<th>{}</th></tr>", esc(l.median_length));
    for s in &report.services {
        let _ = write!(
            out,
            "<tr><th scope=\"row\">{}</th><td>{}</td>",
            esc(&s.title),
            s.visits
        );
        for word in crate::visit::Outcome::ALL {
            let _ = write!(
                out,
                "<td>{}</td>",
                s.outcomes.get(word.as_str()).copied().unwrap_or(0)
            );
        }
        let _ = writeln!(
            out,
            "<td>{}</td></tr>",
            s.median_minutes
                .map_or("-".to_string(), |m| minutes(lang, m))
        );
    }
    out.push_str("</table>\n</section>\n");

    section(&mut out, l.outcomes);
    table(&mut out, &counted(&report.outcomes, l.not_recorded, lang));
    out.push_str("</section>\n");

    section(&mut out, l.could_be_online);
    table(
        &mut out,
        &counted(&report.could_be_online, l.not_recorded, lang),
    );
    out.push_str(&bars(
        &report
            .channel_shift
            .iter()
            .map(|s| (s.title.clone(), s.visits))
            .collect::<Vec<_>>(),
    ));
    let _ = writeln!(out, "<h3>{}</h3>", esc(l.reasons));
    table(
        &mut out,
        &counted(&report.exclusion_reasons, l.not_recorded, lang),
    );
    out.push_str("</section>\n");

    section(&mut out, l.demand);
    let d = &report.demand;
    let mut rows = vec![
        (value_word(lang).to_string(), d.value.to_string()),
        (
            l.failure.to_string(),
            rate(d.failure, d.failure_rate_percent),
        ),
    ];
    rows.extend(
        d.failure_by_kind
            .iter()
            .map(|(k, n)| (shown_code(lang, k), n.to_string())),
    );
    rows.push((l.not_recorded.to_string(), d.not_recorded.to_string()));
    table(&mut out, &rows);
    out.push_str(&bars(
        &d.failure_by_kind
            .iter()
            .map(|(k, n)| (shown_code(lang, k), *n))
            .collect::<Vec<_>>(),
    ));
    let _ = writeln!(out, "<h3>{}</h3>", esc(l.failure_by_service));
    out.push_str(&bars(
        &report
            .failure_demand_by_service
            .iter()
            .map(|s| (s.title.clone(), s.visits))
            .collect::<Vec<_>>(),
    ));
    out.push_str("</section>\n");

    section(&mut out, l.partners);
    out.push_str("<table>\n");
    let _ = writeln!(
        out,
        "<tr><th></th><th>{}</th><th>{}</th></tr>",
        esc(l.signposts),
        esc(l.referrals)
    );
    for p in &report.partners {
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td></tr>",
            esc(&p.name),
            p.signposts,
            p.referrals
        );
    }
    out.push_str("</table>\n");
    if report.signposted_without_partner > 0 {
        let _ = writeln!(
            out,
            "<p>{}</p>",
            esc(&crate::text::report::signposted_without_partner(
                lang,
                report.signposted_without_partner
            ))
        );
    }
    out.push_str("</section>\n");

    section(&mut out, l.scripts);
    let mut rows = Vec::new();
    for s in &report.scripts {
        rows.push((s.title.clone(), s.visits.to_string()));
        for end in &s.ends {
            let name = match &end.end {
                Some(id) => format!("  {id} ({})", end.path),
                None => format!("  {}", end.path),
            };
            rows.push((name, end.visits.to_string()));
        }
    }
    table(&mut out, &rows);
    out.push_str("</section>\n");

    section(&mut out, l.feedback);
    table(&mut out, &counted(&report.feedback, l.not_recorded, lang));
    out.push_str("</section>\n");

    for (title, counts) in [
        (l.spoken_language, &report.languages.spoken),
        (l.written_language, &report.languages.written),
    ] {
        section(&mut out, title);
        table(&mut out, &counted(counts, l.not_recorded, lang));
        out.push_str("</section>\n");
    }

    for figures in &report.choices {
        section(&mut out, crate::text::fields::label(lang, &figures.id));
        let rows: Vec<(String, String)> = figures
            .in_order()
            .into_iter()
            .map(|(word, n)| {
                let shown = if word == NOT_RECORDED {
                    l.not_recorded
                } else {
                    crate::text::fields::option(lang, &figures.id, word)
                };
                (shown.to_string(), n.to_string())
            })
            .collect();
        table(&mut out, &rows);
        out.push_str("</section>\n");
    }

    section(&mut out, l.busiest);
    out.push_str(&heat_map(&report.busiest.by_weekday_hour, &l.weekdays));
    out.push_str("</section>\n");

    if let Some(figures) = &report.appointments {
        appointments(&mut out, figures, lang);
    }

    section(&mut out, l.costs);
    match &report.costs {
        None => {
            let _ = writeln!(out, "<p>{}</p>", esc(l.no_costs));
        }
        Some(costs) => {
            let unit = |p: Option<u64>| p.map_or("-".to_string(), |p| money(lang, p));
            let units = &costs.unit_costs_pence;
            table(
                &mut out,
                &[
                    (
                        l.unit_costs.to_string(),
                        unit_costs_line(
                            lang,
                            &unit(units.face_to_face),
                            &unit(units.phone),
                            &unit(units.web),
                        ),
                    ),
                    (
                        l.avoidable_cost.to_string(),
                        cost_of_visits(
                            lang,
                            &unit(costs.avoidable_cost_pence),
                            costs.avoidable_visits,
                        ),
                    ),
                    (
                        l.channel_shift_saving.to_string(),
                        cost_of_visits(
                            lang,
                            &unit(costs.channel_shift_saving_pence),
                            costs.could_be_online_visits,
                        ),
                    ),
                ],
            );
        }
    }
    out.push_str("</section>\n");

    section(&mut out, l.definitions);
    out.push_str("<dl>\n");
    let defs = &report.definitions;
    for (term, text) in [
        (l.first_contact, defs.first_contact_resolution),
        (l.assisted_digital, defs.assisted_digital),
        (l.could_be_online, defs.could_be_online),
        (l.demand, defs.failure_demand),
        (l.median_length, defs.visit_length),
        (l.costs, defs.avoidable_cost),
        (l.busiest, defs.times),
    ] {
        let _ = writeln!(out, "<dt>{}</dt><dd>{}</dd>", esc(term), esc(text));
    }
    out.push_str("</dl>\n</section>\n</body>\n</html>\n");
    out
}
