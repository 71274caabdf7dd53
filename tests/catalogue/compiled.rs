//! The compiled catalogue kept in the data folder: a folder catalogue is read from it only when
//! it was made from exactly the files there now; a damaged, truncated or foreign compiled file
//! is ignored and made again; the results are the same as from the TOML; and nothing breaks
//! when the data folder cannot be written.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;
use chrono::NaiveDate;
use frontdesk::catalogue::{Catalogue, Kind, sample};
use frontdesk::search::Index;
use frontdesk::search::compiled::{Prepared, prepare};
use tempfile::TempDir;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
}

const COUNCIL: &str = "[council]\nname = \"Test Council\"\nversion = \"1\"\n";

fn service(id: &str, title: &str) -> String {
    format!(
        "[[service]]\nid = \"{id}\"\ntitle = \"{title}\"\nsummary = \"A service.\"\nkeywords = [\"{id}\"]\nreview_by = \"2099-01-01\"\n\n"
    )
}

/// A catalogue folder and a data folder side by side.
struct Desk {
    dir: TempDir,
}

impl Desk {
    fn new(services: &str) -> Desk {
        let desk = Desk {
            dir: TempDir::new().unwrap(),
        };
        fs::create_dir(desk.catalogue()).unwrap();
        fs::write(desk.catalogue().join("council.toml"), COUNCIL).unwrap();
        desk.write("services.toml", services);
        desk
    }

    fn catalogue(&self) -> PathBuf {
        self.dir.path().join("catalogue")
    }

    fn compiled(&self) -> PathBuf {
        self.dir.path().join("data/compiled")
    }

    fn write(&self, name: &str, text: &str) {
        fs::write(self.catalogue().join(name), text).unwrap();
    }

    fn prepare(&self) -> Prepared {
        prepare(Some(&self.catalogue()), Some(&self.compiled()), today()).expect("it loads")
    }

    /// Loads the folder; when it was checked afresh, builds the index and keeps the compiled
    /// form, as the desk does. Says whether the compiled form was used.
    fn load(&self) -> (Catalogue, Index, bool) {
        let prepared = self.prepare();
        match prepared.index {
            Some(index) => (prepared.catalogue, index, true),
            None => {
                let index = Index::new(&prepared.catalogue);
                let pending = prepared
                    .pending
                    .expect("a folder checked afresh is compiled");
                pending.store(&prepared.catalogue, &index).expect("written");
                (prepared.catalogue, index, false)
            }
        }
    }

    /// The one compiled file.
    fn compiled_file(&self) -> PathBuf {
        let files: Vec<PathBuf> = fs::read_dir(self.compiled())
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        assert_eq!(files.len(), 1, "{files:?}");
        files[0].clone()
    }

    fn cmd(&self) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_frontdesk"));
        cmd.env_remove("FRONTDESK_CATALOGUE")
            .env("FRONTDESK_CONFIG", crate::support::EMPTY_CONFIG)
            .env("FRONTDESK_DATA_DIR", self.dir.path().join("data"))
            .timeout(Duration::from_secs(20));
        cmd
    }
}

fn first_title(catalogue: &Catalogue, index: &Index, query: &str) -> Option<String> {
    let hit = index.query(query).into_iter().next()?;
    catalogue.entry(hit.key).map(|e| e.title().to_string())
}

#[test]
fn the_second_load_uses_the_compiled_form_and_finds_the_same() {
    let desk = Desk::new(&(service("bins", "Missed bins") + &service("tax", "Council tax")));
    let (fresh, fresh_index, used) = desk.load();
    assert!(!used, "nothing compiled yet");
    let (compiled, index, used) = desk.load();
    assert!(used, "the same files: the compiled form is used");
    assert_eq!(compiled.services, fresh.services);
    assert_eq!(compiled.council, fresh.council);
    assert_eq!(compiled.origin, fresh.origin);
    assert!(compiled.find("bins").is_some(), "ids are found by id");
    assert_eq!(index.query("bins"), fresh_index.query("bins"));
}

