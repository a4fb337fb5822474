//! Evidence packages: a zip a partner company or a police unit receives for a joint complaint.
//! `manifest.json` lists every other file with its size and SHA-256; `manifest.sig` is an
//! Ed25519 signature over the manifest's exact bytes, and the manifest names the public key.
//! Changing, adding or removing any file, or the manifest, is caught by [`verify`].
//!
//! Reading a package bounds what it will inflate (entries, bytes per entry, bytes in all), so
//! a hostile zip cannot exhaust memory.

use std::io::{Cursor, Read, Write};

use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

pub const FORMAT: &str = "rampart-evidence-v1";
pub const MANIFEST: &str = "manifest.json";
pub const SIGNATURE: &str = "manifest.sig";

/// Bounds on reading a package.
#[derive(Debug, Clone, Copy)]
pub struct ReadLimits {
    pub max_entries: usize,
    pub max_entry_bytes: u64,
    pub max_total_bytes: u64,
}

impl Default for ReadLimits {
    fn default() -> Self {
        ReadLimits {
            max_entries: 100_000,
            max_entry_bytes: 64 * 1024 * 1024,
            max_total_bytes: 4 * 1024 * 1024 * 1024,
        }
    }
}

/// One file of the package.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManifestFile {
    pub path: String,
    pub size: u64,
    pub sha256: String,
}

/// What the signature covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub format: String,
    /// The case's reference, e.g. `C-12`.
    pub case: String,
    /// RFC 3339.
    pub created_at: String,
    /// Who made it: the organisation, as configured.
    pub issuer: String,
    /// Hex Ed25519 public key that signed `manifest.sig`.
    pub public_key: String,
    pub files: Vec<ManifestFile>,
}

/// Why a package cannot be built or does not verify.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PackageError {
    #[error("a file path is not allowed: {0:?}")]
    BadPath(String),
    #[error("two files have the path {0:?}")]
    DuplicatePath(String),
    #[error("not a readable zip: {0}")]
    NotAZip(String),
    #[error("the package has no {0}")]
    Missing(&'static str),
    #[error("the manifest cannot be read: {0}")]
    BadManifest(String),
    #[error("the signature is not valid for the manifest")]
    BadSignature,
    #[error("signed by {found}, not by the expected key {expected}")]
    WrongSigner { expected: String, found: String },
    #[error("{0} is listed in the manifest but not in the package")]
    FileMissing(String),
    #[error("{0} is in the package but not in the manifest")]
    FileUnlisted(String),
    #[error("{path} has changed: SHA-256 {found}, the manifest says {expected}")]
    FileChanged {
        path: String,
        expected: String,
        found: String,
    },
    #[error("the package is larger than this reader accepts ({0})")]
    TooLarge(String),
}

fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// Paths are plain relative names: no `..`, no absolute path, no backslash or control
/// character, so unpacking cannot write outside its folder.
fn check_path(path: &str) -> Result<(), PackageError> {
    let bad = path.is_empty()
        || path.len() > 255
        || path.starts_with('/')
        || path.contains('\\')
        || path.chars().any(char::is_control)
        || path
            .split('/')
            .any(|p| p.is_empty() || p == "." || p == "..")
        || path == MANIFEST
        || path == SIGNATURE;
    if bad {
        Err(PackageError::BadPath(path.to_string()))
    } else {
        Ok(())
    }
}

/// Builds a signed package from its files.
pub fn build(
    case: &str,
    created_at: &str,
    issuer: &str,
    files: &[(String, Vec<u8>)],
    key: &SigningKey,
) -> Result<Vec<u8>, PackageError> {
    let mut seen = std::collections::HashSet::new();
    for (path, _) in files {
        check_path(path)?;
        if !seen.insert(path.as_str()) {
            return Err(PackageError::DuplicatePath(path.clone()));
        }
    }
    let manifest = Manifest {
        format: FORMAT.into(),
        case: case.into(),
        created_at: created_at.into(),
        issuer: issuer.into(),
        public_key: hex::encode(key.verifying_key().to_bytes()),
        files: files
            .iter()
            .map(|(path, bytes)| ManifestFile {
                path: path.clone(),
                size: bytes.len() as u64,
                sha256: sha256_hex(bytes),
            })
            .collect(),
    };
    let manifest_bytes = serde_json::to_vec_pretty(&manifest)
        .map_err(|e| PackageError::BadManifest(e.to_string()))?;
    let signature = hex::encode(key.sign(&manifest_bytes).to_bytes());
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .unix_permissions(0o644);
    let mut put = |path: &str, bytes: &[u8]| -> Result<(), PackageError> {
        zip.start_file(path, options)
            .map_err(|e| PackageError::NotAZip(e.to_string()))?;
        zip.write_all(bytes)
            .map_err(|e| PackageError::NotAZip(e.to_string()))
    };
    put(MANIFEST, &manifest_bytes)?;
    put(SIGNATURE, signature.as_bytes())?;
    for (path, bytes) in files {
        put(path, bytes)?;
    }
    let cursor = zip
        .finish()
        .map_err(|e| PackageError::NotAZip(e.to_string()))?;
    Ok(cursor.into_inner())
}

