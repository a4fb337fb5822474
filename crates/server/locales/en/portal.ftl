# Public reporting portal (issue 3). English is the reference: every other language has every
# message here, with the same variables.

## Shared
site-name = Report a scam
site-tagline = Tell us about messages that pretend to come from { $brand }. Every report helps us find and stop the people behind them.
language-label = Language
language-change = Change language
skip-to-content = Skip to main content
nav-report = Report a scam
nav-check = Is this really us?
nav-status = Check a report
footer-privacy = We use what you send only to fight fraud. We never share your contact details with the people you report.
footer-never-ask = { $brand } will never ask you for gift cards, passwords or one-time codes.

## Report form
form-title = Report a scam message or call
form-intro = Fields marked optional can be left empty. You do not need an account.
form-required = required
form-optional = optional
field-channel = How did it reach you?
channel-email = Email
channel-sms = Text message (SMS)
channel-phone_call = Phone call
channel-social_media = Social media or messaging app
channel-web = Website or pop-up
channel-other = Something else
field-body = The message
field-body-hint = Paste the whole message, as you received it. For a call, write down what the caller said.
field-eml = Or upload the email as a file (.eml)
field-eml-hint = In most email programs: open the message, then choose "Save as" or "Download message".
field-sender = Who sent it?
field-sender-hint = The email address, phone number or account name it came from.
field-links = Links in the message
field-links-hint = Copy them exactly. Please do not open them.
field-phone = The phone number that called or texted you
field-when = When did it arrive?
field-what-happened = What happened?
field-what-happened-hint = For example: they offered a refund, confirmed an order you did not place, or asked for gift cards.
field-money-lost = Did you lose money?
money-lost-no = No
money-lost-yes = Yes
field-amount = Amount
field-currency = Currency
field-payment-method = How did you pay?
payment-gift_card = Gift cards
payment-wire = Bank transfer
payment-crypto = Cryptocurrency
payment-card = Credit or debit card
payment-other = Another way
field-screenshot = Screenshot
field-screenshot-hint = A picture of the message, if you have one (PNG or JPEG, up to { $max_mb } MB).
field-email = Your email address
field-email-hint = So we can tell you when we act on your report. We will not use it for anything else.
form-submit = Send report
form-sending = Sending…

## Form errors
error-summary-title = { $count ->
    [one] There is one problem with your report
   *[other] There are { $count } problems with your report
}
error-required = Please fill in this field.
error-body-empty = Please paste the message you received.
error-body-too-long = The message is too long. Please shorten it to { $max } characters.
error-email-invalid = Please enter an email address like name@example.com.
error-amount-invalid = Please enter an amount like 49.99.
error-currency-invalid = Please choose a currency.
error-date-invalid = Please enter a date like { $example }.
error-date-future = The date cannot be in the future.
error-file-too-large = The file is too large. The largest we accept is { $max_mb } MB.
error-file-type = We cannot read this kind of file. Please send { $types }.
error-eml-invalid = We could not read this file as an email. Please paste the message instead.
error-try-again = Something went wrong on our side. Nothing was lost: please send the form again in a moment.

## Acknowledgement
ack-title = Thank you. We have your report.
ack-reference = Your reference is { $reference }.
ack-keep-reference = Keep it: you can use it to see where your report is.
ack-next-title = What happens next
ack-next-review = Our team reviews every report. Reports about the same scam are grouped, so yours helps us see how big it is.
ack-next-action = When we take action, such as shutting down a fake website, we update your report's status.
ack-next-email = We will also email you at { $email }.
ack-lost-money = If you lost money, contact your bank or card provider now. They may be able to stop or reverse the payment.
ack-another = Report another scam

## Status page
status-title = Report { $reference }
status-lookup-label = Your reference
status-lookup-submit = Check
status-not-found = We could not find a report with this reference. Please check it and try again.
status-received = Received
status-received-detail = We have your report and it is waiting to be reviewed.
status-under_review = Under review
status-under_review-detail = Our team is looking into the scam you reported.
status-action_taken = Action taken
status-action_taken-detail = We have acted against this scam. Thank you for helping protect others.
status-received-on = Received on { $date }

## Is this really us?
check-title = Is this really { $brand }?
check-intro = Paste a message, a link, an email address or a phone number, and we will tell you what we know about it.
check-input-label = Message, link, email address or phone number
check-submit = Check
verdict-official = This is an official { $brand } channel.
verdict-known_scam = This is a known scam. Do not reply, click or pay. { $count ->
    [one] One person has already reported it.
   *[other] { $count } people have already reported it.
}
verdict-lookalike = This looks like { $brand } but is not. It is very likely a scam.
verdict-unknown = We know nothing about this yet. If it asks for money, passwords or codes, treat it as a scam and report it.
check-report-it = Report it

