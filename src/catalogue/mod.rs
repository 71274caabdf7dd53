//! The catalogue: services, partners, FAQs and the thesaurus, loaded from TOML.

mod calendar;
pub mod check;
mod contacts;
pub mod expand;
pub mod fetched;
pub mod hours;
pub mod import_files;
pub mod import_lgsl;
pub mod import_oruk;
mod links;
mod load;
pub mod model;
pub mod places;
mod problem;
pub mod readability;
pub mod sample;
pub mod samples;
pub mod script;
pub mod welsh;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

pub use links::{Link, Relation};
pub use load::{
    LoadError, MAX_FILE_BYTES, MAX_TOTAL_BYTES, SourceFile, embedded_files, parse_file, scan_dir,
};
pub use model::*;
pub use problem::{Problem, Severity, line_column as problem_line_column, quoted};
pub use script::{
    Block, Script, ScriptEnd, ScriptNode, ScriptOption, ScriptService, Urgent, UrgentCall,
};

/// Where a catalogue came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// The default catalogue built into the binary.
    Embedded,
    /// A directory given with `--catalogue` or the config file.
    Dir(PathBuf),
}

/// How many of a refused catalogue's errors are listed; `check` lists them all.
const REFUSED_LISTED: usize = 5;

/// Why a catalogue is not used at the desk: its folder cannot be read, or `check` finds errors
/// in it (duplicate, empty or dangling ids, unreadable files, ...). Warnings do not refuse one.
#[derive(Debug, thiserror::Error)]
pub enum CatalogueRefused {
    #[error("{0}")]
    Unreadable(LoadError),
    #[error("{}", refused_message(.origin, .first, *.errors))]
    Errors {
        origin: Origin,
        /// The first errors, in file, line and column order.
        first: Vec<Problem>,
        /// How many errors in all.
        errors: usize,
    },
}

fn refused_message(origin: &Origin, first: &[Problem], errors: usize) -> String {
    let (which, check) = match origin {
        Origin::Embedded => (
            "the built-in catalogue".to_string(),
            "frontdesk check".to_string(),
        ),
        Origin::Dir(dir) => {
            let dir = crate::printable::printable(&dir.display().to_string()).into_owned();
            (
                format!("the catalogue in {dir}"),
                format!("frontdesk check --catalogue {dir}"),
            )
        }
    };
    let errors_word = if errors == 1 { "error" } else { "errors" };
    let mut message =
        format!("{which} has {errors} {errors_word}, so it is not used; fix them and start again:");
    for problem in first {
        message.push_str("\n  ");
        message.push_str(&crate::printable::printable(&problem.to_string()));
    }
    message.push_str(&if errors > first.len() {
        format!(
            "\n  ... and {} more: run `{check}` for all {errors}",
            errors - first.len()
        )
    } else {
        format!("\n  Run `{check}` after each change.")
    });
    message
}

/// A catalogue folder's files as read ([`Catalogue::read_folder`]), before they are checked.
#[derive(Debug)]
pub struct FolderFiles {
    pub dir: PathBuf,
    /// Every `*.toml` file, sorted by path.
    pub files: Vec<SourceFile>,
    /// Files that could not be read (too large, not UTF-8, ...): the catalogue is refused.
    pub unreadable: Vec<Problem>,
}

/// Points at one entry of a catalogue: cheap to copy, used by search hits and links.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct EntryKey {
    pub kind: Kind,
    pub index: usize,
}

