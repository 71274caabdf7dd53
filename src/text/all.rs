//! Every text of the desk in one list, by language: each label, each sentence (said with
//! sample values), each key's hint and description. `frontdesk text untranslated` compares the
//! English list with another language's to find what is still English, and the Welsh sweep
//! test takes the program's own English words from it.
//!
//! The sample values are ids and numbers ("D1", "S1", "F2"), never English words, so the words
//! of a sample sentence are the text's own.

use chrono::NaiveDate;

use super::{
    Language, accessible, appointments, errors, fields, form, hours, privacy, report, screens,
    script, slip, status, sync, waiting,
};
use crate::catalogue::hours::{ClockTime, Moment, OpenNow};
use crate::catalogue::{Access, Kind, OpeningTimes, Relation, Tier};
use crate::privacy::PersonalData;
use crate::visit::{
    AssistedHow, Demand, DraftIncomplete, ExclusionReason, Feedback, Label, OnlineAnswer, Outcome,
    PartnerHow,
};

/// One text: where it is used ("status.visit_saved") and its words in the language asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    pub key: String,
    pub words: String,
}

/// Texts that are rightly the same in Welsh and English: a name, a word Welsh borrows as it is
/// ("help", "slip", "partner", "problem"), or punctuation read out ("dot", "colon").
pub const SAME_IN_WELSH: &[&str] = &[
    "labels.app_name",
    "labels.problem_word",
    "screens.kind_tag.Partner",
    "screens.kind_title.Partner",
    "screens.provider_tag.Partner",
    "accessible.words.help",
    "accessible.words.slip",
    "accessible.punctuation..",
    "accessible.punctuation.:",
    "accessible.punctuation.@",
    "accessible.punctuation.#",
    "form.note_length",
    "status.print_command_said",
    "booking.slot",
    // Punctuation around values only: the length is the list's own "4 min" or "4 mun".
    "accessible.today_item",
];

struct List {
    texts: Vec<Text>,
}

impl List {
    fn add(&mut self, key: impl Into<String>, words: impl Into<String>) {
        self.texts.push(Text {
            key: key.into(),
            words: words.into(),
        });
    }

    /// Each field of a table of words (a struct of `&str`s), by its name.
    fn fields(&mut self, group: &str, table: serde_json::Value) {
        if let serde_json::Value::Object(fields) = table {
            for (field, value) in fields {
                match value {
                    serde_json::Value::String(words) => self.add(format!("{group}.{field}"), words),
                    serde_json::Value::Array(items) => {
                        for (i, item) in items.iter().enumerate() {
                            if let Some(words) = item.as_str() {
                                self.add(format!("{group}.{field}.{i}"), words);
                            }
                        }
                    }
                    _ => {}
                }
            }
        }
    }
}

fn json<T: serde::Serialize>(value: &T) -> serde_json::Value {
    serde_json::to_value(value).unwrap_or(serde_json::Value::Null)
}

/// Every text in `lang`. Keys ("screens.kind_tag.Service") are the same in every language, so
/// two lists can be compared row by row.
pub fn every_text(lang: Language) -> Vec<Text> {
    let mut l = List { texts: Vec::new() };
    let l = &mut l;
    screen_texts(l, lang);
    status_texts(l, lang);
    form_texts(l, lang);
    script_texts(l, lang);
    slip_texts(l, lang);
    report_texts(l, lang);
    accessible_texts(l, lang);
    hours_texts(l, lang);
    for kind in privacy::ALL {
        l.add(format!("privacy.{kind:?}"), privacy::kind(lang, kind));
    }
    l.add(
        "privacy.describe",
        privacy::describe(lang, &[PersonalData::PhoneNumber, PersonalData::Postcode]),
    );
    l.add("sync.cannot_be_sent", sync::cannot_be_sent(lang, 2, "R1"));
    l.add("sync.retry_held_hint", sync::retry_held_hint(lang));
    appointment_texts(l, lang);
    booking_texts(l, lang);
    waiting_texts(l, lang);
    field_texts(l, lang);
    error_texts(l, lang);
    cli_texts(l, lang);
    usage_texts(l, lang);
    server_texts(l, lang);
    later_texts(l, lang);
    std::mem::take(&mut l.texts)
}

fn screen_texts(l: &mut List, lang: Language) {
    l.fields("screen names", json(screens::names(lang)));
    l.fields("labels", json(screens::labels(lang)));
    l.add("screens.desk_name", screens::desk_name(lang, "D1"));
    l.add("screens.today_count", screens::today_count(lang, 3));
    for (reachable, name) in [(true, "online"), (false, "offline")] {
        l.add(
            format!("screens.sync_waiting.{name}"),
            screens::sync_waiting(lang, 3, reachable).unwrap_or_default(),
        );
    }
    l.add("screens.visit_timer", screens::visit_timer(lang, 95));
    l.add("screens.more_above", screens::more_above(lang, "F9"));
    l.add("screens.more_below", screens::more_below(lang, "F9"));
    l.add(
        "screens.results_title.browsing",
        screens::results_title(lang, true, 3, false),
    );
    l.add(
        "screens.results_title.none",
        screens::results_title(lang, false, 0, false),
    );
    l.add(
        "screens.results_title",
        screens::results_title(lang, false, 3, true),
    );
    for kind in [Kind::Service, Kind::Partner, Kind::Faq, Kind::Script] {
        l.add(
            format!("screens.kind_tag.{kind:?}"),
            screens::kind_tag(lang, kind),
        );
        l.add(
            format!("screens.kind_title.{kind:?}"),
            screens::kind_title(lang, kind),
        );
    }
    for relation in [
        Relation::Related,
        Relation::SignpostTo,
        Relation::ProvidedBy,
    ] {
        l.add(
            format!("screens.relation.{relation:?}"),
            screens::relation(lang, relation),
        );
    }
    for tier in [
        Tier::Council,
        Tier::County,
        Tier::Government,
        Tier::Other,
        Tier::Partner,
    ] {
        l.add(
            format!("screens.not_us.{tier:?}"),
            screens::not_us(lang, tier),
        );
        if let Some(tag) = screens::provider_tag(lang, tier) {
            l.add(format!("screens.provider_tag.{tier:?}"), tag);
        }
    }
    let search = screens::names(lang).search;
    l.add("screens.help_heading", screens::help_heading(lang, search));
    l.add("screens.today_title", screens::today_title(lang, "D1", 2));
    l.add(
        "screens.today_empty_help",
        screens::today_empty_help(lang, "F2"),
    );
    l.add("screens.minutes", screens::minutes(lang, 4));
    l.add(
        "screens.today_changeable",
        screens::today_changeable(lang, "F3", "F4", 10),
    );
    l.add(
        "screens.today_unchangeable",
        screens::today_unchangeable(lang, 10),
    );
    l.add("screens.slip_title", screens::slip_title(lang, "F5", "F6"));
    l.add("screens.slip_offer", screens::slip_offer(lang, "F6"));
}

