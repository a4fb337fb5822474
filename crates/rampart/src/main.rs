//! `rampart`: one binary for the service and its tools. Each subcommand wires the library crates
//! together; none of them decides anything itself.

mod casework;
mod config;
mod load;
mod simulate;
mod users;

use std::io::{BufRead, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::Context;
use clap::{Args, Parser, Subcommand, ValueEnum};
use rampart_indicators::ExtractOptions;
use rampart_indicators::brand::BrandSet;
use rampart_server::auth::{Role, new_token};
use rampart_store::{ConnectConfig, Store};

#[derive(Parser, Debug)]
#[command(
    name = "rampart",
    version,
    about = "Trust and safety for marketplaces: scam reports in, campaigns and enforcement out"
)]
struct Cli {
    /// Log as text for people or as JSON lines for machines.
    #[arg(
        long,
        global = true,
        value_enum,
        env = "RAMPART_LOG_FORMAT",
        default_value = "text"
    )]
    log_format: LogFormat,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum LogFormat {
    Text,
    Json,
}

/// Where the configuration and the database are.
#[derive(Args, Debug, Clone, Default)]
struct Common {
    /// TOML configuration file (see rampart.example.toml).
    #[arg(long)]
    config: Option<PathBuf>,
    /// sqlite://FILE (created on first start) or postgres://…; overrides RAMPART_DATABASE_URL.
    #[arg(long)]
    database_url: Option<String>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Run the service: HTTP API, job workers and correlator.
    Serve {
        #[command(flatten)]
        common: Common,
        /// Address to listen on; overrides RAMPART_LISTEN (default 127.0.0.1:8080).
        #[arg(long)]
        listen: Option<String>,
    },
    /// Read the marketplace's events from a NATS JetStream stream into the event log, as a
    /// durable consumer: run several with the same --durable name to share the stream. An event
    /// is acknowledged only once it is committed.
    Worker(WorkerArgs),
    /// Apply database migrations and exit.
    Migrate {
        #[command(flatten)]
        common: Common,
    },
    /// Read text on stdin, print one JSON line per indicator found.
    Extract {
        /// ISO 3166 alpha-2 region for phone numbers in national form.
        #[arg(long)]
        region: Option<String>,
        /// Stop after this many indicators.
        #[arg(long, default_value_t = 100_000)]
        max: usize,
    },
    /// Read one domain or URL per line on stdin, print a brand verdict per line as JSON.
    Lookalike {
        /// TOML configuration file with the [[brand]] tables.
        #[arg(long)]
        config: PathBuf,
    },
    /// Staff accounts: `rampart user create alice --role admin` makes the first one.
    User {
        #[command(subcommand)]
        command: users::UserCommand,
    },
    /// API tokens.
    Token {
        #[command(subcommand)]
        command: TokenCommand,
    },
    /// Send reports to a running service and measure throughput and latency.
    Load(load::LoadArgs),
    /// Read one e-mail (RFC 5322) on stdin, store it as a report and print its reference: a
    /// mail server's pipe transport for the report address. Exits 0 once it is committed, 75
    /// (try again later) when the database or the configuration cannot take it, 65 when it can
    /// never be stored.
    Mailgate {
        #[command(flatten)]
        common: Common,
    },
    /// Cases: signed evidence packages.
    Case {
        #[command(subcommand)]
        command: casework::CaseCommand,
    },
    /// The audit chain.
    Audit {
        #[command(subcommand)]
        command: casework::AuditCommand,
    },
    /// Write a made-up marketplace history (event lines) with planted refund-service rings,
    /// insiders, fake reviews and honest look-alikes, and its ground truth.
    Simulate(simulate::SimulateArgs),
}

