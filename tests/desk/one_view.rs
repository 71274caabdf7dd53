//! One view of an entry, drawn by both faces: every line the desk's `EntryView` holds (label
//! and value), its title and its links appear on the full screen's detail screen (headless, at
//! 120x40, scrolled to the end and through its links) and in the accessible mode's lines, for
//! every entry of the built-in catalogue, in English and in Welsh. A line added to the view
//! once is checked here on both faces with no change to this test.

use crossterm::event::KeyCode;
use frontdesk::catalogue::Catalogue;
use frontdesk::desk::view::{script_end_view, script_step_view};
use frontdesk::desk::{Detail, Screen, ScriptView};
use frontdesk::text::Language;
use frontdesk::tui::headless::Headless;

use crate::support::monday_morning;

/// Text compared as both faces show it, whatever the wrapping: no spaces or box lines, and the
/// full screen's " · " read as a comma.
fn plain(text: &str) -> String {
    text.replace('·', ",")
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '│' | '─' | '┌' | '┐' | '└' | '┘'))
        .collect()
}

/// Every frame of the detail screen: scrolled a line at a time to the end, then Tab through
/// the links.
fn frames(desk: &mut Headless, links: usize) -> Vec<String> {
    let offset = |desk: &Headless| match desk.app.screen() {
        Screen::Detail(detail) => detail.scroll.offset,
        other => panic!("not a detail screen: {other:?}"),
    };
    let mut frames = vec![plain(&desk.screen())];
    loop {
        let before = offset(desk);
        desk.press(KeyCode::Down);
        if offset(desk) == before {
            break;
        }
        frames.push(plain(&desk.screen()));
    }
    for _ in 0..links {
        desk.press(KeyCode::Tab);
        frames.push(plain(&desk.screen()));
    }
    frames
}

