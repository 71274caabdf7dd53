//! The compiled catalogue: a catalogue folder checked, parsed and indexed once, kept in the data
//! folder, so that the next start reads one file instead of checking and parsing every TOML
//! file and building the index again. A county-wide directory of 50,000 entries costs about a
//! second to check, parse and index; its compiled file is read in a small part of that.
//!
//! Never stale: the file is keyed by a hash of everything it was built from (the folder's path,
//! every file's name and text, and this program: its version, size and time), so any change is
//! a different key and the folder is checked and compiled again. The body carries its own
//! checksum: a damaged, truncated or foreign file is ignored and built again, never trusted.
//! It is written to a temporary file beside it and renamed, so no reader sees half a file.
//! Nothing here is personal data: only the council's own content.
//!
//! The built-in catalogue is compiled too, into the program itself
//! (assets/compiled/built-in.compiled, made by the `built_in_compiled` test from the files in
//! assets/catalogue): a start reads it in place of parsing and indexing the TOML. It is keyed by
//! those files and by the source of the content model and the index, so when either changed
//! since it was made it is not used and the files are parsed as before (and the test fails
//! until it is made again).

use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::{Xxh3, xxh3_64};

use super::Index;
use super::index::IndexData;
use crate::catalogue::{
    Body, Catalogue, CatalogueFile, CatalogueRefused, Council, Faq, Origin, Partner, Script,
    Service, SynonymGroup, scan_dir,
};

/// The first bytes of a compiled catalogue; the last two digits are the format's version,
/// raised whenever what is written changes shape.
const MAGIC: &[u8; 8] = b"FDcomp05";
/// Magic, key (16 bytes), the catalogue part's length (8), the index part's (8), and the
/// checksum of both (16); then the two parts.
const HEADER_BYTES: usize = 8 + 16 + 8 + 8 + 16;
/// The largest compiled file read (a 50,000-entry catalogue compiles to about 40 MB).
const MAX_BYTES: u64 = 1024 * 1024 * 1024;

/// A catalogue ready for the desk, and its index when the compiled file had it.
#[derive(Debug)]
pub struct Prepared {
    pub catalogue: Catalogue,
    /// The index, when it came from the compiled file; otherwise build it with [`Index::new`]
    /// and hand it to [`Pending::store`].
    pub index: Option<Index>,
    /// Where the compiled file goes once the index is built, when it is to be written.
    pub pending: Option<Pending>,
    /// The index, left to be read where it is first needed (from [`prepare_later`] only).
    pub reading: Option<IndexToRead>,
    /// The catalogue's synonyms and scripts, left to be read once the first frame is drawn
    /// (from [`prepare_later`] only): until [`RestToRead::read_into`], `catalogue` has none.
    pub rest: Option<RestToRead>,
}

/// The index of the built-in compiled form, not yet decoded: the screen draws its first frame
/// without it, and the search worker decodes it as it starts, with no thread of its own
/// competing with the first frame for the processor.
#[derive(Debug)]
pub struct IndexToRead {
    /// The index part of the compiled form the program carries.
    bytes: &'static [u8],
}

impl IndexToRead {
    /// The index, decoded; `None` when it could not be read or does not belong to `catalogue`
    /// (then build it with [`Index::new`]).
    pub fn read(self, catalogue: &Catalogue) -> Option<Index> {
        let data = postcard::from_bytes::<IndexData>(self.bytes).ok()?;
        (data.docs.len() == catalogue.searchable().count()).then(|| Index::from_data(data))
    }
}

/// The synonyms and guided scripts of the built-in compiled form, not yet decoded: the first
/// frame lists the catalogue's entries and needs neither, so they are read just after it,
/// before the first key is.
#[derive(Debug)]
pub struct RestToRead {
    /// Their part of the compiled form the program carries.
    bytes: &'static [u8],
}

