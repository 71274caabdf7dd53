//! The event loop: drain every ready message, then draw once. Keys never wait on the disk or on
//! a search: those run on worker threads and answer with actions.

use std::sync::Arc;
use std::time::Duration;

use crossterm::event::Event;
use tokio::sync::mpsc::{self, UnboundedReceiver, UnboundedSender};

use super::input::action_for_event;
use super::keymap::Keymap;
use super::message::Message;
use super::screens;
use super::terminal::{TerminalGuard, Tty};
use super::theme::Theme;
use crate::config::Settings;
use crate::desk::{Action, App, Effect};
use crate::runtime::workers::SearchStart;
use crate::runtime::{Answers, Threaded};
use crate::search::compiled::Prepared;
use crate::store::DraftSlot;

pub async fn run(
    settings: &Settings,
    prepared: Prepared,
    keymap: Keymap,
    theme: Theme,
    log_problem: Option<String>,
) -> anyhow::Result<()> {
    let (guard, mut terminal) = TerminalGuard::enter(settings.mouse)?;
    let Prepared {
        catalogue,
        index,
        pending,
        reading,
        rest,
    } = prepared;
    let mut app = App::new(
        Arc::new(catalogue),
        keymap.key_names(),
        &settings.desk,
        &settings.staff,
        crate::clock::local_now()?.fixed_offset(),
    );
    app.lang = settings.language;
    // The first frame comes before any file is touched. Then this window's own draft file,
    // locked while it runs: a visit left half-filled by a window of this desk that is no longer
    // running comes back before anything can be typed over it, as no key is read until the
    // input reader starts below. Everything slow (index, database) happens on the workers.
    screens::draw(&mut terminal, &mut app, &keymap, &theme)?;
    // The rest of the built-in catalogue (its synonyms and scripts), read now that the first
    // frame is up and before the first key is: keys typed meanwhile wait in the terminal. This
    // one change to the desk's state comes from outside `App::update`, as no action has been
    // handled yet; the catalogue has a single owner here, so nothing is copied.
    if let Some(rest) = rest {
        rest.read_into(Arc::make_mut(&mut app.catalogue));
    }
    let search = SearchStart {
        catalogue: app.catalogue.clone(),
        index,
        reading,
        pending,
    };
    let (drafts, draft_problem) = match DraftSlot::claim(&settings.data_dir, &settings.desk) {
        Ok((slot, left)) => {
            if let Some(draft) = left {
                app.update(Action::DraftRestored(Box::new(draft)));
                screens::draw(&mut terminal, &mut app, &keymap, &theme)?;
            }
            (Some(slot), None)
        }
        Err(e) => (
            None,
            Some(crate::text::errors::store(settings.language, &e)),
        ),
    };

    let (sender, mut messages) = mpsc::unbounded_channel::<Message>();
    spawn_input_reader(sender.clone());
    spawn_signal_listener(sender.clone());
    spawn_clock(sender.clone());
    let answers = {
        let sender = sender.clone();
        Answers::new(move |action| sender.send(Message::Action(action)).is_ok())
    };
    let mut runner = Threaded::start(settings, search, drafts, answers);
    // The report offers the figures of all desks only where there is a worker to ask for them.
    app.central_report = runner.central_report();
    if let Some(problem) = log_problem {
        app.update(Action::DraftNotKept(problem));
    }
    if let Some(problem) = draft_problem {
        app.update(Action::DraftNotKept(problem));
    }

    let result = event_loop(
        &mut app,
        &keymap,
        &theme,
        &mut terminal,
        &mut messages,
        &mut runner,
    )
    .await;
    runner.finish();
    drop(guard);
    result
}

async fn event_loop(
    app: &mut App,
    keymap: &Keymap,
    theme: &Theme,
    terminal: &mut Tty,
    messages: &mut UnboundedReceiver<Message>,
    runner: &mut Threaded,
) -> anyhow::Result<()> {
    while let Some(first) = messages.recv().await {
        let mut next = Some(first);
        while let Some(message) = next {
            let effects = handle(
                app,
                keymap,
                message,
                terminal.size().map(|s| s.into()).unwrap_or_default(),
            );
            for effect in effects {
                runner.run(app, effect);
            }
            next = messages.try_recv().ok();
        }
        if app.quit {
            break;
        }
        screens::draw(terminal, app, keymap, theme)?;
    }
    Ok(())
}

fn handle(
    app: &mut App,
    keymap: &Keymap,
    message: Message,
    size: ratatui::layout::Rect,
) -> Vec<Effect> {
    match message {
        Message::Event(event) => {
            let mut effects = Vec::new();
            if matches!(event, Event::Key(_)) {
                // Keep the clock current for timestamps taken on this key.
                if let Ok(now) = crate::clock::local_now() {
                    effects = app.update(Action::Tick(now.fixed_offset()));
                }
            }
            if let Some(action) = action_for_event(app, keymap, &event, size) {
                effects.extend(app.update(action));
            }
            effects
        }
        Message::Action(action) => app.update(action),
        Message::InputGone => app.update(Action::Stop),
    }
}

fn spawn_input_reader(sender: UnboundedSender<Message>) {
    let spawned = std::thread::Builder::new()
        .name("keys".into())
        .spawn(move || {
            loop {
                match crossterm::event::read() {
                    Ok(event) => {
                        if sender.send(Message::Event(event)).is_err() {
                            return;
                        }
                    }
                    Err(e) => {
                        tracing::warn!("the terminal stopped sending input: {e}");
                        let _ = sender.send(Message::InputGone);
                        return;
                    }
                }
            }
        });
    if let Err(e) = spawned {
        tracing::error!("cannot start the key reader: {e}");
    }
}

fn spawn_signal_listener(sender: UnboundedSender<Message>) {
    #[cfg(unix)]
    tokio::spawn(async move {
        use tokio::signal::unix::{SignalKind, signal};
        let (Ok(mut term), Ok(mut hup), Ok(mut int)) = (
            signal(SignalKind::terminate()),
            signal(SignalKind::hangup()),
            signal(SignalKind::interrupt()),
        ) else {
            tracing::warn!("cannot listen for signals; the terminal is still restored on exit");
            return;
        };
        tokio::select! {
            _ = term.recv() => tracing::info!("stopping on SIGTERM"),
            _ = hup.recv() => tracing::info!("stopping on SIGHUP"),
            _ = int.recv() => tracing::info!("stopping on SIGINT"),
        }
        let _ = sender.send(Message::Action(Action::Stop));
    });
    #[cfg(not(unix))]
    tokio::spawn(async move {
        if tokio::signal::ctrl_c().await.is_ok() {
            let _ = sender.send(Message::Action(Action::Stop));
        }
    });
}

fn spawn_clock(sender: UnboundedSender<Message>) {
    tokio::spawn(async move {
        let mut ticks = tokio::time::interval(Duration::from_secs(1));
        loop {
            ticks.tick().await;
            // A clock that cannot be read (set before 1970 while the app runs) skips a tick.
            let Ok(now) = crate::clock::local_now() else {
                continue;
            };
            if sender
                .send(Message::Action(Action::Tick(now.fixed_offset())))
                .is_err()
            {
                return;
            }
        }
    });
}
