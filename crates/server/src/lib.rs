//! HTTP and background work for `rampart serve`: the REST API, health and metrics endpoints,
//! the job workers that process stored reports, and the correlator. Decisions are made in the
//! domain crates (`rampart-indicators`, `rampart-intel`); SQL lives in `rampart-store`.

pub mod abuse;
pub mod abuse_api;
pub mod acknowledge;
pub mod auth;
pub mod casework;
pub mod casework_api;
pub mod challenge;
pub mod codes;
pub mod console;
pub mod correlator;
pub mod events;
pub mod export;
pub mod i18n;
pub mod imap;
pub mod intake;
pub mod json;
pub mod limits;
pub mod mailer;
pub mod mailgate;
pub mod notices;
pub mod openapi;
pub mod ops;
pub mod portal;
pub mod problem;
pub mod processing;
pub mod read;
pub mod settings;
pub mod signing;
pub mod stream;
pub mod svg;
pub mod webhooks;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderName, HeaderValue, Request, header};
use axum::response::IntoResponse;
use axum::routing::{get, post};
use metrics_exporter_prometheus::PrometheusHandle;
use rampart_store::Store;
use tokio::net::TcpListener;
use tokio::sync::Notify;
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

pub use processing::Pipeline;
pub use settings::Settings;

use problem::Problem;

/// What every handler and background task shares.
#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    pub settings: Arc<Settings>,
    pub pipeline: Arc<Pipeline>,
    /// Pinged after a commit that queued a job, so idle workers start at once.
    pub work: Arc<Notify>,
    /// Pinged after processing, so the correlator starts at once.
    pub correlate: Arc<Notify>,
    /// Pinged after marketplace events are stored, so the abuse model reads them at once.
    pub events: Arc<Notify>,
    pub metrics: Option<PrometheusHandle>,
    /// Distinguishes this process in job locks and leases.
    pub node_id: String,
    pub limits: Arc<limits::Limits>,
    /// The SMTP relay, when one is configured.
    pub mailer: Option<Arc<mailer::Mailer>>,
    /// The form's proof-of-work key comes from the database on first use.
    challenges: Arc<tokio::sync::OnceCell<challenge::Challenges>>,
    /// Signs audit checkpoints and evidence packages.
    pub signing: Arc<ed25519_dalek::SigningKey>,
    /// The abuse engine: the marketplace's model, rules in force, decisions.
    pub abuse: Arc<abuse::Engine>,
}

impl AppState {
    pub fn new(store: Store, settings: Settings) -> Result<AppState, String> {
        let pipeline = Pipeline::new(&settings)?;
        let signing = signing::load_or_create(&settings.casework.signing_key_file)?;
        let settings_limits = settings.limits.clone();
        let engine = abuse::Engine::new(settings.abuse.detect.clone());
        let mailer = if settings.smtp.enabled {
            Some(Arc::new(
                mailer::Mailer::new(&settings.smtp).map_err(|e| format!("smtp: {e}"))?,
            ))
        } else {
            None
        };
        let node_id = format!(
            "{}-{}-{}",
            hostname(),
            std::process::id(),
            uuid::Uuid::new_v4()
                .simple()
                .to_string()
                .get(..8)
                .unwrap_or("0")
        );
        Ok(AppState {
            store,
            settings: Arc::new(settings),
            pipeline: Arc::new(pipeline),
            work: Arc::new(Notify::new()),
            correlate: Arc::new(Notify::new()),
            events: Arc::new(Notify::new()),
            metrics: ops::prometheus(),
            node_id,
            limits: Arc::new(limits::Limits::new(&settings_limits)),
            mailer,
            challenges: Arc::new(tokio::sync::OnceCell::new()),
            signing: Arc::new(signing),
            abuse: Arc::new(engine),
        })
    }

    /// The form's challenges, keyed by a secret every node shares through the database.
    pub async fn challenges(&self) -> Result<&challenge::Challenges, rampart_store::StoreError> {
        self.challenges
            .get_or_try_init(|| async {
                let candidate = hex::encode(rand::random::<[u8; 32]>());
                let key = self.store.secret("portal_challenge", &candidate).await?;
                Ok(challenge::Challenges::new(
                    key.as_bytes(),
                    self.settings.limits.challenge_difficulty,
                ))
            })
            .await
    }

    /// Whether reporters who leave an address are sent an acknowledgement.
    pub fn acknowledgements_enabled(&self) -> bool {
        self.settings.smtp.enabled
    }

    pub fn wake_workers(&self) {
        self.work.notify_waiters();
        self.work.notify_one();
    }
}

