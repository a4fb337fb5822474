# Publiczny portal zgłaszania oszustw (issue 3). Wersja angielska jest wzorcowa: każdy inny język
# zawiera wszystkie komunikaty z tego pliku, z tymi samymi zmiennymi.

## Elementy wspólne
site-name = Zgłoś oszustwo
site-tagline = Poinformuj nas o wiadomościach, których nadawcy podszywają się pod markę { $brand }. Każde zgłoszenie pomaga nam znaleźć i powstrzymać osoby, które za nimi stoją.
language-label = Język
language-change = Zmień język
skip-to-content = Przejdź do treści głównej
nav-report = Zgłoś oszustwo
nav-check = Czy to naprawdę my?
nav-status = Sprawdź zgłoszenie
footer-privacy = Przesłane informacje wykorzystujemy wyłącznie do walki z oszustwami. Nigdy nie przekazujemy Twoich danych kontaktowych osobom, które zgłaszasz.
footer-never-ask = { $brand } nigdy nie poprosi Cię o karty podarunkowe, hasła ani kody jednorazowe.

## Formularz zgłoszenia
form-title = Zgłoś fałszywą wiadomość lub telefon
form-intro = Pola oznaczone jako nieobowiązkowe możesz zostawić puste. Nie potrzebujesz konta.
form-required = wymagane
form-optional = nieobowiązkowe
field-channel = W jaki sposób się z Tobą skontaktowano?
channel-email = E-mail
channel-sms = Wiadomość tekstowa (SMS)
channel-phone_call = Połączenie telefoniczne
channel-social_media = Media społecznościowe lub komunikator
channel-web = Strona internetowa lub wyskakujące okienko
channel-other = Inny sposób
field-body = Treść wiadomości
field-body-hint = Wklej całą wiadomość dokładnie w takiej postaci, w jakiej do Ciebie dotarła. Jeśli był to telefon, zapisz, co mówił rozmówca.
field-eml = Możesz też przesłać e-mail jako plik (.eml)
field-eml-hint = W większości programów pocztowych wystarczy otworzyć wiadomość i wybrać „Zapisz jako” lub „Pobierz wiadomość”.
field-sender = Kto był nadawcą?
field-sender-hint = Adres e-mail, numer telefonu lub nazwa konta, z których przyszła wiadomość.
field-links = Linki w wiadomości
field-links-hint = Skopiuj je dokładnie. Prosimy ich nie otwierać.
field-phone = Numer telefonu, z którego dzwoniono lub wysłano SMS
field-when = Kiedy to się stało?
field-what-happened = Co się wydarzyło?
field-what-happened-hint = Na przykład: zaproponowano Ci zwrot pieniędzy, potwierdzono zamówienie, którego nie składano, albo poproszono o karty podarunkowe.
field-money-lost = Czy doszło do utraty pieniędzy?
money-lost-no = Nie
money-lost-yes = Tak
field-amount = Kwota
field-currency = Waluta
field-payment-method = W jaki sposób dokonano płatności?
payment-gift_card = Karty podarunkowe
payment-wire = Przelew bankowy
payment-crypto = Kryptowaluta
payment-card = Karta kredytowa lub debetowa
payment-other = Inny sposób
field-screenshot = Zrzut ekranu
field-screenshot-hint = Zdjęcie lub zrzut ekranu wiadomości, jeśli je masz (PNG lub JPEG, maksymalnie { $max_mb } MB).
field-email = Twój adres e-mail
field-email-hint = Dzięki niemu poinformujemy Cię, gdy podejmiemy działania w sprawie Twojego zgłoszenia. Nie wykorzystamy go w żadnym innym celu.
form-submit = Wyślij zgłoszenie
form-sending = Wysyłanie…

