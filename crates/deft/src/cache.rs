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
//! disables the cache. An entry is the file `code/HH/REST` (the key in hex)
//! holding a header (magic, format version, deft's version, the key), the
//! blob's length, the blob and a SHA-256 checksum of all that. An entry is
//! written to a temporary file and renamed into place, so two deft
//! processes at once never see a partial entry; one that is corrupt,
//! truncated, of another version or another key is ignored (and replaced
//! when the function is compiled again), never trusted.

use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};

use sha2::{Digest, Sha256};

const MAGIC: &[u8; 8] = b"DEFTCODE";
/// The entry format; bump when it changes.
const FORMAT: u32 = 1;

/// The cache directory and its entries.
#[derive(Debug)]
pub struct DiskCache {
    dir: PathBuf,
    /// Distinguishes this process's temporary files.
    tmp_counter: AtomicU64,
}

impl DiskCache {
    /// The user's cache, unless `DEFT_CACHE=off` or no directory is known.
    pub fn open() -> Option<DiskCache> {
        if std::env::var("DEFT_CACHE").is_ok_and(|v| v == "off") {
            return None;
        }
        let var = |k: &str| std::env::var_os(k).filter(|v| !v.is_empty()).map(PathBuf::from);
        let base = var("XDG_CACHE_HOME").or_else(|| var("HOME").map(|h| h.join(".cache")))?;
        Some(DiskCache { dir: base.join("deft"), tmp_counter: AtomicU64::new(0) })
    }

    /// The entry file of `key`.
    fn path(&self, key: &[u8]) -> PathBuf {
        let hex: String = key.iter().map(|b| format!("{b:02x}")).collect();
        self.dir.join("code").join(&hex[..2.min(hex.len())]).join(&hex[2.min(hex.len())..])
    }
}

/// The header every entry starts with: magic, format, deft's version, key.
fn header(key: &[u8]) -> Vec<u8> {
    let version = env!("CARGO_PKG_VERSION").as_bytes();
    let mut h = Vec::with_capacity(16 + version.len() + key.len());
    h.extend_from_slice(MAGIC);
    h.extend_from_slice(&FORMAT.to_le_bytes());
    h.extend_from_slice(&(version.len() as u32).to_le_bytes());
    h.extend_from_slice(version);
    h.extend_from_slice(key);
    h
}

/// An entry's bytes for `blob` under `key`.
fn encode(key: &[u8], blob: &[u8]) -> Vec<u8> {
    let mut out = header(key);
    out.extend_from_slice(&(blob.len() as u64).to_le_bytes());
    out.extend_from_slice(blob);
    let sum = Sha256::digest(&out);
    out.extend_from_slice(&sum);
    out
}

/// The blob of an entry, if the entry is intact and is `key`'s.
fn decode(key: &[u8], entry: &[u8]) -> Option<Vec<u8>> {
    let (body, sum) = entry.split_at_checked(entry.len().checked_sub(32)?)?;
    if Sha256::digest(body).as_slice() != sum {
        return None;
    }
    let rest = body.strip_prefix(header(key).as_slice())?;
    let (len, blob) = rest.split_at_checked(8)?;
    let len = u64::from_le_bytes(len.try_into().ok()?);
    (blob.len() as u64 == len).then(|| blob.to_vec())
}

impl codegen::CodeCache for DiskCache {
    fn get(&self, key: &[u8]) -> Option<Vec<u8>> {
        decode(key, &std::fs::read(self.path(key)).ok()?)
    }

    fn put(&self, key: &[u8], blob: &[u8]) {
        let path = self.path(key);
        let Some(dir) = path.parent() else { return };
        if std::fs::create_dir_all(dir).is_err() {
            return;
        }
        let n = self.tmp_counter.fetch_add(1, Ordering::Relaxed);
        let tmp = dir.join(format!(".tmp-{}-{n}", std::process::id()));
        if std::fs::write(&tmp, encode(key, blob)).is_err() || std::fs::rename(&tmp, &path).is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_round_trip_and_damage_is_refused() {
        let key = [7u8; 32];
        let entry = encode(&key, b"machine code");
        assert_eq!(decode(&key, &entry).as_deref(), Some(&b"machine code"[..]));
        // Another key, a truncation, a flipped bit: all refused.
        assert_eq!(decode(&[8u8; 32], &entry), None);
        for cut in [0, 1, 20, entry.len() - 1] {
            assert_eq!(decode(&key, &entry[..cut]), None, "truncated to {cut}");
        }
        let mut flipped = entry.clone();
        flipped[60] ^= 1;
        assert_eq!(decode(&key, &flipped), None);
    }

    #[test]
    fn concurrent_writers_leave_an_intact_entry() {
        let dir = std::env::temp_dir().join(format!("deft-cache-test-{}", std::process::id()));
        let cache = std::sync::Arc::new(DiskCache { dir: dir.clone(), tmp_counter: AtomicU64::new(0) });
        let key = [3u8; 32];
        let writers: Vec<_> = (0..4)
            .map(|_| {
                let c = cache.clone();
                std::thread::spawn(move || (0..50).for_each(|_| codegen::CodeCache::put(c.as_ref(), &key, b"blob")))
            })
            .collect();
        for _ in 0..200 {
            // A reader sees the whole entry or none.
            let got = codegen::CodeCache::get(cache.as_ref(), &key);
            assert!(got.is_none() || got.as_deref() == Some(&b"blob"[..]));
        }
        writers.into_iter().for_each(|w| w.join().unwrap());
        assert_eq!(codegen::CodeCache::get(cache.as_ref(), &key).as_deref(), Some(&b"blob"[..]));
        let _ = std::fs::remove_dir_all(dir);
    }
}
