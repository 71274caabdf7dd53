//! Reading a file a user names (a catalogue file, the config file, an import's CSV): regular
//! files only, and never more than a limit.
//!
//! A named pipe (FIFO) would make a plain read wait for a writer for ever, and a link to
//! `/dev/zero` would never end; the size in a file's metadata is not to be trusted either (a
//! device reports 0, a file may grow while it is read). So the kind of file is checked after
//! following links, before it is opened, and the read itself stops one byte past the limit.

use std::fmt;
use std::fs::{self, File, FileType};
use std::io::{self, Read};
use std::path::Path;

/// Why a file was not read.
#[derive(Debug)]
pub enum ReadError {
    /// Nothing at that path (or a link to nothing).
    NotFound,
    /// Something that is not a regular file: what it is, e.g. "a named pipe (FIFO)".
    NotAFile(&'static str),
    /// More than the limit, in bytes; `size` is the file's size when its metadata told it.
    TooLarge { max_bytes: u64, size: Option<u64> },
    /// Any other failure to read (permissions, I/O).
    Io(io::Error),
}

impl fmt::Display for ReadError {
    /// How the problem reads after the file's name: "is a named pipe (FIFO), not a regular file".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::NotFound => f.write_str("does not exist"),
            ReadError::NotAFile(kind) => write!(f, "is {kind}, not a regular file"),
            ReadError::TooLarge {
                max_bytes,
                size: Some(size),
            } => write!(
                f,
                "is {}, larger than the {} allowed",
                size_in_words(*size),
                size_in_words(*max_bytes)
            ),
            ReadError::TooLarge {
                max_bytes,
                size: None,
            } => write!(
                f,
                "is larger than the {} allowed",
                size_in_words(*max_bytes)
            ),
            ReadError::Io(e) => write!(f, "cannot be read ({e})"),
        }
    }
}

/// "16 MB", "1 MB", "64 KB".
pub fn size_in_words(bytes: u64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{} MB", bytes / (1024 * 1024))
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}

/// What a file system entry is, in words, for one that is not a regular file.
pub fn kind_of(file_type: FileType) -> &'static str {
    if file_type.is_dir() {
        return "a folder";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if file_type.is_char_device() || file_type.is_block_device() {
            return "a device";
        }
        if file_type.is_socket() {
            return "a socket";
        }
    }
    "not a regular file"
}

/// The whole of a regular file (after following links) of at most `max_bytes` bytes.
pub fn read_bounded(path: &Path, max_bytes: u64) -> Result<Vec<u8>, ReadError> {
    let mut bytes = Vec::new();
    read_bounded_into(path, max_bytes, &mut bytes)?;
    Ok(bytes)
}

/// Like [`read_bounded`], into `bytes` (cleared first), so one buffer serves many files.
pub fn read_bounded_into(
    path: &Path,
    max_bytes: u64,
    bytes: &mut Vec<u8>,
) -> Result<(), ReadError> {
    bytes.clear();
    let io_error = |e: io::Error| match e.kind() {
        io::ErrorKind::NotFound => ReadError::NotFound,
        _ => ReadError::Io(e),
    };
    // Checked before opening: opening a FIFO for reading waits for a writer.
    let metadata = fs::metadata(path).map_err(io_error)?;
    if !metadata.is_file() {
        return Err(ReadError::NotAFile(kind_of(metadata.file_type())));
    }
    let file = File::open(path).map_err(io_error)?;
    let metadata = file.metadata().map_err(io_error)?;
    if !metadata.is_file() {
        return Err(ReadError::NotAFile(kind_of(metadata.file_type())));
    }
    if metadata.len() > max_bytes {
        return Err(ReadError::TooLarge {
            max_bytes,
            size: Some(metadata.len()),
        });
    }
    bytes.reserve(usize::try_from(metadata.len()).unwrap_or(0));
    file.take(max_bytes.saturating_add(1))
        .read_to_end(bytes)
        .map_err(io_error)?;
    if bytes.len() as u64 > max_bytes {
        return Err(ReadError::TooLarge {
            max_bytes,
            size: None,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_regular_file_is_read_whole_up_to_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.toml");
        fs::write(&path, b"12345").unwrap();
        assert_eq!(read_bounded(&path, 5).unwrap(), b"12345");
        assert!(matches!(
            read_bounded(&path, 4),
            Err(ReadError::TooLarge {
                max_bytes: 4,
                size: Some(5)
            })
        ));
        assert!(matches!(
            read_bounded(&dir.path().join("none"), 5),
            Err(ReadError::NotFound)
        ));
        assert_eq!(
            read_bounded(dir.path(), 5).unwrap_err().to_string(),
            "is a folder, not a regular file"
        );
    }

    #[cfg(unix)]
    #[test]
    fn devices_are_not_read() {
        let error = read_bounded(Path::new("/dev/zero"), 1024).unwrap_err();
        assert_eq!(error.to_string(), "is a device, not a regular file");
    }
}