## Błędy w formularzu
error-summary-title = { $count ->
    [one] W zgłoszeniu jest jeden problem
    [few] W zgłoszeniu są { $count } problemy
    [many] W zgłoszeniu jest { $count } problemów
   *[other] W zgłoszeniu jest { $count } problemu
}
error-required = Prosimy wypełnić to pole.
error-body-empty = Prosimy wkleić otrzymaną wiadomość.
error-body-too-long = Wiadomość jest za długa. Prosimy skrócić ją do { $max } znaków.
error-email-invalid = Prosimy podać adres e-mail, np. jan.kowalski@example.com.
error-amount-invalid = Prosimy podać kwotę, np. 49.99.
error-currency-invalid = Prosimy wybrać walutę.
error-date-invalid = Prosimy podać datę, np. { $example }.
error-date-future = Data nie może być późniejsza niż dzisiejsza.
error-file-too-large = Plik jest za duży. Maksymalny rozmiar pliku to { $max_mb } MB.
error-file-type = Nie możemy odczytać pliku tego rodzaju. Prosimy przesłać plik w formacie: { $types }.
error-eml-invalid = Nie udało się odczytać tego pliku jako wiadomości e-mail. Prosimy zamiast tego wkleić treść wiadomości.
error-try-again = Wystąpił błąd po naszej stronie. Nic nie zostało utracone – prosimy za chwilę wysłać formularz ponownie.

## Potwierdzenie
ack-title = Dziękujemy. Otrzymaliśmy Twoje zgłoszenie.
ack-reference = Numer Twojego zgłoszenia: { $reference }.
ack-keep-reference = Zachowaj go – dzięki niemu sprawdzisz, na jakim etapie jest Twoje zgłoszenie.
ack-next-title = Co dalej?
ack-next-review = Nasz zespół analizuje każde zgłoszenie. Zgłoszenia dotyczące tego samego oszustwa łączymy, dzięki czemu Twoje pomaga nam ocenić jego skalę.
ack-next-action = Gdy podejmiemy działania, na przykład zamkniemy fałszywą stronę internetową, zaktualizujemy status Twojego zgłoszenia.
ack-next-email = Wyślemy też wiadomość na adres { $email }.
ack-lost-money = Jeśli doszło do utraty pieniędzy, jak najszybciej skontaktuj się ze swoim bankiem lub wydawcą karty. Być może uda się wstrzymać lub cofnąć płatność.
ack-another = Zgłoś kolejne oszustwo

## Strona statusu zgłoszenia
status-title = Zgłoszenie { $reference }
status-lookup-label = Numer zgłoszenia
status-lookup-submit = Sprawdź
status-not-found = Nie znaleźliśmy zgłoszenia o tym numerze. Sprawdź numer i spróbuj ponownie.
status-received = Przyjęte
status-received-detail = Otrzymaliśmy Twoje zgłoszenie. Czeka ono na rozpatrzenie.
status-under_review = W trakcie analizy
status-under_review-detail = Nasz zespół sprawdza zgłoszone przez Ciebie oszustwo.
status-action_taken = Podjęto działania
status-action_taken-detail = Podjęliśmy działania przeciwko temu oszustwu. Dziękujemy, że pomagasz chronić innych.
status-received-on = Data przyjęcia: { $date }

## Czy to naprawdę my?
check-title = Czy to naprawdę { $brand }?
check-intro = Wklej wiadomość, link, adres e-mail lub numer telefonu, a powiemy Ci, co o tym wiemy.
check-input-label = Wiadomość, link, adres e-mail lub numer telefonu
check-submit = Sprawdź
verdict-official = To oficjalny kanał kontaktu firmy { $brand }.
verdict-known_scam = To znane oszustwo. Nie odpowiadaj, niczego nie klikaj i nie płać. { $count ->
    [one] Zgłosiła je już jedna osoba.
    [few] Zgłosiły je już { $count } osoby.
    [many] Zgłosiło je już { $count } osób.
   *[other] Zgłosiło je już { $count } osoby.
}
verdict-lookalike = To wygląda jak { $brand }, ale nie pochodzi od nas. Najprawdopodobniej jest to oszustwo.
verdict-unknown = Nic jeszcze o tym nie wiemy. Jeśli ktoś prosi o pieniądze, hasła lub kody, potraktuj to jako oszustwo i zgłoś je.
check-report-it = Zgłoś to

