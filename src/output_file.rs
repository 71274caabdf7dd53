//! Writing a file a user names (`report -o`, `export -o`, `slip -o`, the accessible mode's
//! `save FILE`, a slip saved at the desk): the one way frontdesk writes an output file.
//!
//! - The files frontdesk keeps are never an output: the visit log and its `-wal`, `-shm` and
//!   `-journal`, the config file, the app's own log, drafts, compiled catalogues and the
//!   catalogue fetched from the central server. They are recognised by canonical path (so a
//!   symbolic link to one is caught) and, on Unix, by device and inode (so a hard link is
//!   caught too). A refusal changes nothing.
//! - A device, a named pipe or a link is written through, as `cat > PATH` would: the device or
//!   pipe receives the bytes, a link's target gets the content (the target is checked like any
//!   other path) and the link stays a link. Nothing is ever replaced by a regular file.
//! - A regular file is written whole or not at all: into a new file in the same folder, flushed
//!   to disk, then renamed over the old one. A file that carries notes is made owner-only (0600
//!   on Unix); any other new file gets the usual permissions and a replaced file keeps its own.

use std::fmt;
use std::fs::{self, File, Metadata};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The visit log's own file name in the data folder.
const VISIT_LOG: &str = "visits.sqlite3";
/// What SQLite keeps beside a database, by suffix.
const LOG_COMPANIONS: [&str; 3] = ["-wal", "-shm", "-journal"];
/// Files frontdesk keeps at the top of its data folder, and what each is.
const KEPT_NAMES: [(&str, &str); 2] = [
    ("frontdesk.log", "the app's own log"),
    ("draft.json", "a visit being logged (a draft)"),
];
/// Folders frontdesk keeps in its data folder: nothing in them is an output.
const KEPT_FOLDERS: [(&str, &str); 3] = [
    ("drafts", "a visit being logged (a draft)"),
    ("compiled", "a compiled catalogue"),
    (
        "central-catalogue",
        "the catalogue fetched from the central server",
    ),
];
/// How deep the kept folders are searched for hard links to their files.
#[cfg(unix)]
const KEPT_DEPTH: usize = 4;
/// What the visit log is called in a refusal.
pub const THE_VISIT_LOG: &str = "the visit log";
/// What the files SQLite keeps beside the log are called in a refusal.
pub const BESIDE_THE_LOG: &str = "a file SQLite keeps beside the visit log";
/// More links than this in a chain is a loop.
const MAX_LINKS: usize = 40;

/// Whether a file holds what only its owner should read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Privacy {
    /// Figures, slips: the usual permissions (and a replaced file keeps its own).
    Ordinary,
    /// Notes: made owner-only (0600 on Unix), whatever was there before.
    OwnerOnly,
}