impl RestToRead {
    /// Puts the synonyms and scripts into `catalogue`, the built-in one they belong to. Should
    /// they not decode, they are taken from the built-in catalogue's own files instead, so the
    /// desk never starts without its scripts.
    pub fn read_into(self, catalogue: &mut Catalogue) {
        let rest = postcard::from_bytes::<RestRead>(self.bytes)
            .ok()
            .or_else(|| {
                Catalogue::embedded().ok().map(|files| RestRead {
                    synonyms: files.synonyms,
                    scripts: files.scripts,
                })
            });
        if let Some(rest) = rest {
            catalogue.synonyms = rest.synonyms;
            catalogue.scripts = rest.scripts;
        }
    }
}

/// As [`prepare`], except that for the built-in catalogue what the first frame does not show
/// is left to read: the index ([`Prepared::reading`], for the search worker) and the synonyms
/// and scripts ([`Prepared::rest`]), which the caller must put into the catalogue with
/// [`RestToRead::read_into`] before anything but the first frame uses it. For the screen.
pub fn prepare_later(
    dir: Option<&Path>,
    compiled_dir: Option<&Path>,
    today: NaiveDate,
) -> Result<Prepared, CatalogueRefused> {
    if dir.is_none()
        && let Some((catalogue, reading, rest)) = built_in_later()
    {
        return Ok(Prepared {
            catalogue,
            index: None,
            pending: None,
            reading: Some(reading),
            rest: Some(rest),
        });
    }
    prepare(dir, compiled_dir, today)
}

/// A compiled file to write, once the index of a freshly checked folder is built.
#[derive(Debug, Clone)]
pub struct Pending {
    file: PathBuf,
    key: u128,
}

/// The catalogue a desk works from, as [`Catalogue::load_for_desk`] gives it: the built-in one,
/// or `dir` refused when `check` finds an error in it. For a folder, a compiled file in
/// `compiled_dir` made from the very same files is used instead of checking and parsing them;
/// when there is none (or it is damaged, or from other files), the folder is checked and loaded
/// as usual and [`Prepared::pending`] says where to keep its compiled form.
pub fn prepare(
    dir: Option<&Path>,
    compiled_dir: Option<&Path>,
    today: NaiveDate,
) -> Result<Prepared, CatalogueRefused> {
    if dir.is_none()
        && let Some((catalogue, index)) = built_in()
    {
        return Ok(Prepared {
            catalogue,
            index: Some(index),
            pending: None,
            reading: None,
            rest: None,
        });
    }
    let (Some(dir), Some(compiled_dir)) = (dir, compiled_dir) else {
        return Ok(Prepared {
            catalogue: Catalogue::load_for_desk(dir, today)?,
            index: None,
            pending: None,
            reading: None,
            rest: None,
        });
    };
    let file = compiled_dir.join(file_name(dir));
    // The files are hashed as they stream past (a large folder is not kept in memory twice),
    // on a thread of their own while the compiled file is read.
    let hash_folder = || {
        let mut key = Key::of_program(dir)?;
        scan_dir(dir, |name, bytes| key.add(name, bytes)).then(|| key.digest())
    };
    if let Some((catalogue, index)) = read(&file, dir, hash_folder) {
        return Ok(Prepared {
            catalogue,
            index: Some(index),
            pending: None,
            reading: None,
            rest: None,
        });
    }
    let folder = Catalogue::read_folder(dir)?;
    // Keyed by the files as read and checked now, should they have changed since the scan.
    let key = Key::of_program(dir)
        .filter(|_| folder.unreadable.is_empty())
        .map(|mut key| {
            for file in &folder.files {
                key.add(&file.name, file.text.as_bytes());
            }
            key.digest()
        });
    Ok(Prepared {
        catalogue: Catalogue::from_folder(folder, today)?,
        index: None,
        pending: key.map(|key| Pending { file, key }),
        reading: None,
        rest: None,
    })
}

