//! The report as plain text for the terminal: headline figures, then each section as aligned
//! rows. Names are made printable and cut to their column, so a catalogue title can never
//! disturb the terminal or the layout.

use std::fmt::Write;

use unicode_width::UnicodeWidthStr;

use super::{NOT_RECORDED, Report};
use crate::printable::{cut, printable};
use crate::text::Language;
use crate::text::report::{
    cost_of_visits, labels, money, outcome_columns, period, unit_costs_line, value_word,
};

/// The widest name column.
const NAME: usize = 34;

/// A name cut and padded to `width` terminal columns.
fn name(text: &str, width: usize) -> String {
    let text = cut(&printable(text), width);
    let pad = width.saturating_sub(text.width());
    format!("{text}{}", " ".repeat(pad))
}

fn rate(visits: u64, rate: Option<f64>) -> String {
    match rate {
        Some(rate) => format!("{visits} ({rate}%)"),
        None => visits.to_string(),
    }
}

/// The report as text, ending with its definitions.
pub fn render(report: &Report, lang: Language) -> String {
    let l = labels(lang);
    let mut out = String::new();
    let desks = match &report.period.desk {
        Some(desk) => printable(desk).into_owned(),
        None => format!("{} {}", l.all_desks_but, super::DEMO_DESK),
    };
    let _ = writeln!(out, "{}", l.title);
    let _ = writeln!(
        out,
        "{}: {}   {}: {desks}",
        l.period,
        period(
            lang,
            &report.period.from.to_string(),
            &report.period.to.to_string()
        ),
        l.desks
    );
    let line = |out: &mut String, label: &str, value: String| {
        let _ = writeln!(out, "  {}  {value}", name(label, NAME));
    };
    out.push('\n');
    line(&mut out, l.visits, report.visits.to_string());
    line(
        &mut out,
        l.first_contact,
        rate(
            report.first_contact_resolution.visits,
            report.first_contact_resolution.rate_percent,
        ),
    );
    line(
        &mut out,
        l.assisted_digital,
        rate(
            report.assisted_digital.visits,
            report.assisted_digital.rate_percent,
        ),
    );
    for (how, n) in &report.assisted_digital.by_how {
        let how = if how == NOT_RECORDED && lang != Language::English {
            l.not_recorded
        } else {
            crate::text::form::code_label(lang, how).unwrap_or(how)
        };
        line(&mut out, &format!("  {how}"), n.to_string());
    }
    line(
        &mut out,
        l.median_length,
        crate::text::report::median_text(lang, report.median_minutes, report.length_unknown),
    );

    let _ = writeln!(out, "\n{}", l.services);
    let columns = outcome_columns(lang);
    let _ = writeln!(
        out,
        "  {}  {:>6}  {:>5} {:>5} {:>5} {:>5} {:>5} {:>5}  {:>6}",
        name(l.service, NAME),
        l.visits,
        columns[0],
        columns[1],
        columns[2],
        columns[3],
        columns[4],
        columns[5],
        l.minutes
    );
    for s in &report.services {
        let o = |w: &str| s.outcomes.get(w).copied().unwrap_or(0);
        let _ = writeln!(
            out,
            "  {}  {:>6}  {:>5} {:>5} {:>5} {:>5} {:>5} {:>5}  {:>6}",
            name(&s.title, NAME),
            s.visits,
            o("resolved"),
            o("signposted"),
            o("referred"),
            o("appointment"),
            o("assisted-digital"),
            o("not-resolved"),
            s.median_minutes.map_or("-".to_string(), |m| m.to_string())
        );
    }
    let counts =
        |out: &mut String, title: &str, counts: &std::collections::BTreeMap<String, u64>| {
            let _ = writeln!(out, "\n{title}");
            for (word, n) in counts {
                let shown = if word == NOT_RECORDED {
                    l.not_recorded
                } else {
                    crate::text::form::code_label(lang, word).unwrap_or(word)
                };
                line(out, shown, n.to_string());
            }
        };
    counts(&mut out, l.outcomes, &report.outcomes);
    counts(&mut out, l.could_be_online, &report.could_be_online);
    // The ten biggest; the JSON and CSV have them all.
    for s in report.channel_shift.iter().take(10) {
        line(&mut out, &format!("  {}", s.title), s.visits.to_string());
    }
    counts(&mut out, l.reasons, &report.exclusion_reasons);
    let _ = writeln!(out, "\n{}", l.demand);
    let d = &report.demand;
    line(&mut out, value_word(lang), d.value.to_string());
    line(&mut out, l.failure, rate(d.failure, d.failure_rate_percent));
    for (kind, n) in &d.failure_by_kind {
        let kind = crate::text::form::code_label(lang, kind).unwrap_or(kind);
        line(&mut out, &format!("  {kind}"), n.to_string());
    }
    line(&mut out, l.not_recorded, d.not_recorded.to_string());
    let _ = writeln!(out, "\n{}", l.failure_by_service);
    for s in &report.failure_demand_by_service {
        line(&mut out, &s.title, s.visits.to_string());
    }
    let _ = writeln!(out, "\n{}", l.partners);
    for p in &report.partners {
        line(
            &mut out,
            &p.name,
            format!(
                "{} {}, {} {}",
                p.signposts, l.signposts, p.referrals, l.referrals
            ),
        );
    }
    if report.signposted_without_partner > 0 {
        let _ = writeln!(
            out,
            "  {}",
            crate::text::report::signposted_without_partner(
                lang,
                report.signposted_without_partner
            )
        );
    }
    let _ = writeln!(out, "\n{}", l.scripts);
    for s in &report.scripts {
        line(&mut out, &s.title, s.visits.to_string());
        for end in &s.ends {
            let end_name = match &end.end {
                Some(id) => format!("  {} ({})", printable(id), end.path),
                None => format!("  {}", end.path),
            };
            line(&mut out, &end_name, end.visits.to_string());
        }
    }
    counts(&mut out, l.feedback, &report.feedback);
    counts(&mut out, l.spoken_language, &report.languages.spoken);
    counts(&mut out, l.written_language, &report.languages.written);
    for figures in &report.choices {
        let _ = writeln!(out, "\n{}", crate::text::fields::label(lang, &figures.id));
        for (word, n) in figures.in_order() {
            let shown = if word == NOT_RECORDED {
                l.not_recorded
            } else {
                crate::text::fields::option(lang, &figures.id, word)
            };
            line(&mut out, shown, n.to_string());
        }
    }
    let _ = writeln!(out, "\n{}", l.busiest);
    for slot in &report.busiest.top {
        let day = l
            .weekdays
            .get(usize::from(slot.weekday))
            .copied()
            .unwrap_or("");
        line(
            &mut out,
            &format!("{day} {:02}:00", slot.hour),
            slot.visits.to_string(),
        );
    }
    let _ = writeln!(out, "\n{}", l.costs);
    match &report.costs {
        None => {
            let _ = writeln!(out, "  {}", l.no_costs);
        }
        Some(costs) => {
            let unit = |p: Option<u64>| p.map_or("-".to_string(), |p| money(lang, p));
            let units = &costs.unit_costs_pence;
            line(
                &mut out,
                l.unit_costs,
                unit_costs_line(
                    lang,
                    &unit(units.face_to_face),
                    &unit(units.phone),
                    &unit(units.web),
                ),
            );
            line(
                &mut out,
                l.avoidable_cost,
                cost_of_visits(
                    lang,
                    &unit(costs.avoidable_cost_pence),
                    costs.avoidable_visits,
                ),
            );
            line(
                &mut out,
                l.channel_shift_saving,
                cost_of_visits(
                    lang,
                    &unit(costs.channel_shift_saving_pence),
                    costs.could_be_online_visits,
                ),
            );
        }
    }
    if let Some(figures) = &report.appointments {
        out.push_str(&super::appointments::render(figures, lang));
    }
    let _ = writeln!(out, "\n{}", l.definitions);
    let defs = &report.definitions;
    for text in [
        defs.first_contact_resolution,
        defs.assisted_digital,
        defs.could_be_online,
        defs.failure_demand,
        defs.visit_length,
        defs.avoidable_cost,
        defs.times,
    ] {
        let _ = writeln!(out, "  - {text}");
    }
    out
}
