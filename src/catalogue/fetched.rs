//! The catalogue fetched from the central server, kept in the data folder.
//!
//! Each fetched version is written to a new folder, checked as a desk checks any catalogue,
//! and only then named in the `current` file (written beside it and renamed over it), so a
//! desk opening the catalogue sees the old version or the new one whole, never a mixture.
//! Like everything in the data folder, its folders and files are their owner's alone (0700 and
//! 0600 on Unix); a folder made before that rule is tightened when the next version is kept.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Component, Path, PathBuf};

use super::Catalogue;
use crate::printable::printable;

/// The file naming the folder in use and its version.
const CURRENT: &str = "current";
/// The most files a fetched catalogue may have.
const MAX_FILES: usize = 10_000;

/// The folder and version in use, if a catalogue has been fetched.
pub fn current(root: &Path) -> Option<(PathBuf, String)> {
    let text = fs::read_to_string(root.join(CURRENT)).ok()?;
    let (folder, version) = text.split_once('\n')?;
    let folder = root.join(folder.trim());
    folder
        .is_dir()
        .then(|| (folder, version.trim_end_matches('\n').to_string()))
}

/// Writes `files` as version `version` under `root`, checks it, and makes it the one in use.
/// Returns the checked catalogue. Folders of older versions are removed.
pub fn keep(
    root: &Path,
    version: &str,
    files: &BTreeMap<String, String>,
    today: chrono::NaiveDate,
) -> Result<Catalogue, String> {
    if files.is_empty() || files.len() > MAX_FILES {
        return Err(format!(
            "the server's catalogue version \"{}\" has {} files; publish it again with `frontdesk catalogue publish`",
            printable(version),
            files.len()
        ));
    }
    for name in files.keys() {
        if !is_plain_relative_toml(name) {
            return Err(format!(
                "the server's catalogue version \"{}\" has a file named \"{}\", which is not a .toml file inside the catalogue; publish it again with `frontdesk catalogue publish`",
                printable(version),
                printable(name)
            ));
        }
    }
    let cannot = |e: std::io::Error| {
        format!(
            "cannot keep the fetched catalogue in {}: {e}; check the data folder",
            root.display()
        )
    };
    private_dir(root).map_err(cannot)?;
    let folder_name = format!("v-{}", uuid::Uuid::now_v7().simple());
    let folder = root.join(&folder_name);
    for (name, text) in files {
        let path = folder.join(name);
        if let Some(parent) = path.parent() {
            private_dir(parent).map_err(cannot)?;
        }
        private_write(&path, text).map_err(cannot)?;
    }
    let catalogue = match Catalogue::load_for_desk(Some(&folder), today) {
        Ok(catalogue) => catalogue,
        Err(refused) => {
            let _ = fs::remove_dir_all(&folder);
            return Err(format!(
                "the server's catalogue version \"{}\" does not pass the desk's checks, so the desk keeps its catalogue: {}",
                printable(version),
                refused
            ));
        }
    };
    let pointer = root.join(format!("{CURRENT}.new"));
    private_write(&pointer, &format!("{folder_name}\n{version}")).map_err(cannot)?;
    fs::rename(&pointer, root.join(CURRENT)).map_err(cannot)?;
    // Older versions are no longer named; a window still running has its copy in memory.
    if let Ok(entries) = fs::read_dir(root) {
        for entry in entries.flatten() {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if name.starts_with("v-") && name != folder_name.as_str() {
                let _ = fs::remove_dir_all(entry.path());
            }
        }
    }
    Ok(catalogue)
}

/// Makes `folder` and its missing parents owner-only (0700 on Unix), and takes others'
/// permissions away from it if it already existed.
fn private_dir(folder: &Path) -> std::io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
        builder.mode(0o700);
        builder.create(folder)?;
        let mode = fs::metadata(folder)?.permissions().mode();
        if mode & 0o077 != 0 {
            fs::set_permissions(folder, fs::Permissions::from_mode(mode & 0o700))?;
        }
        Ok(())
    }
    #[cfg(not(unix))]
    builder.create(folder)
}

/// Writes a new file only its owner may read (0600 on Unix).
fn private_write(path: &Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    let _ = fs::remove_file(path);
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)?.write_all(text.as_bytes())
}

/// A relative path of ordinary names only, ending in `.toml`.
fn is_plain_relative_toml(name: &str) -> bool {
    let path = Path::new(name);
    !name.is_empty()
        && !name.contains('\\')
        && !name.chars().any(char::is_control)
        && path.extension().is_some_and(|e| e == "toml")
        && path.components().all(|c| matches!(c, Component::Normal(_)))
}

/// The files of the catalogue folder `dir`, by path relative to it, for publishing.
pub fn files_of(dir: &Path) -> Result<BTreeMap<String, String>, super::LoadError> {
    let files = super::load::read_dir(dir)?;
    let prefix = dir.display().to_string();
    Ok(files
        .into_iter()
        .map(|file| {
            let relative = file
                .name
                .strip_prefix(&prefix)
                .unwrap_or(&file.name)
                .trim_start_matches(['/', '\\'])
                .replace('\\', "/");
            (relative, file.text)
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_toml_files_inside_the_folder_are_kept() {
        assert!(is_plain_relative_toml("services/housing.toml"));
        for bad in [
            "../escape.toml",
            "/etc/x.toml",
            "a/../../b.toml",
            "notes.txt",
            "",
            "a\\b.toml",
            "a\nb.toml",
        ] {
            assert!(!is_plain_relative_toml(bad), "{bad:?}");
        }
    }

    #[test]
    fn a_bad_file_name_from_the_server_writes_nothing() {
        let root = std::env::temp_dir().join(format!("fd-fetched-{}", uuid::Uuid::new_v4()));
        let files = BTreeMap::from([("../x.toml".to_string(), String::new())]);
        let today = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        let error = keep(&root, "1", &files, today).unwrap_err();
        assert!(
            error.contains("not a .toml file inside the catalogue"),
            "{error}"
        );
        assert!(!root.exists());
        assert!(current(&root).is_none());
    }

    #[cfg(unix)]
    #[test]
    fn the_fetched_catalogue_is_the_owners_alone() {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("central-catalogue");
        // A folder made by an earlier version, which others could read.
        fs::create_dir(&root).unwrap();
        fs::set_permissions(&root, fs::Permissions::from_mode(0o755)).unwrap();
        let files: BTreeMap<String, String> = super::super::embedded_files()
            .into_iter()
            .map(|f| (f.name, f.text))
            .collect();
        let today = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        keep(&root, "7", &files, today).unwrap();
        assert_eq!(mode(&root), 0o700);
        assert_eq!(mode(&root.join(CURRENT)), 0o600);
        let (folder, version) = current(&root).unwrap();
        assert_eq!(version, "7");
        let mut seen = 0;
        let mut pending = vec![folder];
        while let Some(folder) = pending.pop() {
            assert_eq!(mode(&folder), 0o700, "{}", folder.display());
            for entry in fs::read_dir(&folder).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    pending.push(path);
                } else {
                    assert_eq!(mode(&path), 0o600, "{}", path.display());
                    seen += 1;
                }
            }
        }
        assert_eq!(seen, files.len());
    }
}
