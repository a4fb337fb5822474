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
