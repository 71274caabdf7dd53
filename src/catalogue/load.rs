//! Reading catalogue files from the embedded assets or a directory, and parsing them.

use std::collections::{HashSet, VecDeque};
use std::fs;
use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};

use super::problem::{Problem, Severity};
use super::{Catalogue, CatalogueFile, Origin};
use crate::printable::printable;
use crate::user_file::{ReadError, read_bounded, size_in_words};

static EMBEDDED: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/assets/catalogue");

/// The largest catalogue file read: real ones are a few hundred kilobytes at most.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;
/// The most read from one catalogue folder in all.
pub const MAX_TOTAL_BYTES: u64 = 4 * MAX_FILE_BYTES;

/// One catalogue file's name (as shown in messages) and text.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub name: String,
    pub text: String,
}

/// Why a catalogue could not be loaded: every problem, each naming its file and line.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error(
        "cannot read the catalogue directory {dir}: {reason}. Check the path given with --catalogue."
    )]
    Dir { dir: String, reason: String },
    #[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
    Content(Vec<Problem>),
}

impl LoadError {
    pub fn problems(&self) -> Vec<Problem> {
        match self {
            LoadError::Dir { dir, reason } => vec![Problem::error(dir, 1, 1, reason.clone())],
            LoadError::Content(problems) => problems.clone(),
        }
    }
}

/// The files of the default catalogue, sorted by name.
pub fn embedded_files() -> Vec<SourceFile> {
    let mut files = Vec::new();
    collect_embedded(&EMBEDDED, &mut files);
    files.sort_by(|a, b| a.name.cmp(&b.name));
    files
}

fn collect_embedded(dir: &Dir<'static>, files: &mut Vec<SourceFile>) {
    for file in dir.files() {
        let path = file.path();
        if path.extension().is_some_and(|e| e == "toml") {
            files.push(SourceFile {
                name: format!("assets/catalogue/{}", path.display()),
                text: String::from_utf8_lossy(file.contents()).into_owned(),
            });
        }
    }
    for sub in dir.dirs() {
        collect_embedded(sub, files);
    }
}

/// Every `*.toml` file under `dir`, sorted by path. Unreadable, oversized or non-UTF-8 files are
/// problems, reported together.
pub fn read_dir(dir: &Path) -> Result<Vec<SourceFile>, LoadError> {
    let (files, problems) = read_dir_lenient(dir)?;
    if problems.is_empty() {
        Ok(files)
    } else {
        Err(LoadError::Content(problems))
    }
}

/// Like [`read_dir`], but returns the files that could be read together with a problem for each
/// file that could not, so `check` can still check the others.
///
/// Links are followed, but each real folder is walked once and each real file read once, so a
/// link back to a parent folder neither loops nor loads a file twice. Only regular files are
/// read (a named pipe or a device called `*.toml` is a problem, never opened), each at most
/// [`MAX_FILE_BYTES`] and all together at most [`MAX_TOTAL_BYTES`].
pub fn read_dir_lenient(dir: &Path) -> Result<(Vec<SourceFile>, Vec<Problem>), LoadError> {
    let (paths, mut problems) = toml_files(dir)?;
    let mut files = Vec::new();
    let mut total: u64 = 0;
    for path in paths {
        let name = path.display().to_string();
        if total > MAX_TOTAL_BYTES {
            problems.push(too_much(&path));
            continue;
        }
        match read_text(&path) {
            Ok(text) => {
                total += text.len() as u64;
                files.push(SourceFile { name, text });
            }
            Err(message) => problems.push(problem_at(&path, message)),
        }
    }
    Ok((files, problems))
}

/// Feeds every file [`read_dir_lenient`] would read to `each` (its name and bytes, in the same
/// order, through one buffer), without keeping them. False when any file or folder could not
/// be read, or the files come to more than [`MAX_TOTAL_BYTES`]: then only reading the folder
/// says what is wrong.
pub fn scan_dir(dir: &Path, mut each: impl FnMut(&str, &[u8])) -> bool {
    let Ok((paths, problems)) = toml_files(dir) else {
        return false;
    };
    if !problems.is_empty() {
        return false;
    }
    let mut buffer = Vec::new();
    let mut total: u64 = 0;
    for path in paths {
        if total > MAX_TOTAL_BYTES
            || crate::user_file::read_bounded_into(&path, MAX_FILE_BYTES, &mut buffer).is_err()
        {
            return false;
        }
        total += buffer.len() as u64;
        each(&path.display().to_string(), &buffer);
    }
    true
}

fn too_much(path: &Path) -> Problem {
    problem_at(
        path,
        format!(
            "not read: the catalogue's files come to more than {} in all; a catalogue is a few megabytes at most",
            size_in_words(MAX_TOTAL_BYTES)
        ),
    )
}

