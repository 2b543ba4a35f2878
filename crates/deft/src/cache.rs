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
//! disables the cache. Entries live in 256 pack files, `code/HH.pack` for
//! the keys whose first byte is `HH` (thousands of tiny files cost more to
//! create than to compile): a header (magic, format, deft's version), then
//! each entry's key, length and blob, then a SHA-256 checksum of it all. A
//! pack is read at the first lookup of one of its keys; new entries are
//! kept in memory and [`DiskCache::flush`] rewrites the packs that gained
//! some — merged with what is on disk then — to a temporary file renamed
//! into place. So two deft processes at once never see a partial pack (the
//! last to rename wins; the other's new entries are just compiled again
//! later), and a pack that is corrupt, truncated or of another version is
//! ignored (and replaced at the next flush), never trusted.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Mutex;

use sha2::{Digest, Sha256};

const MAGIC: &[u8; 8] = b"DEFTPACK";
/// The pack format; bump when it changes.
const FORMAT: u32 = 2;

/// A key's entries, by key.
type Entries = HashMap<Vec<u8>, Vec<u8>>;

/// One pack in memory.
#[derive(Debug, Default)]
struct Pack {
    /// Entries read from disk and added since.
    entries: Entries,
    /// Entries added by this process, to write at the flush.
    added: Entries,
}

/// The cache directory and the packs read so far.
/// The cache directory, unless `DEFT_CACHE=off` or no directory is known.
pub fn directory() -> Option<PathBuf> {
    if std::env::var("DEFT_CACHE").is_ok_and(|v| v == "off") {
        return None;
    }
    let var = |k: &str| std::env::var_os(k).filter(|v| !v.is_empty()).map(PathBuf::from);
    let base = var("XDG_CACHE_HOME").or_else(|| var("HOME").map(|h| h.join(".cache")))?;
    Some(base.join("deft"))
}

#[derive(Debug)]
pub struct DiskCache {
    dir: PathBuf,
    packs: Mutex<HashMap<u8, Pack>>,
}

impl DiskCache {
    /// The user's cache, unless `DEFT_CACHE=off` or no directory is known.
    pub fn open() -> Option<DiskCache> {
        directory().map(DiskCache::at)
    }

    fn at(dir: PathBuf) -> DiskCache {
        DiskCache { dir, packs: Mutex::new(HashMap::new()) }
    }

    /// The pack file of keys starting with byte `shard`.
    fn path(&self, shard: u8) -> PathBuf {
        self.dir.join("code").join(format!("{shard:02x}.pack"))
    }

    /// Writes the packs that gained entries (best effort: a failure leaves
    /// the cache as it was).
    pub fn flush(&self) {
        let Ok(mut packs) = self.packs.lock() else { return };
        for (&shard, pack) in packs.iter_mut().filter(|(_, p)| !p.added.is_empty()) {
            let path = self.path(shard);
            // Entries another process wrote since this one read the pack.
            let mut merged = std::fs::read(&path).ok().and_then(|bytes| decode(&bytes)).unwrap_or_default();
            merged.extend(std::mem::take(&mut pack.added));
            let Some(dir) = path.parent() else { continue };
            let tmp = dir.join(format!(".{shard:02x}.{}.tmp", std::process::id()));
            let written = std::fs::create_dir_all(dir).is_ok() && std::fs::write(&tmp, encode(&merged)).is_ok();
            if !written || std::fs::rename(&tmp, &path).is_err() {
                let _ = std::fs::remove_file(&tmp);
            }
        }
    }
}

/// The header every pack starts with: magic, format, deft's version.
fn header() -> Vec<u8> {
    let version = env!("CARGO_PKG_VERSION").as_bytes();
    let mut h = Vec::with_capacity(16 + version.len());
    h.extend_from_slice(MAGIC);
    h.extend_from_slice(&FORMAT.to_le_bytes());
    h.extend_from_slice(&(version.len() as u32).to_le_bytes());
    h.extend_from_slice(version);
    h
}

/// A pack's bytes for `entries`.
fn encode(entries: &Entries) -> Vec<u8> {
    let mut out = header();
    for (key, blob) in entries {
        out.extend_from_slice(&(key.len() as u32).to_le_bytes());
        out.extend_from_slice(key);
        out.extend_from_slice(&(blob.len() as u64).to_le_bytes());
        out.extend_from_slice(blob);
    }
    let sum = Sha256::digest(&out);
    out.extend_from_slice(&sum);
    out
}

/// The entries of a pack, if it is intact and of this format and version.
fn decode(pack: &[u8]) -> Option<Entries> {
    let (body, sum) = pack.split_at_checked(pack.len().checked_sub(32)?)?;
    if Sha256::digest(body).as_slice() != sum {
        return None;
    }
    let mut rest = body.strip_prefix(header().as_slice())?;
    let mut entries = Entries::new();
    while !rest.is_empty() {
        let (key, after) = take_sized(rest, 4)?;
        let (blob, after) = take_sized(after, 8)?;
        entries.insert(key.to_vec(), blob.to_vec());
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
    fn get(&self, key: &[u8]) -> Option<Vec<u8>> {
        let shard = *key.first()?;
        let mut packs = self.packs.lock().ok()?;
        let pack = packs.entry(shard).or_insert_with(|| Pack {
            entries: std::fs::read(self.path(shard)).ok().and_then(|bytes| decode(&bytes)).unwrap_or_default(),
            added: Entries::new(),
        });
        pack.entries.get(key).cloned()
    }

    fn put(&self, key: &[u8], blob: &[u8]) {
        let (Some(&shard), Ok(mut packs)) = (key.first(), self.packs.lock()) else { return };
        let pack = packs.entry(shard).or_default();
        pack.entries.insert(key.to_vec(), blob.to_vec());
        pack.added.insert(key.to_vec(), blob.to_vec());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use codegen::CodeCache;

    fn entries(pairs: &[(&[u8], &[u8])]) -> Entries {
        pairs.iter().map(|(k, v)| (k.to_vec(), v.to_vec())).collect()
    }

    #[test]
    fn packs_round_trip_and_damage_is_refused() {
        let e = entries(&[(&[1; 32], b"machine code"), (&[2; 32], b"")]);
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
        let dir = std::env::temp_dir().join(format!("deft-cache-test-{}", std::process::id()));
        let (a, b) = (DiskCache::at(dir.clone()), DiskCache::at(dir.clone()));
        // Two keys of one pack.
        let (k1, k2) = ([5u8; 32].to_vec(), [[5u8].as_slice(), &[9u8; 31]].concat());
        // Both processes read the (empty) pack, then each adds an entry.
        assert_eq!(a.get(&k1), None);
        assert_eq!(b.get(&k2), None);
        a.put(&k1, b"one");
        b.put(&k2, b"two");
        a.flush();
        b.flush();
        let c = DiskCache::at(dir.clone());
        assert_eq!(c.get(&k1).as_deref(), Some(&b"one"[..]));
        assert_eq!(c.get(&k2).as_deref(), Some(&b"two"[..]));
        let _ = std::fs::remove_dir_all(dir);
    }
}
