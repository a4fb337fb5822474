# Rådsidor om vanliga bedrägerier (issue 3). Engelska är referensspråket: alla andra språk har varje
# meddelande som finns här, med samma variabler. Varje ämne har en rubrik, en sammanfattning på en
# rad, en beskrivning av hur bedrägeriet går till, fyra varningstecken, tre saker att göra och vad
# man gör om pengar redan har betalats.

advice-index-title = Råd om vanliga bedrägerier
advice-index-intro = Bedragare utger sig för att vara { $brand } för att komma åt dina pengar eller dina lösenord. Här är de knep vi ser oftast, och hur du känner igen dem.
advice-signs-title = Så känner du igen det
advice-do-title = Så gör du
advice-paid-title = Om du redan har betalat eller lämnat ut dina uppgifter
advice-report-cta = Har du fått något liknande? Rapportera det.
advice-read-more = Läs mer

## Falska orderbekräftelser
advice-fake_order-title = Falska orderbekräftelser
advice-fake_order-summary = Ett meddelande bekräftar en dyr beställning som du aldrig har gjort och uppmanar dig att ringa eller klicka för att avbeställa den.
advice-fake_order-how = Meddelandet ser ut som ett riktigt kvitto på en telefon, en bärbar dator eller ett presentkort. Du blir orolig och ringer numret eller öppnar länken – och ”avbeställningen” leder till frågor om ditt kort, en betalning eller ett program som ger bedragarna åtkomst till din dator.
advice-fake_order-sign-1 = Du har inte beställt det som står i meddelandet.
advice-fake_order-sign-2 = Det finns ett telefonnummer att ringa för att avbeställa, i stället för en hänvisning till ditt konto.
advice-fake_order-sign-3 = Det kommer från en adress eller ett nummer som inte hör till våra officiella kanaler.
advice-fake_order-sign-4 = Du pressas att agera inom några timmar.
advice-fake_order-do-1 = Ring inte numret och klicka inte på länkarna i meddelandet.
advice-fake_order-do-2 = Öppna appen eller skriv in vår adress själv och titta på dina beställningar där.
advice-fake_order-do-3 = Rapportera meddelandet så att vi kan stoppa numret eller webbplatsen.
advice-fake_order-paid = Ring din bank eller ditt kortföretag på numret som står på kortet och be dem stoppa betalningen. Byt lösenord och ta bort alla program som den som ringde bad dig installera.

## Falska återbetalningar
advice-fake_refund-title = Falska erbjudanden om återbetalning
advice-fake_refund-summary = Någon säger att du har pengar att få tillbaka, men att de behöver dina bankuppgifter, en betalning eller fjärråtkomst för att kunna skicka dem.
advice-fake_refund-how = Bedragaren påstår att en återbetalning väntar på dig och säger sedan att för mycket har skickats av misstag. Du ombeds skicka tillbaka mellanskillnaden, ofta i form av presentkort eller via banköverföring. Riktiga återbetalningar går automatiskt tillbaka till det betalsätt du använde.
advice-fake_refund-sign-1 = Du har inte bett om någon återbetalning.
advice-fake_refund-sign-2 = De ber om ditt kortnummer, dina inloggningskoder till internetbanken eller en engångskod.
advice-fake_refund-sign-3 = De vill koppla upp sig mot din dator eller telefon ”för att genomföra återbetalningen”.
advice-fake_refund-sign-4 = De ber dig betala tillbaka pengar.
advice-fake_refund-do-1 = Lägg på eller sluta svara.
advice-fake_refund-do-2 = Kontrollera alltid återbetalningar i ditt konto, aldrig via en länk eller någon som ringer.
advice-fake_refund-do-3 = Rapportera numret eller meddelandet till oss.
advice-fake_refund-paid = Kontakta din bank direkt. Om någon har kopplat upp sig mot din enhet: koppla bort den från internet, ta bort programmet för fjärråtkomst och byt dina lösenord från en annan enhet.

