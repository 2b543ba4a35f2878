//! The compile cache on disk: machine code of functions compiled before,
//! so that `deft run` after a small change compiles only what changed.
//!
//! What is kept is Cranelift's compiled form of each function (see
//! `codegen::CodeCache`), keyed by the hash of the function's Cranelift
//! IR, the ISA and its flags. That key covers everything the machine code
//! depends on — the function's own body and every layout, signature and
//! constant of other packages it uses, as lowered into its IR — so an entry
//! is reused exactly when compiling again would give the same code, at a
//! finer grain than a package: editing one function body recompiles that
//! function. Parsing, type checking, lowering and translation to Cranelift
//! IR still run for the whole program.
//!
//! Where: `$XDG_CACHE_HOME/deft`, else `$HOME/.cache/deft`; `DEFT_CACHE=off`
//! disables the cache. Entries live in one pack file per group (a source
//! file; see `codegen::CodeCache`), `packs/<hash of the group>.pack`, so
//! that a compilation reads the entries of the files it compiles and no
//! others, however large the cache grows (thousands of tiny files, one per
//! function, cost more to create than to compile). A pack holds a header
//! (magic, format, deft's version), then each entry's key, the day it was
//! last used, its length and blob, then a SHA-256 checksum of it all. It is
//! read at the first lookup in its group; new entries are kept in memory,
//! and [`DiskCache::flush`] rewrites the packs that gained some or whose
//! used entries carry an older day — merged with what is on disk then, less
//! the entries unused for [`EXPIRY_DAYS`] (as the go command trims its
//! cache), so that the old versions of an edited function do not pile up —
//! to a temporary file renamed into place. So two deft processes at once
//! never see a partial pack (the last to rename wins; the other's new
//! entries are just compiled again later), and a pack that is corrupt,
//! truncated or of another version is ignored (and replaced at the next
//! flush), never trusted. The program cache (`crate::progcache`) keeps
//! its entries beside the packs, in `prog/`, sealed the same way.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use sha2::{Digest, Sha256};

const MAGIC: &[u8; 8] = b"DEFTPACK";
/// The pack format; bump when it changes.
const FORMAT: u32 = 3;
/// An entry not used for this many days is dropped when its pack is next
/// written.
pub const EXPIRY_DAYS: u32 = 5;

/// A stored blob and the day (since the Unix epoch) it was last used.
#[derive(Clone, Debug, PartialEq)]
struct Entry {
    day: u32,
    blob: Vec<u8>,
}

/// A pack's entries, by key.
type Entries = HashMap<Vec<u8>, Entry>;

/// One pack in memory.
#[derive(Debug, Default)]
struct Pack {
    /// Entries read from disk and added since.
    entries: Entries,
    /// Keys looked up and found, or added, by this process.
    used: HashSet<Vec<u8>>,
    /// Whether this process added entries.
    added: bool,
}

impl Pack {
    /// Whether the pack must be written: it gained entries, or an entry
    /// used today is stamped with an earlier day (at most one rewrite a
    /// day for a pack only read).
    fn stale(&self, today: u32) -> bool {
        self.added || self.used.iter().any(|k| self.entries.get(k).is_some_and(|e| e.day < today))
    }
}

/// The cache directory, unless `DEFT_CACHE=off` or no directory is known.
pub fn directory() -> Option<PathBuf> {
    if std::env::var("DEFT_CACHE").is_ok_and(|v| v == "off") {
        return None;
    }
    let var = |k: &str| std::env::var_os(k).filter(|v| !v.is_empty()).map(PathBuf::from);
    let base = var("XDG_CACHE_HOME").or_else(|| var("HOME").map(|h| h.join(".cache")))?;
    Some(base.join("deft"))
}

/// The cache directory and the packs read so far.
#[derive(Debug)]
pub struct DiskCache {
    dir: PathBuf,
    today: u32,
    packs: Mutex<HashMap<String, Pack>>,
    /// Lookups that found an entry, and that did not.
    hits: AtomicUsize,
    misses: AtomicUsize,
}

impl DiskCache {
    /// The user's cache, unless `DEFT_CACHE=off` or no directory is known.
    pub fn open() -> Option<DiskCache> {
        directory().map(|dir| DiskCache::at(dir, current_day()))
    }

    fn at(dir: PathBuf, today: u32) -> DiskCache {
        DiskCache {
            dir,
            today,
            packs: Mutex::new(HashMap::new()),
            hits: AtomicUsize::new(0),
            misses: AtomicUsize::new(0),
        }
    }

    /// Lookups so far that found an entry, and that did not.
    pub fn lookups(&self) -> (usize, usize) {
        (self.hits.load(Ordering::Relaxed), self.misses.load(Ordering::Relaxed))
    }

