//! The tests' browser: Debian's headless Chromium, driven over WebDriver by a chromedriver this
//! helper starts on a free loopback port and kills (with the Chromium it started) when the test
//! ends, even when it panics. Under CI=true a missing Chromium or chromedriver is a failure;
//! elsewhere the test says it was skipped and passes.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};

/// The viewport's width: a small laptop's.
const WIDTH: u32 = 1024;
/// Pages taller than this are cut in screenshots; the report form is about 3,000 px.
const MAX_HEIGHT: u32 = 8000;
/// How long a page, a proof of work or a condition may take on a slow, shared 2-core machine.
pub const PATIENCE: Duration = Duration::from_secs(120);

fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true" || v == "1")
}

/// `name` in one of the directories of PATH (or as given, when it is a path).
fn find_program(name: &str) -> Option<PathBuf> {
    if name.contains('/') {
        return Path::new(name).is_file().then(|| PathBuf::from(name));
    }
    std::env::split_paths(&std::env::var_os("PATH")?)
        .map(|dir| dir.join(name))
        .find(|p| p.is_file())
}

/// Chromium and chromedriver: RAMPART_CHROMIUM and RAMPART_CHROMEDRIVER, or Debian's.
fn programs() -> Result<(PathBuf, PathBuf), String> {
    let chromium = std::env::var("RAMPART_CHROMIUM").unwrap_or_else(|_| "chromium".into());
    let driver = std::env::var("RAMPART_CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into());
    match (find_program(&chromium), find_program(&driver)) {
        (Some(c), Some(d)) => Ok((c, d)),
        (c, d) => {
            let missing: Vec<&str> = [(c.is_none(), "chromium"), (d.is_none(), "chromedriver")]
                .into_iter()
                .filter_map(|(gone, name)| gone.then_some(name))
                .collect();
            Err(format!(
                "{} not installed (apt-get install chromium chromium-driver)",
                missing.join(" and ")
            ))
        }
    }
}

/// Where screenshots go: `target/test-artifacts/browser/`, under CARGO_TARGET_DIR when set.
pub fn artifacts_dir() -> PathBuf {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let target = match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) => workspace.join(dir),
        None => workspace.join("target"),
    };
    let dir = target.join("test-artifacts").join("browser");
    std::fs::create_dir_all(&dir).expect("create the screenshot directory");
    dir
}

/// A running chromedriver in a process group of its own: dropping it kills the group, so the
/// Chromium it started goes too, whether the test passed or panicked.
struct Driver {
    child: Child,
}

