//! What each screen says, as plain lines: the results on one line, an entry as "Label: value"
//! lines, the resident's web address written out, a script's node, today's visits. No line is
//! ever redrawn; the session prints these when they change.

use crate::catalogue::{Entry, EntryKey, ScriptEnd};
use crate::desk::view::{Value, ViewLine};
use crate::desk::{App, Command, Screen, ScriptView, SlipView, WaitingView};
use crate::text::{self, Language};

/// How many results one line reads out; 'more' reads the next ones.
pub const RESULTS_AT_ONCE: usize = 10;

/// The lines of the screen on top. The visit form is asked field by field instead (see
/// `form.rs`), so it has none here.
pub fn lines(app: &App, results_from: usize) -> Vec<String> {
    match app.screen() {
        Screen::Search => search(app, results_from),
        Screen::Detail(detail) => entry(app, detail.key),
        Screen::ShowResident(view) => resident(app, view.key),
        Screen::Script(view) => script(app, view),
        Screen::Today => today(app),
        Screen::Waiting(view) => waiting(app, view),
        Screen::VisitForm => Vec::new(),
        Screen::Slip(view) => slip(app, view),
        Screen::Booking(view) => booking(app, view),
        Screen::Report(view) => match (app.report_problem(view), app.report_for(view)) {
            (Some(problem), _) => vec![problem.to_string()],
            (None, Some(report)) => {
                let name = match view.period.kind {
                    crate::report::PeriodKind::Range => None,
                    _ => Some(view.period.name(app.lang, app.now.date_naive())),
                };
                super::report::lines(report, name.as_deref(), app.lang)
            }
            (None, None) => vec![text::accessible::report_waiting(app.lang).to_string()],
        },
    }
}

/// The booking screen as lines: what it is for and the stage, the slot chosen or the booking
/// made, the numbered choices, and the question to answer.
fn booking(app: &App, view: &crate::desk::BookingView) -> Vec<String> {
    use crate::desk::BookingStage;
    let screen = app.booking_screen_view(view);
    let w = text::booking::words(app.lang);
    let mut lines = vec![format!("{}: {}.", screen.title, screen.heading)];
    lines.extend(screen.note.clone());
    lines.extend(screen.page.clone());
    lines.extend(screen.lines.iter().map(sentence));
    lines.extend(
        screen
            .choices
            .iter()
            .enumerate()
            .map(|(i, choice)| format!("{}: {choice}.", i + 1)),
    );
    if let Some(prompt) = &screen.prompt {
        lines.push(format!("{}{}", prompt.label, prompt.typed));
        return lines;
    }
    match &view.stage {
        BookingStage::Slots if !screen.choices.is_empty() => {
            lines.push(w.which_slot.to_string());
            let words = text::accessible::words(app.lang);
            lines.extend(text::booking::more_slots(
                app.lang,
                screen.later.then_some(words.more),
                screen.earlier.then_some(words.earlier),
            ));
        }
        BookingStage::Needs => {
            lines.push(w.which_needs.to_string());
            lines.push(w.confirm.to_string());
        }
        _ => {}
    }
    lines
}

/// A result as one phrase: its title, then whose it is.
fn result_item(app: &App, key: EntryKey) -> Option<String> {
    let lang = app.lang;
    let entry = app.catalogue.entry(key)?;
    let whose = match entry {
        Entry::Service(service) => app.catalogue.provider_of(service).name.to_string(),
        Entry::Partner(_) => text::accessible::partner_kind(lang).to_string(),
        Entry::Faq(_) => text::accessible::faq_kind(lang).to_string(),
        Entry::Script(_) => text::accessible::script_kind(lang).to_string(),
    };
    Some(text::accessible::result_item(
        lang,
        entry.title(),
        &whose,
        entry.urgent(),
    ))
}

fn search(app: &App, from: usize) -> Vec<String> {
    let lang = app.lang;
    let query = app.search.query.trim();
    if query.is_empty() {
        return vec![text::accessible::search_empty(lang).to_string()];
    }
    let results = &app.search.results;
    let mut lines = Vec::new();
    if results.is_empty() {
        lines.push(text::accessible::no_results(lang, query));
    } else if from >= results.len() {
        lines.push(text::accessible::no_more_results(lang).to_string());
    } else {
        let shown: Vec<String> = results
            .iter()
            .skip(from)
            .take(RESULTS_AT_ONCE)
            .filter_map(|key| result_item(app, *key))
            .collect();
        let more = results.len().saturating_sub(from + shown.len());
        lines.push(text::accessible::results(
            lang,
            results.len(),
            from + 1,
            &shown,
            more,
        ));
    }
    lines
}