#[test]
fn a_changed_catalogue_never_uses_the_old_compiled_form() {
    let desk = Desk::new(&(service("bins", "Missed bins") + &service("tax", "Council tax")));
    desk.load();
    assert!(desk.load().2);
    // One letter changed, the file's size the same: the content decides, not the size.
    desk.write(
        "services.toml",
        &(service("bins", "Mossed bins") + &service("tax", "Council tax")),
    );
    let (catalogue, index, used) = desk.load();
    assert!(!used, "a changed file is checked again");
    assert_eq!(
        first_title(&catalogue, &index, "mossed").as_deref(),
        Some("Mossed bins")
    );
    assert!(desk.load().2, "and compiled again");

    // A file added, then taken away.
    desk.write("more.toml", &service("parking", "Parking permits"));
    let (catalogue, _, used) = desk.load();
    assert!(!used);
    assert!(catalogue.find("parking").is_some());
    desk.load();
    fs::remove_file(desk.catalogue().join("more.toml")).unwrap();
    let (catalogue, _, used) = desk.load();
    assert!(!used);
    assert!(catalogue.find("parking").is_none(), "never the old content");

    // A file renamed, its text the same.
    fs::rename(
        desk.catalogue().join("services.toml"),
        desk.catalogue().join("services-renamed.toml"),
    )
    .unwrap();
    let (catalogue, _, used) = desk.load();
    assert!(!used, "a file's name is part of what it was made from");
    assert!(catalogue.find("bins").is_some());
}

#[test]
fn a_catalogue_with_an_error_is_refused_even_after_a_good_one_was_compiled() {
    let desk = Desk::new(&service("bins", "Missed bins"));
    desk.load();
    desk.write("broken.toml", "[[service]]\nid = \"bins\"\n");
    let refused = prepare(Some(&desk.catalogue()), Some(&desk.compiled()), today());
    assert!(
        refused.is_err(),
        "a duplicate id and missing fields are refused"
    );
}

#[test]
fn a_damaged_or_foreign_compiled_file_is_ignored_and_made_again() {
    let desk = Desk::new(&(service("bins", "Missed bins") + &service("tax", "Council tax")));
    desk.load();
    let file = desk.compiled_file();
    let good = fs::read(&file).unwrap();
    let mut damaged: Vec<(String, Vec<u8>)> = Vec::new();
    for cut in [0, 1, 7, 8, 30, 47, 48, 49, good.len() / 2, good.len() - 1] {
        damaged.push((format!("cut to {cut} bytes"), good[..cut].to_vec()));
    }
    for at in [0, 9, 30, 40, 60, good.len() / 2, good.len() - 1] {
        let mut flipped = good.clone();
        flipped[at] ^= 0x5a;
        damaged.push((format!("byte {at} changed"), flipped));
    }
    let mut longer = good.clone();
    longer.extend_from_slice(b"more");
    damaged.push(("bytes added".into(), longer));
    damaged.push((
        "garbage".into(),
        (0..5000u32).map(|i| (i * 7919 % 251) as u8).collect(),
    ));
    damaged.push(("text".into(), b"[council]\nname = \"x\"\n".to_vec()));

    // A compiled file made from another folder, put in this one's place.
    let other = Desk::new(&service("other", "Something else"));
    other.load();
    damaged.push((
        "another folder's".into(),
        fs::read(other.compiled_file()).unwrap(),
    ));

    for (what, bytes) in damaged {
        fs::write(&file, &bytes).unwrap();
        let (catalogue, index, used) = desk.load();
        assert!(!used, "{what}: not used");
        assert_eq!(catalogue.services.len(), 2, "{what}");
        assert_eq!(
            first_title(&catalogue, &index, "tax").as_deref(),
            Some("Council tax"),
            "{what}"
        );
        assert!(desk.load().2, "{what}: made again and used");
    }

    // Not a file at all.
    fs::remove_file(&file).unwrap();
    fs::create_dir(&file).unwrap();
    let prepared = desk.prepare();
    assert!(prepared.index.is_none());
    let index = Index::new(&prepared.catalogue);
    assert!(
        prepared
            .pending
            .unwrap()
            .store(&prepared.catalogue, &index)
            .is_err(),
        "a folder in its place is not replaced"
    );
}

