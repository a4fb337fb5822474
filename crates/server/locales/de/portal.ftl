# Öffentliches Meldeportal (Issue 3). Englisch ist die Referenzsprache: Jede andere Sprache enthält
# jede Nachricht aus dieser Datei, mit denselben Variablen.

## Allgemein
site-name = Betrug melden
site-tagline = Informieren Sie uns über Nachrichten, die angeblich von { $brand } stammen. Jede Meldung hilft uns, die Verantwortlichen ausfindig zu machen und zu stoppen.
language-label = Sprache
language-change = Sprache ändern
skip-to-content = Zum Hauptinhalt springen
nav-report = Betrug melden
nav-check = Kommt das wirklich von uns?
nav-status = Status einer Meldung abfragen
footer-privacy = Wir verwenden Ihre Angaben ausschließlich zur Betrugsbekämpfung. Ihre Kontaktdaten geben wir niemals an die Personen weiter, die Sie melden.
footer-never-ask = { $brand } wird Sie niemals nach Geschenkkarten, Passwörtern oder Einmalcodes fragen.

## Meldeformular
form-title = Betrügerische Nachricht oder betrügerischen Anruf melden
form-intro = Felder, die als „optional“ gekennzeichnet sind, können Sie leer lassen. Sie benötigen kein Kundenkonto.
form-required = Pflichtfeld
form-optional = optional
field-channel = Auf welchem Weg wurden Sie kontaktiert?
channel-email = E-Mail
channel-sms = SMS
channel-phone_call = Anruf
channel-social_media = Soziale Medien oder Messenger-App
channel-web = Website oder Pop-up-Fenster
channel-other = Auf anderem Weg
field-body = Die Nachricht
field-body-hint = Fügen Sie die vollständige Nachricht so ein, wie Sie sie erhalten haben. Bei einem Anruf schreiben Sie bitte auf, was der Anrufer gesagt hat.
field-eml = Oder laden Sie die E-Mail als Datei hoch (.eml)
field-eml-hint = In den meisten E-Mail-Programmen: Öffnen Sie die Nachricht und wählen Sie dann „Speichern unter“ oder „Nachricht herunterladen“.
field-sender = Wer war der Absender?
field-sender-hint = Die E-Mail-Adresse, Telefonnummer oder der Kontoname, von dem die Nachricht kam.
field-links = Links in der Nachricht
field-links-hint = Kopieren Sie sie genau so, wie sie dort stehen. Bitte öffnen Sie sie nicht.
field-phone = Die Telefonnummer, von der aus Sie angerufen wurden oder eine SMS erhalten haben
field-when = Wann haben Sie die Nachricht erhalten?
field-what-happened = Was ist passiert?
field-what-happened-hint = Zum Beispiel: Man hat Ihnen eine Rückerstattung angeboten, eine Bestellung bestätigt, die Sie nicht aufgegeben haben, oder Sie um Geschenkkarten gebeten.
field-money-lost = Haben Sie Geld verloren?
money-lost-no = Nein
money-lost-yes = Ja
field-amount = Betrag
field-currency = Währung
field-payment-method = Wie haben Sie bezahlt?
payment-gift_card = Geschenkkarten
payment-wire = Banküberweisung
payment-crypto = Kryptowährung
payment-card = Kredit- oder Debitkarte
payment-other = Auf andere Weise
field-screenshot = Screenshot
field-screenshot-hint = Ein Bild der Nachricht, falls Sie eines haben (PNG oder JPEG, bis zu { $max_mb } MB).
field-email = Ihre E-Mail-Adresse
field-email-hint = Damit wir Sie benachrichtigen können, sobald wir aufgrund Ihrer Meldung etwas unternehmen. Wir verwenden sie für keinen anderen Zweck.
form-submit = Meldung absenden
form-sending = Wird gesendet …

