# The staff console. English only: other languages fall back to these messages.
#
# Every id starts with `console-`: the bundle of a language also holds the portal's and the
# advice catalogue's messages. The sections follow the console's pages. The names of values the
# service stores (a role, a case status, a channel…) are at the end: the console looks them up
# by prefix and value (`console-role-` + `admin`), so their keys are those values.
#
# Where a template puts markup into a sentence (a link, <code>, <kbd>), the sentence is one
# message and the markup's place is a variable (`{ $link }`): the template fills it in.

## Every page: the layout, its navigation, and what several pages share

console-name = Rampart console
console-brand = Rampart
console-page-title = { $page } · { console-name }
console-skip = Skip to content
console-nav-label = Console
console-nav-triage = Triage
console-nav-reports = Reports
console-nav-campaigns = Campaigns
console-nav-cases = Cases
console-nav-blocklist = Block list
console-nav-audit = Audit
console-nav-users = Accounts
console-search-label = Search reports
console-search-placeholder = Search reports (/)
console-logout = Log out
console-filters-label = Filters
console-filter-any = any
console-filter-submit = Filter
console-reason = Reason
console-open-case = Open case
console-case-link = Case #{ $id }: { $title }
console-when-by = { $when } by { $who }
console-tag-hub = hub
console-tag-benign = benign
console-tag-not-correlating = not correlating
console-tag-restricted = restricted
console-error-csrf = this form has expired or did not come from the console; reload the page and try again
console-error-no-role = the account has no valid role

## The error page

console-error-page-title = { $status } { $title } · { console-name }
console-error-back = Back to the console
# When a page cannot be drawn at all (plain text).
console-error-internal = internal error

## Logging in

console-login-page-title = Log in · { console-name }
console-login-username = Username
console-login-password = Password
console-login-submit = Log in
console-login-error-expired = This login form expired. Please try again.
console-login-error-rate-limited =
    { $seconds ->
        [one] Too many attempts from your address. Try again in { $seconds } second.
       *[other] Too many attempts from your address. Try again in { $seconds } seconds.
    }
console-login-error-wrong = The username or password is wrong, or the account is locked after too many failed attempts.

## The second step of logging in: the code

console-code-page-title = Code · { console-name }
console-code-heading = Enter your code
console-code-intro = Open your authenticator app and enter the six-digit code it shows for Rampart.
console-code-label = Code
console-code-submit = Continue
console-code-error-rate-limited =
    { $seconds ->
        [one] Too many attempts. Try again in { $seconds } second.
       *[other] Too many attempts. Try again in { $seconds } seconds.
    }
console-code-error-wrong = That code is not right. Use the current code from your app.
console-code-error-used = That code was already used. Wait for the next one.
console-code-error-expired = this form has expired; log in again

## Triage and reports: the lists of reports and their filters

console-triage-title = Triage: new reports
console-reports-title = Reports
console-reports-title-search = Reports matching “{ $query }”
console-filter-channel = Channel
console-filter-language = Language
# Examples in empty fields: a language code, a country code, a campaign number.
console-filter-language-example = en
console-filter-country = Country
console-filter-country-example = GB
console-filter-verdict = Verdict
console-filter-campaign = Campaign
console-filter-campaign-example = #
console-filter-from = From
console-filter-to = To
console-filter-words = Words
# The variables are the keys, each shown as a key of the keyboard: $jk is "j/k", $slash is "/".
console-triage-keys = Keys: { $jk } move, { $x } select, { $o } open, { $a } accept selected, { $d } dismiss selected, { $slash } search.
console-reports-caption =
    { $count ->
        [one] { $count } report on this page
       *[other] { $count } reports on this page
    }
console-reports-col-select = Select
console-reports-col-received = Received (UTC)
console-reports-col-reference = Reference
console-reports-col-channel = Channel
console-reports-col-country = Country
console-reports-col-language = Language
console-reports-col-subject = Subject or text
console-reports-col-campaign = Campaign
console-reports-col-status = Status
console-reports-select = Select { $reference }
console-triage-selected = Selected reports
console-triage-reason = Reason (needed to dismiss)
console-triage-accept = Accept
console-triage-dismiss = Dismiss
console-reports-older = Older reports
console-error-campaign-number = the campaign is a number
console-error-no-report = no such report

