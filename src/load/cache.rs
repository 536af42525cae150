//! The parse cache: a workspace file that deserialised cleanly is kept as
//! its model value (JSON), keyed by its path and the SHA-256 of its text,
//! so that the next run reads it back instead of parsing the YAML again.
//!
//! The cache is one file, `out/.cache/parse.bin`. It is trusted only:
//!
//! - for a file whose text (its bytes without a byte-order mark) hashes to
//!   the recorded SHA-256 (every file is read and hashed on every run;
//!   nothing is taken on a date or a size);
//! - when it was written by this version of terbuka, for this model (the
//!   committed JSON Schemas are part of the version key) and these limits;
//! - when it was written for this folder on this machine: the root's device
//!   and inode are recorded, so a cache that arrives with a copied or
//!   unpacked workspace is ignored.
//!
//! A cache that cannot be read is ignored with a note, and rewritten.
//! `--no-cache` turns it off.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::Limits;

/// Where the cache lives, relative to the workspace root.
pub const PATH: &str = "out/.cache/parse.bin";

const MAGIC: &[u8] = b"terbuka parse cache 2\n";

/// What every version's cache starts with: a cache in another version's
/// format is not damaged, only not this version's.
const FAMILY: &[u8] = b"terbuka parse cache ";

/// Largest cache file read.
const MAX_BYTES: u64 = 2 << 30;

/// A SHA-256 digest.
pub type Digest32 = [u8; 32];

/// The SHA-256 of `bytes`.
pub fn digest(bytes: &[u8]) -> Digest32 {
    Sha256::digest(bytes).into()
}

/// A file's text as `load` keeps it: its bytes without a byte-order mark.
pub fn without_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes)
}

/// The SHA-256 of a file's text as `load` keeps it ([`without_bom`]).
pub fn text_digest(bytes: &[u8]) -> Digest32 {
    digest(without_bom(bytes))
}

/// One cached file: the digest of its bytes, and its model value as JSON.
#[derive(Debug, Clone)]
pub struct Entry {
    /// SHA-256 of the file's text (its bytes without a byte-order mark).
    pub sha256: Digest32,
    /// The deserialised value, as JSON.
    pub json: Vec<u8>,
}

/// An entry as read: its place in the cache file's bytes (not copied).
#[derive(Debug, Clone, Copy)]
struct Stored {
    sha256: Digest32,
    json: (usize, usize),
}

/// The cache of one workspace.
#[derive(Debug, Default)]
pub struct Cache {
    /// The cache file as read.
    bytes: Vec<u8>,
    /// Entries as read, pointing into `bytes`.
    stored: std::collections::HashMap<String, Stored>,
    /// Entries made in this run.
    entries: BTreeMap<String, Entry>,
    /// Entries added, replaced or dropped since it was read.
    changed: bool,
    /// Files taken from it in this run.
    hits: usize,
    /// The text digest of every file read in this run, `None` for one that
    /// was not read as text.
    seen: BTreeMap<String, Option<Digest32>>,
    /// Why an existing cache was ignored, to be said once.
    pub note: Option<crate::diag::Msg>,
    key: Vec<u8>,
}

/// What makes a cache valid for this run: the version and this build of
/// it, the model (the committed schemas), the limits and the folder.
pub fn key(root: &Path, limits: Limits) -> Vec<u8> {
    let mut h = Sha256::new();
    h.update(env!("CARGO_PKG_VERSION").as_bytes());
    h.update(build_id().as_bytes());
    for (_, schema) in crate::schema::COMMITTED {
        h.update(schema.as_bytes());
    }
    h.update(format!("{}:{}:{}", limits.max_file_bytes, limits.max_files, limits.max_text_chars).as_bytes());
    h.update(folder_id(root).as_bytes());
    let mut key = hex(&h.finalize());
    key.push('\n');
    key.into_bytes()
}

/// This build of terbuka: the executable's size and modification time. A
/// rebuild of the same version (from a newer checkout) can validate or
/// parse differently, so its caches are not shared; one look at the
/// executable's metadata, once per process.
fn build_id() -> &'static str {
    static ID: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    ID.get_or_init(|| {
        let meta = std::env::current_exe().and_then(std::fs::metadata);
        match meta {
            Ok(m) => {
                let modified = m.modified().ok().and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok());
                format!("{}:{}", m.len(), modified.map_or(0, |d| d.as_nanos()))
            }
            Err(_) => String::new(),
        }
    })
}

