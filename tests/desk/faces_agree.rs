//! The faces agree: twenty front-desk tasks, each written once as what the receptionist does,
//! are driven through the full screen (headless, the real keymap and screens), the accessible
//! mode (the real binary over a pipe) and, for a plain visit, the command line, each into its
//! own SQLite visit log. The visit rows (ids and times aside) and the slips' text must be the
//! same.

use std::path::Path;

use assert_cmd::Command;
use chrono::Local;
use crossterm::event::KeyCode;
use frontdesk::catalogue::{Catalogue, Kind};
use frontdesk::desk::{Effect, Screen};
use frontdesk::search::Index;
use frontdesk::tui::headless::Headless;
use rusqlite::Connection;
use tempfile::TempDir;

/// How the visit form is filled in, from its outcome question, then saved. Numbers count from 1
/// as the screen shows them.
#[derive(Clone, Copy, Default)]
struct Form {
    /// Services given an outcome of their own: (service, outcome).
    services: &'static [(usize, u8)],
    outcome: Option<u8>,
    /// Partners stepped on: (partner, steps). One step signposts, two refer (a referral that
    /// needs consent: two is "no", three "yes").
    partners: &'static [(usize, u8)],
    /// Partners ticked and given for a service of the visit: (partner, service), after
    /// `partners`.
    partner_services: &'static [(usize, u8)],
    online: Option<u8>,
    feedback: Option<u8>,
    note: Option<&'static str>,
}

/// One thing the receptionist does, the same on every face.
#[derive(Clone, Copy)]
enum Step {
    /// Search for the words and open the result with this id (a script opens its walk).
    Open(&'static str, Kind, &'static str),
    /// Follow a link of the entry on screen.
    Link(u8),
    /// Log the visit: the form opens on its outcome.
    Log,
    /// Fill the form in and save it.
    Fill(Form),
    /// Save the form as it is.
    Save,
    /// Leave the form (the visit stays a draft) from its outcome question.
    LeaveForm,
    /// Back one screen.
    Back,
    /// Drop the visit on the form.
    Discard,
    /// On a script: an option, "done" on an urgent step, or back to the question before.
    Choose(u8),
    Done,
    Previous,
    /// Preview the resident's slip, print it and go back.
    Slip,
    /// Preview the resident's slip and print it, staying on it.
    SlipOnly,
    /// The resident speaks Welsh (or back to English).
    Language,
    /// Today's list: edit visit n (from 1) with the form, or undo it.
    Edit(usize, Form),
    Undo(usize),
    /// Book an appointment for the entry on screen: the slot with this number, the needs with
    /// these numbers on the full screen (the interpreter's language typed) and these words in
    /// the accessible mode, then back.
    Book(u8, &'static [(u8, &'static str)]),
    /// The same, from the next nine free slots (PgDn on the full screen, 'more' in the
    /// accessible mode).
    BookLater(u8, &'static [(u8, &'static str)]),
    /// A walk-in's ticket for the service open (the waiting screen opens), then this desk calls
    /// the next resident, and goes back: the next visit logged records the wait.
    TicketAndCall,
}

use Step::*;

/// A task and, where the command line can log it, its `frontdesk log` arguments.
struct Task {
    name: &'static str,
    steps: &'static [Step],
    cli: Option<&'static [&'static str]>,
}

const RESOLVED: Form = Form {
    outcome: Some(1),
    services: &[],
    partners: &[],
    partner_services: &[],
    online: None,
    feedback: None,
    note: None,
};

/// The homelessness script from its search result to an end that refers to partners.
const HOMELESS_SCRIPT: &[Step] = &[
    Open("evicted", Kind::Script, "homelessness"),
    Choose(1),
    Choose(1),
    Choose(2),
    Done,
    Previous,
    Choose(3),
    Choose(1),
    Choose(1),
    Choose(1),
    Choose(3),
];

/// `first`, then `next`.
fn then(first: &[Step], next: &[Step]) -> &'static [Step] {
    [first, next].concat().leak()
}

