//! Reading catalogue files from the embedded assets or a directory, and parsing them.

use std::fs;
use std::path::Path;

use include_dir::{Dir, include_dir};

use super::problem::{Problem, Severity};
use super::{Catalogue, CatalogueFile, Origin};

static EMBEDDED: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/assets/catalogue");

/// The largest catalogue file read: real ones are a few hundred kilobytes at most.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

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
pub fn read_dir_lenient(dir: &Path) -> Result<(Vec<SourceFile>, Vec<Problem>), LoadError> {
    let dir_error = |reason: String| LoadError::Dir {
        dir: dir.display().to_string(),
        reason,
    };
    if !dir.is_dir() {
        return Err(dir_error("it does not exist or is not a directory".into()));
    }
    let mut paths = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(current) = pending.pop() {
        let listing = fs::read_dir(&current).map_err(|e| dir_error(e.to_string()))?;
        for item in listing {
            let path = item.map_err(|e| dir_error(e.to_string()))?.path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "toml") {
                paths.push(path);
            }
        }
    }
    paths.sort();
    if paths.is_empty() {
        return Err(dir_error("it has no .toml files; run `frontdesk import lgsl` or copy assets/catalogue to start one".into()));
    }
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        let name = path.display().to_string();
        match read_text(&path) {
            Ok(text) => files.push(SourceFile { name, text }),
            Err(message) => problems.push(Problem::error(&name, 1, 1, message)),
        }
    }
    Ok((files, problems))
}

fn read_text(path: &Path) -> Result<String, String> {
    let size = fs::metadata(path)
        .map_err(|e| format!("cannot read this file: {e}"))?
        .len();
    if size > MAX_FILE_BYTES {
        return Err(format!(
            "this file is {} MB, larger than the {} MB a catalogue file may be; split it into several files",
            size / (1024 * 1024),
            MAX_FILE_BYTES / (1024 * 1024)
        ));
    }
    let bytes = fs::read(path).map_err(|e| format!("cannot read this file: {e}"))?;
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
