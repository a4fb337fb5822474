# Ratgeberseiten zu häufigen Betrugsmaschen (Issue 3). Englisch ist die Referenzsprache: Jede andere Sprache
# enthält jede Nachricht aus dieser Datei, mit denselben Variablen. Jedes Thema hat einen Titel, eine
# einzeilige Zusammenfassung, eine Beschreibung der Masche, vier Warnzeichen, drei Handlungsempfehlungen und
# Hinweise für den Fall, dass bereits Geld gezahlt wurde.

advice-index-title = Tipps zu häufigen Betrugsmaschen
advice-index-intro = Betrüger geben sich als { $brand } aus, um an Ihr Geld oder Ihre Passwörter zu kommen. Hier finden Sie die Tricks, die uns am häufigsten begegnen, und erfahren, wie Sie sie erkennen.
advice-signs-title = So erkennen Sie die Masche
advice-do-title = Was Sie tun sollten
advice-paid-title = Wenn Sie bereits gezahlt oder Daten preisgegeben haben
advice-report-cta = Haben Sie etwas Ähnliches erhalten? Melden Sie es uns.
advice-read-more = Weiterlesen

## Gefälschte Bestellbestätigungen
advice-fake_order-title = Gefälschte Bestellbestätigungen
advice-fake_order-summary = Eine Nachricht bestätigt eine teure Bestellung, die Sie nie aufgegeben haben, und drängt Sie, anzurufen oder auf einen Link zu klicken, um sie zu stornieren.
advice-fake_order-how = Die Nachricht sieht aus wie ein echter Kaufbeleg für ein Smartphone, einen Laptop oder eine Geschenkkarte. Beunruhigt rufen Sie die Nummer an oder öffnen den Link – und die angebliche „Stornierung“ führt zu Fragen nach Ihrer Karte, zu einer Zahlung oder zu einer Software, über die die Betrüger Zugriff auf Ihren Computer erhalten.
advice-fake_order-sign-1 = Sie haben nicht bestellt, was in der Nachricht beschrieben wird.
advice-fake_order-sign-2 = Sie sollen zum Stornieren eine Telefonnummer anrufen, statt in Ihrem Kundenkonto nachzusehen.
advice-fake_order-sign-3 = Die Nachricht kommt von einer Adresse oder Nummer, die nicht zu unseren offiziellen Kanälen gehört.
advice-fake_order-sign-4 = Sie werden gedrängt, innerhalb weniger Stunden zu handeln.
advice-fake_order-do-1 = Rufen Sie die Nummer nicht an und klicken Sie nicht auf die Links in der Nachricht.
advice-fake_order-do-2 = Öffnen Sie die App oder geben Sie unsere Adresse selbst ein und sehen Sie dort in Ihren Bestellungen nach.
advice-fake_order-do-3 = Melden Sie die Nachricht, damit wir die Nummer oder die Website sperren lassen können.
advice-fake_order-paid = Rufen Sie Ihre Bank oder Ihren Kartenanbieter unter der Nummer an, die auf Ihrer Karte steht, und bitten Sie darum, die Zahlung zu stoppen. Ändern Sie Ihr Passwort und entfernen Sie jede Software, die Sie auf Wunsch des Anrufers installiert haben.

## Gefälschte Rückerstattungen
advice-fake_refund-title = Gefälschte Rückerstattungsangebote
advice-fake_refund-summary = Jemand behauptet, Ihnen stehe eine Rückerstattung zu, und verlangt dafür Ihre Bankdaten, eine Zahlung oder Fernzugriff auf Ihr Gerät.
advice-fake_refund-how = Der Betrüger behauptet, eine Rückerstattung warte auf Sie. Dann heißt es, versehentlich sei zu viel Geld überwiesen worden, und Sie sollen die Differenz zurückzahlen – oft in Form von Geschenkkarten oder per Banküberweisung. Echte Rückerstattungen erfolgen automatisch über die Zahlungsart, mit der Sie bezahlt haben.
advice-fake_refund-sign-1 = Sie haben keine Rückerstattung beantragt.
advice-fake_refund-sign-2 = Man fragt Sie nach Ihrer Kartennummer, Ihren Zugangsdaten fürs Onlinebanking oder einem Einmalcode.
advice-fake_refund-sign-3 = Man möchte sich mit Ihrem Computer oder Smartphone verbinden, „um die Rückerstattung zu bearbeiten“.
advice-fake_refund-sign-4 = Man verlangt, dass Sie Geld zurückzahlen.
advice-fake_refund-do-1 = Legen Sie auf oder antworten Sie nicht mehr.
advice-fake_refund-do-2 = Prüfen Sie Rückerstattungen immer in Ihrem Kundenkonto – niemals über einen Link oder über jemanden, der Sie anruft.
advice-fake_refund-do-3 = Melden Sie uns die Nummer oder die Nachricht.
advice-fake_refund-paid = Wenden Sie sich sofort an Ihre Bank. Falls sich jemand mit Ihrem Gerät verbunden hat, trennen Sie es vom Internet, entfernen Sie das Fernzugriffsprogramm und ändern Sie Ihre Passwörter über ein anderes Gerät.

