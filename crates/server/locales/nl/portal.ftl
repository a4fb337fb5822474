# Openbaar meldportaal (taak 3). Engels is de referentie: elke andere taal bevat elk bericht
# uit dit bestand, met dezelfde variabelen.

## Algemeen
site-name = Oplichting melden
site-tagline = Laat ons weten welke berichten doen alsof ze van { $brand } komen. Elke melding helpt ons de mensen erachter op te sporen en te stoppen.
language-label = Taal
language-change = Taal wijzigen
skip-to-content = Direct naar de hoofdinhoud
nav-report = Oplichting melden
nav-check = Komt dit echt van ons?
nav-status = Melding opzoeken
footer-privacy = We gebruiken wat u ons stuurt alleen om fraude te bestrijden. We delen uw contactgegevens nooit met de mensen die u meldt.
footer-never-ask = { $brand } vraagt u nooit om cadeaukaarten, wachtwoorden of eenmalige codes.

## Meldformulier
form-title = Een oplichtingsbericht of -telefoontje melden
form-intro = Velden met 'optioneel' mag u leeg laten. U hebt geen account nodig.
form-required = verplicht
form-optional = optioneel
field-channel = Hoe bent u benaderd?
channel-email = E-mail
channel-sms = Sms
channel-phone_call = Telefoontje
channel-social_media = Sociale media of berichtenapp
channel-web = Website of pop-upvenster
channel-other = Iets anders
field-body = Het bericht
field-body-hint = Plak het volledige bericht, precies zoals u het hebt ontvangen. Ging het om een telefoontje? Schrijf dan op wat de beller zei.
field-eml = Of upload de e-mail als bestand (.eml)
field-eml-hint = In de meeste e-mailprogramma's: open het bericht en kies 'Opslaan als' of 'Bericht downloaden'.
field-sender = Wie heeft het gestuurd?
field-sender-hint = Het e-mailadres, het telefoonnummer of de accountnaam waar het vandaan kwam.
field-links = Links in het bericht
field-links-hint = Kopieer ze precies zoals ze zijn. Open ze alstublieft niet.
field-phone = Het telefoonnummer waarmee u werd gebeld of een bericht kreeg
field-when = Wanneer kwam het binnen?
field-what-happened = Wat is er gebeurd?
field-what-happened-hint = Bijvoorbeeld: ze boden u geld terug aan, bevestigden een bestelling die u niet had geplaatst of vroegen om cadeaukaarten.
field-money-lost = Bent u geld kwijtgeraakt?
money-lost-no = Nee
money-lost-yes = Ja
field-amount = Bedrag
field-currency = Valuta
field-payment-method = Hoe hebt u betaald?
payment-gift_card = Cadeaukaarten
payment-wire = Bankoverschrijving
payment-crypto = Cryptovaluta
payment-card = Creditcard of betaalpas
payment-other = Op een andere manier
field-screenshot = Schermafbeelding
field-screenshot-hint = Een afbeelding van het bericht, als u die hebt (PNG of JPEG, maximaal { $max_mb } MB).
field-email = Uw e-mailadres
field-email-hint = Zo kunnen we u laten weten wanneer we iets met uw melding doen. We gebruiken het nergens anders voor.
form-submit = Melding versturen
form-sending = Bezig met versturen…

## Foutmeldingen in het formulier
error-summary-title = { $count ->
    [one] Er is één probleem met uw melding
   *[other] Er zijn { $count } problemen met uw melding
}
error-required = Vul dit veld in.
error-body-empty = Plak het bericht dat u hebt ontvangen.
error-body-too-long = Het bericht is te lang. Maak het korter, tot maximaal { $max } tekens.
error-email-invalid = Vul een e-mailadres in, bijvoorbeeld naam@example.com.
error-amount-invalid = Vul een bedrag in, bijvoorbeeld 49.99.
error-currency-invalid = Kies een valuta.
error-date-invalid = Vul een datum in, bijvoorbeeld { $example }.
error-date-future = De datum kan niet in de toekomst liggen.
error-file-too-large = Het bestand is te groot. We accepteren bestanden tot maximaal { $max_mb } MB.
error-file-type = Dit soort bestand kunnen we niet lezen. Stuur alstublieft een bestand van het type { $types }.
error-eml-invalid = We konden dit bestand niet als e-mail lezen. Plak in plaats daarvan de tekst van het bericht.
error-try-again = Er ging bij ons iets mis. Er is niets verloren gegaan: verstuur het formulier over een ogenblik opnieuw.