impl Pending {
    /// Writes the compiled file: to a temporary file beside it, then renamed over any older one.
    pub fn store(&self, catalogue: &Catalogue, index: &Index) -> io::Result<()> {
        // Two parts, so they can be read back side by side.
        let (content, index) = parts(catalogue, index)?;
        let folder = self.file.parent().unwrap_or(Path::new("."));
        create_private_dir(folder)?;
        let name = self
            .file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let temporary = folder.join(format!(".{name}.{}.tmp", std::process::id()));
        let written = (|| {
            let mut out = private_file(&temporary)?;
            out.write_all(MAGIC)?;
            out.write_all(&self.key.to_le_bytes())?;
            out.write_all(&(content.len() as u64).to_le_bytes())?;
            out.write_all(&(index.len() as u64).to_le_bytes())?;
            out.write_all(&checksum(&content, &index).to_le_bytes())?;
            out.write_all(&content)?;
            out.write_all(&index)?;
            out.sync_all()?;
            fs::rename(&temporary, &self.file)
        })();
        if written.is_err() {
            let _ = fs::remove_file(&temporary);
        }
        written?;
        remove_old(folder, &self.file);
        Ok(())
    }

    /// Where the compiled file is written.
    pub fn file(&self) -> &Path {
        &self.file
    }
}

/// How many compiled files are kept: the newest few, for desks that switch between folders.
pub const KEEP: usize = 3;
/// A temporary file this old was left by a process that stopped while writing it.
const LEFT_BEHIND: std::time::Duration = std::time::Duration::from_secs(3600);

/// Removes all but the newest [`KEEP`] compiled files in `folder` (never `just_written`), and
/// temporary files left behind by a process that stopped while writing. Best effort: a file
/// that cannot be removed now is tried again after the next compile.
fn remove_old(folder: &Path, just_written: &Path) {
    let Ok(listing) = fs::read_dir(folder) else {
        return;
    };
    let now = std::time::SystemTime::now();
    let mut compiled: Vec<(std::time::SystemTime, PathBuf)> = Vec::new();
    for item in listing.flatten() {
        let name = item.file_name().to_string_lossy().into_owned();
        let Ok(modified) = item.metadata().and_then(|m| m.modified()) else {
            continue;
        };
        let path = item.path();
        if name.starts_with(".catalogue-") && name.ends_with(".tmp") {
            if now
                .duration_since(modified)
                .is_ok_and(|age| age > LEFT_BEHIND)
            {
                let _ = fs::remove_file(&path);
            }
        } else if name.starts_with("catalogue-")
            && name.ends_with(".compiled")
            && path != just_written
        {
            compiled.push((modified, path));
        }
    }
    compiled.sort_by_key(|c| std::cmp::Reverse(c.0));
    for (_, path) in compiled.into_iter().skip(KEEP.saturating_sub(1)) {
        let _ = fs::remove_file(path);
    }
}

/// The compiled file's name for a folder: one per folder, so a changed folder replaces its own.
fn file_name(dir: &Path) -> String {
    let path = dir.as_os_str().as_encoded_bytes();
    format!("catalogue-{:016x}.compiled", xxh3_64(path))
}

/// The hash of everything a compiled file is made from: this program, the folder's path, and
/// each file's name and bytes in the order they are read.
struct Key(Xxh3);

impl Key {
    /// Starts with this program and the folder; `None` when the program cannot say which build
    /// it is (then nothing is compiled: a file from another build must never be read).
    fn of_program(dir: &Path) -> Option<Key> {
        let program = std::env::current_exe().and_then(fs::metadata).ok()?;
        let built = program
            .modified()
            .ok()?
            .duration_since(std::time::UNIX_EPOCH)
            .ok()?;
        let mut key = Key(Xxh3::new());
        key.part(MAGIC);
        key.part(env!("CARGO_PKG_VERSION").as_bytes());
        key.part(&program.len().to_le_bytes());
        key.part(&built.as_nanos().to_le_bytes());
        key.part(dir.as_os_str().as_encoded_bytes());
        Some(key)
    }

    fn add(&mut self, name: &str, bytes: &[u8]) {
        self.part(name.as_bytes());
        self.part(bytes);
    }

    /// Each part with its length first, so no two different lists of parts run together alike.
    fn part(&mut self, bytes: &[u8]) {
        self.0.update(&(bytes.len() as u64).to_le_bytes());
        self.0.update(bytes);
    }

    fn digest(&self) -> u128 {
        self.0.digest128()
    }
}