#[derive(Subcommand, Debug)]
enum TokenCommand {
    /// Create a token and print it (it is shown once; only its hash is stored).
    Create {
        #[command(flatten)]
        common: Common,
        /// analyst, investigator, legal or admin for people; service for the marketplace's systems
        /// (they may only send events and ask for decisions).
        #[arg(long)]
        role: String,
        /// Who or what the token is for.
        #[arg(long, default_value = "cli")]
        name: String,
    },
    /// Revoke a token by id.
    Revoke {
        #[command(flatten)]
        common: Common,
        id: i64,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    init_logging(cli.log_format);
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("rampart: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli.command)) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("rampart: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn init_logging(format: LogFormat) {
    use tracing_subscriber::EnvFilter;
    let filter =
        EnvFilter::try_from_env("RAMPART_LOG")
            .or_else(|_| EnvFilter::try_from_default_env())
            .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,tower_http=info"))
            // async-imap logs every protocol line at trace, the LOGIN password included: never
            // let it below info, whatever RAMPART_LOG asks for.
            .add_directive("async_imap=info".parse().unwrap_or_else(|_| {
                tracing_subscriber::filter::Directive::from(tracing::Level::INFO)
            }));
    use std::io::IsTerminal;
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(std::io::stderr().is_terminal())
        .with_writer(std::io::stderr);
    match format {
        LogFormat::Json => builder
            .json()
            .flatten_event(true)
            .with_current_span(true)
            .init(),
        LogFormat::Text => builder.init(),
    }
}

async fn run(command: Command) -> anyhow::Result<ExitCode> {
    match command {
        Command::Serve { common, listen } => serve(common, listen).await,
        Command::Worker(args) => worker(args).await,
        Command::Migrate { common } => {
            let settings = config::load(common.config.as_deref(), common.database_url, None)?;
            let store = connect(&settings).await?;
            store.close().await;
            println!("migrations applied");
            Ok(ExitCode::SUCCESS)
        }
        Command::Extract { region, max } => extract(region, max),
        Command::Lookalike { config } => lookalike(&config),
        Command::User { command } => users::run(command).await,
        Command::Token { command } => token(command).await,
        Command::Load(args) => load::run(args).await,
        Command::Mailgate { common } => mailgate(common).await,
        Command::Case { command } => casework::case(command).await,
        Command::Audit { command } => casework::audit(command).await,
        Command::Simulate(args) => simulate::run(args),
    }
}

async fn connect(settings: &rampart_server::Settings) -> anyhow::Result<Store> {
    let mut cfg = ConnectConfig::new(settings.database_url.clone());
    cfg.max_connections = settings.max_connections;
    Store::connect(&cfg).await.with_context(|| {
        format!(
            "cannot open the database {}",
            config::redact(&settings.database_url)
        )
    })
}

async fn serve(common: Common, listen: Option<String>) -> anyhow::Result<ExitCode> {
    let settings = config::load(common.config.as_deref(), common.database_url, listen)?;
    let grace = Duration::from_secs(settings.shutdown_grace_secs);
    let store = connect(&settings).await?;
    let listener = tokio::net::TcpListener::bind(settings.listen)
        .await
        .with_context(|| format!("cannot listen on {}", settings.listen))?;
    tracing::info!(database = %config::redact(&settings.database_url), "database ready");
    let state = rampart_server::AppState::new(store, settings).map_err(anyhow::Error::msg)?;
    let running = rampart_server::start(listener, state).await?;
    eprintln!("rampart is listening on http://{}", running.addr);
    shutdown_signal().await;
    running.shutdown(grace).await;
    Ok(ExitCode::SUCCESS)
}

#[derive(Args, Debug)]
struct WorkerArgs {
    #[command(flatten)]
    common: Common,
    /// The NATS server, e.g. nats://127.0.0.1:4222.
    #[arg(long, env = "RAMPART_NATS_URL")]
    nats: String,
    /// The JetStream stream the marketplace publishes its events to.
    #[arg(long, env = "RAMPART_NATS_STREAM")]
    stream: String,
    /// The durable consumer's name: workers with the same name share the stream.
    #[arg(long, default_value = "rampart")]
    durable: String,
    /// Create the stream with these subjects when it does not exist (repeat the flag).
    #[arg(long = "create-subject")]
    create_subjects: Vec<String>,
    /// Most messages committed together.
    #[arg(long, default_value_t = 1_000)]
    batch: usize,
    /// Milliseconds a pull waits to fill a batch.
    #[arg(long, default_value_t = 500)]
    max_wait_ms: u64,
    /// Seconds before an unacknowledged message is delivered again.
    #[arg(long, default_value_t = 30)]
    ack_wait_secs: u64,
}

async fn worker(args: WorkerArgs) -> anyhow::Result<ExitCode> {
    let settings = config::load(
        args.common.config.as_deref(),
        args.common.database_url,
        None,
    )?;
    if args.batch == 0 || args.batch > 100_000 {
        anyhow::bail!("--batch must be between 1 and 100000");
    }
    let store = connect(&settings).await?;
    let mut cfg = rampart_server::stream::StreamConfig::new(&args.nats, &args.stream);
    cfg.durable = args.durable;
    cfg.create_subjects = args.create_subjects;
    cfg.batch = args.batch;
    cfg.max_wait = Duration::from_millis(args.max_wait_ms.clamp(10, 60_000));
    cfg.ack_wait = Duration::from_secs(args.ack_wait_secs.clamp(1, 3_600));
    cfg.max_message_events = settings.abuse.max_batch_events;
    // Fault injection for the killed-worker test: a window between commit and acknowledgement.
    if let Some(ms) = std::env::var("RAMPART_FAULT_ACK_DELAY_MS")
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
    {
        cfg.ack_delay = Duration::from_millis(ms.min(60_000));
    }
    let cancel = tokio_util::sync::CancellationToken::new();
    let stop = cancel.clone();
    tokio::spawn(async move {
        shutdown_signal().await;
        stop.cancel();
    });
    eprintln!(
        "rampart worker: reading stream {:?} as {:?} from {}",
        cfg.stream, cfg.durable, cfg.url
    );
    let totals = rampart_server::stream::run(store.clone(), cfg, cancel).await;
    store.close().await;
    let totals = totals?;
    eprintln!(
        "rampart worker: stopped after {} messages: {} events stored, {} already stored, {} messages rejected",
        totals.messages, totals.stored, totals.duplicates, totals.rejected
    );
    Ok(ExitCode::SUCCESS)
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
}

/// sysexits.h: what a mail server's pipe transport understands (75 defers, others bounce).
const EX_DATAERR: u8 = 65;
const EX_TEMPFAIL: u8 = 75;

async fn mailgate(common: Common) -> anyhow::Result<ExitCode> {
    let settings = match config::load(common.config.as_deref(), common.database_url, None) {
        Ok(s) => s,
        Err(e) => {
            // A broken configuration is ours to fix, not the sender's: the mail server keeps
            // the message and tries again (Postfix and Exim bounce on anything but 75).
            eprintln!(
                "rampart mailgate: configuration: {e:#}; the mail server should try again later"
            );
            return Ok(ExitCode::from(EX_TEMPFAIL));
        }
    };
    let limit = rampart_mail::Limits::default().max_message_bytes;
    let mut raw = Vec::new();
    let read = std::io::Read::read_to_end(
        &mut std::io::Read::take(std::io::stdin().lock(), limit as u64 + 1),
        &mut raw,
    );
    if let Err(e) = read {
        eprintln!("rampart mailgate: cannot read the message: {e}");
        return Ok(ExitCode::from(EX_TEMPFAIL));
    }
    if raw.len() > limit {
        eprintln!(
            "rampart mailgate: the message is larger than {} MiB; it was not stored",
            limit / (1024 * 1024)
        );
        return Ok(ExitCode::from(EX_DATAERR));
    }
    // Read the message before touching the database: what can never be stored is refused
    // (65) even while the database is down.
    let now = i64::try_from(time::OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000)
        .unwrap_or(i64::MAX);
    let report = match rampart_server::mailgate::report_from_email(
        &raw,
        "mailgate",
        now,
        settings.smtp.enabled,
    ) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("rampart mailgate: the message cannot be stored: {e}");
            return Ok(ExitCode::from(EX_DATAERR));
        }
    };
    let store = match connect(&settings).await {
        Ok(s) => s,
        Err(e) => {
            eprintln!(
                "rampart mailgate: {e} ({}); the mail server should try again later",
                e.root_cause()
            );
            return Ok(ExitCode::from(EX_TEMPFAIL));
        }
    };
    let state = match rampart_server::AppState::new(store.clone(), settings) {
        Ok(s) => s,
        Err(e) => {
            eprintln!(
                "rampart mailgate: configuration: {e}; the mail server should try again later"
            );
            return Ok(ExitCode::from(EX_TEMPFAIL));
        }
    };
    let outcome = rampart_server::mailgate::store_report(&state, &report, "mailgate").await;
    store.close().await;
    match outcome {
        Ok(stored) => {
            println!("{}", stored.reference);
            if stored.duplicate {
                eprintln!(
                    "rampart mailgate: this message was stored before, as {}",
                    stored.reference
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(rampart_server::mailgate::EmailError::Rejected(why)) => {
            eprintln!("rampart mailgate: the message cannot be stored: {why}");
            Ok(ExitCode::from(EX_DATAERR))
        }
        Err(rampart_server::mailgate::EmailError::Unavailable(e)) => {
            eprintln!(
                "rampart mailgate: the database cannot take the message now ({e}); the mail server should try again later"
            );
            Ok(ExitCode::from(EX_TEMPFAIL))
        }
    }
}

/// Bound on what `extract` reads from stdin: more than any message, less than memory.
const MAX_STDIN_BYTES: u64 = 256 * 1024 * 1024;

fn extract(region: Option<String>, max: usize) -> anyhow::Result<ExitCode> {
    if let Some(r) = &region {
        rampart_indicators::phone::parse_region(r).map_err(|e| anyhow::anyhow!("--region: {e}"))?;
    }
    let mut input = Vec::new();
    std::io::Read::read_to_end(
        &mut std::io::Read::take(std::io::stdin().lock(), MAX_STDIN_BYTES),
        &mut input,
    )
    .context("cannot read stdin")?;
    let opts = ExtractOptions {
        region,
        max_indicators: max,
    };
    let found = rampart_indicators::extract::extract_bytes(&input, &opts);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for i in found {
        serde_json::to_writer(&mut out, &i)?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

#[derive(serde::Serialize)]
struct LookalikeLine<'a> {
    input: &'a str,
    verdict: rampart_indicators::brand::Verdict,
    brand: Option<String>,
    score: f32,
    reason: String,
}

fn lookalike(config_path: &std::path::Path) -> anyhow::Result<ExitCode> {
    let settings = config::load(Some(config_path), None, None)?;
    if settings.brands.is_empty() {
        anyhow::bail!(
            "{} lists no [[brand]]: nothing to compare against",
            config_path.display()
        );
    }
    let brands =
        BrandSet::new(&settings.brands).map_err(|e| anyhow::anyhow!("brand configuration: {e}"))?;
    let stdin = std::io::stdin().lock();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for line in stdin.split(b'\n') {
        let line = line.context("cannot read stdin")?;
        let text = String::from_utf8_lossy(&line);
        let input = text.trim();
        if input.is_empty() {
            continue;
        }
        let v = if input.contains("://") || input.contains('/') || input.contains("[:]") {
            brands.check_url(input)
        } else {
            brands.check_host(input)
        };
        serde_json::to_writer(
            &mut out,
            &LookalikeLine {
                input,
                verdict: v.verdict,
                brand: v.brand,
                score: v.score,
                reason: v.reason,
            },
        )?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

async fn token(command: TokenCommand) -> anyhow::Result<ExitCode> {
    match command {
        TokenCommand::Create { common, role, name } => {
            let role = Role::parse(&role).ok_or_else(|| {
                anyhow::anyhow!(
                    "--role must be one of service, analyst, investigator, legal, admin; got {role:?}"
                )
            })?;
            let settings = config::load(common.config.as_deref(), common.database_url, None)?;
            let store = connect(&settings).await?;
            let (token, hash) = new_token();
            let now = time::OffsetDateTime::now_utc().unix_timestamp() * 1000;
            let id = store.create_token(&name, role.as_str(), &hash, now).await?;
            store
                .audit(
                    rampart_casework::audit::Event {
                        at: now,
                        actor: casework::actor(),
                        action: "token.create".into(),
                        object: format!("token:{id}"),
                        detail: serde_json::json!({"name": name, "role": role.as_str()})
                            .to_string(),
                    },
                    None,
                )
                .await?;
            store.close().await;
            eprintln!(
                "token {id} for {name:?} with role {}; it is shown only now:",
                role.as_str()
            );
            println!("{token}");
            Ok(ExitCode::SUCCESS)
        }
        TokenCommand::Revoke { common, id } => {
            let settings = config::load(common.config.as_deref(), common.database_url, None)?;
            let store = connect(&settings).await?;
            let now = time::OffsetDateTime::now_utc().unix_timestamp() * 1000;
            let revoked = store.revoke_token(id, now).await?;
            if revoked {
                store
                    .audit(
                        rampart_casework::audit::Event {
                            at: now,
                            actor: casework::actor(),
                            action: "token.revoke".into(),
                            object: format!("token:{id}"),
                            detail: "{}".into(),
                        },
                        None,
                    )
                    .await?;
            }
            store.close().await;
            if revoked {
                println!("token {id} revoked");
                Ok(ExitCode::SUCCESS)
            } else {
                eprintln!("rampart: no active token with id {id}");
                Ok(ExitCode::FAILURE)
            }
        }
    }
}
