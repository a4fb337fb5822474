# Pagine di consigli sulle truffe più comuni (richiesta n. 3). L'inglese è la lingua di riferimento: ogni altra
# lingua contiene tutti i messaggi presenti qui, con le stesse variabili. Ogni argomento ha un titolo, un
# riassunto di una riga, la descrizione di come funziona la truffa, quattro segnali d'allarme, tre cose da fare
# e cosa fare se si è già pagato.

advice-index-title = Consigli sulle truffe più comuni
advice-index-intro = I truffatori si spacciano per { $brand } per impossessarsi del suo denaro o delle sue password. Ecco i trucchi che vediamo più spesso e come riconoscerli.
advice-signs-title = Come riconoscerla
advice-do-title = Cosa fare
advice-paid-title = Se ha già pagato o fornito i suoi dati
advice-report-cta = Ha ricevuto qualcosa di simile? Ce lo segnali.
advice-read-more = Per saperne di più

## Finte conferme d'ordine
advice-fake_order-title = Finte conferme d'ordine
advice-fake_order-summary = Un messaggio conferma un ordine costoso che lei non ha mai fatto e la spinge a chiamare o a cliccare per annullarlo.
advice-fake_order-how = Il messaggio sembra la vera ricevuta di un telefono, di un computer portatile o di una carta regalo. In preda alla preoccupazione, chiama il numero o apre il link, e il cosiddetto «annullamento» porta a domande sulla sua carta, a un pagamento o a un programma che dà ai truffatori l'accesso al suo computer.
advice-fake_order-sign-1 = Non ha ordinato ciò che descrive il messaggio.
advice-fake_order-sign-2 = Le indica un numero da chiamare per annullare l'ordine, invece di rimandarla al suo account.
advice-fake_order-sign-3 = Proviene da un indirizzo o da un numero che non fa parte dei nostri canali ufficiali.
advice-fake_order-sign-4 = La spinge ad agire entro poche ore.
advice-fake_order-do-1 = Non chiami il numero e non clicchi sui link del messaggio.
advice-fake_order-do-2 = Apra l'app o digiti direttamente il nostro indirizzo e controlli lì i suoi ordini.
advice-fake_order-do-3 = Segnali il messaggio, così potremo bloccare il numero o il sito.
advice-fake_order-paid = Chiami la sua banca o l'emittente della sua carta al numero riportato sulla carta stessa e chieda di bloccare il pagamento. Cambi la password e rimuova qualsiasi programma che le è stato chiesto di installare durante la telefonata.

## Finti rimborsi
advice-fake_refund-title = Finte offerte di rimborso
advice-fake_refund-summary = Qualcuno le dice che le spetta un rimborso e, per inviarglielo, chiede i suoi dati bancari, un pagamento o l'accesso remoto al suo dispositivo.
advice-fake_refund-how = Il truffatore sostiene che c'è un rimborso in attesa, poi dice che per errore le è stato inviato troppo denaro e le chiede di restituire la differenza, spesso con carte regalo o tramite bonifico. I rimborsi veri vengono accreditati automaticamente sullo stesso metodo di pagamento che ha usato.
advice-fake_refund-sign-1 = Non ha chiesto alcun rimborso.
advice-fake_refund-sign-2 = Le chiedono il numero della carta, le credenziali di accesso alla sua banca online o un codice monouso.
advice-fake_refund-sign-3 = Vogliono collegarsi al suo computer o al suo telefono «per elaborare il rimborso».
advice-fake_refund-sign-4 = Le chiedono di restituire del denaro.
advice-fake_refund-do-1 = Riattacchi o smetta di rispondere.
advice-fake_refund-do-2 = Controlli eventuali rimborsi nel suo account, mai tramite un link o una persona al telefono.
advice-fake_refund-do-3 = Ci segnali il numero o il messaggio.
advice-fake_refund-paid = Contatti subito la sua banca. Se qualcuno si è collegato al suo dispositivo, lo scolleghi da internet, disinstalli il programma di accesso remoto e cambi le password da un altro dispositivo.