fn status_texts(l: &mut List, lang: Language) {
    use status::*;
    l.add("status.visit_saved", visit_saved(lang, "S1", 3));
    l.add("status.visit_updated", visit_updated(lang));
    l.add("status.visit_undone", visit_undone(lang));
    l.add(
        "status.undo_question",
        undo_question(lang, "10:12", "S1", "F3", "F4"),
    );
    l.add("status.undo_kept", undo_kept(lang));
    l.add(
        "status.save_edit_question",
        save_edit_question(lang, "F3", "F4"),
    );
    l.add("status.edit_dropped", edit_dropped(lang));
    l.add("status.save_failed", save_failed(lang, "P1.", "F3"));
    l.add("status.draft_restored", draft_restored(lang, "F2", false));
    l.add(
        "status.draft_restored.editing",
        draft_restored(lang, "F2", true),
    );
    l.add("status.draft_not_kept", draft_not_kept(lang, "P1."));
    l.add("status.finish_visit_first", finish_visit_first(lang, "F2"));
    l.add("status.new_resident", new_resident(lang));
    l.add(
        "status.resident_language.welsh",
        resident_language(lang, true),
    );
    l.add(
        "status.resident_language.english",
        resident_language(lang, false),
    );
    l.add(
        "status.slip_language",
        slip_language(lang, &[Language::Welsh, Language::English]),
    );
    l.add("status.draft_discarded", draft_discarded(lang));
    l.add(
        "status.personal_data",
        personal_data(lang, &[PersonalData::PhoneNumber], "F9"),
    );
    for label in [Label::Desk, Label::Staff] {
        l.add(
            format!("status.personal_data_in_label.{label:?}"),
            personal_data_in_label(lang, label, &[PersonalData::Name]),
        );
    }
    l.add("status.choose_outcome", choose_outcome(lang, "1", "6"));
    l.add("status.add_a_service", add_a_service(lang, "F3", "F2"));
    l.add("status.unknown_service", unknown_service(lang, "S1", "F9"));
    l.add("status.unknown_partner", unknown_partner(lang, "P1", "F9"));
    l.add(
        "status.consent_not_asked",
        consent_not_asked(lang, "P1", "F9"),
    );
    for (name, incomplete) in [
        ("no_outcome", DraftIncomplete::NoOutcome),
        ("no_service", DraftIncomplete::NoService),
        ("no_desk", DraftIncomplete::NoDesk),
        (
            "note_too_long",
            DraftIncomplete::NoteTooLong {
                chars: 501,
                max: 500,
            },
        ),
    ] {
        l.add(
            format!("status.before_saving.{name}"),
            before_saving(lang, &incomplete),
        );
    }
    l.add("status.saving", saving(lang));
    l.add("status.no_visits_today", no_visits_today(lang));
    l.add(
        "status.too_old_to_change",
        too_old_to_change(lang, "10:12", 10),
    );
    l.add("status.nothing_for_a_slip", nothing_for_a_slip(lang));
    l.add(
        "status.slip_on_its_way.printing",
        slip_on_its_way(lang, true),
    );
    l.add(
        "status.slip_on_its_way.saving",
        slip_on_its_way(lang, false),
    );
    l.add("status.slip_printed", slip_printed(lang, "/x1"));
    l.add("status.slip_saved", slip_saved(lang, "/x1"));
    l.add("status.slip_no_printer", slip_no_printer(lang, "/x1"));
    l.add(
        "status.slip_not_printed",
        slip_not_printed(lang, "P1", "/x1"),
    );
    l.add("status.slip_not_saved", slip_not_saved(lang, "P1"));
    l.add(
        "status.consent_question.yes",
        consent_question(lang, "P1", true, "F9"),
    );
    l.add(
        "status.consent_question.no",
        consent_question(lang, "P1", false, "F9"),
    );
    l.add(
        "status.signpost_consent",
        signpost_consent(lang, "P1", "F9"),
    );
    l.add(
        "status.print_command_stopped",
        print_command_stopped(lang, "lp", "E1"),
    );
    l.add(
        "status.print_command_not_run",
        print_command_not_run(lang, "lp", "E1"),
    );
}