/// The files frontdesk keeps, which no output may overwrite.
#[derive(Debug, Clone, Default)]
pub struct KeptFiles {
    /// The data folder, as given.
    data_dir: Option<PathBuf>,
    /// Kept files by canonical path, each with what it is.
    files: Vec<(PathBuf, &'static str)>,
    /// Kept folders by canonical path: everything inside is kept.
    folders: Vec<(PathBuf, &'static str)>,
    /// The log's file and its companions, the config file: compared by identity as well (Unix).
    #[cfg_attr(not(unix), allow(dead_code))]
    named: Vec<(PathBuf, &'static str)>,
}

impl KeptFiles {
    /// The files kept in `data_dir`, with the visit log at `visits_file` and the config file at
    /// `config_file` (wherever those are).
    pub fn new(data_dir: &Path, visits_file: &Path, config_file: Option<&Path>) -> KeptFiles {
        let data = canonical_or_absolute(data_dir);
        let mut files = Vec::new();
        let mut named = Vec::new();
        for log in [data.join(VISIT_LOG), canonical_or_absolute(visits_file)] {
            for (suffix, what) in log_parts() {
                let mut name = log.as_os_str().to_owned();
                name.push(suffix);
                files.push((PathBuf::from(name), what));
            }
        }
        for (name, what) in KEPT_NAMES {
            files.push((data.join(name), what));
        }
        if let Some(config) = config_file {
            files.push((canonical_or_absolute(config), "the config file"));
            named.push((config.to_path_buf(), "the config file"));
        }
        for (suffix, what) in log_parts() {
            let mut name = visits_file.as_os_str().to_owned();
            name.push(suffix);
            named.push((PathBuf::from(name), what));
        }
        files.dedup_by(|a, b| a.0 == b.0);
        let folders = KEPT_FOLDERS
            .iter()
            .map(|(name, what)| (data.join(name), *what))
            .collect();
        KeptFiles {
            data_dir: Some(data_dir.to_path_buf()),
            files,
            folders,
            named,
        }
    }

    /// The files kept in `data_dir`, with the visit log in its usual place there.
    pub fn in_data_folder(data_dir: &Path) -> KeptFiles {
        KeptFiles::new(data_dir, &data_dir.join(VISIT_LOG), None)
    }

    /// The files kept beside a visit log: its folder is taken as the data folder.
    pub fn beside_log(visits_file: &Path) -> KeptFiles {
        let folder = visits_file
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        KeptFiles::new(folder, visits_file, None)
    }

    /// What `path` is, when it is (or leads to) a file frontdesk keeps.
    pub fn kept(&self, path: &Path) -> Option<&'static str> {
        let resolved = resolve(path).ok()?;
        self.kept_resolved(path, &resolved)
    }

    fn kept_resolved(&self, given: &Path, resolved: &Path) -> Option<&'static str> {
        let absolute = std::path::absolute(given).unwrap_or_else(|_| given.to_path_buf());
        for candidate in [resolved, absolute.as_path()] {
            if let Some((_, what)) = self.files.iter().find(|(file, _)| file == candidate) {
                return Some(what);
            }
            if let Some((_, what)) = self
                .folders
                .iter()
                .find(|(folder, _)| candidate.starts_with(folder))
            {
                return Some(what);
            }
        }
        let found = fs::metadata(resolved).ok()?;
        self.kept_identity(&found)
    }

    /// What the file with `found`'s identity is, when frontdesk keeps it (Unix: device and inode).
    #[cfg(unix)]
    fn kept_identity(&self, found: &Metadata) -> Option<&'static str> {
        use std::os::unix::fs::MetadataExt;
        let same = |m: &Metadata| m.dev() == found.dev() && m.ino() == found.ino();
        let listed = self
            .files
            .iter()
            .map(|(p, w)| (p.as_path(), *w))
            .chain(self.named.iter().map(|(p, w)| (p.as_path(), *w)));
        for (path, what) in listed {
            if fs::metadata(path).is_ok_and(|m| same(&m)) {
                return Some(what);
            }
        }
        // A hard link shares the inode's link count: only a file with more than one name can
        // be a second name for a kept file.
        if found.nlink() < 2 {
            return None;
        }
        for (folder, what) in &self.folders {
            if holds(folder, &same, KEPT_DEPTH) {
                return Some(what);
            }
        }
        None
    }

    #[cfg(not(unix))]
    fn kept_identity(&self, _found: &Metadata) -> Option<&'static str> {
        None
    }

    /// The sentence for a refusal to write `path`, which is `what`.
    fn refusal(&self, path: &Path, what: &'static str) -> OutputError {
        OutputError::Kept {
            path: path.to_path_buf(),
            what,
            data_dir: self.data_dir.clone(),
        }
    }
}

/// The suffixes that make the log's files from its name, each with what that file is.
fn log_parts() -> impl Iterator<Item = (&'static str, &'static str)> {
    std::iter::once(("", THE_VISIT_LOG)).chain(LOG_COMPANIONS.iter().map(|s| (*s, BESIDE_THE_LOG)))
}

/// True when a file in `folder` (or below, to `depth` levels) is the same file.
#[cfg(unix)]
fn holds(folder: &Path, same: &dyn Fn(&Metadata) -> bool, depth: usize) -> bool {
    let Ok(entries) = fs::read_dir(folder) else {
        return false;
    };
    entries.filter_map(Result::ok).any(|entry| {
        let Ok(metadata) = entry.metadata() else {
            return false;
        };
        if metadata.is_dir() {
            depth > 0 && holds(&entry.path(), same, depth - 1)
        } else {
            same(&metadata)
        }
    })
}

/// Why an output file was not written.
#[derive(Debug)]
pub enum OutputError {
    /// The path is (or leads to) a file frontdesk keeps.
    Kept {
        path: PathBuf,
        what: &'static str,
        data_dir: Option<PathBuf>,
    },
    /// The path is a folder.
    Folder(PathBuf),
    /// The path names no file (it ends in `..` or is empty).
    NoName(PathBuf),
    /// Anything else: permissions, a missing folder, a full disk.
    Io { path: PathBuf, error: io::Error },
}

