//! A Go module cache built from sources committed in a case, so that a
//! project with third-party dependencies runs fully offline.
//!
//! A project case keeps each module it depends on under
//! `_deps/<module path>@<version>/` (the go command never looks into a
//! directory whose name starts with `_`), e.g.
//! `_deps/example.com/Quote@v1.2.0/go.mod`. [`build`] lays them out in an
//! empty directory exactly as `go mod download` would have left them, the
//! least that gc 1.27.3 needs with `GOPROXY=off` and `GOFLAGS=` (that is,
//! `-mod=readonly`):
//!
//! ```text
//! <GOMODCACHE>/example.com/!quote@v1.2.0/...                    the module's files
//! <GOMODCACHE>/cache/download/example.com/!quote/@v/v1.2.0.mod   its go.mod (the module graph is read from here)
//! <GOMODCACHE>/cache/download/example.com/!quote/@v/v1.2.0.ziphash   `h1:` hash of its files
//! ```
//!
//! Paths and versions are escaped as the go command does (an upper-case
//! letter becomes `!` and the letter in lower case). No `.zip` and no
//! `.info` are needed: the go command uses an extracted directory as it is
//! when the `.ziphash` beside it exists, and checks that hash against the
//! project's `go.sum`. So the `go.sum` of the case must hold both lines of
//! every dependency, `PATH VERSION h1:…` (the hash of the files, Go's
//! `dirhash.Hash1`, computed here by [`hash_module`]) and `PATH
//! VERSION/go.mod h1:…` (the hash of the go.mod alone, [`hash_go_mod`]);
//! [`Dep::go_sum_lines`] gives them, and blessing refuses a case whose
//! go.sum lacks them. deft never downloads: it reads
//! `$GOMODCACHE/<escaped path>@<escaped version>/`.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

/// The directory of a case that holds its dependencies' sources.
pub const DEPS_DIR: &str = "_deps";

/// One module version committed under `_deps/`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dep {
    /// The module path, e.g. `example.com/Quote`.
    pub path: String,
    /// The version, e.g. `v1.2.0`.
    pub version: String,
    /// Where its files are.
    pub dir: PathBuf,
}

/// The modules under `root/_deps`: every directory whose name contains
/// `@`, its path relative to `_deps` before the `@` being the module path.
/// No `_deps` directory means no dependencies.
pub fn find_deps(root: &Path) -> Result<Vec<Dep>, String> {
    let deps_dir = root.join(DEPS_DIR);
    let mut deps = Vec::new();
    if deps_dir.is_dir() {
        walk_deps(&deps_dir, "", &mut deps)?;
    }
    deps.sort_by(|a, b| (&a.path, &a.version).cmp(&(&b.path, &b.version)));
    Ok(deps)
}

fn walk_deps(dir: &Path, prefix: &str, deps: &mut Vec<Dep>) -> Result<(), String> {
    for entry in fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))? {
        let entry = entry.map_err(|e| format!("{}: {e}", dir.display()))?;
        let path = entry.path();
        if !path.is_dir() {
            continue;
        }
        let name = entry.file_name().to_string_lossy().into_owned();
        let rel = if prefix.is_empty() { name.clone() } else { format!("{prefix}/{name}") };
        match rel.split_once('@') {
            Some((module, version)) => {
                if !path.join("go.mod").is_file() {
                    return Err(format!("{}: a module under {DEPS_DIR}/ needs a go.mod", path.display()));
                }
                deps.push(Dep { path: module.to_string(), version: version.to_string(), dir: path });
            }
            None => walk_deps(&path, &rel, deps)?,
        }
    }
    Ok(())
}

impl Dep {
    /// The module's files as the module zip holds them: names
    /// `PATH@VERSION/rel/path`, sorted, with their contents.
    pub fn files(&self) -> Result<Vec<(String, Vec<u8>)>, String> {
        let mut rels = Vec::new();
        list_files(&self.dir, "", &mut rels)?;
        let mut files = Vec::new();
        for rel in rels {
            let bytes = fs::read(self.dir.join(&rel)).map_err(|e| format!("{}/{rel}: {e}", self.dir.display()))?;
            files.push((format!("{}@{}/{rel}", self.path, self.version), bytes));
        }
        files.sort();
        Ok(files)
    }

    /// The two `go.sum` lines the go command wants for this module.
    pub fn go_sum_lines(&self) -> Result<[String; 2], String> {
        let go_mod = self.go_mod()?;
        Ok([
            format!("{} {} {}", self.path, self.version, hash_module(&self.files()?)),
            format!("{} {}/go.mod {}", self.path, self.version, hash_go_mod(&go_mod)),
        ])
    }

