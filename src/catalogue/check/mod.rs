//! `frontdesk check`: every problem in a catalogue's content, each at the `FILE:LINE:COLUMN` of
//! the value that is wrong.
//!
//! Each file is parsed with toml's span-keeping parser, so every value can be pointed at; each
//! entry is then read on its own, so one broken entry does not hide the problems of the others.
//! The checks that need the whole catalogue (duplicate ids, references, the one `[council]`)
//! run once every file has been read.

mod appointments;
mod content;
mod document;
mod fields;
mod formats;
mod raw;
mod references;
mod scripts;
mod shape;
mod text;
mod topics;
mod welsh;

use std::ops::Range;
use std::path::Path;

use chrono::NaiveDate;

use super::load::{self, LoadError, SourceFile};
use super::problem::{Problem, Severity};
use references::Ledger;

/// The forms of web addresses, phone numbers and email addresses, for imports that must write
/// only values `check` accepts.
pub(crate) use formats::{is_email, is_uk_phone, web_address};

/// The longest id, in characters: ids are typed in scripts and shown in listings.
pub const ID_MAX_CHARS: usize = 64;
/// The longest title (a service's title, a partner's or body's name, an FAQ's question), in
/// characters: the screen shows about 60 in a list.
pub const TITLE_MAX_CHARS: usize = 120;

/// What `check` found: the problems, sorted by file, line and column, and what was checked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CheckReport {
    pub problems: Vec<Problem>,
    /// Files looked at, including any that could not be read.
    pub files: usize,
    pub services: usize,
    pub partners: usize,
    pub faqs: usize,
    pub scripts: usize,
}

impl CheckReport {
    /// Checks catalogue files already read into memory.
    pub fn of_files(files: &[SourceFile], today: NaiveDate) -> CheckReport {
        Checker::run(files, today, true)
    }

    /// Like [`of_files`](Self::of_files) for files that are loaded next: the last safeguard
    /// (parsing each clean file as loading does) is left to the load itself, which reports any
    /// failure, so the files are not parsed twice.
    pub(crate) fn before_loading(files: &[SourceFile], today: NaiveDate) -> CheckReport {
        Checker::run(files, today, false)
    }

    pub fn errors(&self) -> usize {
        self.count(Severity::Error)
    }

    pub fn warnings(&self) -> usize {
        self.count(Severity::Warning)
    }

    fn count(&self, severity: Severity) -> usize {
        self.problems
            .iter()
            .filter(|p| p.severity == severity)
            .count()
    }

    /// "2 errors, 1 warning in 3 files", or "No problems in 3 files: 52 services, 15 partners,
    /// 12 FAQs." (and ", 8 scripts" when there are any).
    pub fn summary(&self) -> String {
        let files = plural(self.files, "file", "files");
        if self.problems.is_empty() {
            let scripts = if self.scripts > 0 {
                format!(", {}", plural(self.scripts, "script", "scripts"))
            } else {
                String::new()
            };
            format!(
                "No problems in {files}: {}, {}, {}{scripts}.",
                plural(self.services, "service", "services"),
                plural(self.partners, "partner", "partners"),
                plural(self.faqs, "FAQ", "FAQs"),
            )
        } else {
            format!(
                "{}, {} in {files}",
                plural(self.errors(), "error", "errors"),
                plural(self.warnings(), "warning", "warnings"),
            )
        }
    }
}

fn plural(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

/// Every problem in these files, sorted by file, line and column. `today` decides which
/// `review_by` dates have passed.
pub fn check_files(files: &[SourceFile], today: NaiveDate) -> Vec<Problem> {
    CheckReport::of_files(files, today).problems
}

/// Checks the default catalogue built into the binary.
pub fn check_embedded(today: NaiveDate) -> CheckReport {
    CheckReport::of_files(&load::embedded_files(), today)
}

/// Checks every `*.toml` file of a catalogue directory. A missing or empty directory, and a file
/// that cannot be read, is too large or is not UTF-8, are problems like any other.
pub fn check_dir(dir: &Path, today: NaiveDate) -> CheckReport {
    match load::read_dir_lenient(dir) {
        Ok((files, unreadable)) => {
            let mut report = CheckReport::of_files(&files, today);
            report.files += unreadable.len();
            report.problems.extend(unreadable);
            sort(&mut report.problems);
            report
        }
        Err(LoadError::Dir { dir, reason }) => CheckReport {
            problems: vec![Problem::error(
                &dir,
                1,
                1,
                format!(
                    "cannot check this catalogue directory: {reason}; check the path given with --catalogue"
                ),
            )],
            ..CheckReport::default()
        },
        Err(LoadError::Content(problems)) => CheckReport {
            problems,
            ..CheckReport::default()
        },
    }
}

/// A message as one line of sensible length, whatever values a file put in it.
fn one_line(message: &str) -> String {
    const LIMIT: usize = 600;
    let mut line = String::with_capacity(message.len().min(LIMIT + 3));
    for (count, c) in message.chars().enumerate() {
        if count == LIMIT {
            line.push('…');
            break;
        }
        if c.is_control() {
            line.extend(c.escape_default());
        } else {
            line.push(c);
        }
    }
    line
}

fn sort(problems: &mut Vec<Problem>) {
    problems.sort_by(|a, b| {
        (&a.file, a.line, a.column, b.severity).cmp(&(&b.file, b.line, b.column, a.severity))
    });
    problems.dedup();
}

/// A place in one of the files being checked: the file's index and a byte span of its text.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Site {
    file: usize,
    span: Range<usize>,
}