fn tasks() -> Vec<Task> {
    vec![
        // The command line can log these (they come first: no later task changes them).
        Task {
            name: "a bulky waste visit, resolved",
            steps: &[
                Open("bulky waste", Kind::Service, "bulky-waste"),
                Log,
                Fill(RESOLVED),
            ],
            cli: Some(&["--service", "bulky-waste", "--outcome", "resolved"]),
        },
        Task {
            name: "council tax, signposted to debt advice with a note",
            steps: &[
                Open("council tax arrears", Kind::Service, "council-tax-arrears"),
                Log,
                Fill(Form {
                    outcome: Some(2),
                    partners: &[(1, 1)],
                    note: Some("reminder letter brought in"),
                    ..RESOLVED
                }),
            ],
            cli: Some(&[
                "--service",
                "council-tax-arrears",
                "--outcome",
                "signposted",
                "--partner",
                "debt-advice",
                "--note",
                "reminder letter brought in",
            ]),
        },
        Task {
            name: "two services, each with its own outcome",
            steps: &[
                Open("bulky waste", Kind::Service, "bulky-waste"),
                Log,
                LeaveForm,
                Back,
                Open("blue badge", Kind::Service, "blue-badge"),
                Log,
                Fill(Form {
                    services: &[(1, 1), (2, 5)],
                    outcome: None,
                    ..RESOLVED
                }),
            ],
            cli: Some(&[
                "--service",
                "bulky-waste=resolved",
                "--service",
                "blue-badge=assisted-digital",
            ]),
        },
        Task {
            name: "a referral that needs the resident's consent, agreed",
            steps: &[
                Open("cost of living", Kind::Service, "cost-of-living-support"),
                Log,
                Fill(Form {
                    outcome: Some(3),
                    partners: &[(1, 3)],
                    ..RESOLVED
                }),
            ],
            cli: Some(&[
                "--service",
                "cost-of-living-support",
                "--outcome",
                "referred",
                "--refer",
                "food-bank=yes",
            ]),
        },
        Task {
            name: "a signpost, and a referral the resident did not agree to",
            steps: &[
                Open("cost of living", Kind::Service, "cost-of-living-support"),
                Log,
                Fill(Form {
                    outcome: Some(2),
                    partners: &[(1, 1), (3, 2)],
                    ..RESOLVED
                }),
            ],
            cli: Some(&[
                "--service",
                "cost-of-living-support",
                "--outcome",
                "signposted",
                "--partner",
                "food-bank",
                "--refer",
                "debt-advice=no",
            ]),
        },
        Task {
            name: "could have been online, with a compliment",
            steps: &[
                Open("pothole", Kind::Service, "potholes"),
                Log,
                Fill(Form {
                    online: Some(1),
                    feedback: Some(2),
                    ..RESOLVED
                }),
            ],
            cli: Some(&[
                "--service",
                "potholes",
                "--outcome",
                "resolved",
                "--online",
                "yes",
                "--feedback",
                "compliment",
            ]),
        },
        Task {
            name: "a Welsh-speaking resident about a missed bin",
            steps: &[
                Language,
                Open("bin not collected", Kind::Service, "bin-missed"),
                Log,
                Fill(RESOLVED),
            ],
            cli: Some(&[
                "--service",
                "bin-missed",
                "--outcome",
                "resolved",
                "--language",
                "cy",
            ]),
        },
        // Scripts, slips, edits and undos: the full screen and the accessible mode.
        Task {
            name: "the homelessness script to an end with referrals",
            steps: then(HOMELESS_SCRIPT, &[Log, Save]),
            cli: None,
        },
        Task {
            name: "the homelessness script, its slip, then logged from the slip",
            steps: then(HOMELESS_SCRIPT, &[SlipOnly, Log, Save]),
            cli: None,
        },
        Task {
            name: "the missed bin script, first answers, with a note",
            steps: &[
                Open("bin not emptied", Kind::Script, "missed-bin"),
                Choose(1),
                Choose(1),
                Choose(1),
                Log,
                Fill(Form {
                    outcome: None,
                    note: Some("blue lid bin"),
                    ..RESOLVED
                }),
            ],
            cli: None,
        },
        Task {
            name: "a slip for a service and its partner, then the visit",
            steps: &[
                Open("bulky waste", Kind::Service, "bulky-waste"),
                Slip,
                Log,
                Fill(Form {
                    outcome: Some(2),
                    partners: &[(1, 1)],
                    ..RESOLVED
                }),
            ],
            cli: None,
        },
        Task {
            name: "a service reached by a link",
            steps: &[
                Open("bulky waste", Kind::Service, "bulky-waste"),
                Link(1),
                Log,
                Fill(Form {
                    outcome: Some(2),
                    ..RESOLVED
                }),
            ],
            cli: None,
        },
        Task {
            name: "a Welsh-speaking resident, a slip for council tax",
            steps: &[
                Language,
                Open("council tax arrears", Kind::Service, "council-tax-arrears"),
                Slip,
                Log,
                Fill(Form {
                    outcome: Some(2),
                    partners: &[(1, 1), (2, 1)],
                    ..RESOLVED
                }),
            ],
            cli: None,
        },
        Task {
            name: "a visit begun and discarded: nothing is logged",
            steps: &[
                Open("fly tipping", Kind::Service, "fly-tipping"),
                Log,
                Discard,
            ],
            cli: None,
        },
        Task {
            name: "a visit for the wrong service, undone",
            steps: &[
                Open("stray dog", Kind::Service, "stray-dog"),
                Log,
                Fill(RESOLVED),
                Undo(14),
            ],
            cli: None,
        },
        Task {
            name: "a visit edited: another outcome and a note",
            steps: &[
                Open("street light", Kind::Service, "streetlight"),
                Log,
                Fill(RESOLVED),
                Edit(
                    14,
                    Form {
                        outcome: Some(6),
                        note: Some("column number on the post"),
                        ..RESOLVED
                    },
                ),
            ],
            cli: None,
        },
        Task {
            name: "the script visit edited to add a note",
            steps: &[Edit(
                8,
                Form {
                    outcome: None,
                    note: Some("staying with a friend"),
                    ..RESOLVED
                },
            )],
            cli: None,
        },
        Task {
            name: "an urgent service, referred",
            steps: &[
                Open("homeless tonight", Kind::Service, "homeless-tonight"),
                Log,
                Fill(Form {
                    outcome: Some(3),
                    partners: &[(1, 2)],
                    ..RESOLVED
                }),
            ],
            cli: None,
        },
        Task {
            name: "a slip of the end of the missed bin script's assisted path",
            steps: &[
                Open("bin not emptied", Kind::Script, "missed-bin"),
                Choose(1),
                Choose(1),
                Choose(2),
                Choose(1),
                Slip,
                Log,
                Save,
            ],
            cli: None,
        },
        Task {
            name: "a Welsh-speaking resident, back to English for the next visit",
            steps: &[
                Language,
                Language,
                Open("recycling centre", Kind::Service, "recycling-centre"),
                Log,
                Fill(Form {
                    feedback: Some(3),
                    ..RESOLVED
                }),
            ],
            cli: None,
        },
        Task {
            name: "a walk-in waits with a ticket, is called here, and the visit records the wait",
            steps: &[
                Open("council tax arrears", Kind::Service, "council-tax-arrears"),
                TicketAndCall,
                Log,
                Fill(RESOLVED),
            ],
            cli: None,
        },
        Task {
            name: "an appointment booked with an interpreter and a hearing loop, then logged",
            steps: &[
                Open("homeless", Kind::Service, "homelessness"),
                Book(2, &[(1, "interpreter=bsl"), (3, "hearing-loop")]),
                Log,
                Save,
            ],
            cli: None,
        },
        Task {
            name: "an appointment from the next nine free slots, with a Polish interpreter, then logged",
            steps: &[
                Open("homeless", Kind::Service, "homelessness"),
                BookLater(3, &[(1, "interpreter=polish"), (2, "step-free")]),
                Log,
                Save,
            ],
            cli: None,
        },
        Task {
            name: "two services, a partner for each, and one given to the first service",
            steps: &[
                Open("bulky waste", Kind::Service, "bulky-waste"),
                Log,
                LeaveForm,
                Back,
                Open("council tax arrears", Kind::Service, "council-tax-arrears"),
                Log,
                Fill(Form {
                    outcome: Some(2),
                    partner_services: &[(1, 1), (2, 2), (5, 1)],
                    ..RESOLVED
                }),
            ],
            cli: None,
        },
    ]
}

