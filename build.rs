//! Hashes what the built-in compiled catalogue is made from (the catalogue files in
//! assets/catalogue and the source of the content model and the index) while the program is
//! built, so a start compares one number instead of hashing every file again.

use std::path::{Path, PathBuf};

use xxhash_rust::xxh3::Xxh3;

/// The source the compiled form depends on besides the catalogue files: a change to any of
/// them makes an older compiled form unusable.
const MADE_WITH: &[&str] = &[
    "src/catalogue/model.rs",
    "src/catalogue/script.rs",
    "src/catalogue/welsh.rs",
    "src/catalogue/expand.rs",
    "src/catalogue/load.rs",
    "src/catalogue/places.rs",
    "src/catalogue/calendar.rs",
    "src/search/compiled.rs",
    "src/search/index.rs",
    "src/search/vocabulary.rs",
    "src/search/thesaurus.rs",
    "src/search/normalise.rs",
    "src/search/welsh.rs",
    "src/search/contact.rs",
];

/// Each part with its length first, so no two different lists of parts run together alike.
fn part(hash: &mut Xxh3, bytes: &[u8]) {
    hash.update(&(bytes.len() as u64).to_le_bytes());
    hash.update(bytes);
}

/// Every `*.toml` file under `dir`, by its path below `root`.
fn toml_files(root: &Path, dir: &Path, out: &mut Vec<(String, PathBuf)>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("assets/catalogue is readable")
        .map(|e| e.expect("a readable folder entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            toml_files(root, &path, out);
        } else if path.extension().is_some_and(|e| e == "toml") {
            let below = path.strip_prefix(root).expect("under the root");
            out.push((format!("assets/catalogue/{}", below.display()), path));
        }
    }
}

fn main() {
    let here = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=assets/catalogue");
    let mut hash = Xxh3::new();
    for source in MADE_WITH {
        println!("cargo:rerun-if-changed={source}");
        let text = std::fs::read(here.join(source)).expect("the source is readable");
        part(&mut hash, &text);
    }
    let root = here.join("assets/catalogue");
    let mut files = Vec::new();
    toml_files(&root, &root, &mut files);
    // In the order the program lists them: by name.
    files.sort_by(|a, b| a.0.cmp(&b.0));
    for (name, path) in files {
        println!("cargo:rerun-if-changed={}", path.display());
        let bytes = std::fs::read(&path).expect("the catalogue file is readable");
        part(&mut hash, name.as_bytes());
        part(&mut hash, &bytes);
    }
    println!(
        "cargo:rustc-env=FRONTDESK_BUILT_IN_SOURCES={:032x}",
        hash.digest128()
    );
}