## Bevestiging
ack-title = Bedankt. We hebben uw melding ontvangen.
ack-reference = Uw kenmerk is { $reference }.
ack-keep-reference = Bewaar het goed: hiermee kunt u zien hoe het met uw melding staat.
ack-next-title = Wat gebeurt er nu?
ack-next-review = Ons team bekijkt elke melding. Meldingen over dezelfde oplichting worden samengevoegd, zodat uw melding ons helpt te zien hoe groot het probleem is.
ack-next-action = Als we actie ondernemen, bijvoorbeeld door een nepwebsite offline te laten halen, passen we de status van uw melding aan.
ack-next-email = We sturen u ook een e-mail op { $email }.
ack-lost-money = Bent u geld kwijtgeraakt? Neem dan meteen contact op met uw bank of creditcardmaatschappij. Zij kunnen de betaling misschien nog tegenhouden of terugdraaien.
ack-another = Nog een oplichtingspoging melden

## Statuspagina
status-title = Melding { $reference }
status-lookup-label = Uw kenmerk
status-lookup-submit = Opzoeken
status-not-found = We hebben geen melding met dit kenmerk gevonden. Controleer het kenmerk en probeer het opnieuw.
status-received = Ontvangen
status-received-detail = We hebben uw melding ontvangen. Die wacht nu op beoordeling.
status-under_review = In behandeling
status-under_review-detail = Ons team onderzoekt de oplichting die u hebt gemeld.
status-action_taken = Actie ondernomen
status-action_taken-detail = We hebben actie ondernomen tegen deze oplichting. Bedankt dat u helpt anderen te beschermen.
status-received-on = Ontvangen op { $date }

## Komt dit echt van ons?
check-title = Is dit echt { $brand }?
check-intro = Plak een bericht, link, e-mailadres of telefoonnummer, dan vertellen we u wat we erover weten.
check-input-label = Bericht, link, e-mailadres of telefoonnummer
check-submit = Controleren
verdict-official = Dit is een officieel kanaal van { $brand }.
verdict-known_scam = Dit is bekende oplichting. Reageer niet, klik nergens op en betaal niets. { $count ->
    [one] Eén persoon heeft dit al gemeld.
   *[other] { $count } mensen hebben dit al gemeld.
}
verdict-lookalike = Dit lijkt op { $brand }, maar is het niet. Het is hoogstwaarschijnlijk oplichting.
verdict-unknown = We weten hier nog niets over. Wordt er om geld, wachtwoorden of codes gevraagd? Beschouw het dan als oplichting en meld het.
check-report-it = Melden

## Bevestigingsmail
email-ack-subject = Uw melding van oplichting { $reference }
email-ack-greeting = Goedendag,
email-ack-body = Bedankt voor uw melding van oplichting waarbij de naam van { $brand } werd misbruikt. Uw kenmerk is { $reference }.
email-ack-status = U kunt op elk moment zien hoe het met uw melding staat: { $url }
email-ack-action-subject = Nieuws over uw melding { $reference }
email-ack-action-body = We hebben actie ondernomen tegen de oplichting die u hebt gemeld. Bedankt dat u helpt anderen te beschermen.
email-ack-signoff = Het klantbeschermingsteam van { $brand }

## Waarschuwing aan klanten (e-mail in platte tekst): oplichters misbruiken de naam van het merk. Onder de
## inleiding volgt een lijst met de adressen, nummers en sites van de oplichters, onschadelijk gemaakt (evil[.]com).
warning-subject = Waarschuwing: berichten die doen alsof ze van { $brand } komen, zijn oplichting
warning-intro = Berichten die zogenaamd van { $brand } komen en die afkomstig zijn van de adressen en nummers hieronder of daarnaar verwijzen, zijn oplichting. Ze komen niet van ons.
warning-more = { $count ->
    [one] en nog één andere
   *[other] en nog { $count } andere
}
warning-if-you-receive = Als u zo'n bericht krijgt:
warning-no-links = klik nooit op de links erin en open nooit de bijlagen;
warning-no-payment = betaal nooit iets en geef nooit een wachtwoord, een code of uw kaartgegevens;
warning-report = meld het bij ons via { $address } en verwijder het daarna.
warning-paid = Hebt u al betaald of gegevens doorgegeven? Neem dan meteen contact op met uw bank.
warning-reference = Kenmerk: { $reference }

