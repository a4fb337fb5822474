# Offentlig portal för att rapportera bedrägerier (issue 3). Engelska är referensspråket: alla andra
# språk har varje meddelande som finns här, med samma variabler.

## Gemensamt
site-name = Rapportera bedrägeri
site-tagline = Berätta för oss om meddelanden som utger sig för att komma från { $brand }. Varje rapport hjälper oss att hitta och stoppa dem som ligger bakom.
language-label = Språk
language-change = Byt språk
skip-to-content = Hoppa till huvudinnehållet
nav-report = Rapportera bedrägeri
nav-check = Är det verkligen vi?
nav-status = Följ din rapport
footer-privacy = Vi använder det du skickar bara för att bekämpa bedrägerier. Vi lämnar aldrig ut dina kontaktuppgifter till dem du rapporterar.
footer-never-ask = { $brand } ber dig aldrig om presentkort, lösenord eller engångskoder.

## Rapportformulär
form-title = Rapportera ett bedrägligt meddelande eller samtal
form-intro = Fält som är märkta som valfria kan du lämna tomma. Du behöver inget konto.
form-required = obligatoriskt
form-optional = valfritt
field-channel = Hur kontaktades du?
channel-email = E-post
channel-sms = Textmeddelande (sms)
channel-phone_call = Telefonsamtal
channel-social_media = Sociala medier eller meddelandeapp
channel-web = Webbplats eller popup-fönster
channel-other = På annat sätt
field-body = Meddelandet
field-body-hint = Klistra in hela meddelandet precis som du fick det. Gäller det ett samtal kan du skriva ner vad personen sa.
field-eml = Eller ladda upp mejlet som en fil (.eml)
field-eml-hint = I de flesta e-postprogram öppnar du meddelandet och väljer sedan ”Spara som” eller ”Ladda ned meddelande”.
field-sender = Vem skickade det?
field-sender-hint = E-postadressen, telefonnumret eller kontonamnet som det kom från.
field-links = Länkar i meddelandet
field-links-hint = Kopiera dem exakt – men öppna dem inte.
field-phone = Telefonnumret som ringde dig eller skickade sms
field-when = När hände det?
field-what-happened = Vad hände?
field-what-happened-hint = Till exempel: de erbjöd en återbetalning, bekräftade en beställning som du inte har gjort eller bad om presentkort.
field-money-lost = Har du förlorat pengar?
money-lost-no = Nej
money-lost-yes = Ja
field-amount = Belopp
field-currency = Valuta
field-payment-method = Hur betalade du?
payment-gift_card = Presentkort
payment-wire = Banköverföring
payment-crypto = Kryptovaluta
payment-card = Kredit- eller betalkort
payment-other = På annat sätt
field-screenshot = Skärmbild
field-screenshot-hint = En bild av meddelandet, om du har en (PNG eller JPEG, högst { $max_mb } MB).
field-email = Din e-postadress
field-email-hint = Så att vi kan meddela dig när vi vidtar åtgärder utifrån din rapport. Vi använder den inte till något annat.
form-submit = Skicka rapport
form-sending = Skickar…

## Fel i formuläret
error-summary-title = { $count ->
    [one] Det finns ett problem i din rapport
   *[other] Det finns { $count } problem i din rapport
}
error-required = Fyll i det här fältet.
error-body-empty = Klistra in meddelandet som du fick.
error-body-too-long = Meddelandet är för långt. Korta ner det till högst { $max } tecken.
error-email-invalid = Ange en e-postadress, till exempel namn@example.com.
error-amount-invalid = Ange ett belopp, till exempel 49.99.
error-currency-invalid = Välj en valuta.
error-date-invalid = Ange ett datum, till exempel { $example }.
error-date-future = Datumet kan inte ligga i framtiden.
error-file-too-large = Filen är för stor. Filer får vara högst { $max_mb } MB.
error-file-type = Vi kan inte läsa den här typen av fil. Skicka en fil av typen { $types }.
error-eml-invalid = Vi kunde inte läsa filen som ett mejl. Klistra in meddelandet i stället.
error-try-again = Något gick fel hos oss. Ingenting har gått förlorat – skicka formuläret igen om en liten stund.