fn form_texts(l: &mut List, lang: Language) {
    l.fields("form labels", json(form::labels(lang)));
    l.add("form.title.new", form::title(lang, false));
    l.add("form.title.editing", form::title(lang, true));
    l.add("form.from_script", form::from_script(lang, "T1", "2,1"));
    l.add("form.no_visit", form::no_visit(lang));
    l.add("form.no_services", form::no_services(lang, "F2"));
    l.add(
        "form.service_outcome_hint",
        form::service_outcome_hint(lang, "1", "6", "F9"),
    );
    l.add("form.no_partners", form::no_partners(lang, "F2"));
    for (name, consent) in [
        ("yes", Some(true)),
        ("no", Some(false)),
        ("not_asked", None),
    ] {
        l.add(
            format!("form.partner_choice.referral.{name}"),
            form::partner_choice(lang, "P1", Some(PartnerHow::Referral), true, consent),
        );
    }
    l.add(
        "form.partner_choice.referral",
        form::partner_choice(lang, "P1", Some(PartnerHow::Referral), false, None),
    );
    l.add(
        "form.partner_choice.signpost.yes",
        form::partner_choice(lang, "P1", Some(PartnerHow::Signpost), true, Some(true)),
    );
    l.add("form.partner_for", form::partner_for(lang, "P1", "S1"));
    l.add("form.empty_note", form::empty_note(lang));
    l.add("form.more_above", form::more_above(lang));
    l.add("form.more_below", form::more_below(lang));
    l.add(
        "form.personal_data_warning",
        form::personal_data_warning(lang, &[PersonalData::Email]),
    );
    let keys = form::FormKeys {
        first_outcome: "1",
        last_outcome: "6",
        next_field: "F7",
        tick: "F8",
        save: "F9",
        discard: "F10",
    };
    l.add("form.keys_line", form::keys_line(lang, &keys));
    for outcome in Outcome::ALL {
        l.add(
            format!("form.outcome.{outcome:?}"),
            form::outcome(lang, outcome),
        );
    }
    for answer in OnlineAnswer::ALL {
        l.add(
            format!("form.online.{answer:?}"),
            form::online(lang, answer),
        );
    }
    for reason in ExclusionReason::ALL {
        l.add(
            format!("form.reason.{reason:?}"),
            form::reason(lang, reason),
        );
    }
    for feedback in Feedback::ALL {
        l.add(
            format!("form.feedback.{feedback:?}"),
            form::feedback(lang, feedback),
        );
    }
    for demand in Demand::ALL {
        l.add(
            format!("form.demand.{demand:?}"),
            form::demand(lang, demand),
        );
    }
    for how in AssistedHow::ALL {
        l.add(format!("form.assisted.{how:?}"), form::assisted(lang, how));
    }
    for access in [
        Access::WalkIn,
        Access::Phone,
        Access::Online,
        Access::Referral,
        Access::Appointment,
    ] {
        l.add(
            format!("form.access.{access:?}"),
            form::access(lang, access),
        );
    }
}

fn script_texts(l: &mut List, lang: Language) {
    l.fields("script labels", json(script::labels(lang)));
    l.add("script.acknowledge", script::acknowledge(lang, "F2"));
    l.add("script.log_from_end", script::log_from_end(lang, "F2"));
    l.add("script.no_such_option", script::no_such_option(lang, 7, 3));
    l.add(
        "script.acknowledge_first",
        script::acknowledge_first(lang, "F2"),
    );
    l.add(
        "script.script_found",
        script::script_found(lang, "T1", "F5"),
    );
    l.add("script.starts_with", script::starts_with(lang));
    l.add("script.walk_it", script::walk_it(lang, "F5"));
    l.add("script.walk_to_end", script::walk_to_end(lang));
    l.add(
        "script.slip_worth_printing",
        script::slip_worth_printing(lang, "F6"),
    );
}

fn slip_texts(l: &mut List, lang: Language) {
    l.fields("slip words", json(slip::words(lang)));
    let day = NaiveDate::from_ymd_opt(2026, 12, 25).unwrap_or_default();
    l.add("slip.date", slip::date(lang, day));
    l.add("slip.closed_date", slip::closed_date(lang, day));
    l.add("slip.qr_label", slip::qr_label(lang, "https://x1"));
}

fn report_texts(l: &mut List, lang: Language) {
    l.fields("report definitions", json(&report::definitions(lang)));
    l.fields("report labels", json(report::labels(lang)));
    l.fields("report screen", json(report::screen_labels(lang)));
    l.add(
        "report.period",
        report::period(lang, "2026-01-01", "2026-01-07"),
    );
    for (i, column) in report::outcome_columns(lang).iter().enumerate() {
        l.add(format!("report.outcome_columns.{i}"), *column);
    }
    l.add("report.value_word", report::value_word(lang));
    l.add(
        "report.unit_costs_line",
        report::unit_costs_line(lang, "£1", "£2", "£3"),
    );
    l.add(
        "report.cost_of_visits",
        report::cost_of_visits(lang, "£1", 3),
    );
    l.add("report.minutes", report::minutes(lang, 4.5));
    l.add(
        "report.screen_title",
        report::screen_title(lang, "W1", "2026-01-01", "2026-01-07", "D1"),
    );
    l.add(
        "report.all_desks_not_counted",
        report::all_desks_not_counted(lang, "R1", "F9"),
    );
    l.add(
        "report.screen_keys",
        report::screen_keys(lang, "F1", "F2", "F3", "F4", "F5"),
    );
    l.add(
        "report.headline_labels",
        report::headline_labels(lang).join(" · "),
    );
    l.add(
        "report.screen_busiest",
        report::screen_busiest(lang, "W1", 10, 3),
    );
}