/// "Label: value", or nothing when there is no value.
fn labelled(lines: &mut Vec<String>, label: &str, value: &str) {
    let value = value.trim();
    if !value.is_empty() {
        lines.push(format!("{}: {value}", label.trim().trim_end_matches(':')));
    }
}

/// Phrases joined as sentences, each ending with a full stop.
fn sentences(parts: &[String]) -> String {
    parts
        .iter()
        .map(|p| {
            let p = p.trim();
            if p.ends_with('.') {
                p.to_string()
            } else {
                format!("{p}.")
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// An entry's detail screen: the desk's view of it, every line as "Label: value", then its
/// numbered links.
pub fn entry(app: &App, key: EntryKey) -> Vec<String> {
    let lang = app.lang;
    let Some(view) = app.entry_view(key) else {
        return Vec::new();
    };
    let kind = text::screens::kind_title(lang, view.kind).trim();
    let mut lines = vec![text::accessible::entry_heading(
        lang,
        kind,
        &view.title,
        view.urgent,
    )];
    lines.extend(view.lines.iter().map(sentence));
    let items: Vec<String> = view
        .links
        .iter()
        .enumerate()
        .map(|(i, link)| {
            let tag = link
                .tag
                .map(|t| format!(" ({})", t.trim_matches(['[', ']'])))
                .unwrap_or_default();
            format!("{}: {}: {}{tag}.", i + 1, link.relation, link.title)
        })
        .collect();
    if !items.is_empty() {
        let own = text::accessible::labels(lang);
        lines.push(format!(
            "{} {} {}",
            own.links,
            items.join(" "),
            text::accessible::link_hint(lang)
        ));
    }
    if let Some(script) = app.offered_script() {
        lines.push(text::accessible::script_offered(lang, &script.title));
    }
    lines
}

/// One line of a view read out: "Label: value"; a list joined with "; ", lines as sentences;
/// the full screen's " · " said as a comma.
fn sentence(line: &ViewLine) -> String {
    let value = match &line.value {
        Value::Text(text) => text.replace(" · ", ", "),
        Value::Bullets(items) | Value::Steps(items) => items.join("; "),
        Value::Lines(items) => sentences(items),
    };
    match line.label_word() {
        "" => value,
        label => format!("{label}: {value}"),
    }
}

/// A web address read out: "example dot gov dot uk slash bins".
pub fn spelled_out(lang: Language, address: &str) -> String {
    let mut words: Vec<String> = Vec::new();
    let mut word = String::new();
    for c in address.chars() {
        match text::accessible::punctuation(lang, c) {
            Some(said) => {
                if !word.is_empty() {
                    words.push(std::mem::take(&mut word));
                }
                words.push(said.to_string());
            }
            None => word.push(c),
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words.join(" ")
}

/// "Show the resident": the desk's handout view, in the language the resident reads: the title,
/// the web address written out (no QR code), the phone and the hours.
pub fn resident(app: &App, key: EntryKey) -> Vec<String> {
    let Some(view) = app.handout_view(key) else {
        return Vec::new();
    };
    let lang = view.lang;
    let own = text::accessible::labels(lang);
    let mut lines = vec![format!("{}: {}", view.heading, view.title)];
    match view.url.as_deref() {
        Some(url) => {
            lines.push(format!("{}{url}", own.web_address));
            lines.push(format!("{}{}", own.spelled_out, spelled_out(lang, url)));
        }
        None => lines.push(view.no_web_address.to_string()),
    }
    labelled(
        &mut lines,
        text::screens::labels(lang).phone,
        view.phone.as_deref().unwrap_or(""),
    );
    if !view.hours.is_empty() {
        lines.push(format!("{}{}", own.hours, sentences(&view.hours)));
    }
    lines
}

/// A script's node: the answers so far, an urgent step first, the words for the receptionist
/// and for the resident, the numbered options or the end.
fn script(app: &App, view: &ScriptView) -> Vec<String> {
    let lang = app.lang;
    let labels = text::script::labels(lang);
    let own = text::accessible::labels(lang);
    let Some(walk) = view.walk(&app.catalogue) else {
        return vec![labels.missing.to_string()];
    };
    let mut lines = vec![format!(
        "{}: {}",
        text::screens::names(lang).script,
        walk.script().title
    )];
    let step = crate::desk::view::script_step_view(&walk, lang);
    if !step.path.is_empty() {
        lines.push(format!("{}{}.", own.path, step.path.join(own.then)));
    }
    if let Some(urgent) = &step.urgent {
        lines.push(format!("{}: {}", labels.urgent, urgent.now));
        if !urgent.calls.is_empty() {
            let calls: Vec<String> = urgent
                .calls
                .iter()
                .enumerate()
                .map(|(i, call)| format!("{}: {call}.", i + 1))
                .collect();
            lines.push(format!("{} {}", labels.call, calls.join(" ")));
        }
        if step.waiting {
            lines.push(text::accessible::urgent_wait(lang).to_string());
            return lines;
        }
    }
    lines.extend(step.lines.iter().map(sentence));
    if !step.options.is_empty() {
        let options: Vec<String> = step
            .options
            .iter()
            .map(|(key, label)| format!("{key}: {label}."))
            .collect();
        lines.push(format!("{} {}", own.options, options.join(" ")));
    }
    if let Some(end) = walk.end() {
        end_lines(app, end, &mut lines);
    }
    lines
}

fn end_lines(app: &App, end: &ScriptEnd, lines: &mut Vec<String>) {
    let lang = app.lang;
    let labels = text::script::labels(lang);
    lines.push(format!("{}.", labels.end));
    let end_view = crate::desk::view::script_end_view(&app.catalogue, end, lang, &app.keys);
    lines.extend(end_view.iter().map(sentence));
    lines.push(text::accessible::log_from_end(lang).to_string());
}

/// The slip previewed: its lines as the large-print text has them (blank lines left out: a
/// screen reader says nothing for them), then how to print or save it.
fn slip(app: &App, view: &SlipView) -> Vec<String> {
    let lang = app.lang;
    let Some(slip) = app.slip_text(view) else {
        return vec![text::status::nothing_for_a_slip(lang)];
    };
    let mut lines = vec![text::accessible::slip_heading(lang).to_string()];
    lines.extend(
        slip.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_string),
    );
    lines.push(text::accessible::slip_end(lang).to_string());
    lines
}

/// Today's visits at this desk: the desk's view of the list, one line a visit, numbered, then
/// which of them can still be undone or edited.
pub fn today(app: &App) -> Vec<String> {
    let lang = app.lang;
    let view = app.today_view();
    let mut lines = vec![view.heading];
    for (i, row) in view.rows.iter().enumerate() {
        lines.push(text::accessible::today_item(
            lang,
            i + 1,
            &row.time,
            &row.length,
            row.outcome,
            &row.services,
        ));
    }
    if !view.rows.is_empty() {
        let numbers: Vec<usize> = (1..=view.rows.len())
            .filter(|n| view.rows[n - 1].changeable)
            .collect();
        let (undo, edit) = (app.keys.key(Command::Undo), app.keys.key(Command::Edit));
        lines.push(text::accessible::today_changeable(
            lang,
            &numbers,
            &undo,
            &edit,
            view.window_minutes,
        ));
    }
    lines
}

/// Today's appointments found by what was typed, then the ticket given and called here, and
/// who is waiting: the desk's one view of the screen, read out.
pub fn waiting(app: &App, view: &WaitingView) -> Vec<String> {
    let lang = app.lang;
    let screen = app.waiting_screen(view);
    let labels = text::waiting::labels(lang);
    let mut lines = vec![text::waiting::bookings_heading(
        lang,
        screen.bookings.len(),
        screen.find.trim(),
    )];
    if let Some(sentence) = &screen.no_bookings {
        lines.push(sentence.clone());
    }
    for row in &screen.bookings {
        lines.push(text::waiting::booking_item(
            lang,
            &row.time,
            &row.reference,
            &row.service,
            &row.place,
            row.state,
            row.ticket.as_deref(),
        ));
    }
    if let Some(ticket) = &screen.given {
        lines.push(format!("{}: {ticket}.", labels.ticket));
    }
    if let Some(called) = &screen.called {
        lines.push(format!(
            "{}: {}",
            labels.called,
            text::waiting::ticket_item(
                lang,
                &called.ticket,
                &called.service,
                called.minutes,
                called.desk.as_deref()
            )
        ));
    }
    lines.push(text::waiting::waiting_heading(lang, screen.waiting.len()));
    if screen.waiting.is_empty() {
        lines.push(labels.nobody_waiting.to_string());
    }
    for row in &screen.waiting {
        lines.push(text::waiting::ticket_item(
            lang,
            &row.ticket,
            &row.service,
            row.minutes,
            None,
        ));
    }
    lines.push(format!("{}.", screen.call_for));
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_web_address_is_spelled_out_word_by_word() {
        assert_eq!(
            spelled_out(Language::English, "https://www.example.org/bulky-waste?a=1"),
            "https colon slash slash www dot example dot org slash bulky dash waste question mark a equals 1"
        );
        assert_eq!(spelled_out(Language::English, "gov.uk"), "gov dot uk");
    }
}