## E-mail z potwierdzeniem
email-ack-subject = Twoje zgłoszenie oszustwa nr { $reference }
email-ack-greeting = Dzień dobry,
email-ack-body = Dziękujemy za zgłoszenie oszustwa, w którym wykorzystano nazwę { $brand }. Numer Twojego zgłoszenia: { $reference }.
email-ack-status = Status zgłoszenia możesz w każdej chwili sprawdzić tutaj: { $url }
email-ack-action-subject = Aktualizacja zgłoszenia nr { $reference }
email-ack-action-body = Podjęliśmy działania przeciwko zgłoszonemu przez Ciebie oszustwu. Dziękujemy, że pomagasz chronić innych.
email-ack-signoff = Zespół { $brand } ds. ochrony klientów

## Ostrzeżenie dla klientów (e-mail w formacie tekstowym): oszuści podszywają się pod markę. Pod wstępem
## znajduje się lista adresów, numerów i stron oszustów, zapisanych w postaci nieaktywnej (evil[.]com).
warning-subject = Ostrzeżenie: wiadomości podszywające się pod markę { $brand } to oszustwo
warning-intro = Wiadomości, które rzekomo pochodzą od firmy { $brand } i zostały wysłane z podanych niżej adresów lub numerów albo do nich odsyłają, to oszustwo. Nie pochodzą od nas.
warning-more = { $count ->
    [one] i jeszcze jeden
    [few] i jeszcze { $count }
    [many] i jeszcze { $count }
   *[other] i jeszcze { $count }
}
warning-if-you-receive = Jeśli otrzymasz taką wiadomość:
warning-no-links = nigdy nie klikaj zawartych w niej linków ani nie otwieraj załączników;
warning-no-payment = nigdy nie płać i nie podawaj hasła, kodu ani danych swojej karty;
warning-report = zgłoś ją nam na adres { $address }, a następnie usuń.
warning-paid = Jeśli doszło już do płatności lub przekazania danych, od razu skontaktuj się ze swoim bankiem.
warning-reference = Numer referencyjny: { $reference }

## Elementy strony
page-title = { $page } – { $brand }
nav-advice = Porady dotyczące oszustw
nav-main = Menu główne
breadcrumb-home = Strona główna
noscript-ok = W Twojej przeglądarce nie działa JavaScript. Nic nie szkodzi – formularz działa również bez niego.
contact-direct = Jeśli grozi Ci niebezpieczeństwo albo Twoje pieniądze przed chwilą trafiły do oszusta, najpierw zadzwoń do swojego banku i na policję.

## Formularz zgłoszenia – dodatkowe pola
field-scam-kind = Czego od Ciebie chcieli?
scam-kind-fake_order = Potwierdzili zamówienie, którego nie składano
scam-kind-fake_refund = Zaproponowali mi zwrot pieniędzy
scam-kind-gift_card = Prosili o karty podarunkowe
scam-kind-fake_support = Podawali się za pracowników obsługi klienta
scam-kind-tech_support = Twierdzili, że z moim komputerem lub kontem jest problem
scam-kind-delivery = Problem z dostawą lub opłata za paczkę
scam-kind-prize = Nagroda, praca lub inwestycja
scam-kind-account = Moje konto miało zostać zamknięte lub zablokowane
scam-kind-other = Coś innego
choose-one = Wybierz jedną z opcji
field-date-hint = Na przykład { $example }. Jeśli nie wiesz, zostaw to pole puste.
field-time = Godzina
field-country = W jakim kraju mieszkasz?
field-country-hint = Dzięki temu widzimy, gdzie rozprzestrzenia się dane oszustwo.
form-privacy-note = Wysyłając ten formularz, zgadzasz się, abyśmy wykorzystali podane informacje do zbadania oszustwa. Wiadomość przechowujemy jako dowód.
form-challenge = Sprawdzamy, czy jesteś człowiekiem. Odbywa się to w Twojej przeglądarce i trwa kilka sekund.
form-challenge-done = Sprawdzanie zakończone.