## Krav på betalning med presentkort
advice-gift_card-title = Krav på betalning med presentkort
advice-gift_card-summary = Den som ber dig betala med presentkort, eller läsa upp koderna på baksidan, är en bedragare.
advice-gift_card-how = Presentkort är som kontanter: när koderna väl har lämnats ut är pengarna borta och svåra att spåra. Bedragare ber om dem för att betala en ”avgift”, ”böter”, ett ”fel vid återbetalning” eller en ”säkerhetskontroll”.
advice-gift_card-sign-1 = De ber dig köpa presentkort och skicka bilder på koderna.
advice-gift_card-sign-2 = De säger att du ska hålla det hemligt, till och med för personalen i butiken.
advice-gift_card-sign-3 = De säger att det är bråttom eller att du kommer att få problem.
advice-gift_card-sign-4 = De påstår att de är vi, en bank, polisen eller Skatteverket.
advice-gift_card-do-1 = Betala aldrig någon med presentkort.
advice-gift_card-do-2 = Lämna aldrig ut koderna på baksidan av ett kort.
advice-gift_card-do-3 = Rapportera kravet till oss, tillsammans med numret eller adressen det kom från.
advice-gift_card-paid = Kontakta företaget som gav ut presentkortet direkt och uppge koderna och kvittona: om pengarna inte har använts ännu kan de kanske spärra dem. Spara kvittona till polisen.

## Falska kundtjänstnummer
advice-fake_support-title = Falska kundtjänstnummer
advice-fake_support-summary = Bedragare lägger ut falska supportnummer i sökresultat, annonser och sociala medier och väntar på att folk ska ringa.
advice-fake_support-how = Du söker hjälp, ringer det första numret du hittar och kommer till någon som låter professionell. Personen ber om ditt lösenord, en kod som har skickats till din telefon eller en betalning för att ”låsa upp” ditt konto.
advice-fake_support-sign-1 = Du hittade numret i en sökannons, ett foruminlägg eller en kommentar på sociala medier.
advice-fake_support-sign-2 = Personen ber om ditt lösenord eller en kod som du har fått via sms.
advice-fake_support-sign-3 = De ber om en betalning eller presentkort för att lösa ett problem.
advice-fake_support-sign-4 = De vill installera en app på din telefon eller dator.
advice-fake_support-do-1 = Kontakta kundtjänst bara via hjälpsidorna i vår app eller på vår webbplats.
advice-fake_support-do-2 = Använd ”Är det verkligen vi?” för att kontrollera ett nummer innan du ringer det.
advice-fake_support-do-3 = Rapportera falska nummer så att vi kan få dem borttagna.
advice-fake_support-paid = Kontakta din bank, byt lösenord och logga ut från alla enheter i dina kontoinställningar.

## Falsk teknisk support
advice-tech_support-title = Samtal från falsk teknisk support
advice-tech_support-summary = Någon som ringer, eller ett popup-fönster, påstår att din dator eller ditt konto har hackats och erbjuder sig att åtgärda det.
advice-tech_support-how = Ett popup-fönster med en högljudd varning eller ett samtal ”från säkerhetsavdelningen” säger att ditt konto används av kriminella. Du ombeds installera en app för fjärråtkomst, och sedan visar de falska bevis och ber om betalning eller dina bankuppgifter.
advice-tech_support-sign-1 = Ett oväntat samtal eller popup-fönster påstår att din enhet eller ditt konto har infekterats eller hackats.
advice-tech_support-sign-2 = De ber dig installera ett program eller en app så att de kan hjälpa dig.
advice-tech_support-sign-3 = De ber dig logga in på din internetbank medan de är uppkopplade mot din enhet.
advice-tech_support-sign-4 = Popup-fönstret går inte att stänga och visar ett nummer som du ska ringa.
advice-tech_support-do-1 = Lägg på. Vi ringer aldrig för att säga att din dator är infekterad.
advice-tech_support-do-2 = Stäng webbläsaren. Om popup-fönstret inte går att stänga startar du om enheten.
advice-tech_support-do-3 = Rapportera numret eller webbplatsen till oss.
advice-tech_support-paid = Koppla bort enheten från internet, ta bort alla program som de installerade, gör en säkerhetsgenomsökning och ring din bank. Byt dina lösenord från en enhet som de inte har haft åtkomst till.