## Bekräftelse
ack-title = Tack! Vi har tagit emot din rapport.
ack-reference = Ditt referensnummer är { $reference }.
ack-keep-reference = Spara det – med det kan du se hur det går med din rapport.
ack-next-title = Vad händer nu?
ack-next-review = Vårt team går igenom varje rapport. Rapporter om samma bedrägeri samlas ihop, så din rapport hjälper oss att se hur omfattande det är.
ack-next-action = När vi vidtar åtgärder, till exempel stänger ner en falsk webbplats, uppdaterar vi statusen för din rapport.
ack-next-email = Vi skickar också ett mejl till { $email }.
ack-lost-money = Om du har förlorat pengar ska du kontakta din bank eller ditt kortföretag direkt. De kan kanske stoppa eller återkalla betalningen.
ack-another = Rapportera ett annat bedrägeri

## Statussida
status-title = Rapport { $reference }
status-lookup-label = Ditt referensnummer
status-lookup-submit = Visa
status-not-found = Vi hittade ingen rapport med det här referensnumret. Kontrollera numret och försök igen.
status-received = Mottagen
status-received-detail = Vi har tagit emot din rapport och den väntar på att granskas.
status-under_review = Granskas
status-under_review-detail = Vårt team undersöker bedrägeriet som du rapporterade.
status-action_taken = Åtgärd vidtagen
status-action_taken-detail = Vi har vidtagit åtgärder mot det här bedrägeriet. Tack för att du hjälper till att skydda andra.
status-received-on = Mottagen { $date }

## Är det verkligen vi?
check-title = Är det verkligen { $brand }?
check-intro = Klistra in ett meddelande, en länk, en e-postadress eller ett telefonnummer, så berättar vi vad vi vet om det.
check-input-label = Meddelande, länk, e-postadress eller telefonnummer
check-submit = Kontrollera
verdict-official = Det här är en officiell kanal från { $brand }.
verdict-known_scam = Det här är ett känt bedrägeri. Svara inte, klicka inte och betala inte. { $count ->
    [one] En person har redan rapporterat det.
   *[other] { $count } personer har redan rapporterat det.
}
verdict-lookalike = Det här ser ut att komma från { $brand }, men gör inte det. Det är med stor sannolikhet ett bedrägeri.
verdict-unknown = Vi vet ingenting om det här ännu. Om du blir ombedd om pengar, lösenord eller koder ska du behandla det som ett bedrägeri och rapportera det.
check-report-it = Rapportera det

## Bekräftelsemejl
email-ack-subject = Din rapport om bedrägeri { $reference }
email-ack-greeting = Hej!
email-ack-body = Tack för att du har rapporterat ett bedrägeri där någon utgav sig för att vara { $brand }. Ditt referensnummer är { $reference }.
email-ack-status = Du kan när som helst se hur det går med din rapport här: { $url }
email-ack-action-subject = Uppdatering om din rapport { $reference }
email-ack-action-body = Vi har vidtagit åtgärder mot bedrägeriet som du rapporterade. Tack för att du hjälper till att skydda andra.
email-ack-signoff = Kundskyddsteamet på { $brand }

## Varning till kunder (mejl i ren text): bedragare använder varumärkets namn. Efter inledningen kommer
## en lista över bedragarnas adresser, nummer och webbplatser, skrivna så att de inte går att klicka på (evil[.]com).
warning-subject = Varning: meddelanden som utger sig för att komma från { $brand } är bedrägerier
warning-intro = Meddelanden som utger sig för att komma från { $brand } och som skickas från adresserna och numren nedan, eller hänvisar till dem, är bedrägerier. De kommer inte från oss.
warning-more = { $count ->
    [one] och ytterligare en
   *[other] och ytterligare { $count }
}
warning-if-you-receive = Om du får ett sådant meddelande:
warning-no-links = klicka aldrig på länkarna i det och öppna aldrig bilagorna
warning-no-payment = betala aldrig och lämna aldrig ut lösenord, koder eller dina kortuppgifter
warning-report = rapportera det till oss på { $address } och radera det sedan.
warning-paid = Om du redan har betalat eller lämnat ut uppgifter ska du kontakta din bank direkt.
warning-reference = Referensnummer: { $reference }