/// The `*.toml` files under `dir`, sorted by path, and the files and folders found that
/// cannot be read.
fn toml_files(dir: &Path) -> Result<(Vec<PathBuf>, Vec<Problem>), LoadError> {
    let dir_error = |reason: String| LoadError::Dir {
        dir: printable(&dir.display().to_string()).into_owned(),
        reason,
    };
    if !dir.is_dir() {
        return Err(dir_error("it does not exist or is not a directory".into()));
    }
    let root = fs::canonicalize(dir).map_err(|e| dir_error(e.to_string()))?;
    let mut problems = Vec::new();
    let mut seen_dirs = HashSet::from([root]);
    let mut seen_files = HashSet::new();
    let mut paths = Vec::new();
    // Breadth first, each folder's entries by name: where a folder or file can be reached by
    // two paths, the shorter (then the first by name) is the one messages name.
    let mut pending = VecDeque::from([dir.to_path_buf()]);
    while let Some(current) = pending.pop_front() {
        let listing = match fs::read_dir(&current) {
            Ok(listing) => listing,
            Err(e) if current == dir => return Err(dir_error(e.to_string())),
            Err(e) => {
                problems.push(problem_at(
                    &current,
                    format!("cannot read this folder ({e}); fix its permissions or remove it"),
                ));
                continue;
            }
        };
        let mut entries: Vec<PathBuf> = listing
            .filter_map(|item| item.ok())
            .map(|item| item.path())
            .collect();
        entries.sort();
        for path in entries {
            let is_toml = path.extension().is_some_and(|e| e == "toml");
            // `metadata` follows links: a link is what it points at.
            match fs::metadata(&path) {
                Ok(meta) if meta.is_dir() => {
                    if let Ok(real) = fs::canonicalize(&path)
                        && seen_dirs.insert(real)
                    {
                        pending.push_back(path);
                    }
                }
                Ok(_) if is_toml => {
                    let real = fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
                    if seen_files.insert(real) {
                        paths.push(path);
                    }
                }
                Ok(_) => {}
                Err(e) if is_toml => {
                    let reason = if e.kind() == std::io::ErrorKind::NotFound {
                        "this is a link to a file that does not exist; fix the link or remove it"
                            .to_string()
                    } else {
                        format!("cannot read this file ({e})")
                    };
                    problems.push(problem_at(&path, reason));
                }
                Err(_) => {}
            }
        }
    }
    paths.sort();
    if paths.is_empty() && problems.is_empty() {
        return Err(dir_error("it has no .toml files; run `frontdesk import lgsl` or copy assets/catalogue to start one".into()));
    }
    Ok((paths, problems))
}

/// A problem with a whole file or folder, named as it was found.
fn problem_at(path: &Path, message: String) -> Problem {
    Problem::error(&printable(&path.display().to_string()), 1, 1, message)
}

fn read_text(path: &Path) -> Result<String, String> {
    let bytes = read_bounded(path, MAX_FILE_BYTES).map_err(|e| match e {
        ReadError::TooLarge { size: Some(size), .. } => format!(
            "this file is {} MB, larger than the {} MB a catalogue file may be; split it into several files",
            size / (1024 * 1024),
            MAX_FILE_BYTES / (1024 * 1024)
        ),
        ReadError::TooLarge { size: None, .. } => format!(
            "this file is larger than the {} MB a catalogue file may be; split it into several files",
            MAX_FILE_BYTES / (1024 * 1024)
        ),
        ReadError::NotAFile(kind) => format!(
            "this is {kind}, not a regular file, so it is not read; a catalogue file must be a TOML file"
        ),
        ReadError::NotFound => "this file disappeared while the catalogue was read".to_string(),
        ReadError::Io(e) => format!("cannot read this file: {e}"),
    })?;
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "this file is not UTF-8 text (bad byte at offset {}); save it as UTF-8",
            e.utf8_error().valid_up_to()
        )
    })
}

/// Parses one file. A TOML or shape error becomes one problem at the line and column it names.
pub fn parse_file(file: &SourceFile) -> Result<CatalogueFile, Problem> {
    toml::from_str::<CatalogueFile>(&file.text).map_err(|e| {
        let offset = e.span().map(|s| s.start).unwrap_or(0);
        let message = e.message().trim().replace('\n', " ");
        Problem::at_offset(&file.name, &file.text, offset, Severity::Error, message)
    })
}

/// Parses every file and merges them; any parse problem stops the load, listing all of them.
pub fn load_files(files: Vec<SourceFile>, origin: Origin) -> Result<Catalogue, LoadError> {
    let mut parsed = Vec::with_capacity(files.len());
    let mut problems = Vec::new();
    for file in &files {
        match parse_file(file) {
            Ok(content) => parsed.push(content),
            Err(problem) => problems.push(problem),
        }
    }
    if !problems.is_empty() {
        return Err(LoadError::Content(problems));
    }
    super::expand::finish(&mut parsed);
    let mut catalogue = Catalogue::from_parts(origin.clone(), parsed);
    if catalogue.synonyms.is_empty() && origin != Origin::Embedded {
        catalogue.synonyms = default_synonyms();
    }
    Ok(catalogue)
}

/// The thesaurus of the default catalogue, which carries over to catalogues that have none.
pub fn default_synonyms() -> Vec<super::SynonymGroup> {
    embedded_files()
        .iter()
        .filter_map(|f| parse_file(f).ok())
        .flat_map(|f| f.synonyms)
        .collect()
}