    /// The pack file of `group`.
    fn path(&self, group: &str) -> PathBuf {
        let hash = Sha256::digest(group.as_bytes());
        let name: String = hash[..16].iter().map(|b| format!("{b:02x}")).collect();
        self.dir.join("packs").join(name + ".pack")
    }

    /// The entries on disk of `group`'s pack (none if it is missing or
    /// damaged).
    fn read(&self, group: &str) -> Entries {
        std::fs::read(self.path(group)).ok().and_then(|bytes| decode(&bytes)).unwrap_or_default()
    }

    /// Writes the packs that changed (best effort: a failure leaves the
    /// cache as it was).
    pub fn flush(&self) {
        let Ok(mut packs) = self.packs.lock() else { return };
        for (group, pack) in packs.iter_mut().filter(|(_, p)| p.stale(self.today)) {
            // Entries another process wrote since this one read the pack.
            let mut merged = self.read(group);
            merged.extend(std::mem::take(&mut pack.entries));
            for key in &pack.used {
                if let Some(e) = merged.get_mut(key) {
                    e.day = self.today;
                }
            }
            merged.retain(|_, e| e.day + EXPIRY_DAYS >= self.today);
            write_atomically(&self.path(group), &encode(&merged));
        }
        // The format before packs by group kept them here.
        let _ = std::fs::remove_dir_all(self.dir.join("code"));
    }
}

/// Days since the Unix epoch.
fn current_day() -> u32 {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    u32::try_from(secs / 86_400).unwrap_or(u32::MAX)
}

/// `body` sealed for the cache: a header (`magic`, the format, deft's
/// version), the body, and a SHA-256 checksum of both.
pub fn seal(magic: &[u8; 8], body: &[u8]) -> Vec<u8> {
    let version = env!("CARGO_PKG_VERSION").as_bytes();
    let mut out = Vec::with_capacity(16 + version.len() + body.len() + 32);
    out.extend_from_slice(magic);
    out.extend_from_slice(&FORMAT.to_le_bytes());
    out.extend_from_slice(&(version.len() as u32).to_le_bytes());
    out.extend_from_slice(version);
    out.extend_from_slice(body);
    let sum = Sha256::digest(&out);
    out.extend_from_slice(&sum);
    out
}

/// The body of what [`seal`] made with `magic`, if `bytes` are intact and
/// of this format and version.
pub fn unseal<'a>(magic: &[u8; 8], bytes: &'a [u8]) -> Option<&'a [u8]> {
    let (sealed, sum) = bytes.split_at_checked(bytes.len().checked_sub(32)?)?;
    if Sha256::digest(sealed).as_slice() != sum {
        return None;
    }
    let version = env!("CARGO_PKG_VERSION").as_bytes();
    let rest = sealed.strip_prefix(magic.as_slice())?.strip_prefix(FORMAT.to_le_bytes().as_slice())?;
    rest.strip_prefix((version.len() as u32).to_le_bytes().as_slice())?.strip_prefix(version)
}

/// Replaces the file at `path` by one holding `bytes`, written to a
/// temporary file renamed into place, so that a reader never sees part of
/// it (best effort: a failure leaves the file as it was).
pub fn write_atomically(path: &std::path::Path, bytes: &[u8]) {
    let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else { return };
    let tmp = dir.join(format!(".{}.{}.tmp", name.to_string_lossy(), std::process::id()));
    let written = std::fs::create_dir_all(dir).is_ok() && std::fs::write(&tmp, bytes).is_ok();
    if !written || std::fs::rename(&tmp, path).is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
}

