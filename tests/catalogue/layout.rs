//! The house's floors, read from the source: the desk and its sentences compile without a
//! terminal in scope, and rooms import only rooms below them.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// A file's code, without its comments and doc comments.
fn code_of(path: &Path) -> String {
    let text = fs::read_to_string(path).unwrap();
    let code: Vec<&str> = text
        .lines()
        .map(|line| line.split("//").next().unwrap_or(""))
        .collect();
    code.join("\n")
}

/// Every `.rs` file under `dir`, with its code (comments and doc comments removed).
fn code_files(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut files = Vec::new();
    let mut dirs = vec![dir.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let code = code_of(&path);
                files.push((path, code));
            }
        }
    }
    files.sort();
    files
}

/// The rooms of `crate::` a piece of code names: `crate::tui::x` gives "tui".
fn crate_rooms(code: &str) -> BTreeSet<String> {
    let mut rooms = BTreeSet::new();
    for (at, _) in code.match_indices("crate::") {
        let room: String = code[at + "crate::".len()..]
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        rooms.insert(room);
    }
    rooms
}

#[test]
fn the_desk_and_its_sentences_never_name_a_terminal_library() {
    for room in ["desk", "text"] {
        let files = code_files(&src().join(room));
        assert!(!files.is_empty(), "src/{room} has files");
        for (path, code) in files {
            for library in ["crossterm", "ratatui"] {
                assert!(
                    !code.contains(library),
                    "{} uses {library}: the desk must work without a terminal",
                    path.display()
                );
            }
        }
    }
}

#[test]
fn lower_rooms_never_import_the_rooms_above_them() {
    // Each room, and the rooms it must not import (they sit above it).
    let above: [(&str, &[&str]); 20] = [
        // The command layer is on top: nothing below it imports it or the clap definitions.
        // A face never imports the other face, nor the central server (the runtime's workers
        // reach it).
        ("tui", &["commands", "cli", "accessible", "central"]),
        ("accessible", &["commands", "cli", "tui", "central"]),
        // The runtime is shared by both faces and knows neither.
        ("runtime", &["commands", "cli", "tui", "accessible"]),
        // Settings are a leaf: they load no catalogue and know no face, desk or worker.
        (
            "config.rs",
            &[
                "commands",
                "cli",
                "tui",
                "accessible",
                "desk",
                "runtime",
                "search",
                "store",
                "central",
            ],
        ),
        (
            "config",
            &[
                "commands",
                "cli",
                "tui",
                "accessible",
                "desk",
                "runtime",
                "search",
                "store",
                "central",
            ],
        ),
        // The plain values figures are made of import nothing of the crate.
        (
            "tally.rs",
            &[
                "commands",
                "cli",
                "tui",
                "accessible",
                "desk",
                "runtime",
                "config",
                "store",
                "central",
                "report",
                "visit",
                "catalogue",
                "text",
            ],
        ),
        (
            "store",
            &["commands", "cli", "tui", "desk", "text", "central"],
        ),
        // The central server sits on the store: the desk and the screens reach it through
        // workers, never directly.
        ("central", &["commands", "cli", "tui", "desk", "text"]),
        (
            "search",
            &["commands", "cli", "tui", "desk", "text", "store"],
        ),
        (
            "catalogue",
            &["commands", "cli", "tui", "desk", "text", "store", "visit"],
        ),
        (
            "privacy",
            &[
                "commands",
                "cli",
                "tui",
                "desk",
                "text",
                "store",
                "visit",
                "catalogue",
            ],
        ),
        ("printable.rs", &["commands", "cli", "tui", "desk", "store"]),
        ("user_file.rs", &["commands", "cli", "tui", "desk", "store"]),
        // The desk's state takes plain values: no storage, settings, server or worker types.
        (
            "desk",
            &[
                "tui",
                "accessible",
                "commands",
                "cli",
                "store",
                "config",
                "central",
                "runtime",
            ],
        ),
        // A slip is built from the catalogue and a date; the desk and the commands use it.
        (
            "slip",
            &["tui", "accessible", "commands", "cli", "desk", "store"],
        ),
        // Report figures and their renderings sit above the store and below the faces.
        ("report", &["desk", "tui", "accessible", "commands", "cli"]),
        // Made-up visits know the catalogue and the visit, nothing that saves or shows them.
        (
            "demo.rs",
            &["desk", "tui", "commands", "cli", "store", "report", "text"],
        ),
        ("text", &["desk", "tui", "accessible", "commands", "cli"]),
        // The central server's errors in words: above the server and the sentences, below
        // whatever shows them.
        (
            "central_said.rs",
            &["commands", "cli", "tui", "accessible", "desk", "runtime"],
        ),
        (
            "visit",
            &["desk", "text", "tui", "commands", "cli", "store"],
        ),
    ];
    for (room, forbidden) in above {
        let path = src().join(room);
        let files = if path.is_dir() {
            code_files(&path)
        } else {
            vec![(path.clone(), code_of(&path))]
        };
        for (file, code) in files {
            let imported = crate_rooms(&code);
            for upper in forbidden {
                assert!(
                    !imported.contains(*upper),
                    "{} imports crate::{upper}, a room above it",
                    file.display()
                );
            }
        }
    }
}