impl fmt::Display for OutputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OutputError::Kept {
                path,
                what,
                data_dir: Some(data_dir),
            } => write!(
                f,
                "{} is {what}, which frontdesk keeps, so nothing was written; give a file outside the data folder {} instead",
                path.display(),
                data_dir.display()
            ),
            OutputError::Kept { path, what, .. } => write!(
                f,
                "{} is {what}, which frontdesk keeps, so nothing was written; give another file instead",
                path.display()
            ),
            OutputError::Folder(path) => write!(
                f,
                "{} is a folder; give a file name inside it instead",
                path.display()
            ),
            OutputError::NoName(path) => write!(
                f,
                "'{}' names no file; give a file name such as report.csv",
                path.display()
            ),
            OutputError::Io { path, error } => write!(
                f,
                "cannot write {} ({error}); check the folder exists and you may write there",
                path.display()
            ),
        }
    }
}

impl std::error::Error for OutputError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            OutputError::Io { error, .. } => Some(error),
            _ => None,
        }
    }
}

/// An output file being written; [`OutputFile::finish`] completes it. Dropped unfinished, a
/// regular file is left as it was (the new content is thrown away).
#[derive(Debug)]
pub struct OutputFile {
    /// The path as the user gave it, for messages.
    given: PathBuf,
    sink: Sink,
}

#[derive(Debug)]
enum Sink {
    /// A device or a named pipe, written as it is.
    Through(File),
    /// A new file beside the target, renamed over it when finished.
    Staged {
        file: File,
        partial: PathBuf,
        target: PathBuf,
        done: bool,
    },
}

impl OutputFile {
    /// Opens `path` for writing, or refuses: a file frontdesk keeps, a folder, a path that
    /// cannot be written.
    pub fn create(
        path: &Path,
        kept: &KeptFiles,
        privacy: Privacy,
    ) -> Result<OutputFile, OutputError> {
        let io_error = |error: io::Error| OutputError::Io {
            path: path.to_path_buf(),
            error,
        };
        if path.as_os_str().is_empty() {
            return Err(OutputError::NoName(path.to_path_buf()));
        }
        // A device or a pipe, also through a link (`/dev/stdout`, whose target may be a pipe
        // with no name in the file system): opened as `cat >` opens it, never created or
        // replaced.
        if let Ok(found) = fs::metadata(path)
            && !found.is_file()
            && !found.is_dir()
        {
            let file = fs::OpenOptions::new()
                .write(true)
                .open(path)
                .map_err(io_error)?;
            let opened = file.metadata().map_err(io_error)?;
            if let Some(what) = kept.kept_identity(&opened) {
                return Err(kept.refusal(path, what));
            }
            // A regular file by now (it changed since it was looked at) is written as below.
            if !opened.is_file() {
                return Ok(OutputFile {
                    given: path.to_path_buf(),
                    sink: Sink::Through(file),
                });
            }
        }
        let target = resolve(path).map_err(|e| match e.kind() {
            io::ErrorKind::InvalidInput => OutputError::NoName(path.to_path_buf()),
            _ => io_error(e),
        })?;
        if let Some(what) = kept.kept_resolved(path, &target) {
            return Err(kept.refusal(path, what));
        }
        let sink = match fs::metadata(&target) {
            Ok(found) if found.is_dir() => return Err(OutputError::Folder(path.to_path_buf())),
            Ok(found) if !found.is_file() => {
                let file = fs::OpenOptions::new()
                    .write(true)
                    .open(&target)
                    .map_err(io_error)?;
                let opened = file.metadata().map_err(io_error)?;
                if let Some(what) = kept.kept_identity(&opened) {
                    return Err(kept.refusal(path, what));
                }
                Sink::Through(file)
            }
            Ok(found) => staged(&target, Some(&found), privacy).map_err(io_error)?,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                staged(&target, None, privacy).map_err(io_error)?
            }
            Err(e) => return Err(io_error(e)),
        };
        Ok(OutputFile {
            given: path.to_path_buf(),
            sink,
        })
    }

    /// Completes the file: flushed to disk and, for a regular file, given its name.
    pub fn finish(mut self) -> Result<(), OutputError> {
        let given = self.given.clone();
        let io_error = |error: io::Error| OutputError::Io {
            path: given.clone(),
            error,
        };
        match &mut self.sink {
            Sink::Through(file) => file.flush().map_err(io_error),
            Sink::Staged {
                file,
                partial,
                target,
                done,
            } => {
                file.flush().map_err(io_error)?;
                file.sync_all().map_err(io_error)?;
                fs::rename(&*partial, &*target).map_err(io_error)?;
                *done = true;
                Ok(())
            }
        }
    }
}

impl Write for OutputFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match &mut self.sink {
            Sink::Through(file) | Sink::Staged { file, .. } => file.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.sink {
            Sink::Through(file) | Sink::Staged { file, .. } => file.flush(),
        }
    }
}