/// Removes the files of `dir` not modified for [`EXPIRY_DAYS`] (their
/// users refresh the time of those they use).
pub fn remove_expired(dir: &std::path::Path) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let limit = std::time::Duration::from_secs(u64::from(EXPIRY_DAYS) * 86_400);
    for e in entries.filter_map(|e| e.ok()) {
        let old = e.metadata().and_then(|m| m.modified()).is_ok_and(|t| t.elapsed().is_ok_and(|age| age > limit));
        if old {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

/// A pack's bytes for `entries`.
fn encode(entries: &Entries) -> Vec<u8> {
    let mut body = Vec::new();
    for (key, e) in entries {
        body.extend_from_slice(&(key.len() as u32).to_le_bytes());
        body.extend_from_slice(key);
        body.extend_from_slice(&e.day.to_le_bytes());
        body.extend_from_slice(&(e.blob.len() as u64).to_le_bytes());
        body.extend_from_slice(&e.blob);
    }
    seal(MAGIC, &body)
}

/// The entries of a pack, if it is intact and of this format and version.
fn decode(pack: &[u8]) -> Option<Entries> {
    let mut rest = unseal(MAGIC, pack)?;
    let mut entries = Entries::new();
    while !rest.is_empty() {
        let (key, after) = take_sized(rest, 4)?;
        let (day, after) = after.split_at_checked(4)?;
        let (blob, after) = take_sized(after, 8)?;
        let day = u32::from_le_bytes(day.try_into().ok()?);
        entries.insert(key.to_vec(), Entry { day, blob: blob.to_vec() });
        rest = after;
    }
    Some(entries)
}

/// Splits a little-endian length of `width` bytes and that many bytes off
/// the front of `bytes`.
fn take_sized(bytes: &[u8], width: usize) -> Option<(&[u8], &[u8])> {
    let (len, rest) = bytes.split_at_checked(width)?;
    let mut n = [0u8; 8];
    n[..width].copy_from_slice(len);
    rest.split_at_checked(usize::try_from(u64::from_le_bytes(n)).ok()?)
}

impl codegen::CodeCache for DiskCache {
    fn get(&self, group: &str, key: &[u8]) -> Option<Vec<u8>> {
        let mut packs = self.packs.lock().ok()?;
        if !packs.contains_key(group) {
            let entries = self.read(group);
            packs.insert(group.to_string(), Pack { entries, ..Pack::default() });
        }
        let pack = packs.get_mut(group)?;
        let Some(entry) = pack.entries.get(key) else {
            self.misses.fetch_add(1, Ordering::Relaxed);
            return None;
        };
        let blob = entry.blob.clone();
        pack.used.insert(key.to_vec());
        self.hits.fetch_add(1, Ordering::Relaxed);
        Some(blob)
    }

    fn put(&self, group: &str, key: &[u8], blob: &[u8]) {
        let Ok(mut packs) = self.packs.lock() else { return };
        let pack = packs.entry(group.to_string()).or_default();
        pack.entries.insert(key.to_vec(), Entry { day: self.today, blob: blob.to_vec() });
        pack.used.insert(key.to_vec());
        pack.added = true;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use codegen::CodeCache;

    fn entry(day: u32, blob: &[u8]) -> Entry {
        Entry { day, blob: blob.to_vec() }
    }

    fn temp_dir(name: &str) -> PathBuf {
        std::env::temp_dir().join(format!("deft-cache-{name}-{}", std::process::id()))
    }

    #[test]
    fn packs_round_trip_and_damage_is_refused() {
        let e: Entries = [(vec![1; 32], entry(7, b"machine code")), (vec![2; 32], entry(9, b""))].into();
        let pack = encode(&e);
        assert_eq!(decode(&pack), Some(e));
        for cut in [0, 1, 20, pack.len() - 1] {
            assert_eq!(decode(&pack[..cut]), None, "truncated to {cut}");
        }
        let mut flipped = pack.clone();
        flipped[30] ^= 1;
        assert_eq!(decode(&flipped), None);
    }

    #[test]
    fn flushed_entries_are_found_by_another_process_and_merged() {
        let dir = temp_dir("merge");
        let (a, b) = (DiskCache::at(dir.clone(), 100), DiskCache::at(dir.clone(), 100));
        let (k1, k2) = ([5u8; 32].to_vec(), [9u8; 32].to_vec());
        // Both processes read the (empty) pack, then each adds an entry.
        assert_eq!(a.get("f.go", &k1), None);
        assert_eq!(b.get("f.go", &k2), None);
        a.put("f.go", &k1, b"one");
        b.put("f.go", &k2, b"two");
        a.flush();
        b.flush();
        let c = DiskCache::at(dir.clone(), 100);
        assert_eq!(c.get("f.go", &k1).as_deref(), Some(&b"one"[..]));
        assert_eq!(c.get("f.go", &k2).as_deref(), Some(&b"two"[..]));
        // Another group's pack is another file.
        assert_eq!(c.get("g.go", &k1), None);
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn unused_entries_expire_and_used_ones_are_restamped() {
        let dir = temp_dir("expiry");
        let (old, kept, new) = ([1u8; 32].to_vec(), [2u8; 32].to_vec(), [3u8; 32].to_vec());
        let first = DiskCache::at(dir.clone(), 100);
        first.put("f.go", &old, b"old");
        first.put("f.go", &kept, b"kept");
        first.flush();
        // Days later, one entry is used and one added.
        let later = DiskCache::at(dir.clone(), 100 + EXPIRY_DAYS + 1);
        assert_eq!(later.get("f.go", &kept).as_deref(), Some(&b"kept"[..]));
        later.put("f.go", &new, b"new");
        later.flush();
        let on_disk = later.read("f.go");
        assert_eq!(on_disk.get(&old), None);
        assert_eq!(on_disk.get(&kept), Some(&entry(100 + EXPIRY_DAYS + 1, b"kept")));
        assert!(on_disk.contains_key(&new));
        let _ = std::fs::remove_dir_all(dir);
    }
}