#[test]
fn the_accessible_face_names_no_terminal_library() {
    let files = code_files(&src().join("accessible"));
    assert!(!files.is_empty(), "src/accessible has files");
    for (path, code) in files {
        for library in ["crossterm", "ratatui"] {
            assert!(
                !code.contains(library),
                "{} uses {library}: the accessible face prints plain lines",
                path.display()
            );
        }
    }
}

#[test]
fn the_runtime_knows_no_terminal_library() {
    let files = code_files(&src().join("runtime"));
    assert!(!files.is_empty(), "src/runtime has files");
    for (path, code) in files {
        for library in ["crossterm", "ratatui"] {
            assert!(
                !code.contains(library),
                "{} uses {library}: the runtime serves every face",
                path.display()
            );
        }
    }
}

#[test]
fn settings_load_no_catalogue() {
    let mut files = code_files(&src().join("config"));
    let single = src().join("config.rs");
    files.push((single.clone(), code_of(&single)));
    for (path, code) in files {
        for loading in [
            "Catalogue::",
            "CatalogueRefused",
            "catalogue::fetched",
            "compiled::",
            "Prepared",
            "load_catalogue",
            "prepare_catalogue",
        ] {
            assert!(
                !code.contains(loading),
                "{} names {loading}: loading and compiling the catalogue belong to the runtime",
                path.display()
            );
        }
    }
}

/// The sibling modules each file of `dir` imports: `use super::x`, `crate::<room>::x`.
fn sibling_imports(room: &str) -> BTreeMap<String, BTreeSet<String>> {
    let dir = src().join(room);
    let mut graph = BTreeMap::new();
    for entry in fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = match path.file_stem().and_then(|s| s.to_str()) {
            Some(name) if path.extension().is_some_and(|e| e == "rs") => name.to_string(),
            Some(name) if path.is_dir() => name.to_string(),
            _ => continue,
        };
        if name == "mod" {
            continue;
        }
        let files = if path.is_dir() {
            code_files(&path)
        } else {
            vec![(path.clone(), code_of(&path))]
        };
        let mut names = BTreeSet::new();
        for (_, code) in files {
            for prefix in ["super::", &format!("crate::{room}::")] {
                for (at, _) in code.match_indices(prefix) {
                    let sibling: String = code[at + prefix.len()..]
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect();
                    if sibling != name {
                        names.insert(sibling);
                    }
                }
            }
        }
        graph.insert(name, names);
    }
    graph
}

/// A chain of imports that comes back to where it started, if there is one.
fn find_loop(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        graph: &BTreeMap<String, BTreeSet<String>>,
        node: &str,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(start) = path.iter().position(|n| n == node) {
            let mut chain = path[start..].to_vec();
            chain.push(node.to_string());
            return Some(chain);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            if graph.contains_key(next)
                && let Some(chain) = visit(graph, next, path, done)
            {
                return Some(chain);
            }
        }
        path.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|node| visit(graph, node, &mut Vec::new(), &mut done))
}

#[test]
fn the_files_of_the_desk_and_the_terminal_face_import_each_other_without_loops() {
    for room in ["desk", "tui", "text", "accessible", "runtime"] {
        let graph = sibling_imports(room);
        assert!(
            find_loop(&graph).is_none(),
            "src/{room} has an import loop: {}",
            find_loop(&graph).unwrap_or_default().join(" -> ")
        );
    }
}

#[test]
fn the_loop_finder_finds_a_loop() {
    let mut graph = BTreeMap::new();
    graph.insert(
        "event_loop".to_string(),
        BTreeSet::from(["workers".to_string()]),
    );
    graph.insert(
        "workers".to_string(),
        BTreeSet::from(["event_loop".to_string()]),
    );
    assert_eq!(
        find_loop(&graph),
        Some(vec![
            "event_loop".to_string(),
            "workers".to_string(),
            "event_loop".to_string()
        ])
    );
}
