//! A large made-up catalogue for measuring speed: the same every time for the same size.
//!
//! Entries reuse the words of the default catalogue (so queries find realistic matches) and add
//! made-up place names ("Ashbrook", "Millford North"), so the vocabulary grows with the size as a
//! real regional directory's would. About 80% are services, 15% partners and 5% FAQs; 1 in 100 is
//! urgent. The default thesaurus comes with it.

use chrono::NaiveDate;

use super::{Catalogue, CatalogueFile, Faq, Origin, Partner, Service, ServiceKind, SynonymGroup};

/// A small, fast, deterministic random number generator (SplitMix64).
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number below `n` (n > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const SYLLABLES: &[&str] = &[
    "ash", "brook", "ford", "ham", "ton", "wick", "ley", "bury", "field", "stow", "mere", "dale",
    "thorp", "well", "worth", "combe", "hurst", "mill", "bridge", "wood", "cliff", "stead", "holm",
    "croft", "marsh", "green", "haven", "ridge",
];

const QUARTERS: &[&str] = &[
    "", " North", " South", " East", " West", " Central", " Park",
];

/// A made-up place name: "Ashbrook", "Millford North".
fn place(dice: &mut Dice) -> String {
    let parts = 2 + dice.below(2);
    let mut name = String::new();
    for _ in 0..parts {
        name.push_str(dice.pick::<&str>(SYLLABLES));
    }
    let mut chars = name.chars();
    let first = chars.next().map(|c| c.to_ascii_uppercase()).unwrap_or('A');
    format!("{first}{}{}", chars.as_str(), dice.pick::<&str>(QUARTERS))
}

/// The words and titles to build entries from: those of the default catalogue, or a short
/// list if it cannot be read.
struct Material {
    titles: Vec<String>,
    words: Vec<String>,
    keywords: Vec<String>,
    synonyms: Vec<SynonymGroup>,
}

fn material() -> Material {
    let fallback = || Material {
        titles: [
            "Report a missed bin",
            "Pay your council tax",
            "Food bank",
            "Housing advice",
        ]
        .map(String::from)
        .to_vec(),
        words: "the council can help you with rubbish bins rent housing money advice food support"
            .split(' ')
            .map(String::from)
            .collect(),
        keywords: ["bins", "rent", "debt", "food"].map(String::from).to_vec(),
        synonyms: Vec::new(),
    };
    let Ok(base) = Catalogue::embedded() else {
        return fallback();
    };
    let mut titles = Vec::new();
    let mut words = Vec::new();
    let mut keywords = Vec::new();
    for (_, entry) in base.entries() {
        titles.push(entry.title().to_string());
        words.extend(entry.summary().split_whitespace().map(String::from));
        keywords.extend(entry.keywords().iter().cloned());
    }
    if titles.is_empty() || words.is_empty() || keywords.is_empty() {
        return fallback();
    }
    Material {
        titles,
        words,
        keywords,
        synonyms: base.synonyms,
    }
}

/// A catalogue of `n` entries, the same for the same `n`.
pub fn generate(n: usize) -> Catalogue {
    let material = material();
    let mut dice = Dice(0x5EED_F00D);
    let review_by = NaiveDate::from_ymd_opt(2030, 1, 1).unwrap_or_default();
    let mut file = CatalogueFile {
        synonyms: material.synonyms.clone(),
        ..CatalogueFile::default()
    };
    for i in 0..n {
        let town = place(&mut dice);
        let title = format!("{} in {town}", dice.pick(&material.titles));
        let length = 12 + dice.below(14);
        let mut summary: Vec<&str> = (0..length)
            .map(|_| dice.pick(&material.words).as_str())
            .collect();
        summary.push("in");
        summary.push(&town);
        let summary = summary.join(" ");
        let keywords: Vec<String> = (0..3)
            .map(|_| dice.pick(&material.keywords).clone())
            .collect();
        let urgent = dice.below(100) == 0;
        match dice.below(20) {
            0 => file.faq.push(Faq {
                id: format!("faq-{i}"),
                question: format!("{title}?"),
                answer: summary,
                keywords,
                related: Vec::new(),
                review_by,
                cy: None,
            }),
            1..=3 => file.partner.push(Partner {
                id: format!("partner-{i}"),
                name: title,
                summary,
                keywords,
                category: None,
                phone: None,
                email: None,
                website: None,
                address: Some(town),
                hours: Vec::new(),
                hours_note: None,
                closed: Vec::new(),
                access: Vec::new(),
                eligibility: None,
                languages: Vec::new(),
                accessibility: None,
                referral_needs_consent: false,
                urgent,
                national: false,
                review_by,
                sources: Vec::new(),
                checked: None,
                cy: None,
            }),
            _ => file.service.push(Service {
                id: format!("service-{i}"),
                title,
                summary,
                keywords,
                category: None,
                provider: "council".to_string(),
                lgsl: Vec::new(),
                say: String::new(),
                bring: Vec::new(),
                eligibility: None,
                online: None,
                phone: None,
                urgent,
                related: Vec::new(),
                signpost: Vec::new(),
                kind: ServiceKind::Service,
                review_by,
                sources: Vec::new(),
                checked: None,
                cy: None,
            }),
        }
    }
    Catalogue::from_parts(Origin::Embedded, vec![file])
}

/// How many entries each file of a written sample holds.
const ENTRIES_PER_FILE: usize = 1_000;

/// Writes the catalogue of `n` entries ([`generate`]) into `dir` as TOML files, as a folder
/// catalogue (`--catalogue DIR`) would hold it: the thesaurus, then services, partners and FAQs
/// a thousand to a file. For measuring a large directory as the desk reads it.
pub fn write_dir(n: usize, dir: &std::path::Path) -> std::io::Result<()> {
    let catalogue = generate(n);
    std::fs::create_dir_all(dir)?;
    let write = |name: String, file: &CatalogueFile| -> std::io::Result<()> {
        let text = toml::to_string(file).map_err(std::io::Error::other)?;
        std::fs::write(dir.join(name), text)
    };
    write(
        "synonyms.toml".to_string(),
        &CatalogueFile {
            synonyms: catalogue.synonyms.clone(),
            ..CatalogueFile::default()
        },
    )?;
    for (i, chunk) in catalogue.services.chunks(ENTRIES_PER_FILE).enumerate() {
        let file = CatalogueFile {
            service: chunk.to_vec(),
            ..CatalogueFile::default()
        };
        write(format!("services-{i:03}.toml"), &file)?;
    }
    for (i, chunk) in catalogue.partners.chunks(ENTRIES_PER_FILE).enumerate() {
        let file = CatalogueFile {
            partner: chunk.to_vec(),
            ..CatalogueFile::default()
        };
        write(format!("partners-{i:03}.toml"), &file)?;
    }
    for (i, chunk) in catalogue.faqs.chunks(ENTRIES_PER_FILE).enumerate() {
        let file = CatalogueFile {
            faq: chunk.to_vec(),
            ..CatalogueFile::default()
        };
        write(format!("faqs-{i:03}.toml"), &file)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_size_gives_the_same_catalogue() {
        let a = generate(300);
        let b = generate(300);
        assert_eq!(a.len(), 300);
        assert_eq!(a.services, b.services);
        assert_eq!(a.partners, b.partners);
        assert!(!a.services.is_empty() && !a.partners.is_empty() && !a.faqs.is_empty());
        assert!(
            a.find("service-0").is_some()
                || a.find("partner-0").is_some()
                || a.find("faq-0").is_some()
        );
    }
}
