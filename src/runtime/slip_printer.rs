//! Printing and saving the resident's slip, off the screen's thread: each slip is saved to the
//! data folder's `slips/` (HTML, to print from any browser, and text), then, when asked, printed
//! with the configured print command. The answer comes back as an action.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use super::Answers;
use crate::desk::{Action, SlipFiled, SlipJob};
use crate::output_file::{self, KeptFiles, Privacy};
use crate::printable::printable;
use crate::store::owner_only;
use crate::text::{self, Language};

/// The language of the reasons a print failed (the desk's, when there is more than one).
const LANG: Language = Language::English;

/// Where slips go, and how to print one.
#[derive(Debug, Clone)]
pub struct SlipPrinter {
    folder: PathBuf,
    command: Option<Vec<String>>,
    sender: Answers,
}

impl SlipPrinter {
    pub fn new(data_dir: &Path, command: Option<Vec<String>>, sender: Answers) -> SlipPrinter {
        SlipPrinter {
            folder: data_dir.join("slips"),
            command,
            sender,
        }
    }

    /// Saves (and prints) the slip on a thread of its own; a slow printer never holds up a key.
    pub fn file(&self, job: SlipJob) {
        let printer = self.clone();
        let spawned = std::thread::Builder::new()
            .name("slip".into())
            .spawn(move || {
                let filed = file_slip(&printer.folder, printer.command.as_deref(), &job);
                printer.sender.send(Action::SlipFiled(filed));
            });
        if let Err(e) = spawned {
            self.sender.send(Action::SlipFiled(SlipFiled::NotSaved {
                problem: e.to_string(),
            }));
        }
    }
}

/// Saves the slip in `folder` as `NAME.html` and `NAME.txt`, then prints it when the job asks:
/// with `command`, where `{text}` or `{html}` stand for the files, else the text file is added
/// at the end. The path shown to the receptionist is the HTML file's.
pub fn file_slip(folder: &Path, command: Option<&[String]>, job: &SlipJob) -> SlipFiled {
    let html = folder.join(format!("{}.html", job.name));
    let text = folder.join(format!("{}.txt", job.name));
    // Slips are kept in the data folder, beside the files no slip may replace.
    let kept = KeptFiles::in_data_folder(folder.parent().unwrap_or(Path::new(".")));
    if let Err(e) = owner_only::create_dir_all(folder) {
        return SlipFiled::NotSaved {
            problem: format!("{} in {}", e, folder.display()),
        };
    }
    let saved = output_file::write(&html, job.html.as_bytes(), &kept, Privacy::OwnerOnly)
        .and_then(|()| output_file::write(&text, job.text.as_bytes(), &kept, Privacy::OwnerOnly));
    if let Err(e) = saved {
        return SlipFiled::NotSaved {
            problem: e.to_string(),
        };
    }
    if !job.print {
        return SlipFiled::Saved { path: html };
    }
    let Some((program, args)) = command.and_then(|c| c.split_first()) else {
        return SlipFiled::NoPrinter { path: html };
    };
    let mut named_a_file = false;
    let mut args: Vec<String> = args
        .iter()
        .map(|arg| {
            let replaced = arg
                .replace("{text}", &text.display().to_string())
                .replace("{html}", &html.display().to_string());
            named_a_file |= replaced != *arg;
            replaced
        })
        .collect();
    if !named_a_file {
        args.push(text.display().to_string());
    }
    let run = Command::new(program)
        .args(&args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .output();
    let problem = match run {
        Ok(output) if output.status.success() => return SlipFiled::Printed { path: html },
        Ok(output) => {
            let said = String::from_utf8_lossy(&output.stderr);
            match said.lines().map(str::trim).find(|l| !l.is_empty()) {
                Some(line) => text::status::print_command_said(LANG, program, &printable(line)),
                None => {
                    text::status::print_command_stopped(LANG, program, &output.status.to_string())
                }
            }
        }
        Err(e) => text::status::print_command_not_run(LANG, program, &e.to_string()),
    };
    SlipFiled::PrintFailed {
        problem,
        path: html,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn job(print: bool) -> SlipJob {
        SlipJob {
            name: "slip-2026-12-20-101234".into(),
            text: "WHERE TO GET HELP\n".into(),
            html: "<!DOCTYPE html>\n<html></html>\n".into(),
            print,
        }
    }

    fn words(list: &[&str]) -> Vec<String> {
        list.iter().map(|w| w.to_string()).collect()
    }

    #[test]
    fn saving_writes_the_html_and_the_text_and_shows_the_html() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("slips");
        let filed = file_slip(&folder, Some(&words(&["false"])), &job(false));
        let path = folder.join("slip-2026-12-20-101234.html");
        assert_eq!(filed, SlipFiled::Saved { path: path.clone() });
        assert!(std::fs::read_to_string(&path).unwrap().contains("<html>"));
        let text = folder.join("slip-2026-12-20-101234.txt");
        assert_eq!(
            std::fs::read_to_string(text).unwrap(),
            "WHERE TO GET HELP\n"
        );
    }

    #[cfg(unix)]
    #[test]
    fn printing_runs_the_command_with_the_slip_file() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("slips");
        let printed = dir.path().join("printed.txt");
        let command = words(&["cp", "{text}", &printed.display().to_string()]);
        let filed = file_slip(&folder, Some(&command), &job(true));
        assert!(matches!(filed, SlipFiled::Printed { .. }), "{filed:?}");
        assert_eq!(
            std::fs::read_to_string(&printed).unwrap(),
            "WHERE TO GET HELP\n"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_failed_print_says_why_and_keeps_the_slip_in_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("slips");
        let command = words(&[
            "sh",
            "-c",
            "echo 'lp: Error - no default destination' >&2; exit 1",
        ]);
        let filed = file_slip(&folder, Some(&command), &job(true));
        let SlipFiled::PrintFailed { problem, path } = filed else {
            panic!("{filed:?}");
        };
        assert_eq!(problem, "sh: lp: Error - no default destination");
        assert!(path.is_file());
        let missing = words(&["no-such-print-program-here"]);
        let SlipFiled::PrintFailed { problem, .. } = file_slip(&folder, Some(&missing), &job(true))
        else {
            panic!("a missing program is a failed print");
        };
        assert!(
            problem.starts_with("cannot run no-such-print-program-here"),
            "{problem}"
        );
    }

    #[test]
    fn without_a_print_command_the_slip_is_saved() {
        let dir = tempfile::tempdir().unwrap();
        let filed = file_slip(dir.path(), None, &job(true));
        assert!(matches!(filed, SlipFiled::NoPrinter { .. }), "{filed:?}");
    }

    #[test]
    fn a_folder_that_cannot_be_made_is_one_sentence() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a-file");
        std::fs::write(&file, "").unwrap();
        let filed = file_slip(&file.join("slips"), None, &job(false));
        assert!(matches!(filed, SlipFiled::NotSaved { .. }), "{filed:?}");
    }
}