    fn go_mod(&self) -> Result<Vec<u8>, String> {
        let p = self.dir.join("go.mod");
        fs::read(&p).map_err(|e| format!("{}: {e}", p.display()))
    }
}

fn list_files(dir: &Path, prefix: &str, out: &mut Vec<String>) -> Result<(), String> {
    for entry in fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))? {
        let entry = entry.map_err(|e| format!("{}: {e}", dir.display()))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let rel = if prefix.is_empty() { name } else { format!("{prefix}/{name}") };
        if entry.path().is_dir() {
            list_files(&entry.path(), &rel, out)?;
        } else {
            out.push(rel);
        }
    }
    Ok(())
}

/// Lays `deps` out under `cache` (an empty directory) as the module doc
/// describes.
pub fn build(deps: &[Dep], cache: &Path) -> Result<(), String> {
    let io = |p: &Path, e: std::io::Error| format!("{}: {e}", p.display());
    fs::create_dir_all(cache.join("cache/download")).map_err(|e| io(cache, e))?;
    for dep in deps {
        let (path, version) = (escape(&dep.path)?, escape(&dep.version)?);
        let files = dep.files()?;
        let extracted = cache.join(format!("{path}@{version}"));
        let prefix = format!("{}@{}/", dep.path, dep.version);
        for (name, bytes) in &files {
            let to = extracted.join(name.strip_prefix(&prefix).unwrap_or(name));
            if let Some(parent) = to.parent() {
                fs::create_dir_all(parent).map_err(|e| io(parent, e))?;
            }
            fs::write(&to, bytes).map_err(|e| io(&to, e))?;
        }
        let download = cache.join(format!("cache/download/{path}/@v"));
        fs::create_dir_all(&download).map_err(|e| io(&download, e))?;
        let mod_file = download.join(format!("{version}.mod"));
        fs::write(&mod_file, dep.go_mod()?).map_err(|e| io(&mod_file, e))?;
        let ziphash = download.join(format!("{version}.ziphash"));
        fs::write(&ziphash, hash_module(&files)).map_err(|e| io(&ziphash, e))?;
    }
    Ok(())
}

/// The go command's escaping of a module path or version in file names:
/// an upper-case ASCII letter becomes `!` followed by the letter in lower
/// case. A `!` or a character other than printable ASCII is refused.
pub fn escape(s: &str) -> Result<String, String> {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            'A'..='Z' => {
                out.push('!');
                out.push(c.to_ascii_lowercase());
            }
            '!' => return Err(format!("{s:?}: `!` in a module path")),
            c if c.is_ascii_graphic() => out.push(c),
            _ => return Err(format!("{s:?}: not printable ASCII")),
        }
    }
    Ok(out)
}

/// Go's `dirhash.Hash1` of a module's files (names as in the module zip,
/// `PATH@VERSION/...`): the SHA-256 of the lines `HEX(SHA-256(file))  NAME\n`
/// in name order, in standard base64 after `h1:`.
pub fn hash_module(files: &[(String, Vec<u8>)]) -> String {
    let mut files: Vec<&(String, Vec<u8>)> = files.iter().collect();
    files.sort_by(|a, b| a.0.cmp(&b.0));
    let mut summary = String::new();
    for (name, bytes) in files {
        for b in sha256(bytes) {
            let _ = write!(summary, "{b:02x}");
        }
        let _ = writeln!(summary, "  {name}");
    }
    format!("h1:{}", base64(&sha256(summary.as_bytes())))
}

/// The `/go.mod` hash of `go.sum`: [`hash_module`] of the one file `go.mod`.
pub fn hash_go_mod(go_mod: &[u8]) -> String {
    hash_module(&[("go.mod".to_string(), go_mod.to_vec())])
}