## A report

console-report-title = Report { $reference }
console-report-warning = Everything below was written by whoever sent the scam. Links are defanged and cannot be followed; nothing is loaded from elsewhere.
console-report-facts = Facts
console-report-fact-received = Received
console-report-fact-channel = Channel
console-report-fact-source = Came in through
console-report-fact-status = Status
console-report-fact-sender = Sender
console-report-fact-number = Number
console-report-fact-country = Country
console-report-fact-language = Language
console-report-fact-happened = Happened
console-report-fact-scam-kind = Kind of scam
console-report-fact-money = Money lost
console-report-fact-paid-by = Paid by
console-report-fact-reporter-email = Reporter left an e-mail
console-report-fact-yes = yes
console-report-fact-spf = SPF
console-report-fact-dkim = DKIM
console-report-fact-dmarc = DMARC
console-report-fact-sha256 = Raw SHA-256
console-report-fact-campaign = Campaign
console-report-open-case = Open a case on this report
console-report-cases = Cases
console-report-indicators = Indicators
console-report-col-kind = Kind
console-report-col-value = Value
console-report-col-verdict = Verdict
console-report-col-found-in = Found in
console-report-subject = Subject
console-report-message = Message
console-report-description = What the reporter said happened
console-report-links = Links as reported
console-report-files = Files
# $kind is the kind of file, $sha256 its hash, $download the link to it.
console-report-file =
    { $size ->
        [one] { $kind }, { $size } byte, SHA-256 { $sha256 } — { $download } (never opened here)
       *[other] { $kind }, { $size } bytes, SHA-256 { $sha256 } — { $download } (never opened here)
    }
console-report-file-download = download
console-report-raw = Raw message
# $type is a media type such as message/rfc822; $download is a link with the text of
# console-report-raw-download.
console-report-raw-size =
    { $size ->
        [one] { $size } byte of type { $type }. { $download }.
       *[other] { $size } bytes of type { $type }. { $download }.
    }
console-report-raw-size-cut =
    { $size ->
        [one] { $size } byte of type { $type }, the first 256 KiB shown. { $download }.
       *[other] { $size } bytes of type { $type }, the first 256 KiB shown. { $download }.
    }
console-report-raw-download = Download exactly as received

## Campaigns

console-campaigns-title = Campaigns
console-campaigns-caption = Live campaigns, highest rank first
console-campaigns-col-campaign = Campaign
console-campaigns-col-rank = Rank
console-campaigns-col-reports = Reports
console-campaigns-col-reporters = Reporters
console-campaigns-col-first-seen = First seen
console-campaigns-col-last-seen = Last seen
console-campaigns-higher = Higher ranked
console-campaigns-lower = Lower ranked

## A campaign

console-campaign-title = Campaign #{ $id }
console-campaign-fact-reports = Reports
console-campaign-fact-reporters = Distinct reporters
console-campaign-fact-rank = Rank
console-campaign-fact-first-seen = First seen
console-campaign-fact-last-seen = Last seen
console-campaign-fact-losses = Losses
console-campaign-fact-channels = Channels
console-campaign-fact-countries = Countries
console-campaign-fact-languages = Languages
# $amount is a sum of money with its currency, such as "GBP 79.99".
console-campaign-money =
    { $victims ->
        [one] { $amount } from { $victims } victim
       *[other] { $amount } from { $victims } victims
    }