/// The start of each line of a text, to turn byte offsets into lines and columns quickly.
struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    /// 1-based line and column (in characters, not counting a byte-order mark); offsets past the
    /// end or inside a character are clamped.
    fn locate(&self, text: &str, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&start| start <= offset).max(1);
        let start = self.starts.get(line - 1).copied().unwrap_or(0);
        let before = text.get(start..offset).unwrap_or_default();
        // A byte-order mark (saved by some Windows editors) is invisible: it takes no column.
        let before = before.strip_prefix('\u{feff}').unwrap_or(before);
        (line, before.chars().count() + 1)
    }
}

/// The state of one run of the checks: the files, what has been found, and the ids and
/// references collected for the checks across files.
struct Checker<'f> {
    files: &'f [SourceFile],
    lines: Vec<LineIndex>,
    today: NaiveDate,
    problems: Vec<Problem>,
    ledger: Ledger,
    /// Files with a syntax or shape error (whose entries may be missing from the ledger).
    broken: Vec<bool>,
    /// Each file's `[defaults]`, which its services and partners inherit.
    defaults: Vec<Option<crate::catalogue::FileDefaults>>,
    services: usize,
    partners: usize,
    faqs: usize,
    scripts: usize,
}

impl<'f> Checker<'f> {
    fn new(files: &'f [SourceFile], today: NaiveDate) -> Checker<'f> {
        Checker {
            files,
            lines: files.iter().map(|f| LineIndex::new(&f.text)).collect(),
            today,
            problems: Vec::new(),
            ledger: Ledger::default(),
            broken: vec![false; files.len()],
            defaults: vec![None; files.len()],
            services: 0,
            partners: 0,
            faqs: 0,
            scripts: 0,
        }
    }

    /// "FILE:LINE:COLUMN" of a site, for messages that point elsewhere.
    fn location(&self, site: &Site) -> String {
        match (self.files.get(site.file), self.lines.get(site.file)) {
            (Some(file), Some(lines)) => {
                let (line, column) = lines.locate(&file.text, site.span.start);
                format!("{}:{line}:{column}", file.name)
            }
            _ => "an unknown place".to_string(),
        }
    }

    fn report(&mut self, site: &Site, severity: Severity, message: String) {
        let (Some(file), Some(lines)) = (self.files.get(site.file), self.lines.get(site.file))
        else {
            return;
        };
        let (line, column) = lines.locate(&file.text, site.span.start);
        self.problems.push(Problem {
            file: file.name.clone(),
            line,
            column,
            severity,
            message: one_line(&message),
        });
    }

    fn error(&mut self, site: &Site, message: String) {
        self.report(site, Severity::Error, message);
    }

    fn warning(&mut self, site: &Site, message: String) {
        self.report(site, Severity::Warning, message);
    }

    /// Every check of these files; `safeguard` also parses each clean file as loading does.
    fn run(files: &'f [SourceFile], today: NaiveDate, safeguard: bool) -> CheckReport {
        let mut checker = Checker::new(files, today);
        for (index, file) in files.iter().enumerate() {
            document::check_file(&mut checker, index, file);
        }
        references::check(&mut checker);
        appointments::check(&mut checker);
        content::report(&mut checker);
        welsh::report(&mut checker);
        checker.finish(safeguard)
    }

    fn finish(mut self, safeguard: bool) -> CheckReport {
        // A last safeguard: a file `check` passes must load. Any disagreement is reported
        // rather than let through.
        for (index, file) in self.files.iter().enumerate().filter(|_| safeguard) {
            let clean = !self.broken[index]
                && !self
                    .problems
                    .iter()
                    .any(|p| p.file == file.name && p.severity == Severity::Error);
            if clean && let Err(problem) = load::parse_file(file) {
                self.problems.push(problem);
            }
        }
        if self.files.is_empty() {
            self.problems.push(Problem::error(
                "catalogue",
                1,
                1,
                "there are no catalogue files to check; add at least one .toml file",
            ));
        }
        sort(&mut self.problems);
        CheckReport {
            problems: self.problems,
            files: self.files.len(),
            services: self.services,
            partners: self.partners,
            faqs: self.faqs,
            scripts: self.scripts,
        }
    }
}

#[cfg(test)]
mod tests;