## Fehler im Formular
error-summary-title = { $count ->
    [one] Bei Ihrer Meldung gibt es ein Problem
   *[other] Bei Ihrer Meldung gibt es { $count } Probleme
}
error-required = Bitte füllen Sie dieses Feld aus.
error-body-empty = Bitte fügen Sie die Nachricht ein, die Sie erhalten haben.
error-body-too-long = Die Nachricht ist zu lang. Bitte kürzen Sie sie auf höchstens { $max } Zeichen.
error-email-invalid = Bitte geben Sie eine E-Mail-Adresse im Format name@example.com ein.
error-amount-invalid = Bitte geben Sie einen Betrag im Format 49,99 ein.
error-currency-invalid = Bitte wählen Sie eine Währung aus.
error-date-invalid = Bitte geben Sie ein Datum im Format { $example } ein.
error-date-future = Das Datum darf nicht in der Zukunft liegen.
error-file-too-large = Die Datei ist zu groß. Wir akzeptieren Dateien bis höchstens { $max_mb } MB.
error-file-type = Diesen Dateityp können wir nicht lesen. Zulässige Formate: { $types }.
error-eml-invalid = Wir konnten diese Datei nicht als E-Mail lesen. Bitte fügen Sie die Nachricht stattdessen als Text ein.
error-try-again = Bei uns ist ein Fehler aufgetreten. Es ist nichts verloren gegangen: Bitte senden Sie das Formular in einem Moment erneut ab.

## Eingangsbestätigung
ack-title = Vielen Dank. Ihre Meldung ist bei uns eingegangen.
ack-reference = Ihre Referenznummer lautet { $reference }.
ack-keep-reference = Bitte bewahren Sie sie auf: Damit können Sie jederzeit den Bearbeitungsstand Ihrer Meldung abfragen.
ack-next-title = Wie es jetzt weitergeht
ack-next-review = Unser Team prüft jede Meldung. Meldungen zum selben Betrug werden zusammengefasst – so hilft uns Ihre Meldung, das Ausmaß zu erkennen.
ack-next-action = Sobald wir Maßnahmen ergreifen, etwa eine gefälschte Website abschalten lassen, aktualisieren wir den Status Ihrer Meldung.
ack-next-email = Außerdem benachrichtigen wir Sie per E-Mail an { $email }.
ack-lost-money = Falls Sie Geld verloren haben, wenden Sie sich bitte sofort an Ihre Bank oder Ihren Kartenanbieter. Möglicherweise lässt sich die Zahlung noch stoppen oder rückgängig machen.
ack-another = Weiteren Betrug melden

## Statusseite
status-title = Meldung { $reference }
status-lookup-label = Ihre Referenznummer
status-lookup-submit = Abfragen
status-not-found = Wir konnten keine Meldung mit dieser Referenznummer finden. Bitte überprüfen Sie die Nummer und versuchen Sie es erneut.
status-received = Eingegangen
status-received-detail = Ihre Meldung ist bei uns eingegangen und wartet auf die Prüfung.
status-under_review = In Prüfung
status-under_review-detail = Unser Team geht dem von Ihnen gemeldeten Betrug nach.
status-action_taken = Maßnahmen ergriffen
status-action_taken-detail = Wir sind gegen diesen Betrug vorgegangen. Vielen Dank, dass Sie helfen, andere zu schützen.
status-received-on = Eingegangen am { $date }

## Kommt das wirklich von uns?
check-title = Kommt das wirklich von { $brand }?
check-intro = Fügen Sie eine Nachricht, einen Link, eine E-Mail-Adresse oder eine Telefonnummer ein. Wir sagen Ihnen, was wir darüber wissen.
check-input-label = Nachricht, Link, E-Mail-Adresse oder Telefonnummer
check-submit = Prüfen
verdict-official = Dies ist ein offizieller Kanal von { $brand }.
verdict-known_scam = Dies ist ein bekannter Betrugsversuch. Antworten Sie nicht, klicken Sie auf nichts und zahlen Sie nichts. { $count ->
    [one] Eine Person hat ihn bereits gemeldet.
   *[other] { $count } Personen haben ihn bereits gemeldet.
}
verdict-lookalike = Dies gibt sich als { $brand } aus, stammt aber nicht von uns. Es handelt sich sehr wahrscheinlich um Betrug.
verdict-unknown = Dazu liegen uns noch keine Informationen vor. Falls dabei Geld, Passwörter oder Codes von Ihnen verlangt werden, gehen Sie von Betrug aus und melden Sie es uns.
check-report-it = Jetzt melden