/// The catalogue and index of a compiled file, when it is there, whole, and made from exactly
/// what `hash_folder` (run on its own thread meanwhile) says the folder holds now; anything
/// else is `None`. The two parts are decoded side by side; nothing read is used unless the
/// keys match.
fn read(
    file: &Path,
    dir: &Path,
    hash_folder: impl FnOnce() -> Option<u128> + Send,
) -> Option<(Catalogue, Index)> {
    let (key, decoded) = std::thread::scope(|scope| {
        let hashing = scope.spawn(hash_folder);
        let decoded = read_unkeyed(file);
        (hashing.join().ok().flatten(), decoded)
    });
    let (stored, read, index) = decoded?;
    if key? != stored {
        return None;
    }
    assemble(Origin::Dir(dir.to_path_buf()), read, index)
}

/// The catalogue and its index from their decoded parts; `None` when they do not belong
/// together (the index points into the catalogue by position: they must be the same size).
fn assemble(origin: Origin, read: Reading, index: IndexData) -> Option<(Catalogue, Index)> {
    let catalogue = catalogue_of(origin, read);
    if index.docs.len() != catalogue.searchable().count() {
        return None;
    }
    Some((catalogue, Index::from_data(index)))
}

/// The catalogue of a compiled form's decoded content part.
fn catalogue_of(origin: Origin, read: Reading) -> Catalogue {
    let mut catalogue = catalogue_of_entries(origin, read.entries);
    catalogue.synonyms = read.rest.synonyms;
    catalogue.scripts = read.rest.scripts;
    catalogue
}

/// The catalogue of the first half of a compiled form's content part: no synonyms or scripts.
fn catalogue_of_entries(origin: Origin, read: EntriesRead) -> Catalogue {
    let mut catalogue = Catalogue::from_parts(
        origin,
        vec![CatalogueFile {
            council: Some(read.council),
            body: read.bodies,
            service: read.services,
            partner: read.partners,
            faq: read.faqs,
            ..CatalogueFile::default()
        }],
    );
    catalogue.appointments = read.appointments;
    catalogue
}

/// A compiled file's key and its two parts decoded, when the file is whole: its magic, lengths
/// and checksum right. The parts are decoded as they stream from the file, one after the
/// other, so the file's bytes are never all in memory beside what they decode to (at 50,000
/// entries that was a quarter of the process's peak).
fn read_unkeyed(file: &Path) -> Option<(u128, Reading, IndexData)> {
    // Checked before opening: opening a FIFO for reading waits for a writer.
    if !fs::metadata(file).ok()?.is_file() {
        return None;
    }
    let mut opened = fs::File::open(file).ok()?;
    let size = opened.metadata().ok()?.len();
    if size > MAX_BYTES {
        return None;
    }
    let mut header = [0u8; HEADER_BYTES];
    opened.read_exact(&mut header).ok()?;
    let number = |at: usize, length: usize| -> Option<u128> {
        let mut buffer = [0u8; 16];
        buffer
            .get_mut(..length)?
            .copy_from_slice(header.get(at..at + length)?);
        Some(u128::from_le_bytes(buffer))
    };
    let content_length = u64::try_from(number(24, 8)?).ok()?;
    let index_length = u64::try_from(number(32, 8)?).ok()?;
    let whole = header.get(..8)? == MAGIC
        && (HEADER_BYTES as u64)
            .checked_add(content_length)?
            .checked_add(index_length)?
            == size;
    if !whole {
        return None;
    }
    let mut hash = Xxh3::new();
    let content: Reading = decode_streamed(&mut opened, content_length, &mut hash)?;
    let index: IndexData = decode_streamed(&mut opened, index_length, &mut hash)?;
    // Nothing decoded is used unless every byte was what was written.
    (hash.digest128() == number(40, 16)?).then_some((number(8, 16)?, content, index))
}

/// One part of a compiled file, `length` bytes from where `file` stands, decoded as it is read
/// and added to `hash` (all of it, whatever the decoding used).
fn decode_streamed<T: serde::de::DeserializeOwned>(
    file: &mut fs::File,
    length: u64,
    hash: &mut Xxh3,
) -> Option<T> {
    // Room for the few values decoded in place (dates); untouched room costs no memory.
    let mut scratch = vec![0u8; usize::try_from(length).ok()?];
    let mut reader = io::BufReader::with_capacity(
        64 * 1024,
        Hashing {
            inner: file.take(length),
            hash,
        },
    );
    let value = postcard::from_io::<T, _>((&mut reader, &mut scratch[..]))
        .ok()
        .map(|(value, _)| value);
    io::copy(&mut reader, &mut io::sink()).ok()?;
    (reader.get_ref().inner.limit() == 0).then_some(())?;
    value
}

