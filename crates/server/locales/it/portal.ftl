# Portale pubblico per le segnalazioni (richiesta n. 3). L'inglese è la lingua di riferimento: ogni altra
# lingua contiene tutti i messaggi presenti qui, con le stesse variabili.

## Elementi comuni
site-name = Segnala una truffa
site-tagline = Ci segnali i messaggi che fingono di provenire da { $brand }. Ogni segnalazione ci aiuta a trovare e fermare chi c'è dietro.
language-label = Lingua
language-change = Cambia lingua
skip-to-content = Vai al contenuto principale
nav-report = Segnala una truffa
nav-check = Siamo davvero noi?
nav-status = Controlla una segnalazione
footer-privacy = Usiamo le informazioni che ci invia solo per combattere le frodi. Non condividiamo mai i suoi dati di contatto con le persone che segnala.
footer-never-ask = { $brand } non le chiederà mai carte regalo, password o codici monouso.

## Modulo di segnalazione
form-title = Segnala un messaggio o una telefonata truffa
form-intro = I campi indicati come facoltativi possono essere lasciati vuoti. Non serve avere un account.
form-required = obbligatorio
form-optional = facoltativo
field-channel = Come le è arrivato?
channel-email = Email
channel-sms = Messaggio di testo (SMS)
channel-phone_call = Telefonata
channel-social_media = Social network o app di messaggistica
channel-web = Sito web o finestra pop-up
channel-other = Altro
field-body = Il messaggio
field-body-hint = Incolli il messaggio completo, così come l'ha ricevuto. Se si tratta di una telefonata, scriva ciò che ha detto chi ha chiamato.
field-eml = Oppure carichi l'email come file (.eml)
field-eml-hint = Nella maggior parte dei programmi di posta: apra il messaggio, poi scelga "Salva con nome" o "Scarica messaggio".
field-sender = Chi l'ha inviato?
field-sender-hint = L'indirizzo email, il numero di telefono o il nome dell'account da cui proviene.
field-links = Link presenti nel messaggio
field-links-hint = Li copi esattamente come sono. La preghiamo di non aprirli.
field-phone = Il numero di telefono da cui ha ricevuto la chiamata o il messaggio
field-when = Quando è arrivato?
field-what-happened = Che cosa è successo?
field-what-happened-hint = Ad esempio: le hanno offerto un rimborso, confermato un ordine che non ha mai fatto o chiesto delle carte regalo.
field-money-lost = Ha perso del denaro?
money-lost-no = No
money-lost-yes = Sì
field-amount = Importo
field-currency = Valuta
field-payment-method = Come ha pagato?
payment-gift_card = Carte regalo
payment-wire = Bonifico bancario
payment-crypto = Criptovalute
payment-card = Carta di credito o di debito
payment-other = In un altro modo
field-screenshot = Schermata
field-screenshot-hint = Un'immagine del messaggio, se ne ha una (PNG o JPEG, fino a { $max_mb } MB).
field-email = Il suo indirizzo email
field-email-hint = Così potremo avvisarla quando interveniamo in seguito alla sua segnalazione. Non lo useremo per nient'altro.
form-submit = Invia la segnalazione
form-sending = Invio in corso…

## Errori del modulo
error-summary-title = { $count ->
    [one] C'è un problema nella sua segnalazione
    [many] Ci sono { $count } problemi nella sua segnalazione
   *[other] Ci sono { $count } problemi nella sua segnalazione
}
error-required = La preghiamo di compilare questo campo.
error-body-empty = La preghiamo di incollare il messaggio che ha ricevuto.
error-body-too-long = Il messaggio è troppo lungo. Lo riduca a un massimo di { $max } caratteri.
error-email-invalid = Inserisca un indirizzo email come nome@example.com.
error-amount-invalid = Inserisca un importo come 49.99.
error-currency-invalid = Scelga una valuta.
error-date-invalid = Inserisca una data, ad esempio { $example }.
error-date-future = La data non può essere nel futuro.
error-file-too-large = Il file è troppo grande. La dimensione massima accettata è { $max_mb } MB.
error-file-type = Non riusciamo a leggere questo tipo di file. La preghiamo di inviare un file { $types }.
error-eml-invalid = Non siamo riusciti a leggere questo file come email. Incolli invece il testo del messaggio.
error-try-again = Si è verificato un problema da parte nostra. Non è andato perso nulla: provi a inviare di nuovo il modulo tra qualche istante.