/// What a face left behind: the visit rows in order, and the slips' text.
#[derive(Debug, PartialEq)]
struct Logged {
    visits: Vec<String>,
    slips: Vec<String>,
}

/// Every visit in the log as one line of its fields, oldest first, ids and times aside.
fn visit_rows(log: &Path) -> Vec<String> {
    let conn = Connection::open(log).unwrap();
    let mut stmt = conn
        .prepare(
            "SELECT v.id, v.desk, v.staff, v.outcome, v.online, v.feedback, v.note,
                    v.catalogue_version, v.script_id, v.script_version, v.script_path, v.demand,
                    v.assisted_how, v.spoken_language, v.written_language,
                    v.waited_seconds IS NOT NULL
             FROM visits v ORDER BY v.rowid",
        )
        .unwrap();
    let visits: Vec<(String, String)> = stmt
        .query_map([], |r| {
            let mut fields = Vec::new();
            for i in 1..16 {
                let value: Option<String> =
                    r.get::<_, Option<rusqlite::types::Value>>(i)?
                        .map(|v| match v {
                            rusqlite::types::Value::Text(t) => t,
                            other => format!("{other:?}"),
                        });
                fields.push(value.unwrap_or_else(|| "-".into()));
            }
            Ok((r.get(0)?, fields.join(" | ")))
        })
        .unwrap()
        .collect::<std::result::Result<_, _>>()
        .unwrap();
    let children = |sql: &str, id: &str| -> String {
        let mut stmt = conn.prepare(sql).unwrap();
        let rows: Vec<String> = stmt
            .query_map([id], |r| {
                let a: String = r.get(0)?;
                let b: Option<rusqlite::types::Value> = r.get(1)?;
                let c: Option<rusqlite::types::Value> = r.get(2)?;
                Ok(format!("{a} {b:?} {c:?}"))
            })
            .unwrap()
            .collect::<std::result::Result<_, _>>()
            .unwrap();
        rows.join(", ")
    };
    visits
        .into_iter()
        .map(|(id, fields)| {
            let services = children(
                "SELECT service_id, outcome, (SELECT b.service_id || ' ' || b.needs || ' ' || b.state \
                 FROM bookings b WHERE b.reference = visit_services.booking_reference) \
                 FROM visit_services WHERE visit_id = ?1 ORDER BY position",
                &id,
            );
            let partners = children(
                "SELECT partner_id, how, printf('%s for service %d', coalesce(consent, '-'), service_position) \
                 FROM visit_partners WHERE visit_id = ?1 ORDER BY position",
                &id,
            );
            let reasons = children(
                "SELECT reason, NULL, NULL FROM visit_reasons WHERE visit_id = ?1 ORDER BY position",
                &id,
            );
            format!("{fields} || services: {services} || partners: {partners} || reasons: {reasons}")
        })
        .collect()
}