/// A borrowed view of any entry, for code that lists or searches all kinds alike.
#[derive(Debug, Clone, Copy)]
pub enum Entry<'a> {
    Service(&'a Service),
    Partner(&'a Partner),
    Faq(&'a Faq),
    /// A guided script, as the search finds it ([`Catalogue::searchable`]). Scripts have their
    /// own namespace of ids, so [`Catalogue::entries`] and [`Catalogue::find`] leave them out.
    Script(&'a Script),
}

impl<'a> Entry<'a> {
    pub fn kind(&self) -> Kind {
        match self {
            Entry::Service(_) => Kind::Service,
            Entry::Partner(_) => Kind::Partner,
            Entry::Faq(_) => Kind::Faq,
            Entry::Script(_) => Kind::Script,
        }
    }
    pub fn id(&self) -> &'a str {
        match self {
            Entry::Service(s) => &s.id,
            Entry::Partner(p) => &p.id,
            Entry::Faq(f) => &f.id,
            Entry::Script(s) => &s.id,
        }
    }
    /// The title of a service, the name of a partner, the question of an FAQ.
    pub fn title(&self) -> &'a str {
        match self {
            Entry::Service(s) => &s.title,
            Entry::Partner(p) => &p.name,
            Entry::Faq(f) => &f.question,
            Entry::Script(s) => &s.title,
        }
    }
    /// The summary of a service, partner or script, the answer of an FAQ.
    pub fn summary(&self) -> &'a str {
        match self {
            Entry::Service(s) => &s.summary,
            Entry::Partner(p) => &p.summary,
            Entry::Faq(f) => &f.answer,
            Entry::Script(s) => &s.summary,
        }
    }
    pub fn keywords(&self) -> &'a [String] {
        match self {
            Entry::Service(s) => &s.keywords,
            Entry::Partner(p) => &p.keywords,
            Entry::Faq(f) => &f.keywords,
            Entry::Script(s) => &s.keywords,
        }
    }
    /// True for a "not in the catalogue" topic: search ranks it below real entries.
    pub fn is_topic(&self) -> bool {
        matches!(self, Entry::Service(s) if s.is_topic())
    }
    pub fn urgent(&self) -> bool {
        match self {
            Entry::Service(s) => s.urgent,
            Entry::Partner(p) => p.urgent,
            // A script's urgent nodes are shown when the walk reaches them.
            Entry::Faq(_) | Entry::Script(_) => false,
        }
    }
    pub fn review_by(&self) -> chrono::NaiveDate {
        match self {
            Entry::Service(s) => s.review_by,
            Entry::Partner(p) => p.review_by,
            Entry::Faq(f) => f.review_by,
            Entry::Script(s) => s.review_by,
        }
    }
}

/// Who provides a service, resolved for display: "Not us: Example County Council, 01632 960100".
#[derive(Debug, Clone, PartialEq)]
pub struct ProviderInfo<'a> {
    pub tier: Tier,
    pub name: &'a str,
    pub phone: Option<&'a str>,
    pub website: Option<&'a str>,
}

impl ProviderInfo<'_> {
    /// True when this council provides the service itself.
    pub fn is_us(&self) -> bool {
        self.tier == Tier::Council
    }
}

/// A whole catalogue, merged from its files and ready to search.
#[derive(Debug, Clone)]
pub struct Catalogue {
    pub origin: Origin,
    pub council: Council,
    pub bodies: Vec<Body>,
    pub services: Vec<Service>,
    pub partners: Vec<Partner>,
    pub faqs: Vec<Faq>,
    pub synonyms: Vec<SynonymGroup>,
    /// Guided scripts, in their own namespace of ids.
    pub scripts: Vec<Script>,
    /// Where and when appointments happen ([`places`]).
    pub appointments: places::Appointments,
    ids: HashMap<String, EntryKey>,
}

impl Catalogue {
    /// The default catalogue built into the binary.
    pub fn embedded() -> Result<Catalogue, LoadError> {
        load::load_files(load::embedded_files(), Origin::Embedded)
    }

    /// A catalogue directory: every `*.toml` file in it (and in its subdirectories). A directory
    /// with no synonyms of its own gets the default thesaurus.
    pub fn from_dir(dir: &Path) -> Result<Catalogue, LoadError> {
        let files = load::read_dir(dir)?;
        load::load_files(files, Origin::Dir(dir.to_path_buf()))
    }

    /// `--catalogue DIR` if given, otherwise the embedded default.
    pub fn load(dir: Option<&Path>) -> Result<Catalogue, LoadError> {
        match dir {
            Some(dir) => Catalogue::from_dir(dir),
            None => Catalogue::embedded(),
        }
    }