fn accessible_texts(l: &mut List, lang: Language) {
    use accessible::*;
    l.fields("accessible.words", json(words(lang)));
    l.add("accessible.its_number", its_number(lang));
    for prompt in [
        Prompt::Search,
        Prompt::Detail,
        Prompt::ShowResident,
        Prompt::Script,
        Prompt::Form,
        Prompt::Note,
        Prompt::Today,
        Prompt::Slip,
        Prompt::Report,
        Prompt::Booking,
        Prompt::Waiting,
    ] {
        l.add(format!("accessible.help.{prompt:?}"), help(lang, prompt));
    }
    l.add("accessible.welcome", welcome(lang, "D1"));
    l.add("accessible.dumb_terminal", dumb_terminal(lang));
    l.add("accessible.search_empty", search_empty(lang));
    l.add("accessible.no_results", no_results(lang, "Q1"));
    let items = ["I1".to_string(), "I2".to_string()];
    l.add(
        "accessible.results.one",
        results(lang, 1, 1, &items[..1], 0),
    );
    l.add("accessible.results", results(lang, 12, 1, &items, 10));
    l.add("accessible.results.later", results(lang, 12, 3, &items, 8));
    l.add("accessible.no_more_results", no_more_results(lang));
    l.add(
        "accessible.result_item.urgent",
        result_item(lang, "T1", "W1", true),
    );
    l.add("accessible.partner_kind", partner_kind(lang));
    l.add("accessible.script_kind", script_kind(lang));
    l.add("accessible.faq_kind", faq_kind(lang));
    l.add("accessible.script_offered", script_offered(lang, "T1"));
    l.add(
        "accessible.entry_heading.urgent",
        entry_heading(lang, "K1", "T1", true),
    );
    l.fields("accessible.labels", json(labels(lang)));
    l.add("accessible.link_hint", link_hint(lang));
    for c in [
        '.', '/', ':', '-', '_', '@', '?', '=', '&', '#', '~', '%', '+',
    ] {
        if let Some(word) = punctuation(lang, c) {
            l.add(format!("accessible.punctuation.{c}"), word);
        }
    }
    l.add("accessible.urgent_wait", urgent_wait(lang));
    l.add("accessible.log_from_end", accessible::log_from_end(lang));
    l.add("accessible.form_heading", form_heading(lang, false, ""));
    l.add(
        "accessible.form_heading.editing",
        form_heading(lang, true, "S1"),
    );
    l.add("accessible.one_hint", one_hint(lang, Some("O1")));
    l.add("accessible.one_hint.none", one_hint(lang, None));
    l.add("accessible.partners_hint", partners_hint(lang));
    l.add(
        "accessible.partner_service_hint",
        partner_service_hint(lang, "1: S1. 2: S2."),
    );
    l.add("accessible.slip_heading", slip_heading(lang));
    l.add("accessible.slip_end", slip_end(lang));
    l.add("accessible.ticks_hint", ticks_hint(lang));
    l.add("accessible.services_hint", services_hint(lang));
    l.add("accessible.no_services", accessible::no_services(lang));
    l.add("accessible.note_hint", note_hint(lang, Some("N1")));
    l.add("accessible.note_hint.none", note_hint(lang, None));
    l.add("accessible.saving_now", saving_now(lang));
    l.add("accessible.no_such_number", no_such_number(lang, "7", 3));
    l.add(
        "accessible.no_such_number.none",
        no_such_number(lang, "7", 0),
    );
    l.add("accessible.one_number", one_number(lang));
    l.add("accessible.not_understood", not_understood(lang, "Q1"));
    for count in [0, 1, 2] {
        l.add(
            format!("accessible.today_heading.{count}"),
            today_heading(lang, "D1", count),
        );
    }
    l.add(
        "accessible.today_item",
        today_item(lang, 1, "10:12", "L1", "O1", "S1"),
    );
    for (count, numbers) in [(0, &[][..]), (1, &[1][..]), (3, &[1, 2, 3][..])] {
        l.add(
            format!("accessible.today_changeable.{count}"),
            today_changeable(lang, numbers, "U1", "E1", 10),
        );
    }
    l.add("accessible.which_visit", which_visit(lang, "W1", 3));
    l.add("accessible.end_of_input.draft", end_of_input(lang, true));
    l.add("accessible.end_of_input", end_of_input(lang, false));
    l.add("accessible.quit_with_draft", quit_with_draft(lang));
    l.add("accessible.goodbye", goodbye(lang));
    l.add(
        "accessible.report_service",
        report_service(lang, "S1", 3, "O1 2"),
    );
    l.add("accessible.report_waiting", report_waiting(lang));
    l.add("accessible.report_saved", report_saved(lang, "/x1"));
    l.add("accessible.report_not_saved", report_not_saved(lang, "P1"));
    l.add("accessible.report_needs_file", report_needs_file(lang));
}

fn hours_texts(l: &mut List, lang: Language) {
    let times = |days: &str, opens: &str, closes: &str| OpeningTimes {
        days: days.to_string(),
        opens: opens.to_string(),
        closes: closes.to_string(),
    };
    let week = [
        times("Monday to Friday", "09:00", "17:30"),
        times("Saturday and Sunday", "10:00", "12:00"),
        times("Wednesday", "00:00", "24:00"),
    ];
    for (i, line) in hours::describe(lang, &week).into_iter().enumerate() {
        l.add(format!("hours.describe.{i}"), line);
    }
    l.add(
        "hours.every_day",
        hours::describe(lang, &[times("every day", "00:00", "24:00")]).join(" "),
    );
    let at = |days_ahead, hour| Moment {
        weekday: chrono::Weekday::Mon,
        time: ClockTime::from_hm(hour, 0).unwrap_or(ClockTime::MIDNIGHT),
        days_ahead,
    };
    let cases = [
        ("open_all_day", OpenNow::Open { until: None }),
        (
            "open_until",
            OpenNow::Open {
                until: Some(at(0, 17)),
            },
        ),
        (
            "open_until_midnight",
            OpenNow::Open {
                until: Some(at(0, 24)),
            },
        ),
        (
            "open_until_midnight_tomorrow",
            OpenNow::Open {
                until: Some(at(1, 24)),
            },
        ),
        (
            "open_until_day",
            OpenNow::Open {
                until: Some(at(3, 17)),
            },
        ),
        (
            "closed_opens_tomorrow",
            OpenNow::Closed {
                next_opening: Some(at(1, 9)),
            },
        ),
        (
            "closed_opens_next_week",
            OpenNow::Closed {
                next_opening: Some(at(7, 9)),
            },
        ),
        (
            "closed_opens_later",
            OpenNow::Closed {
                next_opening: Some(at(10, 9)),
            },
        ),
        ("closed", OpenNow::Closed { next_opening: None }),
        ("unknown", OpenNow::Unknown),
    ];
    for (name, open) in cases {
        l.add(
            format!("hours.open_now.{name}"),
            hours::open_now(lang, &open),
        );
        l.add(
            format!("hours.open_now_short.{name}"),
            hours::open_now_short(lang, &open),
        );
    }
}