fn digit(n: u8) -> KeyCode {
    KeyCode::Char(char::from(b'0' + n))
}

/// The full screen, headless, with a visit log in `data`.
struct FullScreen {
    desk: Headless,
    slips: Vec<String>,
    /// Whether each form filled in had partners to tick, for the accessible mode, which asks
    /// about partners only then.
    partner_fields: Vec<bool>,
}

impl FullScreen {
    fn new(data: &Path) -> FullScreen {
        let now = Local::now().fixed_offset();
        let mut desk = Headless::new(Catalogue::embedded().unwrap(), now, 80, 24);
        desk.app.desk = "Main desk".into();
        desk.app.staff = String::new();
        FullScreen {
            desk: desk.with_visit_log(data),
            slips: Vec::new(),
            partner_fields: Vec::new(),
        }
    }

    fn keys(&mut self, keys: &[KeyCode]) {
        for key in keys {
            self.desk.press(*key);
        }
    }

    fn step(&mut self, step: Step) {
        let d = &mut self.desk;
        match step {
            Open(query, kind, id) => {
                d.ctrl('u');
                d.type_text(query);
                let row = row_of(&d.app.catalogue, &d.app.search.results, kind, id, query);
                for _ in 0..row {
                    d.press(KeyCode::Down);
                }
                d.press(KeyCode::Enter);
            }
            Link(n) => d.press(digit(n)),
            Log => d.press(KeyCode::F(2)),
            Fill(form) => self.fill(form),
            Save => d.ctrl('s'),
            LeaveForm | Back => d.press(KeyCode::Esc),
            Discard => d.ctrl('d'),
            Choose(n) => d.press(digit(n)),
            Done => d.press(KeyCode::Enter),
            Previous => d.press(KeyCode::Backspace),
            Slip | SlipOnly => {
                d.press(KeyCode::F(6));
                assert!(matches!(d.app.screen(), Screen::Slip(_)), "{}", d.screen());
                d.effects.clear();
                d.press(KeyCode::Char('p'));
                let job = d.effects.iter().find_map(|e| match e {
                    Effect::FileSlip(job) => Some(job.text.clone()),
                    _ => None,
                });
                self.slips.push(job.expect("the slip is printed"));
                if matches!(step, Slip) {
                    self.desk.press(KeyCode::Esc);
                }
            }
            Language => d.press(KeyCode::F(8)),
            Edit(n, form) => {
                self.today(n);
                self.desk.press(KeyCode::Char('e'));
                self.fill(form);
                self.desk.press(KeyCode::Esc);
            }
            Undo(n) => {
                self.today(n);
                self.keys(&[KeyCode::Char('u'), KeyCode::Char('u'), KeyCode::Esc]);
            }
            Book(slot, needs) | BookLater(slot, needs) => {
                self.desk.press(KeyCode::F(10));
                if matches!(step, BookLater(..)) {
                    self.desk.press(KeyCode::PageDown);
                }
                self.keys(&[digit(slot), KeyCode::Enter]);
                for (key, words) in needs {
                    self.desk.press(digit(*key));
                    if let Some(language) = words.strip_prefix("interpreter=") {
                        self.desk.type_text(language);
                        self.desk.press(KeyCode::Enter);
                    }
                }
                self.desk.press(KeyCode::Enter);
                let booked = matches!(
                    self.desk.app.screen(),
                    Screen::Booking(view) if matches!(view.stage, frontdesk::desk::BookingStage::Booked(_))
                );
                assert!(booked, "booked:\n{}", self.desk.screen());
                self.desk.press(KeyCode::Esc);
            }
            TicketAndCall => {
                self.keys(&[KeyCode::F(12), KeyCode::F(5), KeyCode::F(9)]);
                let called = self
                    .desk
                    .app
                    .waiting_called
                    .as_ref()
                    .map(|t| t.ticket.clone());
                assert_eq!(called.as_deref(), Some("C1"), "{}", self.desk.screen());
                self.desk.press(KeyCode::Esc);
            }
        }
    }

