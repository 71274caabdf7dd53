//! What the desk says, made once and drawn by both faces: the full screen maps a view to styled
//! spans, the accessible mode to sentences. A line added here appears on both.

mod appointments;
mod entry;
mod report;
mod resident;
mod script;
mod today;
pub mod waiting;

pub use appointments::{BookingPrompt, BookingScreenView, INTERPRETER_LANGUAGES, NEEDS_LISTED};
pub use entry::{EntryView, LinkView, entry_view, provider_tag};
pub use report::{AppointmentsView, HeadlineFigure, report_appointments, report_headline};
pub use resident::{HandoutView, handout_view};
pub use script::{ScriptStepView, UrgentView, script_end_view, script_step_view};
pub use today::{TodayRowView, TodayView};
pub use waiting::{BookingRow, TicketRow, WaitingScreen};

/// How a line's value is set off on the full screen (the accessible mode reads every line the
/// same way).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Emphasis {
    /// Plain text (a label, if any, is drawn as a heading).
    Plain,
    /// The whole line stands out: open now, how to walk a script.
    Heading,
    /// Who does it, when it is not this council.
    NotUs,
    /// Words for the resident, marked as such (never by colour alone).
    Resident,
}

/// A line's value: one text, or a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Text(String),
    /// Items drawn one a line with a bullet under the label; read out joined with "; ".
    Bullets(Vec<String>),
    /// Lines drawn under the label; read out as sentences.
    Lines(Vec<String>),
    /// Steps to tick off, drawn one a line under the label; read out joined with "; ".
    Steps(Vec<String>),
}

/// One thing a view says: "Label: value". The label carries its own punctuation as the
/// full screen shows it ("Phone: "); it may be empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ViewLine {
    pub label: &'static str,
    pub value: Value,
    pub emphasis: Emphasis,
    /// Shown in a short preview too (the search screen's); otherwise only on the full view.
    pub brief: bool,
}

impl ViewLine {
    fn text(label: &'static str, value: impl Into<String>, brief: bool) -> ViewLine {
        ViewLine {
            label,
            value: Value::Text(value.into()),
            emphasis: Emphasis::Plain,
            brief,
        }
    }

    fn emphasised(mut self, emphasis: Emphasis) -> ViewLine {
        self.emphasis = emphasis;
        self
    }

    /// The label as a word with no trailing colon or space: "Phone".
    pub fn label_word(&self) -> &'static str {
        self.label.trim().trim_end_matches(':').trim()
    }

    /// Every piece of text the line holds, for checks that both faces say it.
    pub fn texts(&self) -> Vec<&str> {
        let mut texts = Vec::new();
        if !self.label_word().is_empty() {
            texts.push(self.label_word());
        }
        match &self.value {
            Value::Text(text) => texts.push(text.as_str()),
            Value::Bullets(items) | Value::Lines(items) | Value::Steps(items) => {
                texts.extend(items.iter().map(String::as_str));
            }
        }
        texts
    }
}

/// Pushes "label: value" unless the value is blank.
fn labelled(lines: &mut Vec<ViewLine>, label: &'static str, value: &str, brief: bool) {
    let value = value.trim();
    if !value.is_empty() {
        lines.push(ViewLine::text(label, value, brief));
    }
}
