# Strony z poradami o najczęstszych oszustwach (issue 3). Wersja angielska jest wzorcowa: każdy inny
# język zawiera wszystkie komunikaty z tego pliku, z tymi samymi zmiennymi. Każdy temat ma tytuł,
# jednozdaniowe podsumowanie, opis działania oszustwa, cztery sygnały ostrzegawcze, trzy zalecenia
# oraz wskazówki na wypadek, gdy pieniądze zostały już przekazane.

advice-index-title = Porady dotyczące najczęstszych oszustw
advice-index-intro = Oszuści podszywają się pod markę { $brand }, żeby wyłudzić Twoje pieniądze lub hasła. Oto sztuczki, z którymi spotykamy się najczęściej, i sposoby na ich rozpoznanie.
advice-signs-title = Jak to rozpoznać
advice-do-title = Co robić
advice-paid-title = Jeśli pieniądze lub dane już trafiły do oszustów
advice-report-cta = Coś podobnego trafiło do Ciebie? Zgłoś to.
advice-read-more = Czytaj więcej

## Fałszywe potwierdzenia zamówień
advice-fake_order-title = Fałszywe potwierdzenia zamówień
advice-fake_order-summary = Dostajesz potwierdzenie drogiego zamówienia, o którym nic nie wiesz, i ponaglenie, by zadzwonić lub kliknąć link w celu jego anulowania.
advice-fake_order-how = Wiadomość wygląda jak prawdziwe potwierdzenie zakupu telefonu, laptopa lub karty podarunkowej. W obawie o swoje pieniądze dzwonisz pod podany numer lub otwierasz link, a „anulowanie” kończy się pytaniami o dane karty, prośbą o płatność albo instalacją oprogramowania, które daje oszustom dostęp do Twojego komputera.
advice-fake_order-sign-1 = Nie rozpoznajesz zamówienia opisanego w wiadomości.
advice-fake_order-sign-2 = Zamiast odesłać Cię do Twojego konta, wiadomość podaje numer telefonu, pod który trzeba zadzwonić, aby anulować zamówienie.
advice-fake_order-sign-3 = Przychodzi z adresu lub numeru, który nie należy do naszych oficjalnych kanałów.
advice-fake_order-sign-4 = Wywiera presję, żeby działać w ciągu kilku godzin.
advice-fake_order-do-1 = Nie dzwoń pod podany numer i nie klikaj linków w wiadomości.
advice-fake_order-do-2 = Otwórz aplikację lub samodzielnie wpisz nasz adres i sprawdź swoje zamówienia właśnie tam.
advice-fake_order-do-3 = Zgłoś wiadomość, abyśmy mogli zablokować ten numer lub stronę.
advice-fake_order-paid = Zadzwoń do swojego banku lub wydawcy karty pod numer wydrukowany na karcie i poproś o wstrzymanie płatności. Zmień hasło i odinstaluj całe oprogramowanie, które kazał Ci zainstalować rozmówca.

## Fałszywe zwroty pieniędzy
advice-fake_refund-title = Fałszywe propozycje zwrotu pieniędzy
advice-fake_refund-summary = Ktoś twierdzi, że należy Ci się zwrot pieniędzy, a żeby go przekazać, potrzebuje Twoich danych bankowych, płatności lub zdalnego dostępu do urządzenia.
advice-fake_refund-how = Oszust twierdzi, że czeka na Ciebie zwrot, potem mówi, że przez pomyłkę przelano za dużo, i prosi o odesłanie różnicy – często w kartach podarunkowych lub przelewem. Prawdziwe zwroty wracają automatycznie tą samą metodą, którą dokonano płatności.
advice-fake_refund-sign-1 = Nikt z Twojej strony nie prosił o zwrot.
advice-fake_refund-sign-2 = Proszą o numer karty, kody do bankowości internetowej lub kod jednorazowy.
advice-fake_refund-sign-3 = Chcą połączyć się z Twoim komputerem lub telefonem, „żeby zrealizować zwrot”.
advice-fake_refund-sign-4 = Proszą o odesłanie części pieniędzy.
advice-fake_refund-do-1 = Rozłącz się lub przestań odpowiadać.
advice-fake_refund-do-2 = Każdy zwrot sprawdzaj na swoim koncie – nigdy przez link ani u osoby, która do Ciebie dzwoni.
advice-fake_refund-do-3 = Zgłoś nam ten numer lub wiadomość.
advice-fake_refund-paid = Natychmiast skontaktuj się z bankiem. Jeśli ktoś połączył się z Twoim urządzeniem, odłącz je od internetu, odinstaluj program do zdalnego dostępu i zmień hasła, korzystając z innego urządzenia.