impl Drop for Driver {
    fn drop(&mut self) {
        // The group's id is the driver's pid (`process_group(0)`); Chromium and its helpers
        // inherit it (its crash handlers start sessions of their own, and end when Chromium
        // does). `kill` from procps takes a negative id for a group; if it is missing, the
        // driver alone still goes.
        let group = format!("-{}", self.child.id());
        let _ = Command::new("kill")
            .args(["-KILL", "--", &group])
            .stderr(Stdio::null())
            .status();
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One browser per test, one test's browser at a time: several Chromiums on two cores make
/// every wait longer without making the run shorter.
static TURN: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// A headless Chromium whose preferred language is `lang`, with an empty profile of its own.
pub struct Browser {
    pub client: Client,
    // Dropped in this order: the session handle, the processes, then their profile directory
    // and, last, the turn.
    _driver: Driver,
    _profile: tempfile::TempDir,
    _turn: tokio::sync::MutexGuard<'static, ()>,
}

/// A free loopback port. Another process could take it before chromedriver binds it; `start`
/// tries again with another port when that happens.
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free loopback port")
}

/// Starts chromedriver and waits until its /status says it is ready.
async fn start_driver(program: &Path, profile: &Path) -> Result<(Driver, String), String> {
    let log = profile.join("chromedriver.log");
    let mut last = String::new();
    for _ in 0..3 {
        let port = free_port();
        let child = {
            use std::os::unix::process::CommandExt;
            Command::new(program)
                .arg(format!("--port={port}"))
                .arg(format!("--log-path={}", log.display()))
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .process_group(0)
                .spawn()
                .map_err(|e| format!("cannot run {}: {e}", program.display()))?
        };
        let mut driver = Driver { child };
        let url = format!("http://127.0.0.1:{port}");
        let http = reqwest::Client::new();
        let deadline = Instant::now() + Duration::from_secs(60);
        while Instant::now() < deadline {
            if let Ok(Some(status)) = driver.child.try_wait() {
                last = format!("chromedriver exited with {status}");
                break;
            }
            let ready = match http
                .get(format!("{url}/status"))
                .timeout(Duration::from_secs(5))
                .send()
                .await
            {
                Ok(res) => res
                    .json::<Value>()
                    .await
                    .is_ok_and(|v| v["value"]["ready"] == true),
                Err(e) => {
                    last = e.to_string();
                    false
                }
            };
            if ready {
                return Ok((driver, url));
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let log = std::fs::read_to_string(&log).unwrap_or_default();
        let lines: Vec<&str> = log.lines().collect();
        let tail = lines[lines.len().saturating_sub(20)..].join("\n");
        last = format!("chromedriver on port {port} did not become ready ({last}); log:\n{tail}");
        drop(driver);
    }
    Err(last)
}

impl Browser {
    /// A browser that prefers `lang`, or `None` (after saying why) when Chromium or chromedriver
    /// is missing outside CI.
    pub async fn start(test: &str, lang: &str) -> Option<Browser> {
        let (chromium, chromedriver) = match programs() {
            Ok(p) => p,
            Err(why) => {
                if in_ci() {
                    panic!("headless Chromium is required under CI=true: {why}");
                }
                // Straight to the stream: the harness captures the macros' output of passing
                // tests, and a skip must be seen.
                let _ = writeln!(std::io::stderr(), "SKIPPED {test}: {why}");
                return None;
            }
        };
        let turn = TURN.lock().await;
        let profile = tempfile::tempdir().expect("a profile directory");
        let (driver, url) = start_driver(&chromedriver, profile.path())
            .await
            .unwrap_or_else(|e| panic!("{test}: {e}"));
        let mut capabilities = serde_json::Map::new();
        capabilities.insert(
            "goog:chromeOptions".into(),
            json!({
                "binary": chromium,
                "args": [
                    "--headless",
                    // Root in a container: Chromium's sandbox cannot start there.
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    // The network is closed: without these Chromium's own connections (updates,
                    // sync, QUIC probes) are refused and slow every page down.
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--disable-extensions",
                    "--disable-features=Translate,MediaRouter,OptimizationHints",
                    "--hide-scrollbars",
                    "--force-device-scale-factor=1",
                    format!("--window-size={WIDTH},900"),
                    // The language of Chromium's own words (file inputs, date fields).
                    format!("--lang={lang}"),
                    format!("--user-data-dir={}", profile.path().join("chromium").display()),
                ],
                // What Chromium sends as Accept-Language.
                "prefs": { "intl.accept_languages": lang },
            }),
        );
        capabilities.insert(
            "timeouts".into(),
            json!({ "pageLoad": PATIENCE.as_millis() as u64, "script": 60_000 }),
        );
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        let client = ClientBuilder::new(connector)
            .capabilities(capabilities)
            .connect(&url)
            .await
            .unwrap_or_else(|e| panic!("{test}: no Chromium session: {e}"));
        Some(Browser {
            client,
            _driver: driver,
            _profile: profile,
            _turn: turn,
        })
    }

    pub async fn goto(&self, url: &str) {
        self.client
            .goto(url)
            .await
            .unwrap_or_else(|e| panic!("open {url}: {e}"));
    }

    pub async fn find(&self, css: &str) -> fantoccini::elements::Element {
        self.client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no {css} on the page: {e}"))
    }

    /// Waits for `css` to be on the page (a new page after a submission or a link).
    pub async fn wait_for(&self, css: &str) -> fantoccini::elements::Element {
        self.client
            .wait()
            .at_most(PATIENCE)
            .every(Duration::from_millis(100))
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("{css} did not appear within {PATIENCE:?}: {e}"))
    }

    /// The value of a JavaScript expression.
    pub async fn js(&self, expression: &str) -> Value {
        self.client
            .execute(&format!("return {expression};"), Vec::new())
            .await
            .unwrap_or_else(|e| panic!("evaluate {expression}: {e}"))
    }

    /// Waits until a JavaScript expression is true. Errors while a page is being replaced
    /// (stale documents, navigation in progress) count as "not yet".
    pub async fn wait_until(&self, expression: &str) {
        let deadline = Instant::now() + PATIENCE;
        let script = format!("return !!({expression});");
        loop {
            if let Ok(Value::Bool(true)) = self.client.execute(&script, Vec::new()).await {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "`{expression}` was not true within {PATIENCE:?}"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// The page's `<html lang dir>`.
    pub async fn lang_and_dir(&self) -> (String, String) {
        let v = self
            .js("[document.documentElement.lang, document.documentElement.dir]")
            .await;
        (
            v[0].as_str().unwrap_or_default().to_string(),
            v[1].as_str().unwrap_or_default().to_string(),
        )
    }

    /// Saves the whole page, from its top, as `name` in the artefacts directory. WebDriver's
    /// screenshot shows only the viewport, so the window is made as tall as the page first:
    /// measured in a short window (a page is never shorter than its viewport), plus what the
    /// window itself takes.
    pub async fn screenshot(&self, name: &str) -> PathBuf {
        self.client
            .set_window_size(WIDTH, 600)
            .await
            .expect("resize the window");
        let sizes = self
            .js("[Math.ceil(document.documentElement.scrollHeight), \
                 Math.max(0, window.outerHeight - window.innerHeight)]")
            .await;
        let page = sizes[0].as_u64().unwrap_or(900);
        let frame = sizes[1].as_u64().unwrap_or(0);
        let height = u32::try_from(page + frame)
            .unwrap_or(MAX_HEIGHT)
            .clamp(600, MAX_HEIGHT);
        self.client
            .set_window_size(WIDTH, height)
            .await
            .expect("resize the window");
        self.js("window.scrollTo(0, 0)").await;
        let png = self.client.screenshot().await.expect("a screenshot");
        let path = artifacts_dir().join(name);
        std::fs::write(&path, png).expect("write the screenshot");
        path
    }

    /// Ends the session (chromedriver closes Chromium), then the driver goes on drop.
    pub async fn close(self) {
        let _ = self.client.clone().close().await;
    }
}
