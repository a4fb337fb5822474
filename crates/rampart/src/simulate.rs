//! `rampart simulate`: a made-up marketplace history as event lines, with its ground truth.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use clap::Args;
use rampart_abuse::simulate::{Config, simulate};

#[derive(Args, Debug)]
pub struct SimulateArgs {
    /// Customer accounts (rings, insiders and traps are planted among them).
    #[arg(long, default_value_t = 10_000)]
    accounts: usize,
    /// Days of history.
    #[arg(long, default_value_t = 60)]
    days: u32,
    /// The same seed gives the same history, byte for byte.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Directory to write `events.jsonl` and `truth.json` into (created if missing).
    #[arg(long)]
    out: PathBuf,
    /// Replace files already there.
    #[arg(long)]
    force: bool,
}

/// Most accounts a run may have: ten million accounts is hours and gigabytes.
const MAX_ACCOUNTS: usize = 2_000_000;
/// Most days a run may cover.
const MAX_DAYS: u32 = 3_650;

pub fn run(args: SimulateArgs) -> anyhow::Result<ExitCode> {
    if args.accounts > MAX_ACCOUNTS {
        anyhow::bail!("--accounts must be at most {MAX_ACCOUNTS}");
    }
    if args.days == 0 || args.days > MAX_DAYS {
        anyhow::bail!("--days must be from 1 to {MAX_DAYS}");
    }
    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("cannot create {}", args.out.display()))?;
    let events_path = args.out.join("events.jsonl");
    let truth_path = args.out.join("truth.json");
    for p in [&events_path, &truth_path] {
        if p.exists() && !args.force {
            anyhow::bail!("{} exists; pass --force to replace it", p.display());
        }
    }
    let started = Instant::now();
    let file = std::fs::File::create(&events_path)
        .with_context(|| format!("cannot create {}", events_path.display()))?;
    let mut out = std::io::BufWriter::with_capacity(1 << 20, file);
    // The generator cannot be stopped from the sink: the first write error is kept and the
    // rest of the lines are dropped.
    let mut failed: Option<std::io::Error> = None;
    let truth = simulate(&Config::new(args.accounts, args.days, args.seed), |line| {
        if failed.is_none()
            && let Err(e) = out
                .write_all(line.as_bytes())
                .and_then(|()| out.write_all(b"\n"))
        {
            failed = Some(e);
        }
    });
    if let Some(e) = failed {
        return Err(e).with_context(|| format!("cannot write {}", events_path.display()));
    }
    out.flush()
        .and_then(|()| out.get_ref().sync_all())
        .with_context(|| format!("cannot write {}", events_path.display()))?;
    write_json(&truth_path, &truth)?;
    let s = &truth.stats;
    eprintln!(
        "{} events ({:.1} MB) over {} days for {} accounts in {:.1} s: {}",
        s.events,
        s.bytes as f64 / 1e6,
        args.days,
        args.accounts,
        started.elapsed().as_secs_f64(),
        s.by_type
            .iter()
            .map(|(k, v)| format!("{v} {k}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    eprintln!(
        "planted: {} rings ({} accounts, {} insiders), {} fraudulent refunds, {} fake reviews; \
         truth in {}",
        truth.rings.len(),
        truth.ring_accounts().len(),
        truth.insiders().len(),
        truth.fraud_refunds.len(),
        truth.fake_reviews.len(),
        truth_path.display()
    );
    Ok(ExitCode::SUCCESS)
}

fn write_json(path: &Path, value: &impl serde::Serialize) -> anyhow::Result<()> {
    let bytes = serde_json::to_vec_pretty(value)?;
    std::fs::write(path, bytes).with_context(|| format!("cannot write {}", path.display()))
}