console-campaign-losses-none = none stated
console-campaign-chart-title = Reports per day, campaign #{ $id }
console-campaign-graph-title = Reports and indicators, campaign #{ $id }
console-campaign-cases = Cases
console-campaign-no-case = No case yet.
console-campaign-case-title = Title
console-campaign-indicators = Indicators
console-campaign-col-split = Split on
console-campaign-col-kind = Kind
console-campaign-col-value = Value
console-campaign-col-verdict = Verdict
console-campaign-col-reports-here = Reports here
console-campaign-col-notes = Notes
console-campaign-split-this = Split on this indicator
console-campaign-split-legend = Split the campaign
console-campaign-split-help = Tick the indicators that wrongly tie unrelated reports together; they stop correlating and the campaign comes apart where they held it.
console-campaign-split = Split
console-campaign-merge-heading = Merge
console-campaign-merge-into = Merge this campaign into campaign number
console-campaign-merge = Merge
console-campaign-manual-links = Merges made by hand
console-campaign-manual-link = { $when } by { $who }: { $reason }
console-campaign-undo-reason = Reason to undo
console-campaign-undo-placeholder = reason to undo
console-campaign-undo = Undo merge
console-campaign-newest = Newest reports
console-campaign-all-reports = All reports of this campaign
console-error-merge-into = the campaign to merge into is a number
console-error-no-campaign = no such campaign

## A campaign's pictures, drawn on the server (svg.rs)

console-chart-name = Reports per day
console-chart-name-titled = { $title }: reports per day
console-chart-empty-desc = No reports.
console-chart-empty = No reports in this period.
# $first and $last are the first and the last day drawn, $busiest the day with the most reports.
console-chart-desc =
    { $total ->
        [one] { $total } report from { $first } to { $last }.
       *[other] { $total } reports from { $first } to { $last }.
    }
console-chart-desc-busiest =
    { $total ->
        [one] { $total } report
       *[other] { $total } reports
    } from { $first } to { $last }; the busiest day was { $busiest } with { $most ->
        [one] { $most } report.
       *[other] { $most } reports.
    }
console-chart-desc-earlier =
    { $total ->
        [one] { $total } report
       *[other] { $total } reports
    } from { $first } to { $last }; { $earlier ->
        [one] { $earlier } report on earlier days is left out.
       *[other] { $earlier } reports on earlier days are left out.
    }
console-chart-desc-busiest-earlier =
    { $total ->
        [one] { $total } report
       *[other] { $total } reports
    } from { $first } to { $last }; the busiest day was { $busiest } with { $most ->
        [one] { $most } report
       *[other] { $most } reports
    }; { $earlier ->
        [one] { $earlier } report on earlier days is left out.
       *[other] { $earlier } reports on earlier days are left out.
    }
console-chart-bar =
    { $count ->
        [one] { $date }: { $count } report
       *[other] { $date }: { $count } reports
    }
console-chart-earlier =
    { $earlier ->
        [one] Only the latest { $days } days are drawn; { $earlier } report on earlier days is left out.
       *[other] Only the latest { $days } days are drawn; { $earlier } reports on earlier days are left out.
    }
console-graph-name = Reports and indicators
console-graph-name-titled = { $title }: reports and indicators
console-graph-empty-desc = No reports or indicators.
console-graph-empty = No reports or indicators to draw.
console-graph-desc =
    { $reports ->
        [one] { $reports } report
       *[other] { $reports } reports
    }, { $indicators ->
        [one] { $indicators } indicator
       *[other] { $indicators } indicators
    } and { $campaigns ->
        [one] { $campaigns } campaign
       *[other] { $campaigns } campaigns
    }; { $links ->
        [one] { $links } link.
       *[other] { $links } links.
    }
console-graph-left-out = Showing { $shown_nodes } of { $nodes } nodes (the heaviest) and { $shown_links } of { $links } links; { $left_nodes } nodes and { $left_links } links left out.
console-graph-legend-report = Report
console-graph-legend-indicator = Indicator (size: reports)
console-graph-legend-campaign = Campaign
console-graph-legend-hub = Hub (too widespread to link)
console-graph-tip-report = Report: { $label }
console-graph-tip-indicator =
    { $count ->
        [one] Indicator: { $label } ({ $count } report)
       *[other] Indicator: { $label } ({ $count } reports)
    }
console-graph-tip-hub =
    { $count ->
        [one] Indicator, hub: { $label } ({ $count } report; too widespread to link reports)
       *[other] Indicator, hub: { $label } ({ $count } reports; too widespread to link reports)
    }
console-graph-tip-campaign =
    { $count ->
        [one] Campaign: { $label } ({ $count } report)
       *[other] Campaign: { $label } ({ $count } reports)
    }