    /// Today's list, with visit `n` (from 1) selected.
    fn today(&mut self, n: usize) {
        self.keys(&[KeyCode::F(3), KeyCode::Home]);
        for _ in 1..n {
            self.desk.press(KeyCode::Down);
        }
    }

    fn fill(&mut self, form: Form) {
        let d = &mut self.desk;
        let on_form = *d.app.screen() == Screen::VisitForm;
        assert!(on_form, "{}", d.screen());
        self.partner_fields
            .push(!d.app.form.partner_options.is_empty());
        for (service, outcome) in form.services {
            d.press(KeyCode::BackTab);
            for _ in 1..*service {
                d.press(KeyCode::Right);
            }
            d.press(digit(*outcome));
            d.press(KeyCode::Tab);
        }
        if let Some(outcome) = form.outcome {
            d.press(digit(outcome));
        }
        // Demand, helped online, partners.
        self.keys(&[KeyCode::Tab, KeyCode::Tab, KeyCode::Tab]);
        let mut cursor = 1;
        for (partner, steps) in form.partners {
            for _ in cursor..*partner {
                self.desk.press(KeyCode::Right);
            }
            cursor = *partner;
            for _ in 0..*steps {
                self.desk.press(KeyCode::Char(' '));
            }
        }
        for (partner, service) in form.partner_services {
            while cursor != *partner {
                let key = if cursor < *partner {
                    cursor += 1;
                    KeyCode::Right
                } else {
                    cursor -= 1;
                    KeyCode::Left
                };
                self.desk.press(key);
            }
            self.keys(&[KeyCode::Char(' '), digit(*service)]);
        }
        let choose = |d: &mut Headless, n: Option<u8>| {
            if let Some(n) = n {
                d.press(KeyCode::Char(' '));
                for _ in 1..n {
                    d.press(KeyCode::Right);
                }
            }
        };
        self.desk.press(KeyCode::Tab);
        choose(&mut self.desk, form.online);
        self.keys(&[KeyCode::Tab, KeyCode::Tab]);
        choose(&mut self.desk, form.feedback);
        if let Some(note) = form.note {
            self.desk.press(KeyCode::F(9));
            self.desk.type_text(note);
        }
        self.desk.ctrl('s');
        let saved = *self.desk.app.screen() != Screen::VisitForm;
        assert!(saved, "saved:\n{}", self.desk.screen());
    }
}