/// Standard base64 with padding.
fn base64(bytes: &[u8]) -> String {
    const TABLE: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, &b)| n | (b as u32) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(TABLE[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// SHA-256 (FIPS 180-4). A dozen lines here spare the crate a dependency.
fn sha256(data: &[u8]) -> [u8; 32] {
    const K: [u32; 64] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
        0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
        0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
        0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
        0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
        0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
        0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
        0xc67178f2,
    ];
    let mut h: [u32; 8] =
        [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
    let mut msg = data.to_vec();
    msg.push(0x80);
    while msg.len() % 64 != 56 {
        msg.push(0);
    }
    msg.extend_from_slice(&((data.len() as u64) * 8).to_be_bytes());
    for block in msg.chunks(64) {
        let mut w = [0u32; 64];
        for i in 0..16 {
            w[i] = u32::from_be_bytes([block[4 * i], block[4 * i + 1], block[4 * i + 2], block[4 * i + 3]]);
        }
        for i in 16..64 {
            let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
            let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16].wrapping_add(s0).wrapping_add(w[i - 7]).wrapping_add(s1);
        }
        let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut hh] = h;
        for i in 0..64 {
            let s1 = e.rotate_right(6) ^ e.rotate_right(11) ^ e.rotate_right(25);
            let ch = (e & f) ^ (!e & g);
            let t1 = hh.wrapping_add(s1).wrapping_add(ch).wrapping_add(K[i]).wrapping_add(w[i]);
            let s0 = a.rotate_right(2) ^ a.rotate_right(13) ^ a.rotate_right(22);
            let maj = (a & b) ^ (a & c) ^ (b & c);
            let t2 = s0.wrapping_add(maj);
            (hh, g, f, e, d, c, b, a) = (g, f, e, d.wrapping_add(t1), c, b, a, t1.wrapping_add(t2));
        }
        for (x, y) in h.iter_mut().zip([a, b, c, d, e, f, g, hh]) {
            *x = x.wrapping_add(y);
        }
    }
    let mut out = [0u8; 32];
    for (i, word) in h.iter().enumerate() {
        out[4 * i..4 * i + 4].copy_from_slice(&word.to_be_bytes());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(b: &[u8]) -> String {
        b.iter().map(|b| format!("{b:02x}")).collect()
    }

    #[test]
    fn sha256_vectors() {
        assert_eq!(hex(&sha256(b"")), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assert_eq!(hex(&sha256(b"abc")), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        let long = b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
        assert_eq!(hex(&sha256(long)), "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    }

    #[test]
    fn base64_padding() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
    }

    #[test]
    fn escapes_upper_case() {
        assert_eq!(escape("example.com/Dep").unwrap(), "example.com/!dep");
        assert_eq!(escape("v1.0.0-RC1").unwrap(), "v1.0.0-!r!c1");
        assert!(escape("a!b").is_err());
    }

    /// The hashes gc 1.27.3 wrote into go.sum for this module (fetched
    /// once through a file:// proxy).
    #[test]
    fn hashes_agree_with_the_go_command() {
        let go_mod = b"module example.com/Dep\n\ngo 1.20\n".to_vec();
        let files = vec![
            ("example.com/Dep@v1.0.0/go.mod".to_string(), go_mod.clone()),
            (
                "example.com/Dep@v1.0.0/dep.go".to_string(),
                b"package dep\n\nfunc Hello() string { return \"hi\" }\n".to_vec(),
            ),
            ("example.com/Dep@v1.0.0/sub/s.go".to_string(), b"package sub\nfunc X() int { return 1 }\n".to_vec()),
        ];
        assert_eq!(hash_module(&files), "h1:tWLsvf73/yS4QsoFth1abruxmkN1drHPqukQDZQHKDQ=");
        assert_eq!(hash_go_mod(&go_mod), "h1:SPxgMTsyARqf+szXexFoFWes9IlTtolzOdjMwT8dqrg=");
    }

    #[test]
    fn builds_the_layout() {
        let tmp = crate::gc::TempDir::new("modcache-test").unwrap();
        let root = tmp.0.join("case");
        let dep_dir = root.join("_deps/example.com/Dep@v1.0.0");
        fs::create_dir_all(dep_dir.join("sub")).unwrap();
        fs::write(dep_dir.join("go.mod"), "module example.com/Dep\n").unwrap();
        fs::write(dep_dir.join("sub/s.go"), "package sub\n").unwrap();
        let deps = find_deps(&root).unwrap();
        assert_eq!(deps.len(), 1);
        assert_eq!((deps[0].path.as_str(), deps[0].version.as_str()), ("example.com/Dep", "v1.0.0"));
        let cache = tmp.0.join("cache");
        build(&deps, &cache).unwrap();
        assert!(cache.join("example.com/!dep@v1.0.0/sub/s.go").is_file());
        let dl = cache.join("cache/download/example.com/!dep/@v");
        assert_eq!(fs::read(dl.join("v1.0.0.mod")).unwrap(), b"module example.com/Dep\n");
        let ziphash = fs::read_to_string(dl.join("v1.0.0.ziphash")).unwrap();
        let lines = deps[0].go_sum_lines().unwrap();
        assert!(lines[0].ends_with(&ziphash), "{lines:?} {ziphash}");
        assert!(lines[1].starts_with("example.com/Dep v1.0.0/go.mod h1:"));
    }
}