## An indicator

console-indicator-title = Indicator #{ $id }
console-indicator-fact-kind = Kind
console-indicator-fact-value = Value
console-indicator-fact-unicode = As displayed
console-indicator-fact-verdict = Verdict
# $reason says why the indicator got its verdict.
console-indicator-verdict = { $verdict }: { $reason }
console-indicator-verdict-brand = { $verdict } ({ $brand }): { $reason }
console-indicator-fact-reports = Reports
console-indicator-fact-first-seen = First seen
console-indicator-fact-last-seen = Last seen
console-indicator-fact-correlation = Correlation
console-indicator-excluded = does not tie reports together
console-indicator-excluded-hub = does not tie reports together; a hub
console-indicator-correlating = ties reports together
console-indicator-correlating-hub = ties reports together; a hub
console-indicator-fact-warning = Warning list
console-indicator-fact-campaigns = Campaigns
console-indicator-suspicious-reason = Reason to treat it as suspicious again
console-indicator-suspicious = Not benign
console-indicator-benign-reason = Reason it is benign (it joins the warning list and stops correlating)
console-indicator-benign = Mark benign
console-indicator-open-case = Open a case on it
console-indicator-case-title = Indicator { $value }
console-indicator-newest = Newest reports
console-indicator-col-received = Received (UTC)
console-indicator-col-reference = Reference
console-indicator-col-channel = Channel
console-indicator-col-subject = Subject or text
console-error-no-indicator = no such indicator

## Cases

console-cases-title = Cases
console-cases-filter-status = Status
console-cases-caption =
    { $count ->
        [one] { $count } case, most recently changed first
       *[other] { $count } cases, most recently changed first
    }
console-cases-col-case = Case
console-cases-col-title = Title
console-cases-col-status = Status
console-cases-col-priority = Priority
console-cases-col-assignee = Assignee
console-cases-col-changed = Changed
console-cases-open-heading = Open a case
console-cases-title-label = Title
console-cases-about = About (campaign:4, report:12 or indicator:7; optional)
console-cases-priority = Priority
console-cases-restricted = Restricted (legal and admins only)
console-error-link-form = a link is kind:number
console-error-link-kind = a case links campaigns, reports and indicators

## A case

console-case-title = { $reference }: { $title }
console-case-fact-status = Status
console-case-fact-priority = Priority
console-case-fact-assignee = Assignee
console-case-nobody = nobody
console-case-fact-opened = Opened
console-case-fact-reports = Reports covered
console-case-reports-truncated = { $count } (more than the 50,000 gathered)
console-case-fact-restricted = Restricted
console-case-restricted = only legal and admins see this case
console-case-change-label = Change the case
console-case-status = Status
console-case-priority = Priority
console-case-assignee = Assignee
console-case-visibility = Visibility
console-case-visibility-everyone = everyone with access
console-case-visibility-restricted = restricted
console-case-save = Save
# $link is a link with the text of console-case-export-link.
console-case-export = { $link } (every raw message, a summary, STIX 2.1, signed).
console-case-export-link = Download the signed evidence package
console-case-about = About
console-case-added-by = added by { $who }
console-case-remove-link = Remove
console-case-add-link = Add campaign:4, report:12 or indicator:7
console-case-add-link-submit = Add
console-case-actions = Enforcement actions
console-case-col-action = Action
console-case-col-kind = Kind
console-case-col-target = Target
console-case-col-status = Status
console-case-col-recipient = Recipient
console-case-new-action = New action
console-case-new-takedown = takedown request to the registrar or host
console-case-new-carrier-report = report of a phone number to its carrier
console-case-new-blocklist = entry on the block list
console-case-new-customer-warning = warning to the customers who reported
console-case-new-law-enforcement = referral to law enforcement
console-case-target = Target (a domain, phone number or value of this case; the agency for a referral)
console-case-recipient = Recipient e-mail (empty: the configured abuse contact)
console-case-note-for-recipient = Note for the recipient
console-case-draft-action = Draft action
console-case-tasks = Tasks
console-case-task-reopen = Reopen
console-case-task-done = Done
console-case-task-due = due { $date }
console-case-task = Task
console-case-task-due-label = Due
console-case-task-for = For
console-case-add-task = Add task
console-case-notes = Notes
console-case-note = Note
console-case-add-note = Add note
console-case-timeline = Timeline
console-error-assignee = the assignee is a user

