//! One catalogue for all desks: `catalogue publish` stores a version's files on the server;
//! each sync fetches the newest when the desk does not have it yet.

use std::collections::BTreeMap;

use super::{Central, CentralError};

/// A catalogue version as published: its files by relative path (`services/housing.toml`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublishedCatalogue {
    pub version: String,
    pub files: BTreeMap<String, String>,
}

/// What publishing did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Published {
    /// Stored as the newest version.
    Stored,
    /// The same version with the same files was already there.
    AlreadyThere,
}

/// Stores `catalogue` as the newest version. A version already published with other files is
/// refused: a changed catalogue needs a new version, or desks could not tell them apart.
pub fn publish(
    central: &mut Central,
    catalogue: &PublishedCatalogue,
) -> Result<Published, CentralError> {
    let files = serde_json::to_value(&catalogue.files)
        .map_err(|e| CentralError::Other(format!("cannot send the catalogue: {e}")))?;
    let version = catalogue.version.clone();
    let existing = central.run(|client| {
        let files = files.clone();
        let version = version.clone();
        async move {
            let tx = client.transaction().await?;
            let existing = tx
                .query_opt(
                    "SELECT files FROM frontdesk.catalogues WHERE version = $1",
                    &[&version],
                )
                .await?
                .map(|row| row.get::<_, serde_json::Value>(0));
            if existing.is_none() {
                tx.execute(
                    "INSERT INTO frontdesk.catalogues (version, files) VALUES ($1, $2)",
                    &[&version, &files],
                )
                .await?;
            }
            tx.commit().await?;
            Ok(existing)
        }
    })?;
    match existing {
        None => Ok(Published::Stored),
        Some(same) if same == files => Ok(Published::AlreadyThere),
        Some(_) => Err(CentralError::Other(format!(
            "catalogue version \"{}\" is already published with other content; raise version in the council file and publish again",
            crate::printable::printable(&catalogue.version)
        ))),
    }
}

/// The newest published version's name, if any.
pub fn newest_version(central: &mut Central) -> Result<Option<String>, CentralError> {
    central.run(|client| async move {
        let row = client
            .query_opt(
                "SELECT version FROM frontdesk.catalogues ORDER BY seq DESC LIMIT 1",
                &[],
            )
            .await?;
        Ok(row.map(|r| r.get(0)))
    })
}

/// The newest published catalogue, if any.
pub fn newest(central: &mut Central) -> Result<Option<PublishedCatalogue>, CentralError> {
    let row = central.run(|client| async move {
        let row = client
            .query_opt(
                "SELECT version, files FROM frontdesk.catalogues ORDER BY seq DESC LIMIT 1",
                &[],
            )
            .await?;
        Ok(row.map(|r| (r.get::<_, String>(0), r.get::<_, serde_json::Value>(1))))
    })?;
    let Some((version, files)) = row else {
        return Ok(None);
    };
    let files: BTreeMap<String, String> = serde_json::from_value(files).map_err(|_| {
        CentralError::Other(format!(
            "the catalogue version \"{}\" on the server is not a set of files; publish it again with `frontdesk catalogue publish`",
            crate::printable::printable(&version)
        ))
    })?;
    Ok(Some(PublishedCatalogue { version, files }))
}
