//! `rampart case export|verify` and `rampart audit verify`: evidence packages made and checked
//! from the command line, and the audit chain checked against the signing key.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::Subcommand;
use rampart_server::export::{self, Break, PackageError};
use rampart_server::signing;

use crate::{Common, config, connect};

/// Exit status when the check itself could not run (unreadable file, no key, no database).
const CANNOT_CHECK: u8 = 2;

#[derive(Subcommand, Debug)]
pub enum CaseCommand {
    /// Write a case's signed evidence package (zip) and record the export in the audit chain.
    Export {
        #[command(flatten)]
        common: Common,
        /// The case's id.
        case: i64,
        /// Where to write the package.
        #[arg(long)]
        out: PathBuf,
        /// Replace FILE if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Check an evidence package: its signature, its signer and every file. Exits 0 when it
    /// is intact, 1 when it is not, 2 when it cannot be checked.
    Verify {
        /// The package (zip).
        file: PathBuf,
        /// The signer's public key (64 hex digits), as confirmed with the issuer.
        #[arg(long, conflicts_with = "config")]
        public_key: Option<String>,
        /// Take the expected signer from this configuration's signing key file.
        #[arg(long)]
        config: Option<PathBuf>,
    },
}

#[derive(Subcommand, Debug)]
pub enum AuditCommand {
    /// Check the stored audit chain and its signed checkpoints against the configured signing
    /// key. Exits 0 when intact, 1 when broken, 2 when it cannot be checked.
    Verify {
        #[command(flatten)]
        common: Common,
    },
}

pub async fn case(command: CaseCommand) -> anyhow::Result<ExitCode> {
    match command {
        CaseCommand::Export {
            common,
            case,
            out,
            force,
        } => export_case(common, case, &out, force).await,
        CaseCommand::Verify {
            file,
            public_key,
            config,
        } => Ok(match verify_package(&file, public_key, config.as_deref()) {
            Ok(code) => code,
            Err(e) => {
                eprintln!("rampart: cannot check {}: {e:#}", file.display());
                ExitCode::from(CANNOT_CHECK)
            }
        }),
    }
}

pub async fn audit(command: AuditCommand) -> anyhow::Result<ExitCode> {
    match command {
        AuditCommand::Verify { common } => Ok(match verify_audit(common).await {
            Ok(code) => code,
            Err(e) => {
                eprintln!("rampart: cannot check the audit chain: {e:#}");
                ExitCode::from(CANNOT_CHECK)
            }
        }),
    }
}

/// Who the chain records: `cli:` and the operating-system user.
pub fn actor() -> String {
    let user = ["USER", "LOGNAME", "USERNAME"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .map(|u| {
            u.chars()
                .filter(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '-' | '@'))
                .take(64)
                .collect::<String>()
        })
        .find(|u| !u.is_empty());
    format!("cli:{}", user.as_deref().unwrap_or("operator"))
}

async fn export_case(
    common: Common,
    case_id: i64,
    out: &Path,
    force: bool,
) -> anyhow::Result<ExitCode> {
    if out.exists() && !force {
        anyhow::bail!("{} exists; pass --force to replace it", out.display());
    }
    let settings = config::load(common.config.as_deref(), common.database_url, None)?;
    let key_file = settings.casework.signing_key_file.clone();
    // A key made here would sign a package nobody can trace to this deployment.
    let key = export::signing_key(&key_file).map_err(|e| {
        anyhow::anyhow!(
            "{e}; export with the deployment's configuration (casework.signing_key_file)"
        )
    })?;
    let store = connect(&settings).await?;
    signing::register(&store, &key)
        .await
        .map_err(anyhow::Error::msg)?;
    let state =
        rampart_server::AppState::new(store.clone(), settings).map_err(anyhow::Error::msg)?;
    let package = export::export_case(&state, case_id, &actor()).await;
    store.close().await;
    let package = package?;
    write_new(out, &package.bytes, force)?;
    println!("{}", out.display());
    println!("files:      {}", package.files);
    println!("sha256:     {}", package.sha256);
    println!("public key: {}", package.public_key);
    Ok(ExitCode::SUCCESS)
}

/// Writes `bytes` to `path`. Without `force` an existing file is never replaced, even one made
/// meanwhile; with it, the new package takes the name only once it is complete.
fn write_new(path: &Path, bytes: &[u8], force: bool) -> anyhow::Result<()> {
    let write = |target: &Path, create_new: bool| -> std::io::Result<()> {
        let mut f = if create_new {
            std::fs::File::create_new(target)?
        } else {
            std::fs::File::create(target)?
        };
        f.write_all(bytes)?;
        f.sync_all()
    };
    if !force {
        return write(path, true).with_context(|| format!("cannot write {}", path.display()));
    }
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(format!(".{}.part", std::process::id()));
    let tmp = PathBuf::from(tmp);
    let done = write(&tmp, false).and_then(|()| std::fs::rename(&tmp, path));
    if done.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    done.with_context(|| format!("cannot write {}", path.display()))
}

fn verify_package(
    file: &Path,
    public_key: Option<String>,
    config_file: Option<&Path>,
) -> anyhow::Result<ExitCode> {
    let trusted = match (public_key, config_file) {
        (Some(hex), _) => Some(
            signing::parse_public_key(&hex)
                .context("--public-key must be 64 hex digits of an Ed25519 public key")?,
        ),
        (None, Some(path)) => {
            let settings = config::load(Some(path), None, None)?;
            Some(
                export::trusted_key(&settings.casework.signing_key_file)
                    .map_err(anyhow::Error::msg)?,
            )
        }
        (None, None) => None,
    };
    let size = std::fs::metadata(file)?.len();
    let max = export::MAX_EVIDENCE_BYTES * 2;
    if size > max {
        anyhow::bail!("it is {size} bytes, more than any package ({max} bytes)");
    }
    let bytes = std::fs::read(file)?;
    match export::verify_package(&bytes, trusted.as_ref()) {
        Ok(m) => {
            println!("case:       {}", m.case);
            println!("created at: {}", m.created_at);
            println!("issuer:     {}", m.issuer);
            println!("public key: {}", m.public_key);
            for f in &m.files {
                println!("  ✓ {} ({} bytes)", f.path, f.size);
            }
            println!(
                "VALID: the signature is good and all {} files are as signed.",
                m.files.len()
            );
            if trusted.is_none() {
                println!(
                    "warning: no trusted key was given, so this only shows the package is intact \
                     as signed by the key it carries; anyone can sign a package with their own key. \
                     Confirm the public key above with {} by another channel, or check again with \
                     --public-key.",
                    m.issuer
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            println!("NOT VALID: {}", package_problem(&e));
            Ok(ExitCode::FAILURE)
        }
    }
}

/// Why a package failed, for the person holding it.
fn package_problem(e: &PackageError) -> String {
    match e {
        PackageError::FileChanged { path, .. } => format!(
            "{path} has changed since the package was signed (its SHA-256 differs from the manifest's)"
        ),
        PackageError::FileMissing(path) => {
            format!("{path} is listed in the manifest but missing from the package")
        }
        PackageError::FileUnlisted(path) => {
            format!("{path} was added to the package after it was signed")
        }
        PackageError::BadSignature => {
            "the signature does not match manifest.json: the manifest was changed, or the signature is not its"
                .into()
        }
        PackageError::WrongSigner { expected, found } => format!(
            "it was signed by the key {found}, not by the expected key {expected}"
        ),
        PackageError::Missing(name) => format!("it has no {name}"),
        PackageError::NotAZip(why) => format!("it is not a readable zip file ({why})"),
        PackageError::BadManifest(why) => format!("manifest.json cannot be read ({why})"),
        PackageError::TooLarge(why) => format!("it is larger than this tool reads ({why})"),
        PackageError::BadPath(path) => format!("it holds a file with a path not allowed: {path:?}"),
        PackageError::DuplicatePath(path) => format!("it holds {path} twice"),
    }
}

async fn verify_audit(common: Common) -> anyhow::Result<ExitCode> {
    let settings = config::load(common.config.as_deref(), common.database_url, None)?;
    let key = export::trusted_key(&settings.casework.signing_key_file).map_err(|e| {
        anyhow::anyhow!(
            "{e}; the checkpoints can only be checked with the deployment's signing key"
        )
    })?;
    let store = connect(&settings).await?;
    let verification = signing::verify_chain(&store, Some(&key)).await;
    store.close().await;
    let v = verification?;
    println!("entries:     {}", v.entries);
    println!("checkpoints: {}", v.checkpoints);
    println!("public key:  {}", export::public_key_hex(&key));
    if v.is_intact() {
        println!(
            "INTACT: every entry matches its hash and follows the one before it, and every \
             checkpoint is signed by this key and matches the chain."
        );
        return Ok(ExitCode::SUCCESS);
    }
    println!("BROKEN: {} problem(s) found", v.breaks.len());
    for b in &v.breaks {
        println!("  {}", describe_break(b));
    }
    Ok(ExitCode::FAILURE)
}

/// A break of the chain in plain words.
fn describe_break(b: &Break) -> String {
    match b {
        Break::Edited { seq } => {
            format!("entry {seq} was edited: its content no longer matches its hash")
        }
        Break::Missing { from, to } if from == to => format!("entry {from} is missing"),
        Break::Missing { from, to } => format!("entries {from}–{to} are missing"),
        Break::Unlinked { seq } => format!(
            "entry {seq} does not follow the entry before it: it was inserted, or the one before it was replaced"
        ),
        Break::OutOfOrder { seq, after } => {
            format!("entry {seq} comes after entry {after}: it was inserted out of order")
        }
        Break::Truncated {
            checkpoint_seq,
            last_seq,
        } => format!(
            "the chain ends at {last_seq} but a signed checkpoint vouches for {checkpoint_seq}: entries were cut off"
        ),
        Break::Rewritten { seq } => format!(
            "entry {seq} differs from what a signed checkpoint vouches for: the chain was rewritten up to it"
        ),
        Break::ForgedCheckpoint { seq } => {
            format!("the checkpoint at entry {seq} is not signed by this key: it was forged")
        }
    }
}