impl Drop for OutputFile {
    fn drop(&mut self) {
        if let Sink::Staged {
            partial,
            done: false,
            ..
        } = &self.sink
        {
            let _ = fs::remove_file(partial);
        }
    }
}

/// Writes `contents` to `path` as [`OutputFile`] does, whole or not at all.
pub fn write(
    path: &Path,
    contents: &[u8],
    kept: &KeptFiles,
    privacy: Privacy,
) -> Result<(), OutputError> {
    let mut file = OutputFile::create(path, kept, privacy)?;
    file.write_all(contents).map_err(|error| OutputError::Io {
        path: path.to_path_buf(),
        error,
    })?;
    file.finish()
}

/// A new file beside `target` to write into, with the permissions the finished file should have.
fn staged(target: &Path, existing: Option<&Metadata>, privacy: Privacy) -> io::Result<Sink> {
    let folder = target
        .parent()
        .ok_or_else(|| io::Error::from(io::ErrorKind::InvalidInput))?;
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut n = 0u32;
    let (file, partial) = loop {
        let partial = folder.join(format!(".{name}.{}-{n}.part", std::process::id()));
        let mut options = fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        if privacy == Privacy::OwnerOnly {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        match options.open(&partial) {
            Ok(file) => break (file, partial),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && n < 1000 => n += 1,
            Err(e) => return Err(e),
        }
    };
    // A replaced file keeps its permissions, unless the new content is for its owner alone.
    if let (Some(existing), Privacy::Ordinary) = (existing, privacy)
        && let Err(e) = fs::set_permissions(&partial, existing.permissions())
    {
        let _ = fs::remove_file(&partial);
        return Err(e);
    }
    Ok(Sink::Staged {
        file,
        partial,
        target: target.to_path_buf(),
        done: false,
    })
}

/// Where writing to `path` lands: links followed to the end (a link to nothing leads to the
/// file it names), the folder made canonical. A path naming no file is `InvalidInput`.
fn resolve(path: &Path) -> io::Result<PathBuf> {
    let mut current = std::path::absolute(path)?;
    for _ in 0..MAX_LINKS {
        match fs::symlink_metadata(&current) {
            Ok(found) if found.file_type().is_symlink() => {
                let target = fs::read_link(&current)?;
                current = match current.parent() {
                    Some(folder) if target.is_relative() => folder.join(target),
                    _ => target,
                };
            }
            Ok(_) => return fs::canonicalize(&current),
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                let (Some(folder), Some(name)) = (current.parent(), current.file_name()) else {
                    return Err(io::ErrorKind::InvalidInput.into());
                };
                return Ok(fs::canonicalize(folder)?.join(name));
            }
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::other("too many symbolic links"))
}

/// `path` made canonical where it exists, else its folder made canonical where that exists,
/// else made absolute.
fn canonical_or_absolute(path: &Path) -> PathBuf {
    resolve(path).unwrap_or_else(|_| std::path::absolute(path).unwrap_or_else(|_| path.into()))
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn a_regular_file_is_replaced_whole_and_no_part_file_is_left() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        fs::create_dir(&data).unwrap();
        let kept = KeptFiles::new(&data, &data.join(VISIT_LOG), None);
        let out = dir.path().join("out.txt");
        fs::write(&out, "old").unwrap();
        write(&out, b"new", &kept, Privacy::Ordinary).unwrap();
        assert_eq!(fs::read_to_string(&out).unwrap(), "new");
        let mut unfinished = OutputFile::create(&out, &kept, Privacy::Ordinary).unwrap();
        unfinished.write_all(b"half").unwrap();
        drop(unfinished);
        assert_eq!(fs::read_to_string(&out).unwrap(), "new");
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            2,
            "data and out.txt"
        );
    }

    #[test]
    fn kept_files_are_refused_by_name_and_folder() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        fs::create_dir_all(data.join("drafts")).unwrap();
        let kept = KeptFiles::new(&data, &data.join(VISIT_LOG), None);
        assert_eq!(
            kept.kept(&data.join("visits.sqlite3-wal")),
            Some(BESIDE_THE_LOG)
        );
        assert_eq!(
            kept.kept(&data.join("drafts").join("x.json")),
            Some("a visit being logged (a draft)")
        );
        assert_eq!(kept.kept(&data.join("report.html")), None);
        let refused = write(&data.join("frontdesk.log"), b"x", &kept, Privacy::Ordinary)
            .unwrap_err()
            .to_string();
        assert!(refused.contains("the app's own log"), "{refused}");
        assert!(!data.join("frontdesk.log").exists());
    }
}
