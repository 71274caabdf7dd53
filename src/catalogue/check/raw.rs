//! One entry's table as written, with where each of its values is: what lets every problem
//! point at the value that is wrong. Reading the file ([`super::document`]) makes these; the
//! checks of values ([`super::fields`]) use them.

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::Site;

/// One entry's table as written, with the file it is in: used to find where each value is.
#[derive(Clone, Copy)]
pub(super) struct Raw<'t, 'i> {
    pub file: usize,
    pub table: &'t DeTable<'i>,
    pub span: (usize, usize),
}

impl<'t, 'i> Raw<'t, 'i> {
    pub fn new(file: usize, table: &'t DeTable<'i>, span: Range<usize>) -> Raw<'t, 'i> {
        Raw {
            file,
            table,
            span: (span.start, span.end),
        }
    }

    /// The whole entry (its `[[service]]` header, or its inline table).
    pub fn site(&self) -> Site {
        Site {
            file: self.file,
            span: self.span.0..self.span.1,
        }
    }

    pub fn value(&self, key: &str) -> Option<&'t Spanned<DeValue<'i>>> {
        self.table
            .iter()
            .find(|(k, _)| k.get_ref().as_ref() == key)
            .map(|(_, v)| v)
    }

    /// Where the value of `key` is, or the entry itself when the key is absent.
    pub fn field(&self, key: &str) -> Site {
        match self.value(key) {
            Some(value) => Site {
                file: self.file,
                span: value.span(),
            },
            None => self.site(),
        }
    }

    /// Where each element of the array `key` is.
    pub fn items(&self, key: &str) -> Vec<Site> {
        match self.value(key).map(|v| v.get_ref()) {
            Some(DeValue::Array(items)) => items
                .iter()
                .map(|item| Site {
                    file: self.file,
                    span: item.span(),
                })
                .collect(),
            _ => Vec::new(),
        }
    }

    /// The inline table `key`, e.g. `online = { url = ... }`.
    pub fn table(&self, key: &str) -> Option<Raw<'t, 'i>> {
        let value = self.value(key)?;
        match value.get_ref() {
            DeValue::Table(table) => Some(Raw::new(self.file, table, value.span())),
            _ => None,
        }
    }

    /// Each table of the array `key`, e.g. `hours = [{ days = ... }, ...]`.
    pub fn tables(&self, key: &str) -> Vec<Raw<'t, 'i>> {
        match self.value(key).map(|v| v.get_ref()) {
            Some(DeValue::Array(items)) => items
                .iter()
                .filter_map(|item| match item.get_ref() {
                    DeValue::Table(table) => Some(Raw::new(self.file, table, item.span())),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        }
    }

    /// The entry's `id` and where it is, when it is a string.
    pub fn id(&self) -> Option<(&'t str, Site)> {
        let value = self.value("id")?;
        value.get_ref().as_str().map(|id| {
            (
                id,
                Site {
                    file: self.file,
                    span: value.span(),
                },
            )
        })
    }

    /// The key whose value holds this byte offset, e.g. "title" or "online.url".
    pub fn key_at(&self, offset: usize) -> Option<String> {
        path_at(self.table, offset)
    }
}

fn path_at(table: &DeTable<'_>, offset: usize) -> Option<String> {
    let (key, value) = table.iter().find(|(_, v)| v.span().contains(&offset))?;
    let inner = match value.get_ref() {
        DeValue::Table(inner) => path_at(inner, offset),
        DeValue::Array(items) => items.iter().find_map(|item| match item.get_ref() {
            DeValue::Table(inner) if item.span().contains(&offset) => path_at(inner, offset),
            _ => None,
        }),
        _ => None,
    };
    let key = key.get_ref().as_ref();
    Some(match inner {
        Some(inner) => format!("{key}.{inner}"),
        None => key.to_string(),
    })
}