## Bestätigungs-E-Mail
email-ack-subject = Ihre Betrugsmeldung { $reference }
email-ack-greeting = Guten Tag,
email-ack-body = vielen Dank, dass Sie uns einen Betrug gemeldet haben, bei dem der Name { $brand } missbraucht wurde. Ihre Referenznummer lautet { $reference }.
email-ack-status = Den aktuellen Stand Ihrer Meldung können Sie jederzeit hier einsehen: { $url }
email-ack-action-subject = Neuigkeiten zu Ihrer Meldung { $reference }
email-ack-action-body = wir sind gegen den von Ihnen gemeldeten Betrug vorgegangen. Vielen Dank, dass Sie helfen, andere zu schützen.
email-ack-signoff = Ihr Kundenschutz-Team von { $brand }

## Warnung an Kunden (E-Mail als reiner Text): Betrüger missbrauchen den Namen der Marke. Unter der Einleitung
## folgt eine Liste der Adressen, Nummern und Websites der Betrüger, entschärft geschrieben (evil[.]com).
warning-subject = Achtung: Nachrichten, die angeblich von { $brand } stammen, sind Betrug
warning-intro = Nachrichten, die angeblich von { $brand } stammen und von den unten aufgeführten Adressen und Nummern kommen oder auf sie verweisen, sind Betrug. Sie sind nicht von uns.
warning-more = { $count ->
    [one] und eine weitere
   *[other] und { $count } weitere
}
warning-if-you-receive = Wenn Sie eine solche Nachricht erhalten:
warning-no-links = klicken Sie niemals auf die enthaltenen Links und öffnen Sie niemals die Anhänge;
warning-no-payment = zahlen Sie nichts und geben Sie niemals Passwörter, Codes oder Ihre Kartendaten weiter;
warning-report = melden Sie sie uns unter { $address } und löschen Sie sie danach.
warning-paid = Falls Sie bereits bezahlt oder Daten weitergegeben haben, wenden Sie sich bitte sofort an Ihre Bank.
warning-reference = Referenznummer: { $reference }

## Seitenelemente
page-title = { $page } – { $brand }
nav-advice = Tipps zu Betrugsmaschen
nav-main = Hauptnavigation
breadcrumb-home = Startseite
noscript-ok = In Ihrem Browser ist JavaScript nicht aktiviert. Das ist kein Problem: Das Formular funktioniert trotzdem.
contact-direct = Wenn Sie in Gefahr sind oder gerade Geld an Betrüger gezahlt haben, rufen Sie zuerst Ihre Bank und die Polizei an.

## Meldeformular, weitere Felder
field-scam-kind = Worum ging es?
scam-kind-fake_order = Mir wurde eine Bestellung bestätigt, die ich nicht aufgegeben habe
scam-kind-fake_refund = Mir wurde eine Rückerstattung angeboten
scam-kind-gift_card = Man verlangte Geschenkkarten von mir
scam-kind-fake_support = Jemand gab sich als Kundenservice aus
scam-kind-tech_support = Angeblich gab es ein Problem mit meinem Computer oder meinem Konto
scam-kind-delivery = Ein Lieferproblem oder eine Paketgebühr
scam-kind-prize = Ein Gewinn, ein Jobangebot oder eine Geldanlage
scam-kind-account = Angeblich sollte mein Konto geschlossen oder gesperrt werden
scam-kind-other = Etwas anderes
choose-one = Bitte auswählen
field-date-hint = Zum Beispiel { $example }. Lassen Sie das Feld leer, wenn Sie es nicht wissen.
field-time = Uhrzeit
field-country = Wo wohnen Sie?
field-country-hint = So können wir erkennen, wo sich eine Betrugsmasche ausbreitet.
form-privacy-note = Mit dem Absenden dieses Formulars erklären Sie sich einverstanden, dass wir Ihre Angaben verwenden, um dem Betrug nachzugehen. Die Nachricht bewahren wir als Beweismittel auf.
form-challenge = Wir prüfen, ob Sie ein Mensch sind. Das geschieht direkt in Ihrem Browser und dauert nur wenige Sekunden.
form-challenge-done = Prüfung abgeschlossen.