## Vaste onderdelen van de pagina
page-title = { $page } – { $brand }
nav-advice = Tips tegen oplichting
nav-main = Hoofdmenu
breadcrumb-home = Startpagina
noscript-ok = Uw browser voert geen JavaScript uit. Dat is geen probleem: het formulier werkt gewoon.
contact-direct = Bent u in gevaar of hebt u zojuist een oplichter betaald? Bel dan eerst uw bank en de politie.

## Meldformulier, extra velden
field-scam-kind = Wat wilden ze van u?
scam-kind-fake_order = Ze bevestigden een bestelling die ik niet had geplaatst
scam-kind-fake_refund = Ze boden mij een terugbetaling aan
scam-kind-gift_card = Ze vroegen om cadeaukaarten
scam-kind-fake_support = Ze zeiden dat ze van de klantenservice waren
scam-kind-tech_support = Ze zeiden dat er iets mis was met mijn computer of account
scam-kind-delivery = Een bezorgprobleem of kosten voor een pakket
scam-kind-prize = Een prijs, een baan of een investering
scam-kind-account = Mijn account zou worden opgeheven of geblokkeerd
scam-kind-other = Iets anders
choose-one = Maak een keuze
field-date-hint = Bijvoorbeeld { $example }. Weet u het niet? Laat dit veld dan leeg.
field-time = Tijdstip
field-country = In welk land woont u?
field-country-hint = Zo kunnen we zien waar een vorm van oplichting zich verspreidt.
form-privacy-note = Door dit formulier te versturen, gaat u ermee akkoord dat we het gebruiken om de oplichting te onderzoeken. We bewaren het bericht als bewijs.
form-challenge = We controleren of u een mens bent. Dat gebeurt in uw browser en duurt een paar seconden.
form-challenge-done = Controle voltooid.

## Meer foutmeldingen in het formulier
error-phone-invalid = Vul een telefoonnummer in met landcode, bijvoorbeeld { $example }.
error-too-many-links = Geef maximaal { $max } links op.
error-link-invalid = Dit lijkt geen link te zijn. Kopieer de link precies zoals die in het bericht staat.
error-too-long = Maak dit korter, tot maximaal { $max } tekens.
error-screenshot-type = Stuur een afbeelding in PNG-, JPEG-, GIF- of WebP-formaat.
error-form-expired = Het formulier heeft te lang opengestaan. Controleer uw antwoorden en verstuur het opnieuw.
error-rate-limited = { $minutes ->
    [one] U hebt in korte tijd veel meldingen verstuurd. Wacht een minuut en probeer het dan opnieuw.
   *[other] U hebt in korte tijd veel meldingen verstuurd. Wacht { $minutes } minuten en probeer het dan opnieuw.
}
error-channel-missing = Geef aan hoe het bericht u heeft bereikt.
error-page-not-found-title = Pagina niet gevonden
error-page-not-found = We kunnen deze pagina niet vinden. Mogelijk is de pagina verplaatst.
error-server-title = Er ging iets mis
error-bad-request = We begrijpen niet wat uw browser heeft verstuurd. Ga terug en probeer het opnieuw.

## Statuspagina, vervolg
status-lookup-title = Melding opzoeken
status-lookup-intro = Vul het kenmerk in dat u kreeg toen u de melding deed, bijvoorbeeld { $example }.
status-steps = Voortgang van uw melding
status-step-done = afgerond
status-step-current = huidige stap
status-step-pending = nog niet
status-updated-on = Laatst bijgewerkt op { $date }
status-privacy = Voor uw privacy toont deze pagina alleen hoe het met uw melding staat, nooit wat erin stond.

## Komt dit echt van ons? (vervolg)
check-empty = Plak iets wat u wilt laten controleren.
check-too-long = Plak maximaal { $max } tekens.
check-result-title = Wat we hebben gevonden
check-checked-value = U vroeg naar: { $value }
check-known-since = Voor het eerst gemeld op { $date }.
check-known-channels = Deze oplichting bereikt mensen via { $channels }.
check-what-to-do = Wat u nu kunt doen
check-advice-official = U kunt veilig reageren. Twijfelt u toch? Neem dan contact met ons op via de app of de website die u normaal gebruikt, nooit via een link in een bericht.
check-advice-scam = Reageer niet, bel niet terug, klik niet op links en betaal niets. Hebt u dat al wel gedaan? Neem dan nu contact op met uw bank en wijzig uw wachtwoorden.
check-advice-unknown = Wees voorzichtig. We vragen nooit om cadeaukaarten, wachtwoorden of eenmalige codes, en we zetten u nooit onder druk om snel te betalen.
check-official-channels = Onze officiële kanalen