## Geschenkkarten als Zahlungsmittel
advice-gift_card-title = Wenn Geschenkkarten verlangt werden
advice-gift_card-summary = Wer Sie auffordert, mit Geschenkkarten zu bezahlen oder die Codes auf der Rückseite vorzulesen, ist ein Betrüger.
advice-gift_card-how = Geschenkkarten sind wie Bargeld: Sind die Codes einmal weitergegeben, ist das Geld weg und kaum zurückzuverfolgen. Betrüger verlangen sie angeblich für eine „Gebühr“, eine „Strafe“, einen „Erstattungsfehler“ oder eine „Sicherheitsprüfung“.
advice-gift_card-sign-1 = Man fordert Sie auf, Geschenkkarten zu kaufen und Fotos der Codes zu schicken.
advice-gift_card-sign-2 = Man sagt Ihnen, Sie sollen es geheim halten – sogar vor dem Verkaufspersonal im Geschäft.
advice-gift_card-sign-3 = Man behauptet, es sei dringend oder Sie bekämen sonst Ärger.
advice-gift_card-sign-4 = Man gibt vor, von uns, von einer Bank, von der Polizei oder vom Finanzamt zu sein.
advice-gift_card-do-1 = Bezahlen Sie niemals jemanden mit Geschenkkarten.
advice-gift_card-do-2 = Geben Sie niemals die Codes auf der Rückseite einer Karte weiter.
advice-gift_card-do-3 = Melden Sie uns die Forderung – mit der Nummer oder Adresse, von der sie kam.
advice-gift_card-paid = Wenden Sie sich sofort mit den Codes und Kaufbelegen an das Unternehmen, das die Geschenkkarte herausgegeben hat: Ist das Guthaben noch nicht eingelöst, kann es möglicherweise gesperrt werden. Bewahren Sie die Belege für die Polizei auf.

## Gefälschte Kundenservice-Nummern
advice-fake_support-title = Gefälschte Kundenservice-Nummern
advice-fake_support-summary = Betrüger veröffentlichen gefälschte Servicenummern in Suchergebnissen, Anzeigen und sozialen Medien und warten darauf, dass Menschen anrufen.
advice-fake_support-how = Sie suchen Hilfe, rufen die erste Nummer an, die Sie finden, und erreichen jemanden, der professionell klingt. Diese Person fragt nach Ihrem Passwort, nach einem Code, der an Ihr Telefon gesendet wurde, oder nach einer Zahlung, um Ihr Konto „freizuschalten“.
advice-fake_support-sign-1 = Sie haben die Nummer in einer Anzeige bei einer Suchmaschine, in einem Forumsbeitrag oder in einem Kommentar in sozialen Medien gefunden.
advice-fake_support-sign-2 = Die Person fragt nach Ihrem Passwort oder nach einem Code, den Sie per SMS erhalten haben.
advice-fake_support-sign-3 = Man verlangt eine Zahlung oder Geschenkkarten, um ein Problem zu beheben.
advice-fake_support-sign-4 = Man möchte eine App auf Ihrem Smartphone oder Computer installieren.
advice-fake_support-do-1 = Kontaktieren Sie den Kundenservice nur über die Hilfeseiten in unserer App oder auf unserer Website.
advice-fake_support-do-2 = Prüfen Sie eine Nummer mit „Kommt das wirklich von uns?“, bevor Sie dort anrufen.
advice-fake_support-do-3 = Melden Sie gefälschte Nummern, damit wir sie entfernen lassen können.
advice-fake_support-paid = Wenden Sie sich an Ihre Bank, ändern Sie Ihr Passwort und melden Sie sich in Ihren Kontoeinstellungen auf allen Geräten ab.

## Falsche Anrufe vom technischen Support
advice-tech_support-title = Falsche Anrufe vom technischen Support
advice-tech_support-summary = Ein Anrufer oder ein Pop-up-Fenster behauptet, Ihr Computer oder Ihr Konto sei gehackt worden, und bietet an, das Problem zu beheben.
advice-tech_support-how = Ein Pop-up-Fenster mit einer schrillen Warnung oder ein Anruf „vom Sicherheitsteam“ behauptet, Kriminelle würden Ihr Konto nutzen. Man bittet Sie, eine App für den Fernzugriff zu installieren, zeigt Ihnen dann gefälschte Beweise und verlangt eine Zahlung oder Ihre Bankdaten.
advice-tech_support-sign-1 = Ein unerwarteter Anruf oder ein Pop-up-Fenster behauptet, Ihr Gerät oder Ihr Konto sei infiziert oder gehackt.
advice-tech_support-sign-2 = Man fordert Sie auf, ein Programm oder eine App zu installieren, damit man Ihnen helfen kann.
advice-tech_support-sign-3 = Man bittet Sie, sich bei Ihrer Bank anzumelden, während die Verbindung zu Ihrem Gerät besteht.
advice-tech_support-sign-4 = Das Pop-up-Fenster lässt sich nicht schließen und nennt eine Telefonnummer, die Sie anrufen sollen.
advice-tech_support-do-1 = Legen Sie auf. Wir rufen niemals an, um Ihnen mitzuteilen, dass Ihr Computer infiziert ist.
advice-tech_support-do-2 = Schließen Sie den Browser. Lässt sich das Pop-up-Fenster nicht schließen, starten Sie das Gerät neu.
advice-tech_support-do-3 = Melden Sie uns die Nummer oder die Website.
advice-tech_support-paid = Trennen Sie das Gerät vom Internet, entfernen Sie alle Programme, die die Betrüger installiert haben, führen Sie einen Virenscan durch und rufen Sie Ihre Bank an. Ändern Sie Ihre Passwörter über ein Gerät, auf das die Betrüger keinen Zugriff hatten.