    /// The catalogue a desk works from (`dir`, or the built-in one), refused when `check` finds
    /// any error in it, with the first few listed. `today` decides which `review_by` dates have
    /// passed (those are only warnings).
    pub fn load_for_desk(
        dir: Option<&Path>,
        today: chrono::NaiveDate,
    ) -> Result<Catalogue, CatalogueRefused> {
        let Some(dir) = dir else {
            // The built-in catalogue cannot change after the build, and the test suite checks
            // it (`the_built_in_catalogue_has_no_problems`): checking it again at every start
            // would only cost the screen its first frame.
            return Catalogue::embedded().map_err(CatalogueRefused::Unreadable);
        };
        Catalogue::from_folder(Catalogue::read_folder(dir)?, today)
    }

    /// Reads every `*.toml` file of a catalogue folder, without checking or parsing them yet.
    pub fn read_folder(dir: &Path) -> Result<FolderFiles, CatalogueRefused> {
        let (files, unreadable) =
            load::read_dir_lenient(dir).map_err(CatalogueRefused::Unreadable)?;
        Ok(FolderFiles {
            dir: dir.to_path_buf(),
            files,
            unreadable,
        })
    }

    /// The catalogue of a folder's files, as [`load_for_desk`](Self::load_for_desk) gives it:
    /// refused when `check` finds any error in them.
    pub fn from_folder(
        folder: FolderFiles,
        today: chrono::NaiveDate,
    ) -> Result<Catalogue, CatalogueRefused> {
        let FolderFiles {
            dir,
            files,
            unreadable: mut errors,
        } = folder;
        let origin = Origin::Dir(dir);
        let report = check::CheckReport::before_loading(&files, today);
        errors.extend(
            report
                .problems
                .into_iter()
                .filter(|p| p.severity == Severity::Error),
        );
        if errors.is_empty() {
            // `check` passing means every file parses; a disagreement is still refused.
            return load::load_files(files, origin).map_err(CatalogueRefused::Unreadable);
        }
        errors.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
        let count = errors.len();
        errors.truncate(REFUSED_LISTED);
        Err(CatalogueRefused::Errors {
            origin,
            first: errors,
            errors: count,
        })
    }

    /// Builds a catalogue from parsed parts (used by loading, imports and tests).
    pub fn from_parts(origin: Origin, files: Vec<CatalogueFile>) -> Catalogue {
        let mut catalogue = Catalogue {
            origin,
            council: Council::default(),
            bodies: Vec::new(),
            services: Vec::new(),
            partners: Vec::new(),
            faqs: Vec::new(),
            synonyms: Vec::new(),
            scripts: Vec::new(),
            appointments: places::Appointments::default(),
            ids: HashMap::new(),
        };
        for file in files {
            if let Some(council) = file.council {
                catalogue.council = council;
            }
            join(&mut catalogue.bodies, file.body);
            join(&mut catalogue.services, file.service);
            join(&mut catalogue.partners, file.partner);
            join(&mut catalogue.faqs, file.faq);
            join(&mut catalogue.synonyms, file.synonyms);
            join(&mut catalogue.scripts, file.script);
            catalogue.appointments.places.extend(file.place);
            catalogue.appointments.offers.extend(file.appointments);
            if let Some(holidays) = file.bank_holidays {
                catalogue
                    .appointments
                    .bank_holidays
                    .extend(holidays.dates.iter().map(|d| d.0));
            }
        }
        catalogue.appointments.bank_holidays.sort_unstable();
        catalogue.appointments.bank_holidays.dedup();
        catalogue.reindex();
        catalogue
    }

    fn reindex(&mut self) {
        let mut ids = HashMap::new();
        for (key, entry) in self.entries() {
            ids.entry(entry.id().to_string()).or_insert(key);
        }
        self.ids = ids;
    }