/// Where the entry `id` is among the results for `query`, from 0.
fn row_of(
    catalogue: &Catalogue,
    results: &[frontdesk::catalogue::EntryKey],
    kind: Kind,
    id: &str,
    query: &str,
) -> usize {
    results
        .iter()
        .position(|key| key.kind == kind && catalogue.entry(*key).is_some_and(|e| e.id() == id))
        .unwrap_or_else(|| panic!("{query:?} does not find {id}"))
}

/// The accessible mode's lines for the tasks; `partner_fields` says, form by form, whether
/// there were partners to ask about (as the full screen found).
fn accessible_lines(tasks: &[Task], partner_fields: &[bool]) -> Vec<String> {
    let catalogue = Catalogue::embedded().unwrap();
    let index = Index::new(&catalogue);
    let mut forms = partner_fields.iter();
    let mut lines: Vec<String> = Vec::new();
    let mut fill = |lines: &mut Vec<String>, form: Form| {
        let partners = *forms.next().expect("a form for each fill");
        if !form.services.is_empty() {
            lines.push("back".into());
            for (service, outcome) in form.services {
                lines.push(format!("{service} {outcome}"));
            }
            lines.push(String::new());
        }
        let number = |n: Option<u8>| n.map(|n| n.to_string()).unwrap_or_default();
        lines.push(number(form.outcome));
        lines.push(String::new()); // demand
        lines.push(String::new()); // helped online
        for (partner, service) in form.partner_services {
            lines.push(format!("{partner} for {service}"));
        }
        if partners {
            let steps: Vec<String> = form
                .partners
                .iter()
                .flat_map(|(p, steps)| std::iter::repeat_n(p.to_string(), usize::from(*steps)))
                .collect();
            lines.push(steps.join(" "));
        }
        lines.push(number(form.online));
        lines.push(String::new()); // reasons
        lines.push(number(form.feedback));
        // The choice fields (an interpreter...), left unanswered.
        for _ in frontdesk::visit::CHOICE_FIELDS {
            lines.push(String::new());
        }
        // The note is the last question: answering it saves.
        lines.push(form.note.unwrap_or("").to_string());
    };
    for task in tasks {
        for step in task.steps {
            match *step {
                Open(query, kind, id) => {
                    let hits: Vec<_> = index.query(query).into_iter().map(|h| h.key).collect();
                    let row = row_of(&catalogue, &hits, kind, id, query);
                    lines.push(format!("find {query}"));
                    lines.push((row + 1).to_string());
                }
                Link(n) => lines.push(n.to_string()),
                Log => lines.push("log".into()),
                Fill(form) => fill(&mut lines, form),
                Save => lines.push("save".into()),
                LeaveForm => lines.extend(["back".into(), "back".into()]),
                Back => lines.push("back".into()),
                Discard => lines.push("discard".into()),
                Choose(n) => lines.push(n.to_string()),
                Book(slot, needs) | BookLater(slot, needs) => {
                    let words: Vec<&str> = needs.iter().map(|(_, w)| *w).collect();
                    lines.push("book".into());
                    if matches!(step, BookLater(..)) {
                        lines.push("more".into());
                    }
                    lines.extend([
                        slot.to_string(),
                        words.join(", "),
                        "yes".into(),
                        "back".into(),
                    ]);
                }
                Done => lines.push("done".into()),
                Previous => lines.push("back".into()),
                Slip => lines.extend(["slip".into(), "print".into(), "back".into()]),
                SlipOnly => lines.extend(["slip".into(), "print".into()]),
                Language => lines.push("language".into()),
                Edit(n, form) => {
                    lines.extend(["today".into(), format!("edit {n}")]);
                    fill(&mut lines, form);
                    lines.push("back".into());
                }
                Undo(n) => lines.extend([
                    "today".into(),
                    format!("undo {n}"),
                    "yes".into(),
                    "back".into(),
                ]),
                TicketAndCall => lines.extend(["ticket".into(), "call".into(), "back".into()]),
            }
        }
    }
    lines.push("quit".into());
    lines
}