#[test]
fn every_line_of_an_entrys_view_is_on_the_full_screen_and_in_the_accessible_mode() {
    let catalogue = Catalogue::embedded().unwrap();
    let keys: Vec<_> = catalogue.entries().map(|(key, _)| key).collect();
    assert!(keys.len() > 50, "the built-in catalogue has its entries");
    let mut checked = 0;
    for lang in [Language::English, Language::Welsh] {
        for &key in &keys {
            let mut desk = Headless::new(catalogue.clone(), monday_morning(), 120, 40);
            desk.app.lang = lang;
            desk.app.screens.push(Screen::Detail(Detail::new(key)));
            let view = desk
                .app
                .entry_view(key)
                .expect("a built-in entry has a view");
            let screen = frames(&mut desk, view.links.len());
            let spoken = plain(&frontdesk::accessible::entry_sentences(&desk.app, key).join(" "));
            let mut texts: Vec<&str> = vec![&view.title];
            texts.extend(view.lines.iter().flat_map(|line| line.texts()));
            texts.extend(
                view.links
                    .iter()
                    .flat_map(|l| [l.relation, l.title.as_str()]),
            );
            for text in texts {
                let said = plain(text);
                assert!(
                    screen.iter().any(|frame| frame.contains(&said)),
                    "{lang:?} {}: the full screen does not show {text:?}",
                    view.title
                );
                assert!(
                    spoken.contains(&said),
                    "{lang:?} {}: the accessible mode does not say {text:?}:\n{spoken}",
                    view.title
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 1000, "{checked} texts checked");
}

/// Every frame of a script's walk as it stands, scrolled a line at a time to the end.
fn script_frames(desk: &mut Headless) -> Vec<String> {
    let offset = |desk: &Headless| match desk.app.screen() {
        Screen::Script(view) => view.scroll.offset,
        other => panic!("not a script: {other:?}"),
    };
    let mut frames = vec![plain(&desk.screen())];
    loop {
        let before = offset(desk);
        desk.press(KeyCode::Down);
        if offset(desk) == before {
            break;
        }
        frames.push(plain(&desk.screen()));
    }
    frames
}

#[test]
fn every_line_of_a_scripts_end_is_on_the_full_screen_and_in_the_accessible_mode() {
    let catalogue = Catalogue::embedded().unwrap();
    let mut checked = 0;
    for script in &catalogue.scripts {
        let paths = frontdesk::script::every_path(script, 1000).expect("a shipped script");
        for path in paths {
            let mut desk = Headless::new(catalogue.clone(), monday_morning(), 120, 40);
            desk.app
                .screens
                .push(Screen::Script(ScriptView::new(&script.id)));
            let acknowledge = |desk: &mut Headless| {
                let Screen::Script(view) = desk.app.screen().clone() else {
                    panic!("left the script");
                };
                if view
                    .walk(&desk.app.catalogue)
                    .unwrap()
                    .needs_acknowledgement()
                {
                    desk.press(KeyCode::Enter);
                }
            };
            for key in &path.keys {
                acknowledge(&mut desk);
                desk.press(KeyCode::Char(char::from(b'0' + key)));
            }
            acknowledge(&mut desk);
            let Screen::Script(view) = desk.app.screen().clone() else {
                panic!("{}: left the script", script.id);
            };
            let walk = view.walk(&desk.app.catalogue).unwrap();
            let end = walk.end().expect("every path ends");
            let lines = script_end_view(&desk.app.catalogue, end, desk.app.lang, &desk.app.keys);
            let spoken = plain(&frontdesk::accessible::screen_lines(&desk.app, 0).join(" "));
            let screen = script_frames(&mut desk);
            for text in lines.iter().flat_map(|line| line.texts()) {
                let said = plain(text);
                assert!(
                    screen.iter().any(|frame| frame.contains(&said)),
                    "{} {:?}: the full screen does not show {text:?}",
                    script.id,
                    path.keys
                );
                assert!(
                    spoken.contains(&said),
                    "{} {:?}: the accessible mode does not say {text:?}:\n{spoken}",
                    script.id,
                    path.keys
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 100, "{checked} texts checked");
}

/// Checks that every text of the step the walk stands at is on the full screen and in the
/// accessible mode; returns how many texts were checked.
fn check_step(desk: &mut Headless, script: &str, keys: &[u8]) -> usize {
    let Screen::Script(view) = desk.app.screen().clone() else {
        panic!("{script}: left the script");
    };
    let walk = view.walk(&desk.app.catalogue).unwrap();
    let step = script_step_view(&walk, desk.app.lang);
    let spoken = plain(&frontdesk::accessible::screen_lines(&desk.app, 0).join(" "));
    let screen = script_frames(desk);
    let texts = step.texts();
    for text in &texts {
        let said = plain(text);
        assert!(
            screen.iter().any(|frame| frame.contains(&said)),
            "{script} {keys:?}: the full screen does not show {text:?}"
        );
        assert!(
            spoken.contains(&said),
            "{script} {keys:?}: the accessible mode does not say {text:?}:\n{spoken}"
        );
    }
    texts.len()
}

#[test]
fn every_line_of_every_step_of_a_script_is_on_the_full_screen_and_in_the_accessible_mode() {
    let catalogue = Catalogue::embedded().unwrap();
    let mut checked = 0;
    let mut waiting = 0;
    for script in &catalogue.scripts {
        let paths = frontdesk::script::every_path(script, 1000).expect("a shipped script");
        for path in paths {
            let mut desk = Headless::new(catalogue.clone(), monday_morning(), 120, 40);
            desk.app
                .screens
                .push(Screen::Script(ScriptView::new(&script.id)));
            for depth in 0..=path.keys.len() {
                let keys = &path.keys[..depth];
                let Screen::Script(view) = desk.app.screen().clone() else {
                    panic!("{}: left the script", script.id);
                };
                if view
                    .walk(&desk.app.catalogue)
                    .unwrap()
                    .needs_acknowledgement()
                {
                    // The urgent block alone, then the whole step once acknowledged.
                    checked += check_step(&mut desk, &script.id, keys);
                    waiting += 1;
                    desk.press(KeyCode::Enter);
                }
                checked += check_step(&mut desk, &script.id, keys);
                if let Some(key) = path.keys.get(depth) {
                    desk.press(KeyCode::Char(char::from(b'0' + key)));
                }
            }
        }
    }
    assert!(waiting > 0, "no urgent step was walked");
    assert!(checked > 300, "{checked} texts checked");
}

/// Every frame of the resident screen, scrolled a line at a time to the end, with the QR code
/// beside the text left out (so that a line wrapped beside it reads on).
fn resident_frames(desk: &mut Headless) -> Vec<String> {
    let plain = |screen: &str| plain(&screen.replace(['█', '▀', '▄'], ""));
    let offset = |desk: &Headless| match desk.app.screen() {
        Screen::ShowResident(view) => view.scroll.offset,
        other => panic!("not the resident screen: {other:?}"),
    };
    let mut frames = vec![plain(&desk.screen())];
    loop {
        let before = offset(desk);
        desk.press(KeyCode::Down);
        if offset(desk) == before {
            break;
        }
        frames.push(plain(&desk.screen()));
    }
    frames
}

#[test]
fn every_line_of_the_resident_screen_is_on_the_full_screen_and_in_the_accessible_mode() {
    use frontdesk::desk::ResidentView;
    use frontdesk::visit::{LanguageChoice, ResidentLanguage};
    let catalogue = Catalogue::embedded().unwrap();
    let mut checked = 0;
    let mut welsh_titles = 0;
    for reads in [ResidentLanguage::English, ResidentLanguage::Welsh] {
        for (key, _) in catalogue.entries() {
            let mut desk = Headless::new(catalogue.clone(), monday_morning(), 120, 40);
            // The desk's own language is the other one: the resident's decides this screen.
            desk.app.lang = match reads {
                ResidentLanguage::English => Language::Welsh,
                ResidentLanguage::Welsh => Language::English,
            };
            desk.app.resident_language = LanguageChoice::both(reads);
            let Some(view) = desk.app.handout_view(key) else {
                continue;
            };
            let english = catalogue.entry(key).unwrap().title().to_string();
            if reads == ResidentLanguage::Welsh && view.title != english {
                welsh_titles += 1;
            }
            desk.app
                .screens
                .push(Screen::ShowResident(ResidentView::new(key)));
            let screen = resident_frames(&mut desk);
            let spoken =
                plain(&frontdesk::accessible::resident_sentences(&desk.app, key).join(" "));
            let mut texts: Vec<&str> = vec![view.heading, &view.title];
            texts.extend(view.url.as_deref());
            texts.extend(view.phone.as_deref());
            texts.extend(view.hours.iter().map(String::as_str));
            if view.url.is_none() {
                texts.push(view.no_web_address);
            }
            for text in texts {
                let said = plain(text);
                assert!(
                    screen.iter().any(|frame| frame.contains(&said)),
                    "{reads:?} {}: the full screen does not show {text:?}",
                    view.title
                );
                assert!(
                    spoken.contains(&said),
                    "{reads:?} {}: the accessible mode does not say {text:?}:\n{spoken}",
                    view.title
                );
                checked += 1;
            }
        }
    }
    assert!(welsh_titles > 0, "no entry has a Welsh title to show");
    assert!(checked > 300, "{checked} texts checked");
}

/// Logs a resolved visit for the first service `query` finds.
fn log_visit(desk: &mut Headless, queries: &[&str]) {
    for query in queries {
        desk.type_text(query);
        desk.press(KeyCode::F(2));
        desk.press(KeyCode::Esc);
        desk.press(KeyCode::Esc);
    }
    desk.press(KeyCode::F(2));
    desk.press(KeyCode::Char('1'));
    desk.press(KeyCode::Enter);
    assert!(desk.app.draft.is_none(), "saved:\n{}", desk.screen());
}

#[test]
fn every_line_of_todays_list_is_on_the_full_screen_and_in_the_accessible_mode() {
    let data = tempfile::TempDir::new().unwrap();
    let catalogue = Catalogue::embedded().unwrap();
    let mut desk = Headless::new(catalogue, monday_morning(), 120, 40).with_visit_log(data.path());
    // With none yet, both faces say so.
    desk.press(KeyCode::F(3));
    for lang in [Language::English, Language::Welsh] {
        desk.app.lang = lang;
        let view = desk.app.today_view();
        let (empty, _) = view.empty.clone().expect("no visits yet");
        assert!(plain(&desk.screen()).contains(&plain(empty)), "{lang:?}");
        let spoken = frontdesk::accessible::today_sentences(&desk.app).join(" ");
        assert_eq!(spoken, view.heading, "{lang:?}");
    }
    desk.app.lang = Language::English;
    desk.press(KeyCode::Esc);
    log_visit(&mut desk, &["bulky waste", "council tax"]);
    log_visit(&mut desk, &["blue badge"]);
    desk.press(KeyCode::F(3));
    let mut checked = 0;
    for lang in [Language::English, Language::Welsh] {
        desk.app.lang = lang;
        let view = desk.app.today_view();
        assert_eq!(view.rows.len(), 2);
        assert!(view.rows.iter().all(|row| row.changeable));
        let screen = plain(&desk.screen());
        let spoken = plain(&frontdesk::accessible::today_sentences(&desk.app).join(" "));
        let mut shown: Vec<&str> = vec![view.title.trim()];
        shown.extend(view.headings);
        shown.extend(view.footer.as_deref());
        let mut said: Vec<&str> = vec![&view.heading];
        for row in &view.rows {
            shown.extend(row.texts());
            said.extend(row.texts());
        }
        for text in shown {
            assert!(
                screen.contains(&plain(text)),
                "{lang:?}: the full screen does not show {text:?}:\n{screen}"
            );
            checked += 1;
        }
        for text in said {
            assert!(
                spoken.contains(&plain(text)),
                "{lang:?}: the accessible mode does not say {text:?}:\n{spoken}"
            );
            checked += 1;
        }
        // Which visits can still be changed, and for how long: the footer on the full screen
        // for the one selected, a sentence for them all in the accessible mode.
        let minutes = view.window_minutes.to_string();
        assert!(view.footer.as_deref().unwrap().contains(&minutes));
        assert!(
            spoken.contains(&plain(&frontdesk::text::accessible::today_changeable(
                lang,
                &[1, 2],
                &desk.app.keys.key(frontdesk::desk::Command::Undo),
                &desk.app.keys.key(frontdesk::desk::Command::Edit),
                view.window_minutes,
            )))
        );
    }
    assert!(checked >= 30, "{checked} texts checked");
}

#[test]
fn the_report_headline_is_on_the_full_screen_and_in_the_accessible_mode() {
    use frontdesk::desk::view::report_headline;
    let data = tempfile::TempDir::new().unwrap();
    let catalogue = Catalogue::embedded().unwrap();
    let mut desk = Headless::new(catalogue, monday_morning(), 120, 40).with_visit_log(data.path());
    log_visit(&mut desk, &["bulky waste"]);
    log_visit(&mut desk, &["blue badge"]);
    desk.press(KeyCode::F(7));
    let mut checked = 0;
    for lang in [Language::English, Language::Welsh] {
        desk.app.lang = lang;
        let Screen::Report(view) = desk.app.screen().clone() else {
            panic!("not the report: {:?}", desk.app.screen());
        };
        let report = desk
            .app
            .report_for(&view)
            .expect("the figures are in")
            .clone();
        assert_eq!(report.visits, 2);
        let screen = plain(&desk.screen());
        let spoken = plain(&frontdesk::accessible::screen_lines(&desk.app, 0).join(" "));
        let headline = report_headline(&report, lang);
        assert_eq!(
            headline.len(),
            5,
            "visits, first contact, online, failure, median"
        );
        for figure in &headline {
            // Label and value together, as each face writes them; the accessible mode also
            // says how many visits a rate counts.
            assert!(
                screen.contains(&plain(&format!("{} {}", figure.label, figure.value))),
                "{lang:?}: the full screen does not show {figure:?}:\n{screen}"
            );
            let said = match figure.visits {
                Some(visits) if figure.value != "-" => {
                    format!("{}: {visits} ({})", figure.label, figure.value)
                }
                _ => format!("{}: {}", figure.label, figure.value),
            };
            assert!(
                spoken.contains(&plain(&said)),
                "{lang:?}: the accessible mode does not say {said:?}:\n{spoken}"
            );
            checked += 1;
        }
    }
    assert_eq!(checked, 10);
}