## An enforcement action

console-action-title = { $reference }: { $kind } { $target }
console-action-fact-case = Case
console-action-case = case #{ $id }
console-action-fact-kind = Kind
console-action-fact-target = Target
console-action-fact-status = Status
console-action-fact-recipient = Recipient
console-action-no-recipient = none found yet
console-action-fact-drafted = Drafted
console-action-fact-outcome = Outcome
console-action-fact-completed = Completed
console-action-preview = What will be sent
# $kind and $value are what goes on the block list, shown as code.
console-action-publishes = Publishes { $kind } { $value } on the block list.
# $recipients is the list of their addresses.
console-action-recipients =
    { $count ->
        [one] To { $count } recipient: { $recipients }
       *[other] To { $count } recipients: { $recipients }
    }
console-action-send = Send
console-action-close = Close it
console-action-outcome = Outcome (what happened: the domain was suspended, the carrier confirmed…)
console-action-complete = Completed
console-action-fail = Failed
console-action-cancel = Cancel action
console-action-close-hint = Completing marks every report of the case “action taken” and tells the reporters who left an e-mail.
console-action-notices = Notices
console-action-no-notices = None sent.
# $kind is the kind of notice, $status where it is (shown in bold).
console-action-notice = { $kind } to { $recipient }: { $status }
console-action-notice-sent = { $kind } to { $recipient }: { $status } at { $at }
console-error-no-step = no such step

## The block list

console-blocklist-title = Block list
# $text is a link to the list as text (its text is the address), $json a link with the text of
# console-blocklist-json.
console-blocklist-intro = Published for mail filters and SMS gateways at { $text } (text) and { $json }.
console-blocklist-json = JSON
console-blocklist-caption =
    { $count ->
        [one] { $count } entry
       *[other] { $count } entries
    }
console-blocklist-col-kind = Kind
console-blocklist-col-value = Value
console-blocklist-col-why = Why
console-blocklist-col-added = Added
console-blocklist-col-remove = Remove
console-blocklist-by-action = an enforcement action
console-blocklist-reason = reason
console-blocklist-remove = Remove

## The audit chain (and a case's timeline, which is a part of it)

console-audit-title = Audit chain
console-audit-object = Object
# Examples in empty fields, written as the chain writes objects and actors.
console-audit-object-example = case:4
console-audit-actor = Actor
console-audit-actor-example = user:alice
console-audit-verify = Verify the whole chain
console-audit-intact =
    The chain is intact: { $entries ->
        [one] { $entries } entry
       *[other] { $entries } entries
    }, { $checkpoints ->
        [one] { $checkpoints } signed checkpoint.
       *[other] { $checkpoints } signed checkpoints.
    }
console-audit-broken =
    The chain is broken ({ $entries ->
        [one] { $entries } entry
       *[other] { $entries } entries
    }, { $checkpoints ->
        [one] { $checkpoints } checkpoint
       *[other] { $checkpoints } checkpoints
    }):
console-audit-break-edited = entry { $seq } was edited
console-audit-break-missing = entries { $from } to { $to } are missing
console-audit-break-unlinked = entry { $seq } does not follow the one before it (inserted, or its predecessor replaced)
console-audit-break-out-of-order = entry { $seq } comes after { $after }
console-audit-break-truncated = the chain ends at { $last } but a signed checkpoint vouches for { $checkpoint }: entries were cut off
console-audit-break-rewritten = entry { $seq } differs from what a signed checkpoint vouches for: the chain was rewritten
console-audit-break-forged = the checkpoint at { $seq } is not signed by this service's key
console-audit-col-seq = #
console-audit-col-when = When (UTC)
console-audit-col-who = Who
console-audit-col-what = What
console-audit-col-object = Object
console-audit-col-detail = Detail
console-audit-col-hash = Hash
console-audit-older = Older entries