## Sidans fasta delar
page-title = { $page } – { $brand }
nav-advice = Råd om bedrägerier
nav-main = Huvudmeny
breadcrumb-home = Startsida
noscript-ok = JavaScript är inte aktiverat i din webbläsare. Det gör inget – formuläret fungerar ändå.
contact-direct = Om du är i fara eller precis har betalat pengar till en bedragare ska du först ringa din bank och polisen.

## Rapportformulär, fler fält
field-scam-kind = Vad ville de?
scam-kind-fake_order = De bekräftade en beställning som jag inte hade gjort
scam-kind-fake_refund = De erbjöd mig en återbetalning
scam-kind-gift_card = De bad om presentkort
scam-kind-fake_support = De påstod att de var från kundtjänst
scam-kind-tech_support = De sa att det var fel på min dator eller mitt konto
scam-kind-delivery = Ett leveransproblem eller en avgift för ett paket
scam-kind-prize = En vinst, ett jobb eller en investering
scam-kind-account = Mitt konto skulle stängas eller spärras
scam-kind-other = Något annat
choose-one = Välj ett alternativ
field-date-hint = Till exempel { $example }. Lämna fältet tomt om du inte vet.
field-time = Klockslag
field-country = I vilket land bor du?
field-country-hint = Det hjälper oss att se var ett bedrägeri sprider sig.
form-privacy-note = Genom att skicka formuläret godkänner du att vi använder uppgifterna för att utreda bedrägeriet. Vi sparar meddelandet som bevis.
form-challenge = Vi kontrollerar att du är en människa. Det sker i din webbläsare och tar några sekunder.
form-challenge-done = Kontrollen är klar.

## Fler fel i formuläret
error-phone-invalid = Ange ett telefonnummer med landsnummer, till exempel { $example }.
error-too-many-links = Ange högst { $max } länkar.
error-link-invalid = Det här ser inte ut som en länk. Kopiera den precis som den står i meddelandet.
error-too-long = Korta ner texten till högst { $max } tecken.
error-screenshot-type = Skicka en bild i formatet PNG, JPEG, GIF eller WebP.
error-form-expired = Formuläret har varit öppet för länge. Kontrollera dina svar och skicka det igen.
error-rate-limited = { $minutes ->
    [one] Du har skickat många rapporter på kort tid. Vänta en minut och försök igen.
   *[other] Du har skickat många rapporter på kort tid. Vänta { $minutes } minuter och försök igen.
}
error-channel-missing = Berätta hur meddelandet nådde dig.
error-page-not-found-title = Sidan hittades inte
error-page-not-found = Vi kunde inte hitta sidan. Den kan ha flyttats.
error-server-title = Något gick fel
error-bad-request = Vi förstod inte vad din webbläsare skickade. Gå tillbaka och försök igen.

## Statussida, mer
status-lookup-title = Följ din rapport
status-lookup-intro = Ange referensnumret som du fick när du rapporterade, till exempel { $example }.
status-steps = Din rapport steg för steg
status-step-done = klart
status-step-current = pågående steg
status-step-pending = ännu inte påbörjat
status-updated-on = Senast uppdaterad { $date }
status-privacy = Av hänsyn till din integritet visar den här sidan bara hur långt din rapport har kommit, aldrig vad den innehöll.

## Är det verkligen vi? Mer
check-empty = Klistra in något som du vill kontrollera.
check-too-long = Klistra in högst { $max } tecken.
check-result-title = Det här hittade vi
check-checked-value = Du frågade om: { $value }
check-known-since = Rapporterades första gången { $date }.
check-known-channels = Bedrägeriet når människor via { $channels }.
check-what-to-do = Så gör du nu
check-advice-official = Du kan svara utan risk. Om du ändå är osäker kan du kontakta oss via appen eller webbplatsen som du brukar använda – aldrig via en länk i ett meddelande.
check-advice-scam = Svara inte, ring inte tillbaka, klicka inte på länkar och betala inte. Om du redan har gjort det ska du kontakta din bank direkt och byta dina lösenord.
check-advice-unknown = Var försiktig. Vi ber aldrig om presentkort, lösenord eller engångskoder, och vi stressar dig aldrig att betala.
check-official-channels = Våra officiella kanaler