fn frontdesk(data: &Path) -> Command {
    let mut cmd = Command::cargo_bin("frontdesk").unwrap();
    cmd.env_clear()
        .env(
            "FRONTDESK_CONFIG",
            format!(
                "{}/tests/fixtures/empty-config.toml",
                env!("CARGO_MANIFEST_DIR")
            ),
        )
        .env("FRONTDESK_DESK", "Main desk")
        .current_dir(data)
        .arg("--data-dir")
        .arg(data);
    cmd
}

/// The accessible mode over a pipe; each printed slip is appended to printed.txt.
fn accessible(data: &Path, lines: &[String]) -> Logged {
    let config = data.join("config.toml");
    std::fs::write(
        &config,
        "print_command = [\"sh\", \"-c\", \"cat \\\"$0\\\" >> printed.txt; printf '\\\\n<END>\\\\n' >> printed.txt\"]\n",
    )
    .unwrap();
    let mut input = lines.join("\n");
    input.push('\n');
    let output = frontdesk(data)
        .env("FRONTDESK_CONFIG", &config)
        .arg("--accessible")
        .write_stdin(input)
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&output.stdout).to_string();
    assert!(output.status.success(), "{out}");
    let printed = std::fs::read_to_string(data.join("printed.txt")).unwrap_or_default();
    let slips = printed
        .split("\n<END>\n")
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect();
    Logged {
        visits: visit_rows(&data.join("visits.sqlite3")),
        slips,
    }
    .with_transcript(out)
}

impl Logged {
    /// Keeps the transcript for the message of a failed comparison.
    fn with_transcript(self, transcript: String) -> Logged {
        TRANSCRIPT.with(|t| *t.borrow_mut() = transcript);
        self
    }
}