#[test]
fn a_large_catalogue_compiles_to_the_same_entries_and_results() {
    let dir = TempDir::new().unwrap();
    let folder = dir.path().join("catalogue");
    sample::write_dir(3_000, &folder).unwrap();
    let compiled = dir.path().join("compiled");
    let load = || prepare(Some(&folder), Some(&compiled), today()).unwrap();
    let fresh = load();
    assert!(fresh.index.is_none());
    let fresh_index = Index::new(&fresh.catalogue);
    fresh
        .pending
        .unwrap()
        .store(&fresh.catalogue, &fresh_index)
        .unwrap();
    let warm = load();
    let index = warm.index.expect("compiled");
    let (a, b) = (&fresh.catalogue, &warm.catalogue);
    assert_eq!(a.len(), 3_000);
    assert_eq!(
        (&a.services, &a.partners, &a.faqs),
        (&b.services, &b.partners, &b.faqs)
    );
    assert_eq!(a.synonyms, b.synonyms, "the default thesaurus came with it");
    for query in [
        "missed bin",
        "council tax",
        "enviromental helth",
        "CTR",
        "xyzzy",
        "food",
    ] {
        assert_eq!(index.query(query), fresh_index.query(query), "{query}");
    }
    assert!(
        index
            .query("food")
            .iter()
            .all(|h| h.key.kind != Kind::Script)
    );
}

#[test]
fn the_command_line_search_keeps_and_uses_the_compiled_form() {
    let desk = Desk::new(&(service("bins", "Missed bins") + &service("tax", "Council tax")));
    let search = |query: &str| {
        let output = desk
            .cmd()
            .arg("--catalogue")
            .arg(desk.catalogue())
            .args(["search", query])
            .output()
            .unwrap();
        assert!(output.status.success(), "{output:?}");
        String::from_utf8(output.stdout).unwrap()
    };
    assert!(search("bins").contains("Missed bins"));
    let file = desk.compiled_file();
    let written = fs::metadata(&file).unwrap().modified().unwrap();
    assert!(search("tax").contains("Council tax"));
    assert_eq!(
        fs::metadata(&file).unwrap().modified().unwrap(),
        written,
        "used, not written again"
    );
    desk.write("services.toml", &service("bins", "Bulky waste"));
    let found = search("bulky");
    assert!(found.contains("Bulky waste"), "{found}");
    assert!(
        !search("tax").contains("Council tax"),
        "the old content is gone"
    );
}

/// A data folder that cannot be made: its parent is a file.
fn unwritable_data_folder(dir: &Path) -> PathBuf {
    let blocker = dir.join("not-a-folder");
    fs::write(&blocker, "a file").unwrap();
    blocker.join("data")
}

#[test]
fn search_works_when_the_data_folder_cannot_be_written() {
    let desk = Desk::new(&service("bins", "Missed bins"));
    let data = unwritable_data_folder(desk.dir.path());
    for catalogue in [None, Some(desk.catalogue())] {
        for _ in 0..2 {
            let mut cmd = desk.cmd();
            cmd.arg("--data-dir").arg(&data);
            if let Some(folder) = &catalogue {
                cmd.arg("--catalogue").arg(folder);
            }
            let query = if catalogue.is_some() {
                "bins"
            } else {
                "missed bin"
            };
            let output = cmd.args(["search", query]).output().unwrap();
            let stdout = String::from_utf8_lossy(&output.stdout);
            assert!(output.status.success(), "{catalogue:?}: {output:?}");
            assert!(
                stdout.contains("Missed bins") || stdout.contains("Report a missed bin"),
                "{catalogue:?}: {stdout}"
            );
        }
    }
    assert!(!data.exists());
}