fn appointment_texts(l: &mut List, lang: Language) {
    use crate::appointments::BookingState;
    use crate::appointments::needs::Need;
    for state in BookingState::ALL {
        l.add(
            format!("appointments.state.{state:?}"),
            appointments::state(lang, state),
        );
    }
    for (name, need) in [
        ("interpreter", Need::Interpreter("Welsh".into())),
        ("step_free", Need::StepFree),
        ("hearing_loop", Need::HearingLoop),
        ("quiet_room", Need::QuietRoom),
        ("longer_slot", Need::LongerSlot),
    ] {
        l.add(
            format!("appointments.need.{name}"),
            appointments::need(lang, &need),
        );
    }
    if let Some(at) = NaiveDate::from_ymd_opt(2027, 1, 12).and_then(|d| d.and_hms_opt(9, 30, 0)) {
        l.add("appointments.when", appointments::when(lang, at));
    }
    l.fields("appointments.slip", json(appointments::slip_words(lang)));
    l.fields(
        "appointments.display",
        json(appointments::display_words(lang)),
    );
    l.fields(
        "appointments.report",
        json(appointments::report_words(lang)),
    );
    l.fields("appointments.columns", json(appointments::columns(lang)));
    l.add(
        "appointments.booked",
        appointments::booked(lang, "R1", "W1", "P1"),
    );
    l.add(
        "appointments.arrived",
        appointments::arrived(lang, "R1", "T1"),
    );
    l.add(
        "appointments.cancelled",
        appointments::cancelled(lang, "R1"),
    );
    l.add("appointments.seen", appointments::seen(lang, "R1", "D1"));
    l.add(
        "appointments.called",
        appointments::called(lang, "T1", "S1", "D1"),
    );
    l.add(
        "appointments.nobody_waiting",
        appointments::nobody_waiting(lang),
    );
    l.add("appointments.no_slots", appointments::no_slots(lang));
    l.add("appointments.no_bookings", appointments::no_bookings(lang));
}

fn booking_texts(l: &mut List, lang: Language) {
    use super::booking;
    use crate::appointments::BookingState;
    l.fields("booking", json(booking::words(lang)));
    if let Some(day) = NaiveDate::from_ymd_opt(2027, 1, 12) {
        let today = day - chrono::Duration::days(3);
        l.add("booking.day", booking::day(lang, day, today));
        if let Some(at) = day.and_hms_opt(9, 30, 0) {
            l.add(
                "booking.slot_line",
                booking::slot_line(lang, at, today, "P1", 2),
            );
        }
    }
    l.add("booking.no_offers", booking::no_offers(lang, "S1"));
    l.add("booking.nothing_to_book", booking::nothing_to_book(lang));
    l.add("booking.booking", booking::booking(lang));
    l.add("booking.made", booking::made(lang, "R1", "W1", "P1", "F6"));
    l.add("booking.lost", booking::lost(lang));
    l.add(
        "booking.choose_slot_first",
        booking::choose_slot_first(lang),
    );
    l.add("booking.cancelled", booking::cancelled(lang, "R1"));
    l.add("booking.not_found", booking::not_found(lang, "R1"));
    l.add(
        "booking.not_cancellable",
        booking::not_cancellable(lang, "R1", BookingState::Seen),
    );
    l.add(
        "booking.not_a_reference",
        booking::not_a_reference(lang, "R1"),
    );
    l.add("booking.need_refused", booking::need_refused(lang, "N1"));
    l.add("booking.slip_offer", booking::slip_offer(lang, "K1", "K2"));
    l.add(
        "booking.no_following_slot",
        booking::no_following_slot(lang),
    );
    l.add("booking.page", booking::page(lang, 10, 18, 40));
    for (key, later, earlier) in [
        ("later", Some("W1"), None),
        ("earlier", None, Some("W2")),
        ("both", Some("W1"), Some("W2")),
    ] {
        if let Some(said) = booking::more_slots(lang, later, earlier) {
            l.add(format!("booking.more_slots.{key}"), said);
        }
    }
    l.add(
        "booking.no_more_slots.after",
        booking::no_more_slots(lang, true),
    );
    l.add(
        "booking.no_more_slots.before",
        booking::no_more_slots(lang, false),
    );
    l.add(
        "booking.language_help",
        booking::language_help(lang, "L1", "K1", "K2", "K3"),
    );
    {
        use crate::appointments::needs::NeedError;
        l.add(
            "booking.need_not_noted.personal_data",
            booking::need_not_noted(
                lang,
                &NeedError::PersonalData {
                    kinds: vec![PersonalData::Email],
                },
            ),
        );
        l.add(
            "booking.need_not_noted.not_a_language",
            booking::need_not_noted(lang, &NeedError::NotALanguage { given: "N1".into() }),
        );
    }
    l.add(
        "booking.language.Welsh",
        appointments::language(lang, "Welsh"),
    );
}

fn waiting_texts(l: &mut List, lang: Language) {
    l.add("waiting.title", waiting::title(lang));
    l.fields("waiting.labels", json(waiting::labels(lang)));
    l.fields("waiting.words", json(waiting::words(lang)));
    l.add("waiting.none_match", waiting::none_match(lang, "F1"));
    l.add("waiting.waited", waiting::waited(lang, 12));
    l.add(
        "waiting.ticket_given",
        waiting::ticket_given(lang, "T1", "S1", "K1"),
    );
    l.add(
        "waiting.ticket_needs_service",
        waiting::ticket_needs_service(lang, "K1"),
    );
    l.add(
        "waiting.nobody_waiting_for",
        waiting::nobody_waiting_for(lang, "S1"),
    );
    l.add("waiting.seen", waiting::seen(lang, "T1"));
    l.add(
        "waiting.nothing_called",
        waiting::nothing_called(lang, "K1"),
    );
    l.add(
        "waiting.arrive_refused",
        waiting::arrive_refused(lang, "R1", "X1"),
    );
    l.add(
        "waiting.no_booking_chosen",
        waiting::no_booking_chosen(lang),
    );
    l.add("waiting.booking_gone", waiting::booking_gone(lang, "R1"));
    l.add(
        "waiting.booking_item",
        waiting::booking_item(lang, "H1", "R1", "S1", "P1", "X1", Some("T1")),
    );
    l.add(
        "waiting.ticket_item",
        waiting::ticket_item(lang, "T1", "S1", 12, None),
    );
    l.add(
        "waiting.ticket_item_called",
        waiting::ticket_item(lang, "T1", "S1", 12, Some("D1")),
    );
    l.add(
        "waiting.bookings_heading",
        waiting::bookings_heading(lang, 3, ""),
    );
    l.add(
        "waiting.bookings_heading_found",
        waiting::bookings_heading(lang, 3, "F1"),
    );
    l.add("waiting.waiting_heading", waiting::waiting_heading(lang, 3));
    l.add(
        "waiting.which_booking",
        waiting::which_booking(lang, 3, "W1"),
    );
    l.add(
        "waiting.unknown_service",
        waiting::unknown_service(lang, "S1"),
    );
    l.add("waiting.slip_ticket", waiting::slip_ticket(lang, "T1"));
    l.add("waiting.help", waiting::help(lang));
}