/// A reader that adds what passes through it to a hash.
struct Hashing<'a, R> {
    inner: R,
    hash: &'a mut Xxh3,
}

impl<R: Read> Read for Hashing<'_, R> {
    fn read(&mut self, buffer: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buffer)?;
        self.hash.update(&buffer[..n]);
        Ok(n)
    }
}

/// A compiled form's key and its two parts decoded, when whole.
fn decode(bytes: &[u8]) -> Option<(u128, Reading, IndexData)> {
    let (key, content, index) = split(bytes)?;
    let (content, index) = std::thread::scope(|scope| {
        let decoding = scope.spawn(|| postcard::from_bytes::<IndexData>(index).ok());
        let content: Option<Reading> = postcard::from_bytes(content).ok();
        (content, decoding.join().ok().flatten())
    });
    Some((key, content?, index?))
}

/// The key and the two parts (content, index) of the compiled form the program carries, when
/// its magic and lengths are right. Its checksum is not worked out at every start: the bytes
/// are the program's own, as trusted as its code, and the `built_in_compiled` test checks what
/// they decode to against a fresh build of the files.
fn split(bytes: &[u8]) -> Option<(u128, &[u8], &[u8])> {
    let (header, body) = bytes.split_at_checked(HEADER_BYTES)?;
    let number = |at: usize, length: usize| -> Option<u128> {
        let mut buffer = [0u8; 16];
        buffer
            .get_mut(..length)?
            .copy_from_slice(header.get(at..at + length)?);
        Some(u128::from_le_bytes(buffer))
    };
    let content_length = usize::try_from(number(24, 8)?).ok()?;
    let (content, index) = body.split_at_checked(content_length)?;
    let whole = header.get(..8)? == MAGIC && number(32, 8)? == index.len() as u128;
    if !whole {
        return None;
    }
    Some((number(8, 16)?, content, index))
}

/// The built-in catalogue's compiled form, as the program carries it ([`carry_built_in`]).
static BUILT_IN: std::sync::OnceLock<&'static [u8]> = std::sync::OnceLock::new();

/// Hands the search the compiled form of the built-in catalogue the program carries
/// (`include_bytes!` of assets/compiled/built-in.compiled, in the program itself, so that making it
/// again rebuilds only the program, not the library). Without it, the files are parsed.
pub fn carry_built_in(bytes: &'static [u8]) {
    let _ = BUILT_IN.set(bytes);
}

/// The key of the built-in catalogue: its files and the source of the content model and of the
/// index (which a change to either makes an older compiled form unusable), hashed by build.rs
/// as the program is built, so a start reads no catalogue file to know its compiled form is
/// current.
pub fn built_in_key() -> u128 {
    let sources = u128::from_str_radix(env!("FRONTDESK_BUILT_IN_SOURCES"), 16).unwrap_or(0);
    let mut key = Key(Xxh3::new());
    key.part(MAGIC);
    key.part(&sources.to_le_bytes());
    key.digest()
}

/// The built-in catalogue and its index from the compiled form in the program, when that was
/// made from the files and the code in this program; `None` otherwise (then parse the files).
pub fn built_in() -> Option<(Catalogue, Index)> {
    let (key, read, index) = decode(BUILT_IN.get()?)?;
    if key != built_in_key() {
        return None;
    }
    assemble(Origin::Embedded, read, index)
}

/// The built-in catalogue's entries from the compiled form in the program, with its synonyms
/// and scripts and its index left to be read where they are first needed; `None` as for
/// [`built_in`].
fn built_in_later() -> Option<(Catalogue, IndexToRead, RestToRead)> {
    let (key, content, index) = split(BUILT_IN.get().copied()?)?;
    if key != built_in_key() {
        return None;
    }
    // The content part is the entries followed by the rest (see [`Writing`]).
    let (entries, rest) = postcard::take_from_bytes::<EntriesRead>(content).ok()?;
    Some((
        catalogue_of_entries(Origin::Embedded, entries),
        IndexToRead { bytes: index },
        RestToRead { bytes: rest },
    ))
}

