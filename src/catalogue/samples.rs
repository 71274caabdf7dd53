//! Sample catalogues built into the binary beside the default one, so a desk with only the
//! binary can try them: `--catalogue sample:wales` (or `FRONTDESK_CATALOGUE=sample:wales`).
//!
//! A named sample is written out to `samples/NAME` in the data folder, fresh each time, and
//! used from there like any catalogue folder: `check`, search, scripts and the desk all read
//! it the same way, and messages name a file the user can open.

use std::fs;
use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};

static WALES: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/assets/samples/wales");

/// What a `--catalogue` value starts with when it names a built-in sample.
pub const PREFIX: &str = "sample:";

/// The built-in samples, by name.
static SAMPLES: [(&str, &Dir<'static>); 1] = [("wales", &WALES)];

/// Why a named sample could not be used.
#[derive(Debug, thiserror::Error)]
pub enum SampleError {
    #[error(
        "there is no built-in sample catalogue called {name:?}; the built-in samples are {known}. Give one of them, or a catalogue folder, with --catalogue."
    )]
    Unknown { name: String, known: String },
    #[error(
        "cannot write the sample catalogue to {dir}: {reason}. Check that the data folder can be written to, or give another one with --data-dir."
    )]
    Write { dir: String, reason: String },
}

/// The names of the built-in samples, as given to `--catalogue`: "sample:wales".
pub fn names() -> Vec<String> {
    SAMPLES
        .iter()
        .map(|(name, _)| format!("{PREFIX}{name}"))
        .collect()
}

/// When `catalogue` names a built-in sample, writes it out under `data_dir` and gives the
/// folder; any other catalogue (or none) is given back as it is.
pub fn unpack_named(
    catalogue: Option<PathBuf>,
    data_dir: &Path,
) -> Result<Option<PathBuf>, SampleError> {
    let Some(name) = catalogue
        .as_deref()
        .and_then(Path::to_str)
        .and_then(|text| text.trim().strip_prefix(PREFIX))
    else {
        return Ok(catalogue);
    };
    let name = name.trim().to_lowercase();
    let Some((name, files)) = SAMPLES.iter().find(|(known, _)| *known == name) else {
        return Err(SampleError::Unknown {
            name: format!("{PREFIX}{name}"),
            known: names().join(", "),
        });
    };
    let dir = data_dir.join("samples").join(name);
    let failed = |reason: std::io::Error| SampleError::Write {
        dir: dir.display().to_string(),
        reason: reason.to_string(),
    };
    // Fresh each time: a file dropped from the sample must not linger from an older binary.
    if dir.exists() {
        fs::remove_dir_all(&dir).map_err(failed)?;
    }
    write_dir(files, &dir).map_err(failed)?;
    Ok(Some(dir))
}

fn write_dir(files: &Dir<'static>, to: &Path) -> std::io::Result<()> {
    fs::create_dir_all(to)?;
    for file in files.files() {
        if let Some(name) = file.path().file_name() {
            fs::write(to.join(name), file.contents())?;
        }
    }
    for sub in files.dirs() {
        if let Some(name) = sub.path().file_name() {
            write_dir(sub, &to.join(name))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_or_no_catalogue_is_given_back_untouched() {
        let data = tempfile::tempdir().expect("a temporary folder");
        let folder = Some(PathBuf::from("my-catalogue"));
        assert_eq!(
            unpack_named(folder.clone(), data.path()).expect("no sample named"),
            folder
        );
        assert_eq!(unpack_named(None, data.path()).expect("none"), None);
        assert!(!data.path().join("samples").exists());
    }

    #[test]
    fn a_named_sample_is_written_to_the_data_folder() {
        let data = tempfile::tempdir().expect("a temporary folder");
        let dir = unpack_named(Some(PathBuf::from("sample:wales")), data.path())
            .expect("the Wales sample unpacks")
            .expect("a folder");
        assert_eq!(dir, data.path().join("samples").join("wales"));
        assert!(dir.join("council.toml").is_file());
        assert!(dir.join("scripts").join("homelessness.toml").is_file());
        // A second time replaces the first, and a stray file does not survive.
        fs::write(dir.join("stray.toml"), "x = 1").expect("write a stray file");
        unpack_named(Some(PathBuf::from("sample:wales")), data.path()).expect("unpacks again");
        assert!(!dir.join("stray.toml").exists());
    }

    #[test]
    fn an_unknown_sample_is_one_sentence_naming_the_known_ones() {
        let data = tempfile::tempdir().expect("a temporary folder");
        let error = unpack_named(Some(PathBuf::from("sample:narnia")), data.path())
            .expect_err("no such sample");
        let message = error.to_string();
        assert!(message.contains("\"sample:narnia\""), "{message}");
        assert!(message.contains("sample:wales"), "{message}");
    }
}