/// A package that verified.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verified {
    pub manifest: Manifest,
}

fn read_entry(
    archive: &mut zip::ZipArchive<Cursor<&[u8]>>,
    index: usize,
    limits: &ReadLimits,
    total: &mut u64,
) -> Result<(String, Vec<u8>), PackageError> {
    let file = archive
        .by_index(index)
        .map_err(|e| PackageError::NotAZip(e.to_string()))?;
    let name = file
        .name()
        .map_err(|e| PackageError::NotAZip(e.to_string()))?
        .to_string();
    let mut bytes = Vec::new();
    // Read one byte past the bound: the declared size of a zip entry is not to be trusted.
    file.take(limits.max_entry_bytes + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| PackageError::NotAZip(e.to_string()))?;
    if bytes.len() as u64 > limits.max_entry_bytes {
        return Err(PackageError::TooLarge(format!(
            "{name} inflates past {} bytes",
            limits.max_entry_bytes
        )));
    }
    *total += bytes.len() as u64;
    if *total > limits.max_total_bytes {
        return Err(PackageError::TooLarge(format!(
            "more than {} bytes in all",
            limits.max_total_bytes
        )));
    }
    Ok((name, bytes))
}

/// Checks a package: the signature over the manifest, the signer (when `expected` is given),
/// and every file against the manifest, with nothing missing and nothing extra.
pub fn verify(
    package: &[u8],
    expected: Option<&VerifyingKey>,
    limits: &ReadLimits,
) -> Result<Verified, PackageError> {
    let mut archive = zip::ZipArchive::new(Cursor::new(package))
        .map_err(|e| PackageError::NotAZip(e.to_string()))?;
    if archive.len() > limits.max_entries {
        return Err(PackageError::TooLarge(format!("{} entries", archive.len())));
    }
    let mut total = 0u64;
    let mut files = std::collections::BTreeMap::new();
    for i in 0..archive.len() {
        let (name, bytes) = read_entry(&mut archive, i, limits, &mut total)?;
        if files.insert(name.clone(), bytes).is_some() {
            return Err(PackageError::DuplicatePath(name));
        }
    }
    let manifest_bytes = files
        .remove(MANIFEST)
        .ok_or(PackageError::Missing(MANIFEST))?;
    let signature = files
        .remove(SIGNATURE)
        .ok_or(PackageError::Missing(SIGNATURE))?;
    let manifest: Manifest = serde_json::from_slice(&manifest_bytes)
        .map_err(|e| PackageError::BadManifest(e.to_string()))?;
    if manifest.format != FORMAT {
        return Err(PackageError::BadManifest(format!(
            "format {:?}, not {FORMAT}",
            manifest.format
        )));
    }
    let key_bytes: [u8; 32] = hex::decode(&manifest.public_key)
        .ok()
        .and_then(|b| b.try_into().ok())
        .ok_or_else(|| PackageError::BadManifest("public_key is not 32 hex bytes".into()))?;
    let signer = VerifyingKey::from_bytes(&key_bytes)
        .map_err(|_| PackageError::BadManifest("public_key is not an Ed25519 key".into()))?;
    if let Some(expected) = expected
        && expected != &signer
    {
        return Err(PackageError::WrongSigner {
            expected: hex::encode(expected.to_bytes()),
            found: manifest.public_key.clone(),
        });
    }
    let sig = std::str::from_utf8(&signature)
        .ok()
        .and_then(|s| hex::decode(s.trim()).ok())
        .and_then(|b| Signature::from_slice(&b).ok())
        .ok_or(PackageError::BadSignature)?;
    signer
        .verify(&manifest_bytes, &sig)
        .map_err(|_| PackageError::BadSignature)?;
    for f in &manifest.files {
        let bytes = files
            .remove(&f.path)
            .ok_or_else(|| PackageError::FileMissing(f.path.clone()))?;
        let found = sha256_hex(&bytes);
        if found != f.sha256 || bytes.len() as u64 != f.size {
            return Err(PackageError::FileChanged {
                path: f.path.clone(),
                expected: f.sha256.clone(),
                found,
            });
        }
    }
    if let Some(extra) = files.keys().next() {
        return Err(PackageError::FileUnlisted(extra.clone()));
    }
    Ok(Verified { manifest })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key() -> SigningKey {
        SigningKey::from_bytes(&[3u8; 32])
    }

    fn files() -> Vec<(String, Vec<u8>)> {
        vec![
            (
                "raw/report-1.eml".into(),
                b"From: scam@examp1e.com\r\n\r\nPay now".to_vec(),
            ),
            (
                "summary.md".into(),
                "# Case C-1\n2 victims, 120.00 EUR\n".as_bytes().to_vec(),
            ),
            ("stix.json".into(), b"{\"type\":\"bundle\"}".to_vec()),
        ]
    }

    fn package() -> Vec<u8> {
        build(
            "C-1",
            "2026-11-22T00:00:00Z",
            "Example Shop",
            &files(),
            &key(),
        )
        .unwrap()
    }

    /// Rewrites one entry of a zip (or drops it, or adds one), as someone tampering would.
    fn tamper(
        pkg: &[u8],
        edit: impl Fn(&str, Vec<u8>) -> Option<Vec<u8>>,
        add: Option<(&str, &[u8])>,
    ) -> Vec<u8> {
        let mut archive = zip::ZipArchive::new(Cursor::new(pkg)).unwrap();
        let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default();
        for i in 0..archive.len() {
            let mut f = archive.by_index(i).unwrap();
            let name = f.name().unwrap().to_string();
            let mut bytes = Vec::new();
            f.read_to_end(&mut bytes).unwrap();
            if let Some(bytes) = edit(&name, bytes) {
                out.start_file(name, options).unwrap();
                out.write_all(&bytes).unwrap();
            }
        }
        if let Some((name, bytes)) = add {
            out.start_file(name, options).unwrap();
            out.write_all(bytes).unwrap();
        }
        out.finish().unwrap().into_inner()
    }

    #[test]
    fn a_package_verifies_and_names_its_files() {
        let v = verify(
            &package(),
            Some(&key().verifying_key()),
            &ReadLimits::default(),
        )
        .unwrap();
        assert_eq!(v.manifest.case, "C-1");
        let paths: Vec<&str> = v.manifest.files.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(paths, ["raw/report-1.eml", "summary.md", "stix.json"]);
        assert_eq!(v.manifest.files[0].sha256, sha256_hex(&files()[0].1));
    }

    #[test]
    fn any_change_is_caught() {
        let pkg = package();
        let limits = ReadLimits::default();
        let check = |p: Vec<u8>| verify(&p, None, &limits).unwrap_err();
        let changed = tamper(
            &pkg,
            |n, mut b| {
                if n == "raw/report-1.eml" {
                    b.push(b'!');
                }
                Some(b)
            },
            None,
        );
        assert!(
            matches!(check(changed), PackageError::FileChanged { path, .. } if path == "raw/report-1.eml")
        );
        let removed = tamper(&pkg, |n, b| (n != "summary.md").then_some(b), None);
        assert_eq!(
            check(removed),
            PackageError::FileMissing("summary.md".into())
        );
        let added = tamper(&pkg, |_, b| Some(b), Some(("raw/report-2.eml", b"x")));
        assert_eq!(
            check(added),
            PackageError::FileUnlisted("raw/report-2.eml".into())
        );
        let manifest_edited = tamper(
            &pkg,
            |n, b| {
                Some(if n == MANIFEST {
                    String::from_utf8(b)
                        .unwrap()
                        .replace("C-1", "C-2")
                        .into_bytes()
                } else {
                    b
                })
            },
            None,
        );
        assert_eq!(check(manifest_edited), PackageError::BadSignature);
        let unsigned = tamper(&pkg, |n, b| (n != SIGNATURE).then_some(b), None);
        assert_eq!(check(unsigned), PackageError::Missing(SIGNATURE));
        assert!(matches!(
            check(b"not a zip".to_vec()),
            PackageError::NotAZip(_)
        ));
    }

    #[test]
    fn a_package_resigned_by_another_key_is_refused_when_the_key_is_known() {
        let other = SigningKey::from_bytes(&[4u8; 32]);
        let pkg = build("C-1", "t", "Someone", &files(), &other).unwrap();
        // It is internally consistent…
        assert!(verify(&pkg, None, &ReadLimits::default()).is_ok());
        // …but not from the issuer the receiver expects.
        assert!(matches!(
            verify(&pkg, Some(&key().verifying_key()), &ReadLimits::default()),
            Err(PackageError::WrongSigner { .. })
        ));
    }

    #[test]
    fn paths_stay_inside_the_package() {
        for bad in [
            "../etc/passwd",
            "/abs",
            "a//b",
            "a\\b",
            "",
            "manifest.json",
            "a/./b",
            "x\ny",
        ] {
            let r = build("C", "t", "i", &[(bad.to_string(), vec![])], &key());
            assert!(matches!(r, Err(PackageError::BadPath(_))), "{bad:?}");
        }
        let twice = vec![("a".to_string(), vec![]), ("a".to_string(), vec![1])];
        assert_eq!(
            build("C", "t", "i", &twice, &key()),
            Err(PackageError::DuplicatePath("a".into()))
        );
    }

    #[test]
    fn a_zip_bomb_is_refused_within_bounds() {
        let big = vec![0u8; 8 * 1024 * 1024];
        let pkg = build("C", "t", "i", &[("big.bin".into(), big)], &key()).unwrap();
        assert!(pkg.len() < 100 * 1024, "compressed to {}", pkg.len());
        let limits = ReadLimits {
            max_entry_bytes: 1024 * 1024,
            ..ReadLimits::default()
        };
        assert!(matches!(
            verify(&pkg, None, &limits),
            Err(PackageError::TooLarge(_))
        ));
    }
}
