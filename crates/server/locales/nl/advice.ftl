# Adviespagina's over veelvoorkomende oplichting (taak 3). Engels is de referentie: elke andere taal
# bevat elk bericht uit dit bestand, met dezelfde variabelen. Elk onderwerp heeft een titel, een
# samenvatting van één regel, hoe de oplichting werkt, vier kenmerken, drie dingen die u kunt doen,
# en wat u moet doen als er al geld is betaald.

advice-index-title = Tips tegen veelvoorkomende oplichting
advice-index-intro = Oplichters doen zich voor als { $brand } om aan uw geld of uw wachtwoorden te komen. Dit zijn de trucs die we het vaakst zien, en zo herkent u ze.
advice-signs-title = Zo herkent u het
advice-do-title = Wat u kunt doen
advice-paid-title = Hebt u al betaald of uw gegevens doorgegeven?
advice-report-cta = Iets soortgelijks ontvangen? Meld het ons.
advice-read-more = Lees meer

## Valse bestelbevestigingen
advice-fake_order-title = Valse bestelbevestigingen
advice-fake_order-summary = U krijgt een bevestiging van een dure bestelling die u nooit hebt geplaatst, met het dringende verzoek te bellen of te klikken om die te annuleren.
advice-fake_order-how = Het bericht lijkt op een echt aankoopbewijs voor een telefoon, een laptop of een cadeaukaart. Ongerust belt u het nummer of opent u de link, en de 'annulering' draait uit op vragen over uw bankpas of creditcard, een betaling, of software waarmee de oplichters toegang krijgen tot uw computer.
advice-fake_order-sign-1 = U hebt niet besteld wat er in het bericht staat.
advice-fake_order-sign-2 = Er staat een telefoonnummer in dat u moet bellen om te annuleren, in plaats van een verwijzing naar uw account.
advice-fake_order-sign-3 = Het komt van een adres of nummer dat niet bij onze officiële kanalen hoort.
advice-fake_order-sign-4 = U wordt onder druk gezet om binnen een paar uur iets te doen.
advice-fake_order-do-1 = Bel het nummer niet en klik niet op de links in het bericht.
advice-fake_order-do-2 = Open de app of typ zelf ons webadres in, en bekijk daar uw bestellingen.
advice-fake_order-do-3 = Meld het bericht, zodat we het nummer of de website kunnen aanpakken.
advice-fake_order-paid = Bel uw bank of creditcardmaatschappij op het nummer dat op uw pas staat en vraag of ze de betaling kunnen tegenhouden. Wijzig uw wachtwoord en verwijder alle software die de beller u heeft laten installeren.

## Valse terugbetalingen
advice-fake_refund-title = Valse terugbetalingen
advice-fake_refund-summary = Iemand zegt dat u geld terugkrijgt, maar heeft daarvoor uw bankgegevens, een betaling of toegang op afstand tot uw apparaat nodig.
advice-fake_refund-how = De oplichter beweert dat er een terugbetaling voor u klaarstaat. Daarna zegt hij dat er per ongeluk te veel is overgemaakt en vraagt hij u het verschil terug te sturen, vaak met cadeaukaarten of via een bankoverschrijving. Echte terugbetalingen gaan automatisch terug via de manier waarop u hebt betaald.
advice-fake_refund-sign-1 = U hebt niet om een terugbetaling gevraagd.
advice-fake_refund-sign-2 = Ze vragen om uw kaartnummer, codes voor internetbankieren of een eenmalige code.
advice-fake_refund-sign-3 = Ze willen verbinding maken met uw computer of telefoon 'om de terugbetaling te verwerken'.
advice-fake_refund-sign-4 = Ze vragen u om geld terug te betalen.
advice-fake_refund-do-1 = Hang op of reageer niet meer.
advice-fake_refund-do-2 = Controleer een terugbetaling altijd in uw account, nooit via een link of een beller.
advice-fake_refund-do-3 = Meld het nummer of het bericht bij ons.
advice-fake_refund-paid = Neem meteen contact op met uw bank. Heeft iemand verbinding gemaakt met uw apparaat? Koppel het dan los van internet, verwijder het programma voor toegang op afstand en wijzig uw wachtwoorden vanaf een ander apparaat.