thread_local! {
    static TRANSCRIPT: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

#[test]
fn twenty_tasks_give_the_same_visits_and_slips_on_every_face() {
    let tasks = tasks();
    assert_eq!(tasks.len(), 24);

    // The full screen.
    let full_data = TempDir::new().unwrap();
    let mut full = FullScreen::new(full_data.path());
    for task in &tasks {
        eprintln!("full screen: {}", task.name);
        for step in task.steps {
            full.step(*step);
        }
        assert!(
            full.desk.app.draft.is_none(),
            "{}: the visit is finished\n{}",
            task.name,
            full.desk.screen()
        );
    }
    let full_result = Logged {
        visits: visit_rows(&full_data.path().join("visits.sqlite3")),
        slips: full.slips.clone(),
    };
    // Twenty-four tasks: one discarded, one undone, one an edit.
    assert_eq!(full_result.visits.len(), 21, "{:#?}", full_result.visits);
    // The bookings: the visit's service carries the reference of a booking in the same log,
    // for its service and needs (the interpreter's language typed), and its outcome is
    // "appointment made".
    let booked = &full_result.visits[full_result.visits.len() - 3];
    assert!(
        booked.contains(
            "services: homelessness Some(Text(\"appointment\")) \
             Some(Text(\"homelessness interpreter=BSL,hearing-loop booked\"))"
        ),
        "{booked}"
    );
    let later = &full_result.visits[full_result.visits.len() - 2];
    assert!(
        later.contains("Some(Text(\"homelessness interpreter=Polish,step-free booked\"))"),
        "{later}"
    );
    // The walk-in called here: only that visit records a wait.
    let waited: Vec<bool> = full_result
        .visits
        .iter()
        .map(|v| v.contains("| Integer(1) ||"))
        .collect();
    assert_eq!(
        waited.iter().filter(|w| **w).count(),
        1,
        "{:#?}",
        full_result.visits
    );
    // The last: two services, a partner for each and one more for the first, each on its own.
    let last = full_result.visits.last().unwrap();
    assert!(
        last.ends_with(
            "partners: furniture-reuse Some(Text(\"signpost\")) Some(Text(\"- for service 0\")), \
             debt-advice Some(Text(\"signpost\")) Some(Text(\"- for service 1\")), \
             citizens-advice Some(Text(\"signpost\")) Some(Text(\"- for service 0\")) || reasons: "
        ),
        "{last}"
    );
    assert_eq!(full_result.slips.len(), 4);

    // The accessible mode, over a pipe.
    let accessible_data = TempDir::new().unwrap();
    let lines = accessible_lines(&tasks, &full.partner_fields);
    let accessible_result = accessible(accessible_data.path(), &lines);
    let transcript = TRANSCRIPT.with(|t| t.borrow().clone());
    for (i, (a, b)) in full_result
        .visits
        .iter()
        .zip(&accessible_result.visits)
        .enumerate()
    {
        assert_eq!(a, b, "visit {}\ntranscript:\n{transcript}", i + 1);
    }
    assert_eq!(
        full_result.visits.len(),
        accessible_result.visits.len(),
        "transcript:\n{transcript}"
    );
    assert_eq!(full_result.slips, accessible_result.slips);

    // The command line, where it applies: plain visits.
    let cli_data = TempDir::new().unwrap();
    let mut logged = 0;
    for task in &tasks {
        let Some(args) = task.cli else { continue };
        let output = frontdesk(cli_data.path())
            .arg("log")
            .args(args)
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{}: {}",
            task.name,
            String::from_utf8_lossy(&output.stderr)
        );
        logged += 1;
    }
    let cli_visits = visit_rows(&cli_data.path().join("visits.sqlite3"));
    assert_eq!(cli_visits, full_result.visits[..logged]);

    // The slips from the command line: the same text for the same partners and services.
    let slip = frontdesk(cli_data.path())
        .args([
            "slip",
            "--service",
            "bulky-waste",
            "--partner",
            "furniture-reuse",
        ])
        .output()
        .unwrap();
    assert!(slip.status.success());
    let cli_slip = String::from_utf8_lossy(&slip.stdout).to_string();
    assert!(
        full_result.slips.contains(&cli_slip),
        "{cli_slip}\nnot among\n{:#?}",
        full_result.slips
    );
}