/// The device and inode of the root, where the system has them.
fn folder_id(root: &Path) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        std::fs::metadata(root).map(|m| format!("{}:{}", m.dev(), m.ino())).unwrap_or_default()
    }
    #[cfg(not(unix))]
    {
        root.display().to_string()
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

impl Cache {
    /// Reads the cache of the workspace at `root` (canonical), or starts an
    /// empty one.
    pub fn open(root: &Path, limits: Limits) -> Cache {
        let key = key(root, limits);
        let mut cache = Cache { key, ..Cache::default() };
        match crate::files::read(root, PATH, MAX_BYTES) {
            Ok(bytes) => match parse(&bytes, &cache.key) {
                Some(Some(stored)) => {
                    cache.stored = stored;
                    cache.bytes = bytes;
                }
                // Another version, model or folder: not a problem to tell.
                Some(None) => cache.changed = true,
                None => {
                    cache.changed = true;
                    cache.note = Some(crate::msg!(
                        "terbuka: the parse cache ({PATH}) could not be read and was ignored; it is written again",
                        "terbuka: cache parse ({PATH}) tidak dapat dibaca dan diabaikan; cache itu ditulis ulang"
                    ));
                }
            },
            Err(crate::files::Problem::Missing) => cache.changed = true,
            Err(_) => {
                cache.changed = true;
                cache.note = Some(crate::msg!(
                    "terbuka: the parse cache ({PATH}) is not a file terbuka can read, and was ignored",
                    "terbuka: cache parse ({PATH}) bukan berkas yang dapat dibaca terbuka, dan diabaikan"
                ));
            }
        }
        cache
    }

    /// The cached JSON of `rel`, if its text still hashes to `sha256`.
    pub fn get(&self, rel: &str, sha256: &Digest32) -> Option<&[u8]> {
        if let Some(e) = self.entries.get(rel) {
            return (&e.sha256 == sha256).then_some(e.json.as_slice());
        }
        let s = self.stored.get(rel).filter(|s| &s.sha256 == sha256)?;
        self.bytes.get(s.json.0..s.json.1)
    }

    /// Records `rel`'s value.
    pub fn put(&mut self, rel: &str, entry: Entry) {
        self.stored.remove(rel);
        self.entries.insert(rel.to_owned(), entry);
        self.changed = true;
    }

    /// Drops a cached value that turned out unusable.
    pub fn drop_entry(&mut self, rel: &str) {
        let stored = self.stored.remove(rel).is_some();
        self.changed |= self.entries.remove(rel).is_some() || stored;
    }

    /// Keeps only the files in `present`.
    pub fn retain(&mut self, present: &std::collections::BTreeSet<&str>) {
        let before = self.entries.len() + self.stored.len();
        self.entries.retain(|rel, _| present.contains(rel.as_str()));
        self.stored.retain(|rel, _| present.contains(rel.as_str()));
        self.changed |= self.entries.len() + self.stored.len() != before;
    }

    /// Notes the text digest of a file read in this run.
    pub fn saw(&mut self, rel: &str, digest: Option<Digest32>) {
        self.seen.insert(rel.to_owned(), digest);
    }

    /// The text digest of every file read in this run, when each was read
    /// as text.
    pub fn seen(&self) -> Option<Vec<(String, Digest32)>> {
        self.seen.iter().map(|(rel, d)| Some((rel.clone(), (*d)?))).collect()
    }

    /// Notes that a file was taken from it.
    pub fn count_hit(&mut self) {
        self.hits += 1;
    }

    /// How many files were taken from it in this run.
    pub fn hits(&self) -> usize {
        self.hits
    }

    /// Whether it must be written.
    pub fn changed(&self) -> bool {
        self.changed
    }

    /// The cache as bytes, entries sorted by path.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut all = self.entries.iter().map(|(k, e)| (k.as_str(), &e.sha256, e.json.as_slice())).collect::<Vec<_>>();
        for (k, s) in self.stored.iter().filter(|(k, _)| !self.entries.contains_key(*k)) {
            all.push((k.as_str(), &s.sha256, self.bytes.get(s.json.0..s.json.1).unwrap_or_default()));
        }
        all.sort_unstable_by(|a, b| a.0.cmp(b.0));
        let size = all.iter().map(|(k, _, j)| k.len() + j.len() + 44).sum::<usize>();
        let mut out = Vec::with_capacity(MAGIC.len() + self.key.len() + size + 8);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&self.key);
        out.extend_from_slice(&(all.len() as u64).to_le_bytes());
        for (rel, sha256, json) in all {
            out.extend_from_slice(&(rel.len() as u32).to_le_bytes());
            out.extend_from_slice(rel.as_bytes());
            out.extend_from_slice(sha256);
            out.extend_from_slice(&(json.len() as u32).to_le_bytes());
            out.extend_from_slice(json);
        }
        out
    }

    /// Where to write it in the workspace at `root` (canonical): `None`
    /// when `out/` is not a folder (a file, a broken link) or a link at
    /// `out/` or `out/.cache/` leads out of the workspace, so the cache is
    /// simply not kept.
    pub fn path(root: &Path) -> Option<PathBuf> {
        let out = root.join("out");
        let path = root.join(PATH);
        let folder = out.is_dir() || out.symlink_metadata().is_err();
        (folder && crate::output::stays_inside(root, &path)).then_some(path)
    }
}