## Conferma di ricezione
ack-title = Grazie. Abbiamo ricevuto la sua segnalazione.
ack-reference = Il suo codice di riferimento è { $reference }.
ack-keep-reference = Lo conservi: le servirà per sapere a che punto è la sua segnalazione.
ack-next-title = Cosa succede ora
ack-next-review = Il nostro team esamina ogni segnalazione. Le segnalazioni sulla stessa truffa vengono raggruppate, quindi la sua ci aiuta a capire quanto è diffusa.
ack-next-action = Quando interveniamo, ad esempio chiudendo un sito web falso, aggiorniamo lo stato della sua segnalazione.
ack-next-email = La avviseremo anche via email all'indirizzo { $email }.
ack-lost-money = Se ha perso del denaro, contatti subito la sua banca o l'emittente della sua carta. Potrebbero riuscire a bloccare o annullare il pagamento.
ack-another = Segnala un'altra truffa

## Pagina dello stato
status-title = Segnalazione { $reference }
status-lookup-label = Il suo codice di riferimento
status-lookup-submit = Controlla
status-not-found = Non abbiamo trovato nessuna segnalazione con questo codice. Lo controlli e riprovi.
status-received = Ricevuta
status-received-detail = Abbiamo ricevuto la sua segnalazione, che è in attesa di essere esaminata.
status-under_review = In esame
status-under_review-detail = Il nostro team sta indagando sulla truffa che ha segnalato.
status-action_taken = Intervento effettuato
status-action_taken-detail = Siamo intervenuti contro questa truffa. Grazie per averci aiutato a proteggere altre persone.
status-received-on = Ricevuta il { $date }

## Siamo davvero noi?
check-title = È davvero { $brand }?
check-intro = Incolli un messaggio, un link, un indirizzo email o un numero di telefono: le diremo cosa sappiamo al riguardo.
check-input-label = Messaggio, link, indirizzo email o numero di telefono
check-submit = Verifica
verdict-official = Questo è un canale ufficiale di { $brand }.
verdict-known_scam = Questa è una truffa nota. Non risponda, non clicchi su nulla e non paghi. { $count ->
    [one] Una persona l'ha già segnalata.
    [many] { $count } persone l'hanno già segnalata.
   *[other] { $count } persone l'hanno già segnalata.
}
verdict-lookalike = Sembra { $brand }, ma non lo è. Molto probabilmente si tratta di una truffa.
verdict-unknown = Non abbiamo ancora informazioni al riguardo. Se le chiede denaro, password o codici, lo consideri una truffa e ce lo segnali.
check-report-it = Invia una segnalazione

## Email di conferma
email-ack-subject = La sua segnalazione di truffa { $reference }
email-ack-greeting = Buongiorno,
email-ack-body = Grazie per averci segnalato una truffa che ha usato il nome di { $brand }. Il suo codice di riferimento è { $reference }.
email-ack-status = Può verificare in qualsiasi momento a che punto è la sua segnalazione: { $url }
email-ack-action-subject = Aggiornamento sulla sua segnalazione { $reference }
email-ack-action-body = Siamo intervenuti contro la truffa che ha segnalato. Grazie per averci aiutato a proteggere altre persone.
email-ack-signoff = Il team Protezione clienti di { $brand }

## Avviso ai clienti (email in testo semplice): una truffa usa il nome del marchio. Dopo l'introduzione segue
## l'elenco di indirizzi, numeri e siti dei truffatori, scritti in forma disattivata (evil[.]com).
warning-subject = Attenzione: i messaggi che fingono di provenire da { $brand } sono una truffa
warning-intro = I messaggi che dicono di provenire da { $brand } e che arrivano dagli indirizzi e dai numeri indicati qui sotto, o che rimandano a essi, sono una truffa. Non li abbiamo inviati noi.
warning-more = { $count ->
    [one] e un altro
    [many] e altri { $count }
   *[other] e altri { $count }
}
warning-if-you-receive = Se ne riceve uno:
warning-no-links = non clicchi mai sui link e non apra mai gli allegati;
warning-no-payment = non paghi mai nulla e non comunichi mai password, codici o i dati della sua carta;
warning-report = ce lo segnali all'indirizzo { $address }, poi lo elimini.
warning-paid = Se ha già pagato o comunicato dei dati, contatti subito la sua banca.
warning-reference = Codice di riferimento: { $reference }