## Betalen met cadeaukaarten
advice-gift_card-title = Verzoeken om met cadeaukaarten te betalen
advice-gift_card-summary = Wie u vraagt te betalen met cadeaukaarten, of de codes op de achterkant voor te lezen, is een oplichter.
advice-gift_card-how = Cadeaukaarten zijn net contant geld: zodra de codes zijn doorgegeven, is het geld weg en moeilijk terug te vinden. Oplichters vragen erom als betaling voor 'kosten', een 'boete', een 'fout bij een terugbetaling' of een 'veiligheidscontrole'.
advice-gift_card-sign-1 = Ze vragen u cadeaukaarten te kopen en foto's van de codes te sturen.
advice-gift_card-sign-2 = Ze zeggen dat u het geheim moet houden, zelfs voor de medewerker in de winkel.
advice-gift_card-sign-3 = Ze zeggen dat het dringend is of dat u anders in de problemen komt.
advice-gift_card-sign-4 = Ze beweren dat ze van ons zijn, of van een bank, de politie of de belastingdienst.
advice-gift_card-do-1 = Betaal nooit iemand met cadeaukaarten.
advice-gift_card-do-2 = Geef de codes op de achterkant van een kaart nooit door.
advice-gift_card-do-3 = Meld het verzoek bij ons, met het nummer of adres waar het vandaan kwam.
advice-gift_card-paid = Neem meteen contact op met het bedrijf dat de cadeaukaart heeft uitgegeven en geef de codes en aankoopbewijzen door: als het geld nog niet is uitgegeven, kunnen ze het misschien blokkeren. Bewaar de aankoopbewijzen voor de politie.

## Valse klantenservicenummers
advice-fake_support-title = Valse klantenservicenummers
advice-fake_support-summary = Oplichters zetten valse klantenservicenummers in zoekresultaten, advertenties en op sociale media, en wachten tot mensen bellen.
advice-fake_support-how = U zoekt hulp, belt het eerste nummer dat u vindt en krijgt iemand aan de lijn die heel professioneel klinkt. Die vraagt om uw wachtwoord, een code die naar uw telefoon is gestuurd of een betaling om uw account 'te ontgrendelen'.
advice-fake_support-sign-1 = U vond het nummer in een advertentie bij zoekresultaten, een forumbericht of een reactie op sociale media.
advice-fake_support-sign-2 = De persoon vraagt om uw wachtwoord of om een code die u per sms hebt gekregen.
advice-fake_support-sign-3 = Ze vragen om een betaling of om cadeaukaarten om een probleem op te lossen.
advice-fake_support-sign-4 = Ze willen een app op uw telefoon of computer installeren.
advice-fake_support-do-1 = Neem alleen contact op met de klantenservice via de hulppagina's in onze app of op onze website.
advice-fake_support-do-2 = Gebruik 'Komt dit echt van ons?' om een nummer te controleren voordat u het belt.
advice-fake_support-do-3 = Meld valse nummers, zodat we ze kunnen laten verwijderen.
advice-fake_support-paid = Neem contact op met uw bank, wijzig uw wachtwoord en log via uw accountinstellingen uit op alle apparaten.

## Telefoontjes van valse helpdesks
advice-tech_support-title = Telefoontjes van valse helpdesks
advice-tech_support-summary = Een beller of een pop-up beweert dat uw computer of account is gehackt en biedt aan het probleem op te lossen.
advice-tech_support-how = Een pop-up met een luide waarschuwing of een telefoontje 'van het beveiligingsteam' meldt dat criminelen uw account gebruiken. U wordt gevraagd een app voor toegang op afstand te installeren. Daarna laten ze nepbewijs zien en vragen ze om een betaling of om uw bankgegevens.
advice-tech_support-sign-1 = Een onverwacht telefoontje of een pop-up meldt dat uw apparaat of account besmet of gehackt is.
advice-tech_support-sign-2 = Ze vragen u een programma of app te installeren, zodat ze u kunnen helpen.
advice-tech_support-sign-3 = Ze vragen u in te loggen bij uw bank terwijl zij met uw apparaat verbonden zijn.
advice-tech_support-sign-4 = De pop-up gaat niet dicht en toont een nummer dat u moet bellen.
advice-tech_support-do-1 = Hang op. We bellen nooit om te zeggen dat uw computer besmet is.
advice-tech_support-do-2 = Sluit de browser. Gaat de pop-up niet dicht? Start het apparaat dan opnieuw op.
advice-tech_support-do-3 = Meld het nummer of de website bij ons.
advice-tech_support-paid = Koppel het apparaat los van internet, verwijder elk programma dat ze hebben geïnstalleerd, voer een beveiligingsscan uit en bel uw bank. Wijzig uw wachtwoorden vanaf een apparaat waar zij niet aan hebben gezeten.