## Żądania zapłaty kartami podarunkowymi
advice-gift_card-title = Żądania zapłaty kartami podarunkowymi
advice-gift_card-summary = Każdy, kto prosi o zapłatę kartami podarunkowymi albo o odczytanie kodów z tyłu karty, jest oszustem.
advice-gift_card-how = Karty podarunkowe są jak gotówka: gdy kody zostaną przekazane, pieniądze przepadają i trudno je wyśledzić. Oszuści żądają ich tytułem „opłaty”, „mandatu”, „błędnego zwrotu” albo „weryfikacji bezpieczeństwa”.
advice-gift_card-sign-1 = Proszą o kupienie kart podarunkowych i przesłanie zdjęć kodów.
advice-gift_card-sign-2 = Każą zachować wszystko w tajemnicy, nawet przed sprzedawcą w sklepie.
advice-gift_card-sign-3 = Mówią, że sprawa jest pilna albo że będziesz mieć kłopoty.
advice-gift_card-sign-4 = Podają się za nas, bank, policję lub urząd skarbowy.
advice-gift_card-do-1 = Nigdy nikomu nie płać kartami podarunkowymi.
advice-gift_card-do-2 = Nigdy nie podawaj kodów z tyłu karty.
advice-gift_card-do-3 = Zgłoś nam takie żądanie i podaj numer lub adres, z którego przyszło.
advice-gift_card-paid = Od razu skontaktuj się z firmą, która wydała kartę podarunkową, i przekaż jej kody oraz paragony: jeśli pieniądze nie zostały jeszcze wydane, być może uda się je zablokować. Zachowaj paragony dla policji.

## Fałszywe numery obsługi klienta
advice-fake_support-title = Fałszywe numery obsługi klienta
advice-fake_support-summary = Oszuści publikują fałszywe numery infolinii w wynikach wyszukiwania, reklamach i mediach społecznościowych, a potem czekają na telefony.
advice-fake_support-how = Szukasz pomocy, dzwonisz pod pierwszy znaleziony numer i trafiasz na kogoś, kto brzmi profesjonalnie. Ta osoba prosi o hasło, o kod wysłany na Twój telefon albo o płatność, która ma „odblokować” konto.
advice-fake_support-sign-1 = Numer pochodzi z reklamy w wyszukiwarce, wpisu na forum lub komentarza w mediach społecznościowych.
advice-fake_support-sign-2 = Rozmówca prosi o hasło lub o kod otrzymany SMS-em.
advice-fake_support-sign-3 = Proszą o płatność lub karty podarunkowe, żeby rozwiązać problem.
advice-fake_support-sign-4 = Chcą zainstalować aplikację na Twoim telefonie lub komputerze.
advice-fake_support-do-1 = Z obsługą klienta kontaktuj się wyłącznie przez strony pomocy w naszej aplikacji lub w naszym serwisie internetowym.
advice-fake_support-do-2 = Zanim zadzwonisz pod jakiś numer, sprawdź go w narzędziu „Czy to naprawdę my?”.
advice-fake_support-do-3 = Zgłaszaj fałszywe numery, abyśmy mogli doprowadzić do ich usunięcia.
advice-fake_support-paid = Skontaktuj się z bankiem, zmień hasło i w ustawieniach konta wyloguj się ze wszystkich urządzeń.

## Telefony od fałszywej pomocy technicznej
advice-tech_support-title = Fałszywa pomoc techniczna
advice-tech_support-summary = Rozmówca lub wyskakujące okienko informuje, że ktoś włamał się na Twój komputer lub konto, i oferuje pomoc w rozwiązaniu problemu.
advice-tech_support-how = Wyskakujące okienko z głośnym ostrzeżeniem albo telefon „od zespołu ds. bezpieczeństwa” informuje, że z Twojego konta korzystają przestępcy. Oszuści proszą o zainstalowanie aplikacji do zdalnego dostępu, potem pokazują fałszywe „dowody” i żądają zapłaty lub danych bankowych.
advice-tech_support-sign-1 = Niespodziewany telefon lub wyskakujące okienko informuje, że Twoje urządzenie jest zainfekowane albo że ktoś włamał się na Twoje konto.
advice-tech_support-sign-2 = Proszą o zainstalowanie programu lub aplikacji, żeby mogli pomóc.
advice-tech_support-sign-3 = Proszą o zalogowanie się do banku, gdy są połączeni z Twoim urządzeniem.
advice-tech_support-sign-4 = Okienka nie da się zamknąć, a wyświetla się w nim numer, pod który trzeba zadzwonić.
advice-tech_support-do-1 = Rozłącz się. Nigdy nie dzwonimy z informacją, że Twój komputer jest zainfekowany.
advice-tech_support-do-2 = Zamknij przeglądarkę. Jeśli okienka nie da się zamknąć, uruchom urządzenie ponownie.
advice-tech_support-do-3 = Zgłoś nam ten numer lub stronę internetową.
advice-tech_support-paid = Odłącz urządzenie od internetu, odinstaluj wszystkie programy zainstalowane przez oszustów, przeskanuj urządzenie programem antywirusowym i zadzwoń do banku. Zmień hasła na urządzeniu, do którego oszuści nie mieli dostępu.