## Your account

console-account-title = Your account
console-account-username = Username
console-account-name = Name
console-account-role = Role
console-account-two-step = Two-step login
# Whether two-step login is on for an account (here and on the accounts page).
console-two-step-on = on
console-two-step-off = off
console-account-password-heading = Change your password
console-account-current = Current password
console-account-new = New password (at least 12 characters)
console-account-change-password = Change password
console-account-two-step-heading = Two-step login
console-account-enrol-help = Add this key to your authenticator app (it shows codes that change every 30 seconds), then enter the code it shows.
console-account-key = Key
console-account-setup-address = Set-up address
console-account-code = Code from the app
console-account-turn-on = Turn on two-step login
console-account-turn-off = Turn off two-step login
console-account-set-up = Set up two-step login
console-account-error-current = The current password is not right.
console-account-error-too-short = The new password is not accepted: a password needs at least { $min } characters.
console-account-error-too-long = The new password is not accepted: a password has at most { $max } characters.
console-account-two-step-done = Two-step login is on: from now on you will be asked for a code after your password.
console-account-error-code = That code is not right; start again and enter the current code from your app.
console-account-error-remove = the current password is not right

## Accounts (admins)

console-users-title = Accounts
console-users-caption = Staff accounts
console-users-col-username = Username
console-users-col-name = Name
console-users-col-role = Role
console-users-col-two-step = Two-step
console-users-col-state = State
console-users-col-change = Change
console-users-disabled = disabled
console-users-active = active
console-users-locked = locked until { $until }
console-users-role-of = Role of { $username }
console-users-set-role = Set role
# The buttons that change an account, by the change they post.
console-users-change-unlock = Unlock
console-users-change-disable = Disable
console-users-change-enable = Enable
console-users-change-remove_totp = Reset two-step
console-users-new = New account
console-users-username = Username
console-users-name = Name
console-users-email = E-mail (optional)
console-users-role = Role
console-users-password = First password (at least 12 characters; they change it)
console-users-create = Create account
console-users-error-username = a username is 1 to 64 letters, digits, dots, dashes or underscores
console-users-error-role = the role must be analyst, investigator, legal or admin
console-users-error-too-short = a password needs at least { $min } characters
console-users-error-too-long = a password has at most { $max } characters
console-users-error-email = the e-mail address is not valid
console-users-error-unknown-role = unknown role
console-users-error-unknown-change = unknown change
console-users-error-self = you cannot disable yourself or change your own role; ask another admin

## Names of stored values, by prefix and value (several pages show them)

console-role-analyst = analyst
console-role-investigator = investigator
console-role-legal = legal
console-role-admin = admin
console-channel-email = email
console-channel-sms = sms
console-channel-phone_call = phone call
console-channel-social_media = social media
console-channel-web = web
console-channel-other = other
console-verdict-lookalike = lookalike
console-verdict-official = official
console-verdict-unknown = unknown
console-report-status-received = received
console-report-status-under_review = under review
console-report-status-action_taken = action taken
console-case-status-open = open
console-case-status-in_progress = in progress
console-case-status-closed = closed
console-priority-low = low
console-priority-normal = normal
console-priority-high = high
console-priority-urgent = urgent
# What a case is about.
console-link-kind-campaign = campaign
console-link-kind-report = report
console-link-kind-indicator = indicator
console-link-kind-account = account
console-link-kind-refund = refund
console-link-kind-agent = agent
console-action-kind-takedown = takedown
console-action-kind-carrier_report = carrier report
console-action-kind-blocklist = blocklist
console-action-kind-customer_warning = customer warning
console-action-kind-law_enforcement = law enforcement
console-action-status-draft = draft
console-action-status-requested = requested
console-action-status-completed = completed
console-action-status-failed = failed
console-action-status-cancelled = cancelled
console-notice-kind-takedown = takedown
console-notice-kind-carrier_report = carrier report
console-notice-kind-customer_warning = customer warning
console-notice-kind-law_enforcement = law enforcement
console-notice-kind-status_update = status update
console-notice-status-queued = queued
console-notice-status-sent = sent
console-notice-status-failed = failed