fn field_texts(l: &mut List, lang: Language) {
    for field in crate::visit::CHOICE_FIELDS {
        l.add(
            format!("fields.{}", field.name),
            fields::label(lang, field.name),
        );
        for word in field.options {
            l.add(
                format!("fields.{}.{word}", field.name),
                fields::option(lang, field.name, word),
            );
        }
    }
}

fn error_texts(l: &mut List, lang: Language) {
    use crate::store::{PurgeHeld, StoreError};
    use std::path::PathBuf;
    let path = || PathBuf::from("/d1/f1");
    let reason = || "R1".to_string();
    let id = uuid::Uuid::nil();
    let cases = [
        (
            "disk_full",
            StoreError::DiskFull {
                action: "save to",
                path: path(),
            },
        ),
        (
            "read_only",
            StoreError::ReadOnly {
                action: "open",
                path: path(),
            },
        ),
        (
            "folder",
            StoreError::FolderCannotBeCreated {
                path: path(),
                reason: "the folder does not exist".into(),
            },
        ),
        ("cannot_open", StoreError::CannotOpen { path: path() }),
        (
            "busy",
            StoreError::Busy {
                action: "read",
                path: path(),
            },
        ),
        ("not_a_database", StoreError::NotADatabase { path: path() }),
        ("not_a_visit_log", StoreError::NotAVisitLog { path: path() }),
        (
            "version_changed",
            StoreError::VersionChanged {
                path: path(),
                found: 7,
            },
        ),
        ("corrupt", StoreError::Corrupt { path: path() }),
        (
            "damaged_not_backed_up",
            StoreError::DamagedLogNotBackedUp {
                log: path(),
                restore_from: None,
            },
        ),
        (
            "newer_schema",
            StoreError::NewerSchema {
                path: path(),
                found: 9,
                known: 8,
            },
        ),
        (
            "already_saved",
            StoreError::AlreadySaved { path: path(), id },
        ),
        (
            "no_such_visit",
            StoreError::NoSuchVisit { path: path(), id },
        ),
        (
            "restore",
            StoreError::Restore {
                path: path(),
                reason: reason(),
            },
        ),
        (
            "backup",
            StoreError::Backup {
                path: path(),
                reason: "the visit log stayed busy; try again".into(),
            },
        ),
        (
            "draft",
            StoreError::Draft {
                path: path(),
                reason: "the disk is full; free some space".into(),
            },
        ),
        (
            "other",
            StoreError::Other {
                action: "create",
                path: path(),
                reason: "you may not write there (it is read-only)".into(),
            },
        ),
    ];
    for (name, error) in cases {
        l.add(format!("errors.store.{name}"), errors::store(lang, &error));
    }
    l.add(
        "errors.clock.before_1970",
        errors::clock(
            lang,
            &crate::clock::ClockError::Before1970 { shown: "T1".into() },
        ),
    );
    l.add(
        "errors.clock.too_far_ahead",
        errors::clock(lang, &crate::clock::ClockError::TooFarAhead),
    );
    for (name, held) in [
        (
            "clock_behind",
            PurgeHeld::ClockBehind {
                now_ms: 0,
                newest_ms: 1,
            },
        ),
        (
            "every_visit",
            PurgeHeld::EveryVisit {
                now_ms: 0,
                visits: 3,
            },
        ),
        (
            "too_many",
            PurgeHeld::TooMany {
                older: 3,
                visits: 4,
            },
        ),
    ] {
        l.add(
            format!("errors.purge_held.{name}"),
            errors::purge_held(lang, &held),
        );
    }
    l.add("errors.visit_gone", errors::visit_gone(lang));
    l.add("errors.shared.refused", errors::shared_refused(lang, "R1"));
    l.add(
        "errors.shared.unreachable",
        errors::shared_unreachable(lang, "S1", "R1"),
    );
}

/// Texts added with the figures (calendar periods, last time's answers) and since.
fn later_texts(l: &mut List, lang: Language) {
    let day = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default();
    l.add(
        "report.median_text",
        report::median_text(lang, Some(4.5), 2),
    );
    l.add(
        "report.signposted_without_partner",
        report::signposted_without_partner(lang, 3),
    );
    l.add("report.period_today", report::period_today(lang));
    l.add("report.period_yesterday", report::period_yesterday(lang));
    l.add("report.period_day", report::period_day(lang, day));
    l.add("report.period_week", report::period_week(lang, day, false));
    l.add(
        "report.period_this_week",
        report::period_week(lang, day, true),
    );
    l.add("report.period_month", report::period_month(lang, day));
    l.add(
        "report.export_written",
        report::export_written(lang, 3, 4, "F1"),
    );
    l.add(
        "report.export_written_out",
        report::export_written_out(lang, 3, 4),
    );
    l.add(
        "report.screen_more_services",
        report::screen_more_services(lang, 3),
    );
    l.add("form.last_time", form::last_time(lang, "A1", "K1"));
    l.add("screens.closed_day", screens::closed_day(lang, day, false));
    l.add(
        "screens.closed_day_short",
        screens::closed_day(lang, day, true),
    );
    l.add("form.note_length", form::note_length(lang, 3, 500));
    l.add(
        "status.nothing_to_discard",
        status::nothing_to_discard(lang),
    );
    l.add(
        "status.print_command_said",
        status::print_command_said(lang, "P1", "L1"),
    );
    l.add("slip.given_by", slip::given_by(lang, "C1", "D1"));
    l.add(
        "script.walked_from_log",
        script::walked_from_log(lang, "K1"),
    );
    l.add("script.no_script_for", script::no_script_for(lang, "S1"));
    l.add(
        "script.scripts_are_for_services",
        script::scripts_are_for_services(lang),
    );
}

