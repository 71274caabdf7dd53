//! Writing an imported catalogue folder, whole or not at all: the files go into a fresh folder
//! beside the destination, which is renamed into place only once every file is written. A failed
//! import leaves neither a half-written catalogue nor its temporary folder behind.

use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

use crate::printable::printable;

/// Why an import failed: one sentence naming the file (and line) and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError(pub String);

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ImportError {}

pub(crate) fn fail<T>(message: String) -> Result<T, ImportError> {
    Err(ImportError(message))
}

/// The file an import leaves in the folder it writes: only a folder holding it is an earlier
/// import that `--replace` may replace. The catalogue loader reads `.toml` files only.
pub const IMPORT_MARKER: &str = ".frontdesk-import";

/// What the marker says to someone who opens it.
const MARKER_TEXT: &str =
    "This folder was written by `frontdesk import`; `--replace` may replace it whole.\n";

/// Removes a half-written folder unless the import finished.
struct Staging {
    path: PathBuf,
    done: bool,
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.done {
            let _ = fs::remove_dir_all(&self.path);
        }
    }
}

/// What is at the destination before an import writes there.
enum Destination {
    Missing,
    EmptyFolder,
    /// A folder an earlier import wrote (its marker and `.toml` files only), which `replace`
    /// may swap out.
    Catalogue,
}

/// Refuses a destination an import must not write over: a file, or a folder with anything in it
/// unless `replace` is given and the folder is an earlier import (it holds the import's marker
/// and nothing but `.toml` files).
/// Called before the slow work too, so a wrong `--out` is reported at once.
pub fn check_destination(out: &Path, replace: bool) -> Result<(), ImportError> {
    destination(out, replace).map(|_| ())
}

fn destination(out: &Path, replace: bool) -> Result<Destination, ImportError> {
    let name = printable(&out.display().to_string()).into_owned();
    let Ok(metadata) = fs::symlink_metadata(out) else {
        return Ok(Destination::Missing);
    };
    if !metadata.is_dir() {
        return fail(format!(
            "{name} already exists and is not a folder; choose a new folder for the catalogue"
        ));
    }
    let entries: Vec<fs::DirEntry> = fs::read_dir(out)
        .map_err(|e| ImportError(format!("cannot read the folder {name}: {e}")))?
        .filter_map(Result::ok)
        .collect();
    if entries.is_empty() {
        return Ok(Destination::EmptyFolder);
    }
    if !replace {
        return fail(format!(
            "{name} already exists and is not an empty folder; choose a new folder for the catalogue, or add --replace to replace an earlier import there"
        ));
    }
    let marked = entries.iter().any(|entry| {
        entry.file_name() == IMPORT_MARKER && entry.file_type().is_ok_and(|t| t.is_file())
    });
    let only_toml = entries.iter().all(|entry| {
        let path = entry.path();
        entry.file_type().is_ok_and(|t| t.is_file())
            && (entry.file_name() == IMPORT_MARKER
                || path
                    .extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("toml")))
    });
    if !only_toml {
        return fail(format!(
            "{name} holds something other than catalogue .toml files, so --replace leaves it alone; choose a new folder for the catalogue"
        ));
    }
    if !marked {
        return fail(format!(
            "{name} was not written by `frontdesk import` (it has no {IMPORT_MARKER} file), so --replace leaves it alone; import into a new folder and copy what you need from it"
        ));
    }
    Ok(Destination::Catalogue)
}