## Weitere Fehler im Formular
error-phone-invalid = Bitte geben Sie eine Telefonnummer mit Ländervorwahl ein, zum Beispiel { $example }.
error-too-many-links = Bitte geben Sie höchstens { $max } Links an.
error-link-invalid = Das sieht nicht wie ein Link aus. Bitte kopieren Sie ihn genau so, wie er in der Nachricht steht.
error-too-long = Bitte kürzen Sie den Text auf höchstens { $max } Zeichen.
error-screenshot-type = Bitte senden Sie ein Bild im Format PNG, JPEG, GIF oder WebP.
error-form-expired = Das Formular war zu lange geöffnet. Bitte überprüfen Sie Ihre Angaben und senden Sie es erneut ab.
error-rate-limited = { $minutes ->
    [one] Sie haben in kurzer Zeit sehr viele Meldungen gesendet. Bitte warten Sie eine Minute und versuchen Sie es dann erneut.
   *[other] Sie haben in kurzer Zeit sehr viele Meldungen gesendet. Bitte warten Sie { $minutes } Minuten und versuchen Sie es dann erneut.
}
error-channel-missing = Bitte geben Sie an, auf welchem Weg Sie die Nachricht erreicht hat.
error-page-not-found-title = Seite nicht gefunden
error-page-not-found = Diese Seite konnten wir nicht finden. Möglicherweise wurde sie verschoben.
error-server-title = Es ist ein Fehler aufgetreten
error-bad-request = Wir konnten die Daten, die Ihr Browser gesendet hat, nicht verarbeiten. Bitte gehen Sie zurück und versuchen Sie es erneut.

## Statusseite, Ergänzungen
status-lookup-title = Status einer Meldung abfragen
status-lookup-intro = Geben Sie die Referenznummer ein, die Sie bei Ihrer Meldung erhalten haben, zum Beispiel { $example }.
status-steps = Bearbeitungsstand Ihrer Meldung
status-step-done = erledigt
status-step-current = aktueller Schritt
status-step-pending = ausstehend
status-updated-on = Zuletzt aktualisiert am { $date }
status-privacy = Zum Schutz Ihrer Privatsphäre zeigt diese Seite nur den Bearbeitungsstand Ihrer Meldung an, niemals deren Inhalt.

## Kommt das wirklich von uns? Ergänzungen
check-empty = Bitte fügen Sie etwas ein, das wir prüfen sollen.
check-too-long = Bitte fügen Sie höchstens { $max } Zeichen ein.
check-result-title = Unser Ergebnis
check-checked-value = Ihre Anfrage: { $value }
check-known-since = Erstmals gemeldet am { $date }.
check-known-channels = Verbreitungswege: { $channels }.
check-what-to-do = Was Sie jetzt tun sollten
check-advice-official = Sie können bedenkenlos antworten. Falls Sie trotzdem Zweifel haben, kontaktieren Sie uns über die App oder die Website, die Sie sonst auch nutzen – niemals über einen Link in einer Nachricht.
check-advice-scam = Antworten Sie nicht, rufen Sie nicht zurück, klicken Sie auf keine Links und zahlen Sie nichts. Falls Sie das bereits getan haben, wenden Sie sich sofort an Ihre Bank und ändern Sie Ihre Passwörter.
check-advice-unknown = Seien Sie vorsichtig. Wir fragen niemals nach Geschenkkarten, Passwörtern oder Einmalcodes, und wir drängen Sie nie, schnell zu bezahlen.
check-official-channels = Unsere offiziellen Kanäle