#[test]
fn the_built_in_catalogue_is_read_from_the_program_and_nothing_is_written() {
    frontdesk::search::compiled::carry_built_in(include_bytes!(
        "../../assets/compiled/built-in.compiled"
    ));
    let dir = TempDir::new().unwrap();
    let compiled = dir.path().join("compiled");
    let prepared = prepare(None, Some(&compiled), today()).unwrap();
    assert!(prepared.index.is_some() && prepared.pending.is_none());
    assert!(!prepared.catalogue.is_empty());
    assert!(!compiled.exists());
}

/// Copies `from` (a catalogue folder, with its subfolders) into `to`.
fn copy_folder(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_folder(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Every field of every kind of entry the default catalogue uses (closed dates, consent,
/// accessibility, scripts ...) comes back from the compiled form as it was read from the TOML.
#[test]
fn the_default_catalogue_comes_back_whole_from_its_compiled_form() {
    let desk = Desk::new("");
    fs::remove_dir_all(desk.catalogue()).unwrap();
    copy_folder(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/catalogue"),
        &desk.catalogue(),
    );
    let (fresh, fresh_index, used) = desk.load();
    assert!(!used, "nothing compiled yet");
    let (compiled, index, used) = desk.load();
    assert!(used, "the same files: the compiled form is used");
    assert_eq!(compiled.council, fresh.council);
    assert_eq!(compiled.bodies, fresh.bodies);
    assert_eq!(compiled.services, fresh.services);
    assert_eq!(compiled.partners, fresh.partners);
    assert_eq!(compiled.faqs, fresh.faqs);
    assert_eq!(compiled.scripts, fresh.scripts);
    assert!(
        fresh.partners.iter().any(|p| !p.closed.is_empty())
            && fresh.partners.iter().any(|p| p.referral_needs_consent),
        "the default catalogue uses the partners' newer fields"
    );
    for query in ["missed bin", "evicted", "food bank", "council tax"] {
        assert_eq!(index.query(query), fresh_index.query(query), "{query}");
    }
}

#[test]
fn only_the_newest_few_compiled_forms_are_kept() {
    use frontdesk::search::compiled::KEEP;
    let root = TempDir::new().unwrap();
    let compiled = root.path().join("data/compiled");
    // A left-behind temporary file from a process that stopped while writing: removed once old.
    fs::create_dir_all(&compiled).unwrap();
    let stale = compiled.join(".catalogue-0000000000000000.compiled.1.tmp");
    fs::write(&stale, b"half").unwrap();
    let old = std::time::SystemTime::now() - Duration::from_secs(2 * 3600);
    fs::File::options()
        .write(true)
        .open(&stale)
        .unwrap()
        .set_modified(old)
        .unwrap();
    let mut made = Vec::new();
    for n in 0..KEEP + 2 {
        let folder = root.path().join(format!("catalogue{n}"));
        fs::create_dir(&folder).unwrap();
        fs::write(folder.join("council.toml"), COUNCIL).unwrap();
        fs::write(folder.join("services.toml"), service("bins", "Bins")).unwrap();
        let prepared = prepare(Some(&folder), Some(&compiled), today()).expect("it loads");
        let index = Index::new(&prepared.catalogue);
        let pending = prepared.pending.expect("compiled afresh");
        pending.store(&prepared.catalogue, &index).expect("written");
        made.push(pending.file().to_path_buf());
        // Distinct times, so "newest" is well defined.
        std::thread::sleep(Duration::from_millis(20));
    }
    let mut left: Vec<PathBuf> = fs::read_dir(&compiled)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    left.sort();
    let mut newest: Vec<PathBuf> = made[made.len() - KEEP..].to_vec();
    newest.sort();
    assert_eq!(left, newest, "only the newest {KEEP} are kept");
}