/// The command line's own sentences (errors and warnings).
fn cli_texts(l: &mut List, lang: Language) {
    use super::cli::*;
    let kinds = [PersonalData::PhoneNumber];
    l.add("cli.no_home", no_home(lang));
    l.add("cli.config_missing", config_missing(lang, "F1", "--config"));
    l.add("cli.unit_cost", unit_cost(lang, "N1"));
    l.add("cli.retention_days", retention_days(lang, "N1", 3650, "V1"));
    l.add("cli.text_in_quotes", text_in_quotes(lang, "N1", "E1", "V1"));
    l.add("cli.empty", empty(lang, "N1", "E1"));
    l.add("cli.too_long", too_long(lang, "N1", 90, 80));
    l.add(
        "cli.control_character",
        control_character(lang, "N1", "C1", 3),
    );
    l.add(
        "cli.personal_data.desk",
        personal_data(lang, "N1", &kinds, Instead::DeskName),
    );
    l.add(
        "cli.personal_data.staff",
        personal_data(lang, "N1", &kinds, Instead::Initials),
    );
    l.add("cli.true_or_false", true_or_false(lang, "N1", "V1"));
    l.add("cli.one_or_zero", one_or_zero(lang, "N1", "V1"));
    l.add("cli.print_command", print_command(lang, "N1", "V1"));
    l.add(
        "cli.print_command_too_long",
        print_command_too_long(lang, "N1", 500),
    );
    l.add(
        "cli.server_url_in_quotes",
        server_url_in_quotes(lang, "N1", "V1"),
    );
    l.add("cli.folder_in_quotes", folder_in_quotes(lang, "N1", "V1"));
    l.add("cli.theme", theme(lang, "N1", "V1"));
    l.add("cli.language_value", language_value(lang, "N1", "V1"));
    l.add("cli.keys_table", keys_table(lang));
    l.add("cli.keys_list", keys_list(lang, "A1"));
    l.add("cli.unit_costs_table", unit_costs_table(lang));
    l.add("cli.not_a_channel", not_a_channel(lang, "K1"));
    l.add("cli.server_url_scheme", server_url_scheme(lang, "N1", "V1"));
    l.add("cli.server_url_control", server_url_control(lang, "N1"));
    l.add(
        "cli.server_url_unusable",
        server_url_unusable(lang, "N1", "R1", "V1"),
    );
    l.add(
        "cli.server_url_no_host",
        server_url_no_host(lang, "N1", "V1"),
    );
    l.add(
        "cli.dates_swapped",
        dates_swapped(lang, "--from", "D1", "--to", "D2"),
    );
    l.add("cli.not_a_date", not_a_date(lang, "--from", "V1"));
    l.add("cli.slip_date", slip_date(lang, "V1"));
    l.add("cli.search_empty", search_empty(lang));
    l.add("cli.slip_empty", slip_empty(lang));
    l.add(
        "cli.slip_unknown_id",
        slip_unknown_id(lang, "--service", "I1", Kind::Service, None),
    );
    for kind in [Kind::Service, Kind::Partner, Kind::Faq, Kind::Script] {
        l.add(
            format!("cli.slip_unknown_id.{kind:?}"),
            slip_unknown_id(lang, "--partner", "I1", Kind::Partner, Some(kind)),
        );
        l.add(
            format!("cli.wrong_kind.{kind:?}"),
            wrong_kind(lang, "--service", "I1", kind, Kind::Service),
        );
    }
    l.add("cli.no_server", no_server(lang, "F1"));
    l.add("cli.no_report_server", no_report_server(lang, "F1"));
    l.add("cli.roles_the_same", roles_the_same(lang, "R1"));
    l.add("cli.no_such_script", no_such_script(lang, "I1", &[]));
    l.add(
        "cli.no_such_script.some",
        no_such_script(lang, "I1", &["I2"]),
    );
    l.add("cli.walk_stops", walk_stops(lang, "N1", "O1", "1,N"));
    l.add(
        "cli.untranslated_language",
        untranslated_language(lang, "C1"),
    );
    l.add("cli.outcome_missing", outcome_missing(lang, "I1"));
    l.add("cli.not_this_desk", not_this_desk(lang, "D1", "D2", "F1"));
    l.add("cli.nothing_to_back_up", nothing_to_back_up(lang, "F1"));
    l.add(
        "cli.service_with_outcome",
        service_with_outcome(lang, "V1", "R1"),
    );
    l.add("cli.refer_answer", refer_answer(lang, "V1", "A1", "I1"));
    l.add("cli.note_personal_data", note_personal_data(lang, &kinds));
    l.add(
        "cli.refer_needs_consent",
        refer_needs_consent(lang, "I1", "N1"),
    );
    l.add("cli.desk_empty", desk_empty(lang));
    l.add("cli.cannot_log", cannot_log(lang, "R1"));
    l.add(
        "cli.unknown_id.none",
        unknown_id(lang, "--service", "I1", Kind::Service, true, &[], &[]),
    );
    l.add(
        "cli.unknown_id.all",
        unknown_id(lang, "--service", "I1", Kind::Service, false, &["I2"], &[]),
    );
    l.add(
        "cli.unknown_id.close",
        unknown_id(lang, "--service", "I1", Kind::Service, false, &[], &["I2"]),
    );
    l.add(
        "cli.unknown_id",
        unknown_id(lang, "--service", "I1", Kind::Service, false, &[], &[]),
    );
    l.add(
        "cli.using_built_in_titles",
        using_built_in_titles(lang, "R1"),
    );
    l.add("cli.showing_ids", showing_ids(lang, "R1"));
    l.add("cli.not_a_period", not_a_period(lang, "V1"));
    for what in [
        "an outcome",
        "a reason for not going online",
        "a kind of demand",
        "a way of helping online",
        "a kind of feedback",
        "a language",
    ] {
        let unknown = crate::visit::UnknownValue {
            value: "V1".into(),
            what,
            valid: vec!["W1", "W2"],
        };
        l.add(
            format!("cli.unknown_value.{what}"),
            unknown_value(lang, &unknown),
        );
    }
}