/// Writes `files` into a fresh directory beside `out`, then renames it to `out`. An existing
/// `out` must be an empty directory, or with `replace` a folder of `.toml` files only (an earlier
/// import), which is swapped for the new one only once the new one is complete.
pub fn write_dir(out: &Path, files: &[(String, String)], replace: bool) -> Result<(), ImportError> {
    let name = printable(&out.display().to_string()).into_owned();
    let before = destination(out, replace)?;
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&parent).map_err(|e| {
        ImportError(format!(
            "cannot create the folder {}: {e}",
            printable(&parent.display().to_string())
        ))
    })?;
    let leaf = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "catalogue".into());
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    let beside = |what: &str| parent.join(format!(".{leaf}.{what}-{}-{stamp}", std::process::id()));
    let mut staging = Staging {
        path: beside("importing"),
        done: false,
    };
    fs::create_dir(&staging.path).map_err(|e| {
        ImportError(format!(
            "cannot create a folder in {}: {e}; check you can write there",
            printable(&parent.display().to_string())
        ))
    })?;
    for (file, text) in files {
        let path = staging.path.join(file);
        fs::write(&path, text).map_err(|e| {
            ImportError(format!(
                "cannot write {}: {e}",
                printable(&path.display().to_string())
            ))
        })?;
    }
    let marker = staging.path.join(IMPORT_MARKER);
    fs::write(&marker, MARKER_TEXT).map_err(|e| {
        ImportError(format!(
            "cannot write {}: {e}",
            printable(&marker.display().to_string())
        ))
    })?;
    match before {
        Destination::Missing => {}
        Destination::EmptyFolder => {
            fs::remove_dir(out).map_err(|e| ImportError(format!("cannot replace {name}: {e}")))?;
        }
        Destination::Catalogue => {
            // The old catalogue steps aside, the new one takes its place, then the old one goes;
            // if the swap fails the old one is put back.
            let old = Staging {
                path: beside("replaced"),
                done: false,
            };
            fs::rename(out, &old.path)
                .map_err(|e| ImportError(format!("cannot replace {name}: {e}")))?;
            if let Err(e) = fs::rename(&staging.path, out) {
                let _ = fs::rename(&old.path, out);
                return fail(format!("cannot move the catalogue into {name}: {e}"));
            }
            staging.done = true;
            drop(old);
            return Ok(());
        }
    }
    fs::rename(&staging.path, out)
        .map_err(|e| ImportError(format!("cannot move the catalogue into {name}: {e}")))?;
    staging.done = true;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files() -> Vec<(String, String)> {
        vec![("a.toml".to_string(), "# new\n".to_string())]
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_new_folder_is_written_whole() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        write_dir(&out, &files(), false).unwrap();
        assert_eq!(fs::read_to_string(out.join("a.toml")).unwrap(), "# new\n");
        assert_eq!(names(dir.path()), ["out"]);
    }

    #[test]
    fn an_earlier_import_is_replaced_only_when_asked() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        write_dir(&out, &[("old.toml".into(), "# old\n".into())], false).unwrap();
        assert_eq!(names(&out), [IMPORT_MARKER, "old.toml"]);
        let err = write_dir(&out, &files(), false).unwrap_err();
        assert!(err.0.contains("--replace"), "{err}");
        assert!(out.join("old.toml").exists(), "left as it was");

        write_dir(&out, &files(), true).unwrap();
        assert_eq!(
            names(&out),
            [IMPORT_MARKER, "a.toml"],
            "the old files are gone"
        );
        assert_eq!(names(dir.path()), ["out"], "nothing left beside it");
    }

    #[test]
    fn replace_never_touches_a_hand_made_folder_of_toml_files() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("catalogue");
        fs::create_dir(&out).unwrap();
        fs::write(out.join("services.toml"), "# mine\n").unwrap();
        let err = write_dir(&out, &files(), true).unwrap_err();
        assert!(
            err.0.contains("was not written by `frontdesk import`"),
            "{err}"
        );
        assert_eq!(names(&out), ["services.toml"]);
        assert_eq!(
            fs::read_to_string(out.join("services.toml")).unwrap(),
            "# mine\n"
        );
        assert_eq!(names(dir.path()), ["catalogue"]);
    }

    #[test]
    fn replace_never_touches_a_folder_with_other_files() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("documents");
        fs::create_dir(&out).unwrap();
        fs::write(out.join("letter.docx"), "keep me").unwrap();
        let err = write_dir(&out, &files(), true).unwrap_err();
        assert!(err.0.contains("leaves it alone"), "{err}");
        assert_eq!(names(&out), ["letter.docx"]);
        assert_eq!(names(dir.path()), ["documents"]);

        let file = dir.path().join("file.toml");
        fs::write(&file, "x").unwrap();
        let err = write_dir(&file, &files(), true).unwrap_err();
        assert!(err.0.contains("is not a folder"), "{err}");
    }
}