## Acknowledgement email
email-ack-subject = Your scam report { $reference }
email-ack-greeting = Hello,
email-ack-body = Thank you for reporting a scam that used the name of { $brand }. Your reference is { $reference }.
email-ack-status = You can see where your report is at any time: { $url }
email-ack-action-subject = Update on your report { $reference }
email-ack-action-body = We have acted against the scam you reported. Thank you for helping protect others.
email-ack-signoff = The { $brand } customer protection team

## Warning to customers (plain-text email): a scam uses the brand's name. Below the intro comes a
## list of the scammers' addresses, numbers and sites, written defanged (evil[.]com).
warning-subject = Warning: messages pretending to be { $brand } are a scam
warning-intro = Messages that claim to come from { $brand } and come from, or link to, the addresses and numbers below are a scam. They are not from us.
warning-more = { $count ->
    [one] and one more
   *[other] and { $count } more
}
warning-if-you-receive = If you receive one:
warning-no-links = never click on its links or open its attachments;
warning-no-payment = never pay, and never give a password, a code or your card details;
warning-report = report it to us at { $address }, then delete it.
warning-paid = If you have already paid or shared details, contact your bank straight away.
warning-reference = Reference: { $reference }

## Page furniture
page-title = { $page } – { $brand }
nav-advice = Advice on scams
nav-main = Main
breadcrumb-home = Home
noscript-ok = Your browser is not running JavaScript. That is fine: the form still works.
contact-direct = If you are in danger or have just paid a scammer, call your bank and the police first.

## Report form, more fields
field-scam-kind = What did they want?
scam-kind-fake_order = They confirmed an order I did not place
scam-kind-fake_refund = They offered me a refund
scam-kind-gift_card = They asked for gift cards
scam-kind-fake_support = They said they were customer service
scam-kind-tech_support = They said my computer or account had a problem
scam-kind-delivery = A delivery problem or a parcel fee
scam-kind-prize = A prize, a job or an investment
scam-kind-account = My account would be closed or blocked
scam-kind-other = Something else
choose-one = Choose one
field-date-hint = For example { $example }. Leave it empty if you do not know.
field-time = Time
field-country = Where do you live?
field-country-hint = It helps us see where a scam is spreading.
form-privacy-note = By sending this form you agree that we use it to investigate the scam. We keep the message as evidence.
form-challenge = Checking that you are a person. This happens in your browser and takes a few seconds.
form-challenge-done = Check complete.

## More form errors
error-phone-invalid = Please enter a phone number with its country code, for example { $example }.
error-too-many-links = Please list at most { $max } links.
error-link-invalid = This does not look like a link. Please copy it as it appears in the message.
error-too-long = Please shorten this to { $max } characters.
error-screenshot-type = Please send a picture in PNG, JPEG, GIF or WebP format.
error-form-expired = The form was open for too long. Please check your answers and send it again.
error-rate-limited = { $minutes ->
    [one] You have sent many reports in a short time. Please wait a minute and try again.
   *[other] You have sent many reports in a short time. Please wait { $minutes } minutes and try again.
}
error-channel-missing = Please tell us how the message reached you.
error-page-not-found-title = Page not found
error-page-not-found = We could not find this page. It may have moved.
error-server-title = Something went wrong
error-bad-request = We could not understand what your browser sent. Please go back and try again.

## Status page, more
status-lookup-title = Check a report
status-lookup-intro = Enter the reference you received when you reported, such as { $example }.
status-steps = Progress of your report
status-step-done = done
status-step-current = current step
status-step-pending = not yet
status-updated-on = Last updated on { $date }
status-privacy = For your privacy this page shows only where your report is, never what it said.

## Is this really us? more
check-empty = Please paste something to check.
check-too-long = Please paste at most { $max } characters.
check-result-title = What we found
check-checked-value = You asked about: { $value }
check-known-since = First reported on { $date }.
check-known-channels = It reaches people by { $channels }.
check-what-to-do = What to do now
check-advice-official = You can reply safely. If you still have doubts, contact us through the app or the website you normally use, never through a link in a message.
check-advice-scam = Do not reply, call back, click links or pay. If you already did, contact your bank now and change your passwords.
check-advice-unknown = Be careful. We never ask for gift cards, passwords or one-time codes, and we never hurry you to pay.
check-official-channels = Our official channels