/// The command line's usage errors (what the parser refuses), and a config file that is not
/// valid TOML.
fn usage_texts(l: &mut List, lang: Language) {
    use super::cli::{
        TomlProblem, config_not_utf8, config_syntax, share_needs_server, unknown_setting,
    };
    use super::usage::*;
    let values = ["V1".to_string(), "V2".to_string()];
    l.add("usage.unknown_option", unknown_option(lang, "--o1"));
    l.add("usage.unexpected_word", unexpected_word(lang, "W1"));
    l.add("usage.unknown_command", unknown_command(lang, "C1"));
    l.add("usage.did_you_mean", did_you_mean(lang, &values));
    l.add("usage.belongs_to", belongs_to(lang, "C1 --o1"));
    l.add("usage.as_a_value", as_a_value(lang, "--o1", "-- --o1"));
    l.add(
        "usage.command_after_dashes",
        command_after_dashes(lang, "C1"),
    );
    l.add(
        "usage.not_allowed",
        not_allowed(lang, "--o1", "V1", &values),
    );
    l.add(
        "usage.value_missing",
        value_missing(lang, "--o1", "--o1 <V1>"),
    );
    l.add(
        "usage.value_missing_of",
        value_missing_of(lang, "--o1", &values),
    );
    for (name, why) in [
        ("not_a_day", Unusable::NotADay),
        ("not_a_whole_number", Unusable::NotAWholeNumber),
        (
            "out_of_range",
            Unusable::OutOfRange {
                from: 1,
                to: Some(9),
            },
        ),
        ("too_small", Unusable::OutOfRange { from: 1, to: None }),
        ("other", Unusable::Other("R1".into())),
    ] {
        l.add(
            format!("usage.unusable.{name}"),
            unusable(lang, "--o1", "V1", &why),
        );
    }
    l.add("usage.conflict", conflict(lang, "--o1", &values));
    l.add("usage.given_twice", given_twice(lang, "--o1"));
    l.add("usage.missing", missing(lang, &values));
    l.add(
        "usage.command_missing",
        command_missing(lang, "C1", &values),
    );
    l.add("usage.too_many", too_many(lang, "--o1", "V1"));
    l.add("usage.too_few", too_few(lang, "--o1", 2, 1));
    l.add("usage.wrong_number", wrong_number(lang, "--o1", 2, 1));
    l.add("usage.needs_equals", needs_equals(lang, "--o1"));
    l.add("usage.not_text", not_text(lang));
    l.add("usage.unreadable", unreadable(lang, "R1"));
    l.add("usage.usage_heading", usage_heading(lang));
    l.add("usage.more_with_help", more_with_help(lang, "C1"));
    for (english, _) in PLACEHOLDERS {
        l.add(
            format!("usage.placeholder.{english}"),
            placeholder(lang, english),
        );
    }
    for (name, problem) in [
        ("quotes", TomlProblem::Quotes),
        ("escape", TomlProblem::Escape),
        ("unquoted", TomlProblem::Unquoted),
        ("assignment", TomlProblem::Assignment),
        ("duplicate", TomlProblem::Duplicate),
        ("heading", TomlProblem::Heading),
        ("list", TomlProblem::List),
        ("number", TomlProblem::Number),
        ("true_false", TomlProblem::TrueFalse),
        ("other", TomlProblem::Other("R1".into())),
    ] {
        l.add(
            format!("cli.config_syntax.{name}"),
            config_syntax(lang, 3, 4, &problem),
        );
    }
    l.add(
        "cli.unknown_setting",
        unknown_setting(lang, "K1", &["K2", "K3"]),
    );
    l.add("cli.config_not_utf8", config_not_utf8(lang));
    l.add("cli.share_needs_server", share_needs_server(lang));
}

/// The central server's errors, as the command line and the shared bookings say them.
fn server_texts(l: &mut List, lang: Language) {
    l.add(
        "errors.server.nothing_listening",
        errors::server_nothing_listening(lang, "S1", "R1"),
    );
    l.add(
        "errors.server.unknown_host",
        errors::server_unknown_host(lang, "S1", "R1"),
    );
    l.add(
        "errors.server.login",
        errors::server_login(lang, "S1", "R1"),
    );
    l.add(
        "errors.server.no_database",
        errors::server_no_database(lang, "S1", "R1"),
    );
    l.add(
        "errors.server.no_permission",
        errors::server_no_permission(lang, "S1", "R1"),
    );
    l.add(
        "errors.server.unreachable",
        errors::server_unreachable(lang, "S1", "R1"),
    );
    l.add(
        "errors.server.refused",
        errors::server_refused(lang, "S1", "R1"),
    );
    l.add(
        "errors.server.timed_out",
        errors::server_timed_out(lang, "S1", 10, true),
    );
    l.add(
        "errors.server.timed_out.not_queued",
        errors::server_timed_out(lang, "S1", 10, false),
    );
    l.add(
        "errors.server.not_initialised",
        errors::server_not_initialised(lang, "S1"),
    );
    l.add(
        "errors.server.newer_schema",
        errors::server_newer_schema(lang, "S1", 3, 2),
    );
    l.add(
        "errors.shared.cannot_connect",
        errors::shared_cannot_connect(lang, "R1"),
    );
}