/// The entries of a cache file: `None` when it is damaged, `Some(None)`
/// when it was written for another version, model, limits or folder.
#[allow(clippy::type_complexity)]
fn parse(bytes: &[u8], key: &[u8]) -> Option<Option<std::collections::HashMap<String, Stored>>> {
    let Some(rest) = bytes.strip_prefix(MAGIC) else {
        return bytes.starts_with(FAMILY).then_some(None);
    };
    if rest.len() < key.len() {
        return None;
    }
    let (written_for, _) = rest.split_at(key.len());
    if written_for != key {
        return Some(None);
    }
    let mut at = MAGIC.len() + key.len();
    let mut take = |n: usize| -> Option<(usize, usize)> {
        let end = at.checked_add(n).filter(|&e| e <= bytes.len())?;
        let span = (at, end);
        at = end;
        Some(span)
    };
    let slice = |(a, b): (usize, usize)| &bytes[a..b];
    let count = u64::from_le_bytes(slice(take(8)?).try_into().ok()?);
    let mut entries = std::collections::HashMap::with_capacity(usize::try_from(count.min(1 << 20)).unwrap_or(0));
    for _ in 0..count {
        let n = u32::from_le_bytes(slice(take(4)?).try_into().ok()?) as usize;
        let rel = std::str::from_utf8(slice(take(n)?)).ok()?.to_owned();
        let sha256: Digest32 = slice(take(32)?).try_into().ok()?;
        let n = u32::from_le_bytes(slice(take(4)?).try_into().ok()?) as usize;
        let json = take(n)?;
        entries.insert(rel, Stored { sha256, json });
    }
    if at != bytes.len() {
        return None;
    }
    Some(Some(entries))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cache_reads_back_and_rejects_damage_and_other_keys() {
        let mut cache = Cache { key: b"k1\n".to_vec(), ..Cache::default() };
        cache.put("a.yaml", Entry { sha256: digest(b"a"), json: b"{\"x\":1}".to_vec() });
        let bytes = cache.to_bytes();
        let entries = parse(&bytes, b"k1\n").unwrap().unwrap();
        let (a, b) = entries["a.yaml"].json;
        assert_eq!(&bytes[a..b], b"{\"x\":1}");
        assert!(parse(&bytes, b"k2\n").unwrap().is_none(), "another key is not damage");
        let older = [&b"terbuka parse cache 1\n"[..], &bytes[MAGIC.len()..]].concat();
        assert!(parse(&older, b"k1\n").unwrap().is_none(), "another format is not damage");
        for cut in [1, 10, bytes.len() - 1] {
            assert!(parse(&bytes[..cut], b"k1\n").is_none(), "cut at {cut}");
        }
        let mut extra = bytes.clone();
        extra.push(0);
        assert!(parse(&extra, b"k1\n").is_none());
        assert!(cache.get("a.yaml", &digest(b"b")).is_none(), "other bytes, no value");
    }
}
