//! `rampart user`: staff accounts from the command line — the first admin, and a way back in
//! for a locked-out one. Passwords are generated and shown once; only their argon2id hash is
//! stored, and every change is audited as `cli:<operating-system user>`.

use std::process::ExitCode;

use clap::Subcommand;
use rampart_server::console::login::{hash_password, validate_new_user};
use rampart_store::UserChange;

use crate::{Common, config, connect};

#[derive(Subcommand, Debug)]
pub enum UserCommand {
    /// Create an account and print its first password (shown once; they change it).
    Create {
        #[command(flatten)]
        common: Common,
        /// Letters, digits, dots, dashes or underscores.
        username: String,
        /// analyst, investigator, legal or admin.
        #[arg(long)]
        role: String,
        /// The name colleagues know them by.
        #[arg(long, default_value = "")]
        name: String,
        #[arg(long)]
        email: Option<String>,
    },
    /// Give an account a new generated password (ending its sessions) and lift any lockout.
    ResetPassword {
        #[command(flatten)]
        common: Common,
        username: String,
    },
    /// List the accounts.
    List {
        #[command(flatten)]
        common: Common,
    },
}

/// A password of 20 characters from an alphabet without look-alikes (about 113 bits).
fn generated_password() -> String {
    const ALPHABET: &[u8] = b"abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    (0..20)
        .map(|_| ALPHABET[rand::random_range(0..ALPHABET.len())] as char)
        .collect()
}

fn now() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp() * 1000
}

pub async fn run(command: UserCommand) -> anyhow::Result<ExitCode> {
    let actor = crate::casework::actor();
    match command {
        UserCommand::Create {
            common,
            username,
            role,
            name,
            email,
        } => {
            let password = generated_password();
            let new = validate_new_user(&username, &name, email.as_deref(), &role, &password)
                .map_err(anyhow::Error::msg)?;
            let settings = config::load(common.config.as_deref(), common.database_url, None)?;
            let store = connect(&settings).await?;
            let hash = hash_password(&password).map_err(anyhow::Error::msg)?;
            let id = store
                .create_user(
                    &rampart_store::NewUser {
                        password_hash: hash,
                        ..new.clone()
                    },
                    &actor,
                    now(),
                )
                .await?;
            store.close().await;
            eprintln!(
                "account {id} {:?} with role {}; its first password is shown only now:",
                new.username, new.role
            );
            println!("{password}");
            Ok(ExitCode::SUCCESS)
        }
        UserCommand::ResetPassword { common, username } => {
            let settings = config::load(common.config.as_deref(), common.database_url, None)?;
            let store = connect(&settings).await?;
            let Some(user) = store
                .user_by_username(&username.trim().to_lowercase())
                .await?
            else {
                store.close().await;
                eprintln!("rampart: no account called {username:?}");
                return Ok(ExitCode::from(1));
            };
            let password = generated_password();
            let hash = hash_password(&password).map_err(anyhow::Error::msg)?;
            store
                .change_user(user.id, &UserChange::Password(hash), &actor, now())
                .await?;
            store.close().await;
            eprintln!("new password for {:?}, shown only now:", user.username);
            println!("{password}");
            Ok(ExitCode::SUCCESS)
        }
        UserCommand::List { common } => {
            let settings = config::load(common.config.as_deref(), common.database_url, None)?;
            let store = connect(&settings).await?;
            for u in store.users().await? {
                let state = if u.disabled_at.is_some() {
                    "disabled"
                } else if u.locked_until.is_some_and(|t| t > now()) {
                    "locked"
                } else {
                    "active"
                };
                println!(
                    "{}\t{}\t{}\t{}\t{}",
                    u.id,
                    u.username,
                    u.role,
                    state,
                    if u.totp_secret.is_some() {
                        "two-step"
                    } else {
                        "password only"
                    }
                );
            }
            store.close().await;
            Ok(ExitCode::SUCCESS)
        }
    }
}