fn hostname() -> String {
    std::fs::read_to_string("/etc/hostname")
        .ok()
        .map(|h| h.trim().to_string())
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "node".into())
}

/// The HTTP routes.
pub fn router(state: AppState) -> Router {
    let limit = state.settings.max_body_bytes;
    let api = Router::new()
        .route(
            "/reports",
            post(intake::create_report).get(read::list_reports),
        )
        .route("/reports/{id}", get(read::get_report))
        .route("/reports/{id}/raw", get(read::get_report_raw))
        .route("/reports/{id}/files/{file_id}", get(read::get_report_file))
        .route("/campaigns", get(read::list_campaigns))
        .route("/campaigns/{id}", get(read::get_campaign))
        .route("/indicators/{kind}/{*value}", get(read::get_indicator))
        .route("/check", post(portal::check::api))
        .route("/openapi.json", get(openapi::serve))
        .route("/cases/{id}/export", get(export::api_export))
        .route("/events", post(events::ingest))
        .merge(abuse_api::routes())
        .merge(casework_api::routes());
    let request_id = HeaderName::from_static("x-request-id");
    let portal_limit =
        state.settings.portal.max_upload_bytes + intake::MAX_SCREENSHOT_BYTES + 2 * 1024 * 1024;
    let portal = portal::router()
        .layer(axum::middleware::from_fn_with_state(
            portal_limit,
            refuse_oversized,
        ))
        .layer(DefaultBodyLimit::max(portal_limit));
    Router::new()
        .nest("/api/v1", api)
        .route("/healthz", get(ops::healthz))
        .route("/readyz", get(ops::readyz))
        .route("/metrics", get(ops::metrics))
        .layer(axum::middleware::from_fn_with_state(limit, refuse_oversized))
        .layer(DefaultBodyLimit::max(limit))
        .merge(portal)
        .merge(console::router())
        .fallback(|| async { Problem::not_found("resource").into_response() })
        .layer(axum::middleware::from_fn(problem_for_bare_errors))
        .layer(axum::middleware::from_fn(ops::track))
        .layer(CatchPanicLayer::custom(|_| Problem::internal().into_response()))
        .layer(TimeoutLayer::with_status_code(
            axum::http::StatusCode::SERVICE_UNAVAILABLE,
            Duration::from_secs(30),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("default-src 'none'; frame-ancestors 'none'"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        ))
        .layer(PropagateRequestIdLayer::new(request_id.clone()))
        .layer(
            TraceLayer::new_for_http().make_span_with(|req: &Request<_>| {
                let id = req
                    .headers()
                    .get("x-request-id")
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or("");
                tracing::info_span!("request", method = %req.method(), path = %req.uri().path(), request_id = %id)
            }),
        )
        .layer(SetRequestIdLayer::new(request_id, MakeRequestUuid))
        .with_state(state)
}

/// Errors the router makes itself (405 for a wrong method) come without a body; give them the
/// same problem shape as every other error.
async fn problem_for_bare_errors(
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let res = next.run(req).await;
    if res.status() == axum::http::StatusCode::METHOD_NOT_ALLOWED
        && !res.headers().contains_key(header::CONTENT_TYPE)
    {
        let allow = res.headers().get(header::ALLOW).cloned();
        let mut problem = Problem::new(
            axum::http::StatusCode::METHOD_NOT_ALLOWED,
            "method-not-allowed",
            "this resource does not take that method",
        )
        .into_response();
        if let Some(allow) = allow {
            problem.headers_mut().insert(header::ALLOW, allow);
        }
        return problem;
    }
    res
}

/// Answers 413 as soon as the headers announce a body over the limit, without reading it
/// (a body without a length is cut off by the body limit while it is read).
async fn refuse_oversized(
    axum::extract::State(limit): axum::extract::State<usize>,
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let announced = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if announced.is_some_and(|n| n > limit as u64) {
        return Problem::too_large(limit).into_response();
    }
    next.run(req).await
}

/// Runs a background task and starts it again if it panics, so one bad input cannot stop
/// processing for good; returns when the task ends normally (after `stop`).
async fn supervise<F, Fut>(what: &'static str, stop: CancellationToken, task: F)
where
    F: Fn() -> Fut,
    Fut: std::future::Future<Output = ()> + Send + 'static,
{
    loop {
        match tokio::spawn(task()).await {
            Ok(()) => return,
            Err(e) if e.is_panic() => {
                metrics::counter!("rampart_background_panics_total", "task" => what).increment(1);
                tracing::error!(task = what, "background task panicked; restarting it");
                if stop.is_cancelled() {
                    return;
                }
                tokio::time::sleep(Duration::from_secs(1)).await;
            }
            Err(_) => return,
        }
    }
}

/// A running service: its address, and the handle to stop it gracefully.
pub struct Running {
    pub addr: SocketAddr,
    pub state: AppState,
    http_stop: CancellationToken,
    work_stop: CancellationToken,
    http: JoinHandle<std::io::Result<()>>,
    background: Vec<JoinHandle<()>>,
}

/// Serves on `listener` and starts the job workers and the correlator.
pub async fn start(listener: TcpListener, state: AppState) -> std::io::Result<Running> {
    let addr = listener.local_addr()?;
    signing::register(&state.store, &state.signing)
        .await
        .map_err(std::io::Error::other)?;
    let http_stop = CancellationToken::new();
    let stop = http_stop.clone();
    let app = router(state.clone()).into_make_service_with_connect_info::<SocketAddr>();
    let http = tokio::spawn(async move {
        axum::serve(listener, app)
            .with_graceful_shutdown(async move { stop.cancelled().await })
            .await
    });
    let work_stop = CancellationToken::new();
    let mut background = Vec::new();
    for i in 0..state.settings.workers.max(1) {
        let (state, stop) = (state.clone(), work_stop.clone());
        let name = format!("{}-w{i}", state.node_id);
        background.push(tokio::spawn(supervise(
            "job worker",
            stop.clone(),
            move || processing::run_worker(state.clone(), name.clone(), stop.clone()),
        )));
    }
    if state.settings.correlation.enabled {
        let (state, stop) = (state.clone(), work_stop.clone());
        background.push(tokio::spawn(supervise(
            "correlator",
            stop.clone(),
            move || correlator::run(state.clone(), stop.clone()),
        )));
    }
    if state.settings.imap.enabled {
        let (state, stop) = (state.clone(), work_stop.clone());
        background.push(tokio::spawn(supervise(
            "imap poller",
            stop.clone(),
            move || {
                imap::run(
                    state.settings.imap.clone(),
                    mailgate::ReportSink::new(state.clone()),
                    stop.clone(),
                )
            },
        )));
    }
    {
        let (state, stop) = (state.clone(), work_stop.clone());
        background.push(tokio::spawn(supervise(
            "abuse event tail",
            stop.clone(),
            move || abuse::run_tail(state.clone(), stop.clone()),
        )));
    }
    {
        let (state, stop) = (state.clone(), work_stop.clone());
        background.push(tokio::spawn(supervise(
            "abuse detection",
            stop.clone(),
            move || abuse::run_detection(state.clone(), stop.clone()),
        )));
    }
    {
        let (state, stop) = (state.clone(), work_stop.clone());
        background.push(tokio::spawn(supervise(
            "decision writer",
            stop.clone(),
            move || abuse::run_writer(state.clone(), stop.clone()),
        )));
    }
    {
        let (state, stop) = (state.clone(), work_stop.clone());
        background.push(tokio::spawn(supervise(
            "audit checkpointer",
            stop.clone(),
            move || signing::run_checkpointer(state.clone(), stop.clone()),
        )));
    }
    {
        // Rate-limit state of clients that went quiet is dropped now and then.
        let (limits, stop) = (state.limits.clone(), work_stop.clone());
        background.push(tokio::spawn(async move {
            loop {
                tokio::select! {
                    _ = stop.cancelled() => return,
                    _ = tokio::time::sleep(Duration::from_secs(600)) => limits.forget_idle(),
                }
            }
        }));
    }
    tracing::info!(%addr, node = %state.node_id, "listening");
    Ok(Running {
        addr,
        state,
        http_stop,
        work_stop,
        http,
        background,
    })
}

impl Running {
    /// Stops accepting connections and finishes in-flight requests; then, so that a request
    /// that queued a job has been answered first, lets every worker finish the job in hand.
    /// Gives up waiting after `grace`.
    pub async fn shutdown(self, grace: Duration) {
        tracing::info!("shutting down");
        let deadline = tokio::time::Instant::now() + grace;
        self.http_stop.cancel();
        match tokio::time::timeout_at(deadline, self.http).await {
            Ok(Ok(Ok(()))) => {}
            Ok(Ok(Err(e))) => tracing::warn!(error = %e, "HTTP server ended with an error"),
            Ok(Err(e)) => tracing::warn!(error = %e, "HTTP server task failed"),
            Err(_) => tracing::warn!("in-flight requests did not finish within the grace period"),
        }
        self.work_stop.cancel();
        for task in self.background {
            if tokio::time::timeout_at(deadline, task).await.is_err() {
                tracing::warn!("background work did not finish within the grace period");
            }
        }
        self.state.store.close().await;
        tracing::info!("stopped");
    }
}