/// The compiled form of the built-in catalogue, made afresh from its files: what
/// assets/compiled/built-in.compiled must hold.
pub fn make_built_in() -> Result<Vec<u8>, String> {
    let catalogue = Catalogue::embedded().map_err(|e| format!("{e:?}"))?;
    let index = Index::new(&catalogue);
    let (content, index) = parts(&catalogue, &index).map_err(|e| e.to_string())?;
    let mut out = Vec::with_capacity(HEADER_BYTES + content.len() + index.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&built_in_key().to_le_bytes());
    out.extend_from_slice(&(content.len() as u64).to_le_bytes());
    out.extend_from_slice(&(index.len() as u64).to_le_bytes());
    out.extend_from_slice(&checksum(&content, &index).to_le_bytes());
    out.extend_from_slice(&content);
    out.extend_from_slice(&index);
    Ok(out)
}

/// A catalogue and its index as the two parts of a compiled form.
fn parts(catalogue: &Catalogue, index: &Index) -> io::Result<(Vec<u8>, Vec<u8>)> {
    let content = postcard::to_stdvec(&Writing {
        entries: EntriesWritten {
            council: &catalogue.council,
            bodies: &catalogue.bodies,
            services: &catalogue.services,
            partners: &catalogue.partners,
            faqs: &catalogue.faqs,
            appointments: &catalogue.appointments,
        },
        rest: RestWritten {
            synonyms: &catalogue.synonyms,
            scripts: &catalogue.scripts,
        },
    })
    .map_err(io::Error::other)?;
    let index = postcard::to_stdvec(&*index.data).map_err(io::Error::other)?;
    Ok((content, index))
}

/// The checksum of a compiled file's two parts.
fn checksum(content: &[u8], index: &[u8]) -> u128 {
    let mut hasher = Xxh3::new();
    hasher.update(content);
    hasher.update(index);
    hasher.digest128()
}

fn create_private_dir(folder: &Path) -> io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(folder)
}

fn private_file(path: &Path) -> io::Result<fs::File> {
    #[allow(unused_mut)]
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)
}

/// What a compiled file's content part holds, as written (borrowed): the entries a list shows,
/// then what only searching and scripts need. Postcard writes a struct as its fields one after
/// the other, so the part is the two halves end to end, and the first can be read alone.
#[derive(Serialize)]
struct Writing<'a> {
    entries: EntriesWritten<'a>,
    rest: RestWritten<'a>,
}

#[derive(Serialize)]
struct EntriesWritten<'a> {
    council: &'a Council,
    bodies: &'a [Body],
    services: &'a [Service],
    partners: &'a [Partner],
    faqs: &'a [Faq],
    appointments: &'a crate::catalogue::places::Appointments,
}

#[derive(Serialize)]
struct RestWritten<'a> {
    synonyms: &'a [SynonymGroup],
    scripts: &'a [Script],
}

/// ... and as read back (owned), field for field, each list at its exact length.
#[derive(Deserialize)]
struct Reading {
    entries: EntriesRead,
    rest: RestRead,
}

#[derive(Deserialize)]
struct EntriesRead {
    council: Council,
    #[serde(deserialize_with = "super::exact::vec")]
    bodies: Vec<Body>,
    #[serde(deserialize_with = "super::exact::vec")]
    services: Vec<Service>,
    #[serde(deserialize_with = "super::exact::vec")]
    partners: Vec<Partner>,
    #[serde(deserialize_with = "super::exact::vec")]
    faqs: Vec<Faq>,
    appointments: crate::catalogue::places::Appointments,
}

#[derive(Deserialize)]
struct RestRead {
    #[serde(deserialize_with = "super::exact::vec")]
    synonyms: Vec<SynonymGroup>,
    #[serde(deserialize_with = "super::exact::vec")]
    scripts: Vec<Script>,
}
