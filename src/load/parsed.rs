//! One parsed file of each kind, and turning a file's text (YAML) or its
//! cached value (JSON) into one, and one back into JSON for the cache.

use std::sync::Arc;

use serde::de::DeserializeOwned;

use super::{Doc, Kind, Locator};
use crate::diag::SourceFile;
use crate::model::{Assessment, Commitment, EvidenceLock, Institution, Manifest, MethodologyFile, Review, Rubric};

/// One parsed file, of its kind. A value lives only from parsing to its
/// insertion in the workspace, one per file, so the manifest's larger size
/// costs a copy per file, not memory.
#[allow(clippy::large_enum_variant)]
pub(crate) enum Parsed {
    Manifest(Doc<Manifest>),
    Rubric(Doc<Rubric>),
    Commitment(Doc<Commitment>),
    Institution(Doc<Institution>),
    Assessment(Doc<Assessment>),
    Review(Doc<Review>),
    Methodology(Doc<MethodologyFile>),
    Lock(Doc<EvidenceLock>),
}

impl Parsed {
    pub(super) fn kind(&self) -> Kind {
        match self {
            Parsed::Manifest(_) => Kind::Manifest,
            Parsed::Rubric(_) => Kind::Rubric,
            Parsed::Commitment(_) => Kind::Commitment,
            Parsed::Institution(_) => Kind::Institution,
            Parsed::Assessment(_) => Kind::Assessment,
            Parsed::Review(_) => Kind::Review,
            Parsed::Methodology(_) => Kind::Methodology,
            Parsed::Lock(_) => Kind::Lock,
        }
    }
}

/// Deserialises a file of `kind`.
pub(super) fn deserialize(
    kind: Kind,
    source: &Arc<SourceFile>,
    locator: &Arc<Locator>,
) -> Result<Parsed, serde_yaml::Error> {
    fn doc<T: DeserializeOwned>(source: &Arc<SourceFile>, locator: &Arc<Locator>) -> Result<Doc<T>, serde_yaml::Error> {
        let value = serde_yaml::from_str::<T>(&source.text)?;
        Ok(Doc { file: source.path.clone(), value, locator: locator.clone() })
    }
    Ok(match kind {
        Kind::Manifest => Parsed::Manifest(doc(source, locator)?),
        Kind::Rubric => Parsed::Rubric(doc(source, locator)?),
        Kind::Commitment => Parsed::Commitment(doc(source, locator)?),
        Kind::Institution => Parsed::Institution(doc(source, locator)?),
        Kind::Assessment => Parsed::Assessment(doc(source, locator)?),
        Kind::Review => Parsed::Review(doc(source, locator)?),
        Kind::Methodology => Parsed::Methodology(doc(source, locator)?),
        Kind::Lock => Parsed::Lock(doc(source, locator)?),
    })
}

/// [`deserialize`], watched ([`super::track`]): for a file that failed,
/// the failure as data.
pub(super) fn deserialize_tracked(
    kind: Kind,
    source: &Arc<SourceFile>,
    locator: &Arc<Locator>,
) -> Result<Parsed, super::track::Failure> {
    fn doc<T: DeserializeOwned>(
        source: &Arc<SourceFile>,
        locator: &Arc<Locator>,
    ) -> Result<Doc<T>, super::track::Failure> {
        let value = super::track::deserialize::<T>(&source.text)?;
        Ok(Doc { file: source.path.clone(), value, locator: locator.clone() })
    }
    Ok(match kind {
        Kind::Manifest => Parsed::Manifest(doc(source, locator)?),
        Kind::Rubric => Parsed::Rubric(doc(source, locator)?),
        Kind::Commitment => Parsed::Commitment(doc(source, locator)?),
        Kind::Institution => Parsed::Institution(doc(source, locator)?),
        Kind::Assessment => Parsed::Assessment(doc(source, locator)?),
        Kind::Review => Parsed::Review(doc(source, locator)?),
        Kind::Methodology => Parsed::Methodology(doc(source, locator)?),
        Kind::Lock => Parsed::Lock(doc(source, locator)?),
    })
}

/// A file of `kind` from its cached JSON value.
pub(super) fn from_json(
    kind: Kind,
    source: &Arc<SourceFile>,
    locator: &Arc<Locator>,
    json: &[u8],
) -> serde_json::Result<Parsed> {
    fn doc<T: DeserializeOwned>(
        source: &Arc<SourceFile>,
        locator: &Arc<Locator>,
        json: &[u8],
    ) -> serde_json::Result<Doc<T>> {
        Ok(Doc { file: source.path.clone(), value: serde_json::from_slice(json)?, locator: locator.clone() })
    }
    Ok(match kind {
        Kind::Manifest => Parsed::Manifest(doc(source, locator, json)?),
        Kind::Rubric => Parsed::Rubric(doc(source, locator, json)?),
        Kind::Commitment => Parsed::Commitment(doc(source, locator, json)?),
        Kind::Institution => Parsed::Institution(doc(source, locator, json)?),
        Kind::Assessment => Parsed::Assessment(doc(source, locator, json)?),
        Kind::Review => Parsed::Review(doc(source, locator, json)?),
        Kind::Methodology => Parsed::Methodology(doc(source, locator, json)?),
        Kind::Lock => Parsed::Lock(doc(source, locator, json)?),
    })
}

/// A parsed file's value as JSON, for the cache.
pub(super) fn to_json(doc: &Parsed) -> serde_json::Result<Vec<u8>> {
    match doc {
        Parsed::Manifest(d) => serde_json::to_vec(&d.value),
        Parsed::Rubric(d) => serde_json::to_vec(&d.value),
        Parsed::Commitment(d) => serde_json::to_vec(&d.value),
        Parsed::Institution(d) => serde_json::to_vec(&d.value),
        Parsed::Assessment(d) => serde_json::to_vec(&d.value),
        Parsed::Review(d) => serde_json::to_vec(&d.value),
        Parsed::Methodology(d) => serde_json::to_vec(&d.value),
        Parsed::Lock(d) => serde_json::to_vec(&d.value),
    }
}
