//! The OpenAPI 3.1 document, generated from the handlers and types themselves.

use axum::Json;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

use crate::{intake, problem, read};

#[derive(OpenApi)]
#[openapi(
    info(title = "Rampart API", description = "Scam reports in; indicators, campaigns and enforcement out."),
    paths(
        intake::create_report,
        read::list_reports,
        read::get_report,
        read::get_report_raw,
        read::get_report_file,
        crate::portal::check::api,
        read::list_campaigns,
        read::get_campaign,
        read::get_indicator,
    ),
    components(schemas(
        intake::ReportInput, intake::MoneyInput, intake::Channel, intake::PaymentMethod,
        intake::ReportCreated, problem::Problem, problem::FieldError,
        read::ReportView, read::ReportSummary, read::ReportPage, read::ReportIndicatorView, read::Money,
        read::CampaignSummary, read::CampaignPage, read::CampaignView, read::CountView, read::MoneyView,
        read::CampaignIndicatorView, read::IndicatorView, read::AuthView, read::FileView,
        intake::ScamKind, intake::ScreenshotInput,
        crate::portal::check::CheckInput, crate::portal::check::CheckAnswer,
        crate::portal::check::PublicCampaign, crate::portal::check::Matched,
    )),
    modifiers(&BearerAuth),
    tags(
        (name = "reports", description = "Scam reports from the public"),
        (name = "campaigns", description = "Reports correlated into operations"),
        (name = "indicators", description = "URLs, domains, e-mails, phones, IPs and wallets"),
        (name = "public", description = "What the public may ask without a token"),
    )
)]
pub struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

/// The whole document: the reporting API and the casework API.
pub fn document() -> utoipa::openapi::OpenApi {
    let mut doc = ApiDoc::openapi();
    doc.merge(crate::casework_api::CaseworkApi::openapi());
    doc.merge(crate::export::ExportApi::openapi());
    doc.merge(crate::events::AbuseApi::openapi());
    doc.merge(crate::abuse_api::AbuseApiDoc::openapi());
    doc
}

pub async fn serve() -> Json<utoipa::openapi::OpenApi> {
    Json(document())
}