## Elementi della pagina
page-title = { $page } – { $brand }
nav-advice = Consigli sulle truffe
nav-main = Menu principale
breadcrumb-home = Pagina iniziale
noscript-ok = Nel suo browser JavaScript non è attivo. Non è un problema: il modulo funziona comunque.
contact-direct = Se è in pericolo o ha appena pagato un truffatore, chiami prima di tutto la sua banca e la polizia.

## Modulo di segnalazione, altri campi
field-scam-kind = Di cosa si trattava?
scam-kind-fake_order = Mi hanno confermato un ordine che non ho mai fatto
scam-kind-fake_refund = Mi hanno offerto un rimborso
scam-kind-gift_card = Mi hanno chiesto delle carte regalo
scam-kind-fake_support = Dicevano di essere dell'assistenza clienti
scam-kind-tech_support = Mi hanno detto che c'era un problema con il mio computer o il mio account
scam-kind-delivery = Un problema con una consegna o una tassa su un pacco
scam-kind-prize = Un premio, un lavoro o un investimento
scam-kind-account = Mi hanno detto che il mio account sarebbe stato chiuso o bloccato
scam-kind-other = Altro
choose-one = Scelga un'opzione
field-date-hint = Ad esempio { $example }. Lasci vuoto il campo se non lo sa.
field-time = Ora
field-country = Dove vive?
field-country-hint = Ci aiuta a capire dove si sta diffondendo una truffa.
form-privacy-note = Inviando questo modulo, accetta che lo utilizziamo per indagare sulla truffa. Conserviamo il messaggio come prova.
form-challenge = Stiamo verificando che lei sia una persona. La verifica avviene nel suo browser e richiede pochi secondi.
form-challenge-done = Verifica completata.

## Altri errori del modulo
error-phone-invalid = Inserisca un numero di telefono con il prefisso internazionale, ad esempio { $example }.
error-too-many-links = Indichi al massimo { $max } link.
error-link-invalid = Questo non sembra un link. Lo copi esattamente come compare nel messaggio.
error-too-long = Riduca il testo a un massimo di { $max } caratteri.
error-screenshot-type = Invii un'immagine in formato PNG, JPEG, GIF o WebP.
error-form-expired = Il modulo è rimasto aperto troppo a lungo. Controlli le sue risposte e lo invii di nuovo.
error-rate-limited = { $minutes ->
    [one] Ha inviato molte segnalazioni in poco tempo. Attenda un minuto e riprovi.
    [many] Ha inviato molte segnalazioni in poco tempo. Attenda { $minutes } minuti e riprovi.
   *[other] Ha inviato molte segnalazioni in poco tempo. Attenda { $minutes } minuti e riprovi.
}
error-channel-missing = Ci indichi come le è arrivato il messaggio.
error-page-not-found-title = Pagina non trovata
error-page-not-found = Non abbiamo trovato questa pagina. Potrebbe essere stata spostata.
error-server-title = Si è verificato un problema
error-bad-request = Non siamo riusciti a interpretare i dati inviati dal suo browser. Torni indietro e riprovi.

## Pagina dello stato, altro
status-lookup-title = Controlla una segnalazione
status-lookup-intro = Inserisca il codice di riferimento che ha ricevuto al momento della segnalazione, ad esempio { $example }.
status-steps = Avanzamento della sua segnalazione
status-step-done = fase completata
status-step-current = fase attuale
status-step-pending = fase non ancora raggiunta
status-updated-on = Ultimo aggiornamento: { $date }
status-privacy = Per tutelare la sua privacy, questa pagina mostra solo a che punto è la sua segnalazione, mai il suo contenuto.

## Siamo davvero noi? Altro
check-empty = Incolli qualcosa da verificare.
check-too-long = Incolli al massimo { $max } caratteri.
check-result-title = Cosa abbiamo trovato
check-checked-value = Ha chiesto di verificare: { $value }
check-known-since = Prima segnalazione: { $date }.
check-known-channels = Raggiunge le persone tramite: { $channels }.
check-what-to-do = Cosa fare ora
check-advice-official = Può rispondere in tutta sicurezza. Se ha ancora dei dubbi, ci contatti tramite l'app o il sito che usa abitualmente, mai tramite un link ricevuto in un messaggio.
check-advice-scam = Non risponda, non richiami, non clicchi sui link e non paghi. Se lo ha già fatto, contatti subito la sua banca e cambi le sue password.
check-advice-unknown = Faccia attenzione. Non chiediamo mai carte regalo, password o codici monouso, e non le mettiamo mai fretta per farla pagare.
check-official-channels = I nostri canali ufficiali