    /// Every entry: services, then partners, then FAQs.
    pub fn entries(&self) -> impl Iterator<Item = (EntryKey, Entry<'_>)> + '_ {
        let services = self.services.iter().enumerate().map(|(index, s)| {
            (
                EntryKey {
                    kind: Kind::Service,
                    index,
                },
                Entry::Service(s),
            )
        });
        let partners = self.partners.iter().enumerate().map(|(index, p)| {
            (
                EntryKey {
                    kind: Kind::Partner,
                    index,
                },
                Entry::Partner(p),
            )
        });
        let faqs = self.faqs.iter().enumerate().map(|(index, f)| {
            (
                EntryKey {
                    kind: Kind::Faq,
                    index,
                },
                Entry::Faq(f),
            )
        });
        services.chain(partners).chain(faqs)
    }

    pub fn len(&self) -> usize {
        self.services.len() + self.partners.len() + self.faqs.len()
    }

    /// What the search finds: every entry, then the guided scripts.
    pub fn searchable(&self) -> impl Iterator<Item = (EntryKey, Entry<'_>)> + '_ {
        let scripts = self.scripts.iter().enumerate().map(|(index, s)| {
            (
                EntryKey {
                    kind: Kind::Script,
                    index,
                },
                Entry::Script(s),
            )
        });
        self.entries().chain(scripts)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn entry(&self, key: EntryKey) -> Option<Entry<'_>> {
        match key.kind {
            Kind::Service => self.services.get(key.index).map(Entry::Service),
            Kind::Partner => self.partners.get(key.index).map(Entry::Partner),
            Kind::Faq => self.faqs.get(key.index).map(Entry::Faq),
            Kind::Script => self.scripts.get(key.index).map(Entry::Script),
        }
    }

    /// Finds an entry by its id.
    pub fn find(&self, id: &str) -> Option<EntryKey> {
        self.ids.get(id).copied()
    }

    pub fn service(&self, id: &str) -> Option<&Service> {
        match self.find(id)? {
            EntryKey {
                kind: Kind::Service,
                index,
            } => self.services.get(index),
            _ => None,
        }
    }

    /// A service's title, or the id itself when the catalogue has no such service (an old
    /// visit may name one that has since been removed).
    pub fn service_title<'a>(&'a self, id: &'a str) -> &'a str {
        self.service(id).map_or(id, |s| s.title.as_str())
    }

    pub fn partner(&self, id: &str) -> Option<&Partner> {
        match self.find(id)? {
            EntryKey {
                kind: Kind::Partner,
                index,
            } => self.partners.get(index),
            _ => None,
        }
    }

    /// The guided script with this id.
    pub fn script(&self, id: &str) -> Option<&Script> {
        self.scripts.iter().find(|s| s.id == id)
    }

    pub fn body(&self, id: &str) -> Option<&Body> {
        self.bodies.iter().find(|b| b.id == id)
    }

    /// Who provides a service: this council, another body, or a partner.
    pub fn provider_of<'a>(&'a self, service: &'a Service) -> ProviderInfo<'a> {
        let us = ProviderInfo {
            tier: Tier::Council,
            name: &self.council.name,
            phone: self.council.phone.as_deref(),
            website: self.council.website.as_deref(),
        };
        if service.provider == "council" {
            return us;
        }
        if let Some(body) = self.body(&service.provider) {
            return ProviderInfo {
                tier: body.tier,
                name: &body.name,
                phone: body.phone.as_deref(),
                website: body.website.as_deref(),
            };
        }
        if let Some(partner) = self.partner(&service.provider) {
            return ProviderInfo {
                tier: Tier::Partner,
                name: &partner.name,
                phone: partner.phone.as_deref(),
                website: partner.website.as_deref(),
            };
        }
        // `check` reports unknown providers; at the desk, fall back to "us" rather than hide it.
        us
    }

    /// The content version recorded with every visit: the council's `version` label, or
    /// "unversioned" when the catalogue has none.
    pub fn version(&self) -> &str {
        if self.council.version.is_empty() {
            "unversioned"
        } else {
            &self.council.version
        }
    }
}

/// Adds `more` to the end of `list`; the first list is taken as it is, not copied (a compiled
/// catalogue comes as one file whose list of 40,000 services would otherwise be there twice).
fn join<T>(list: &mut Vec<T>, more: Vec<T>) {
    if list.is_empty() {
        *list = more;
    } else {
        list.extend(more);
    }
}