## Richieste di carte regalo
advice-gift_card-title = Richieste di pagamento con carte regalo
advice-gift_card-summary = Chiunque le chieda di pagare con carte regalo, o di leggere ad alta voce i codici sul retro, è un truffatore.
advice-gift_card-how = Le carte regalo sono come contanti: una volta comunicati i codici, il denaro è perso ed è difficile risalire a chi l'ha preso. I truffatori le chiedono con la scusa di una «commissione», di una «multa», di un «errore di rimborso» o di un «controllo di sicurezza».
advice-gift_card-sign-1 = Le chiedono di acquistare carte regalo e di inviare le foto dei codici.
advice-gift_card-sign-2 = Le dicono di non parlarne con nessuno, nemmeno con il commesso del negozio.
advice-gift_card-sign-3 = Le dicono che è urgente o che altrimenti avrà dei problemi.
advice-gift_card-sign-4 = Si spacciano per noi, per una banca, per la polizia o per il fisco.
advice-gift_card-do-1 = Non paghi mai nessuno con carte regalo.
advice-gift_card-do-2 = Non comunichi mai i codici sul retro di una carta.
advice-gift_card-do-3 = Ci segnali la richiesta, indicando il numero o l'indirizzo da cui è arrivata.
advice-gift_card-paid = Contatti subito la società che ha emesso la carta regalo, tenendo a portata di mano i codici e le ricevute: se il denaro non è ancora stato speso, potrebbe riuscire a bloccarlo. Conservi le ricevute per la polizia.

## Finti numeri dell'assistenza clienti
advice-fake_support-title = Finti numeri dell'assistenza clienti
advice-fake_support-summary = I truffatori pubblicano falsi numeri di assistenza nei risultati di ricerca, negli annunci e sui social network, e aspettano che qualcuno chiami.
advice-fake_support-how = Lei cerca aiuto, chiama il primo numero che trova e le risponde una persona che sembra molto professionale. Questa persona le chiede la password, un codice inviato al suo telefono o un pagamento per «sbloccare» il suo account.
advice-fake_support-sign-1 = Ha trovato il numero in un annuncio su un motore di ricerca, in un post di un forum o in un commento sui social network.
advice-fake_support-sign-2 = La persona le chiede la password o un codice ricevuto via SMS.
advice-fake_support-sign-3 = Le chiedono un pagamento o delle carte regalo per risolvere un problema.
advice-fake_support-sign-4 = Vogliono installare un'app sul suo telefono o sul suo computer.
advice-fake_support-do-1 = Contatti l'assistenza clienti solo dalle pagine di aiuto della nostra app o del nostro sito.
advice-fake_support-do-2 = Usi «Siamo davvero noi?» per verificare un numero prima di chiamarlo.
advice-fake_support-do-3 = Segnali i numeri falsi, così potremo farli rimuovere.
advice-fake_support-paid = Contatti la sua banca, cambi la password e disconnetta tutti i dispositivi dalle impostazioni del suo account.

## Finte chiamate dell'assistenza tecnica
advice-tech_support-title = Finte chiamate dell'assistenza tecnica
advice-tech_support-summary = Una persona al telefono o una finestra pop-up le dice che il suo computer o il suo account è stato violato e si offre di risolvere il problema.
advice-tech_support-how = Una finestra pop-up con un avviso allarmante e invadente, oppure una chiamata «dal team di sicurezza», le dice che il suo account viene usato da criminali. Le chiedono di installare un'app di accesso remoto, poi le mostrano false prove e le chiedono un pagamento o i suoi dati bancari.
advice-tech_support-sign-1 = Una chiamata o una finestra pop-up inattesa le dice che il suo dispositivo o il suo account è infetto o è stato violato.
advice-tech_support-sign-2 = Le chiedono di installare un programma o un'app per poterla aiutare.
advice-tech_support-sign-3 = Le chiedono di accedere alla sua banca online mentre sono collegati al suo dispositivo.
advice-tech_support-sign-4 = La finestra pop-up non si chiude e indica un numero da chiamare.
advice-tech_support-do-1 = Riattacchi. Non la chiameremo mai per dirle che il suo computer è infetto.
advice-tech_support-do-2 = Chiuda il browser. Se la finestra pop-up non si chiude, riavvii il dispositivo.
advice-tech_support-do-3 = Ci segnali il numero o il sito.
advice-tech_support-paid = Scolleghi il dispositivo da internet, rimuova qualsiasi programma installato dai truffatori, esegua una scansione antivirus e chiami la sua banca. Cambi le password da un dispositivo a cui non hanno avuto accesso.