## Kolejne błędy w formularzu
error-phone-invalid = Prosimy podać numer telefonu z numerem kierunkowym kraju, np. { $example }.
error-too-many-links = Prosimy ograniczyć liczbę linków do { $max }.
error-link-invalid = To nie wygląda na link. Prosimy skopiować go dokładnie w takiej postaci, w jakiej występuje w wiadomości.
error-too-long = Prosimy skrócić ten tekst do { $max } znaków.
error-screenshot-type = Prosimy przesłać obraz w formacie PNG, JPEG, GIF lub WebP.
error-form-expired = Formularz był otwarty zbyt długo. Sprawdź swoje odpowiedzi i wyślij go ponownie.
error-rate-limited = { $minutes ->
    [one] W krótkim czasie wysłano wiele zgłoszeń. Odczekaj minutę i spróbuj ponownie.
    [few] W krótkim czasie wysłano wiele zgłoszeń. Odczekaj { $minutes } minuty i spróbuj ponownie.
    [many] W krótkim czasie wysłano wiele zgłoszeń. Odczekaj { $minutes } minut i spróbuj ponownie.
   *[other] W krótkim czasie wysłano wiele zgłoszeń. Odczekaj { $minutes } minuty i spróbuj ponownie.
}
error-channel-missing = Prosimy wskazać, w jaki sposób dotarła do Ciebie wiadomość.
error-page-not-found-title = Nie znaleziono strony
error-page-not-found = Nie udało się znaleźć tej strony. Być może została przeniesiona.
error-server-title = Coś poszło nie tak
error-bad-request = Nie udało się odczytać danych przesłanych przez Twoją przeglądarkę. Wróć do poprzedniej strony i spróbuj ponownie.

## Strona statusu zgłoszenia – ciąg dalszy
status-lookup-title = Sprawdź zgłoszenie
status-lookup-intro = Wpisz numer zgłoszenia otrzymany podczas jego wysyłania, np. { $example }.
status-steps = Etapy obsługi Twojego zgłoszenia
status-step-done = zakończony
status-step-current = bieżący etap
status-step-pending = jeszcze nierozpoczęty
status-updated-on = Ostatnia aktualizacja: { $date }
status-privacy = Ze względu na ochronę Twojej prywatności ta strona pokazuje tylko, na jakim etapie jest zgłoszenie – nigdy jego treść.

## Czy to naprawdę my? – ciąg dalszy
check-empty = Wklej tekst, który chcesz sprawdzić.
check-too-long = Prosimy wkleić tekst o długości do { $max } znaków.
check-result-title = Co udało nam się ustalić
check-checked-value = Sprawdzana treść: { $value }
check-known-since = Pierwsze zgłoszenie: { $date }.
check-known-channels = Oszustwo dociera do ludzi przez: { $channels }.
check-what-to-do = Co teraz zrobić
check-advice-official = Możesz bezpiecznie odpowiedzieć. Jeśli nadal masz wątpliwości, skontaktuj się z nami przez aplikację lub stronę internetową, z której zwykle korzystasz – nigdy przez link w wiadomości.
check-advice-scam = Nie odpowiadaj, nie oddzwaniaj, nie klikaj linków i nie płać. Jeśli to już się stało, od razu skontaktuj się ze swoim bankiem i zmień hasła.
check-advice-unknown = Zachowaj ostrożność. Nigdy nie prosimy o karty podarunkowe, hasła ani kody jednorazowe i nigdy nie ponaglamy do zapłaty.
check-official-channels = Nasze oficjalne kanały
