//! The service's Ed25519 key: it signs audit checkpoints and evidence packages. It lives in a
//! file, not in the database, so someone who can rewrite the database cannot re-sign what they
//! rewrote. Also here: the checkpointer, and verifying the stored chain.

use std::io::Write;
use std::path::Path;
use std::time::Duration;

use ed25519_dalek::{SigningKey, VerifyingKey};
use rampart_casework::audit::{ChainVerifier, Checkpoint, Verification};
use rampart_store::{Store, StoreError};
use time::OffsetDateTime;
use tokio_util::sync::CancellationToken;

use crate::AppState;
use crate::intake::millis;

/// Reads the key from `path`, or makes one there (readable by this user only) when the file
/// does not exist yet.
pub fn load_or_create(path: &Path) -> Result<SigningKey, String> {
    match std::fs::read_to_string(path) {
        Ok(text) => parse_key(text.trim()).ok_or_else(|| {
            format!(
                "{} does not hold a 64-hex-digit Ed25519 key",
                path.display()
            )
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let key = SigningKey::from_bytes(&rand::random::<[u8; 32]>());
            let mut opts = std::fs::OpenOptions::new();
            opts.write(true).create_new(true);
            #[cfg(unix)]
            {
                use std::os::unix::fs::OpenOptionsExt;
                opts.mode(0o600);
            }
            let mut file = opts
                .open(path)
                .map_err(|e| format!("cannot create {}: {e}", path.display()))?;
            file.write_all(format!("{}\n", hex::encode(key.to_bytes())).as_bytes())
                .and_then(|()| file.sync_all())
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            tracing::info!(path = %path.display(), public_key = %hex::encode(key.verifying_key().to_bytes()), "created the signing key");
            Ok(key)
        }
        Err(e) => Err(format!("cannot read {}: {e}", path.display())),
    }
}

fn parse_key(hex_text: &str) -> Option<SigningKey> {
    let bytes: [u8; 32] = hex::decode(hex_text).ok()?.try_into().ok()?;
    Some(SigningKey::from_bytes(&bytes))
}

/// Parses a public key given as 64 hex digits.
pub fn parse_public_key(hex_text: &str) -> Option<VerifyingKey> {
    let bytes: [u8; 32] = hex::decode(hex_text.trim()).ok()?.try_into().ok()?;
    VerifyingKey::from_bytes(&bytes).ok()
}

/// The public key the database was first used with. A node whose key differs would sign
/// checkpoints nobody can check against the others, so it is refused.
pub async fn register(store: &Store, key: &SigningKey) -> Result<(), String> {
    let mine = hex::encode(key.verifying_key().to_bytes());
    let known = store
        .secret("signing_public_key", &mine)
        .await
        .map_err(|e| e.to_string())?;
    if known != mine {
        return Err(format!(
            "this node's signing key (public {mine}) is not the one this database was first used \
             with (public {known}); give every node the same signing_key_file"
        ));
    }
    Ok(())
}

/// Signs the head of the chain if it moved since the last checkpoint.
pub async fn checkpoint(store: &Store, key: &SigningKey) -> Result<Option<Checkpoint>, StoreError> {
    let Some(head) = store.audit_head().await? else {
        return Ok(None);
    };
    if store.last_checkpoint_seq().await? >= Some(head.seq) {
        return Ok(None);
    }
    let cp = Checkpoint::sign(&head, millis(OffsetDateTime::now_utc()), key);
    store.add_checkpoint(&cp).await?;
    Ok(Some(cp))
}

/// Signs the head every `checkpoint_secs` while the service runs, and once more on the way out.
pub async fn run_checkpointer(state: AppState, cancel: CancellationToken) {
    let every = Duration::from_secs(state.settings.casework.checkpoint_secs.max(1));
    loop {
        let stop = tokio::select! {
            _ = cancel.cancelled() => true,
            _ = tokio::time::sleep(every) => false,
        };
        if let Err(e) = checkpoint(&state.store, &state.signing).await {
            tracing::warn!(error = %e, "could not sign an audit checkpoint");
        }
        if stop {
            return;
        }
    }
}

/// Entries read per page when verifying.
const PAGE: i64 = 2000;

/// Verifies the stored chain against the stored checkpoints and `key`, a page at a time.
pub async fn verify_chain(
    store: &Store,
    key: Option<&VerifyingKey>,
) -> Result<Verification, StoreError> {
    let checkpoints = store.checkpoints().await?;
    let mut verifier = ChainVerifier::new(&checkpoints, key);
    let Some(head) = store.audit_head().await? else {
        return Ok(verifier.finish());
    };
    // Pages by sequence number up to the head as it is now; a gap shows up as missing entries.
    let mut from = i64::MIN;
    loop {
        let page = store.audit_page_after(from, PAGE).await?;
        let Some(last) = page.last() else { break };
        from = last.seq;
        for e in &page {
            verifier.push(e);
        }
        if from >= head.seq {
            break;
        }
    }
    Ok(verifier.finish())
}
