# Herkese açık dolandırıcılık bildirim portalı (issue 3). Referans dil İngilizcedir: diğer her dil,
# buradaki mesajların tamamını aynı değişkenlerle içerir.

## Ortak
site-name = Dolandırıcılık bildirin
site-tagline = { $brand } adına gönderilmiş gibi görünen mesajları bize bildirin. Her bildirim, bu mesajların arkasındaki kişileri bulup durdurmamıza yardımcı olur.
language-label = Dil
language-change = Dili değiştir
skip-to-content = Ana içeriğe geç
nav-report = Dolandırıcılık bildirin
nav-check = Gerçekten biz miyiz?
nav-status = Bildiriminizi sorgulayın
footer-privacy = Gönderdiğiniz bilgileri yalnızca dolandırıcılıkla mücadele etmek için kullanırız. İletişim bilgilerinizi bildirdiğiniz kişilerle asla paylaşmayız.
footer-never-ask = { $brand } sizden asla hediye kartı, şifre veya tek kullanımlık kod istemez.

## Bildirim formu
form-title = Dolandırıcılık amaçlı bir mesajı veya aramayı bildirin
form-intro = “İsteğe bağlı” olarak işaretlenen alanları boş bırakabilirsiniz. Hesap açmanız gerekmez.
form-required = zorunlu
form-optional = isteğe bağlı
field-channel = Size nasıl ulaştı?
channel-email = E-posta
channel-sms = Kısa mesaj (SMS)
channel-phone_call = Telefon araması
channel-social_media = Sosyal medya veya mesajlaşma uygulaması
channel-web = Web sitesi veya açılır pencere
channel-other = Başka bir yol
field-body = Mesaj
field-body-hint = Mesajın tamamını, size geldiği şekliyle yapıştırın. Telefon aramasıysa arayan kişinin söylediklerini yazın.
field-eml = Ya da e-postayı dosya olarak yükleyin (.eml)
field-eml-hint = Çoğu e-posta programında mesajı açıp “Farklı kaydet” veya “Mesajı indir” seçeneğini seçebilirsiniz.
field-sender = Kim gönderdi?
field-sender-hint = Mesajın geldiği e-posta adresi, telefon numarası veya hesap adı.
field-links = Mesajdaki bağlantılar
field-links-hint = Bağlantıları olduğu gibi kopyalayın. Lütfen bunları açmayın.
field-phone = Sizi arayan veya size mesaj gönderen telefon numarası
field-when = Ne zaman geldi?
field-what-happened = Ne oldu?
field-what-happened-hint = Örneğin: size para iadesi teklif ettiler, vermediğiniz bir siparişi onayladılar veya hediye kartı istediler.
field-money-lost = Para kaybettiniz mi?
money-lost-no = Hayır
money-lost-yes = Evet
field-amount = Tutar
field-currency = Para birimi
field-payment-method = Ödemeyi nasıl yaptınız?
payment-gift_card = Hediye kartı
payment-wire = Banka havalesi
payment-crypto = Kripto para
payment-card = Kredi kartı veya banka kartı
payment-other = Başka bir yöntem
field-screenshot = Ekran görüntüsü
field-screenshot-hint = Varsa mesajın bir görüntüsü (PNG veya JPEG, en fazla { $max_mb } MB).
field-email = E-posta adresiniz
field-email-hint = Bildiriminizle ilgili işlem yaptığımızda size haber verebilmemiz için. Bu adresi başka hiçbir amaçla kullanmayız.
form-submit = Bildirimi gönder
form-sending = Gönderiliyor…

## Form hataları
error-summary-title = { $count ->
    [one] Bildiriminizde bir sorun var
   *[other] Bildiriminizde { $count } sorun var
}
error-required = Lütfen bu alanı doldurun.
error-body-empty = Lütfen size gelen mesajı yapıştırın.
error-body-too-long = Mesaj çok uzun. Lütfen en fazla { $max } karakter olacak şekilde kısaltın.
error-email-invalid = Lütfen ad@example.com gibi bir e-posta adresi girin.
error-amount-invalid = Lütfen 49.99 gibi bir tutar girin.
error-currency-invalid = Lütfen bir para birimi seçin.
error-date-invalid = Lütfen tarihi { $example } biçiminde girin.
error-date-future = İleri bir tarih girilemez.
error-file-too-large = Dosya çok büyük. Kabul ettiğimiz en büyük dosya boyutu { $max_mb } MB.
error-file-type = Bu dosya türünü okuyamıyoruz. Lütfen şu türde bir dosya gönderin: { $types }.
error-eml-invalid = Bu dosyayı e-posta olarak okuyamadık. Lütfen bunun yerine mesajın metnini yapıştırın.
error-try-again = Bizden kaynaklanan bir sorun oluştu. Hiçbir bilginiz kaybolmadı: lütfen birazdan formu tekrar gönderin.

## Onay
ack-title = Teşekkür ederiz. Bildiriminizi aldık.
ack-reference = Referans numaranız: { $reference }
ack-keep-reference = Bu numarayı saklayın: bildiriminizin ne durumda olduğunu öğrenmek için kullanabilirsiniz.
ack-next-title = Bundan sonra ne olacak?
ack-next-review = Ekibimiz her bildirimi inceler. Aynı dolandırıcılıkla ilgili bildirimler bir araya getirilir; böylece sizin bildiriminiz, sorunun ne kadar büyük olduğunu görmemize yardımcı olur.
ack-next-action = Sahte bir web sitesini kapatmak gibi bir işlem yaptığımızda bildiriminizin durumunu güncelleriz.
ack-next-email = Ayrıca { $email } adresine de e-posta göndereceğiz.
ack-lost-money = Para kaybettiyseniz hemen bankanızla veya kartınızı veren kuruluşla iletişime geçin. Ödemeyi durdurmaları ya da iade etmeleri mümkün olabilir.
ack-another = Başka bir dolandırıcılık bildirin

## Durum sayfası
status-title = Bildirim { $reference }
status-lookup-label = Referans numaranız
status-lookup-submit = Sorgula
status-not-found = Bu referans numarasına ait bir bildirim bulamadık. Lütfen numarayı kontrol edip tekrar deneyin.
status-received = Alındı
status-received-detail = Bildiriminizi aldık; incelenmeyi bekliyor.
status-under_review = İnceleniyor
status-under_review-detail = Ekibimiz bildirdiğiniz dolandırıcılığı inceliyor.
status-action_taken = İşlem yapıldı
status-action_taken-detail = Bu dolandırıcılığa karşı harekete geçtik. Başkalarını korumamıza yardımcı olduğunuz için teşekkür ederiz.
status-received-on = Alınma tarihi: { $date }

## Gerçekten biz miyiz?
check-title = Bu gerçekten { $brand } kaynaklı mı?
check-intro = Bir mesajı, bağlantıyı, e-posta adresini veya telefon numarasını yapıştırın; bu konuda bildiklerimizi size söyleyelim.
check-input-label = Mesaj, bağlantı, e-posta adresi veya telefon numarası
check-submit = Kontrol et
verdict-official = Bu, resmî bir { $brand } kanalıdır.
verdict-known_scam = Bu, bilinen bir dolandırıcılık. Yanıt vermeyin, hiçbir yere tıklamayın ve ödeme yapmayın. { $count ->
    [one] Bunu daha önce bir kişi bildirdi.
   *[other] Bunu daha önce { $count } kişi bildirdi.
}
verdict-lookalike = Bu, { $brand } gibi görünüyor ama değil. Büyük olasılıkla bir dolandırıcılık.
verdict-unknown = Bu konuda henüz bir bilgimiz yok. Sizden para, şifre veya kod isteniyorsa bunu dolandırıcılık olarak kabul edin ve bize bildirin.
check-report-it = Bildirin

## Onay e-postası
email-ack-subject = Dolandırıcılık bildiriminiz: { $reference }
email-ack-greeting = Merhaba,
email-ack-body = { $brand } adını kullanan bir dolandırıcılığı bildirdiğiniz için teşekkür ederiz. Referans numaranız: { $reference }.
email-ack-status = Bildiriminizin durumunu dilediğiniz zaman buradan görebilirsiniz: { $url }
email-ack-action-subject = { $reference } numaralı bildiriminizle ilgili güncelleme
email-ack-action-body = Bildirdiğiniz dolandırıcılığa karşı harekete geçtik. Başkalarını korumamıza yardımcı olduğunuz için teşekkür ederiz.
email-ack-signoff = { $brand } Müşteri Koruma Ekibi

## Müşterilere uyarı (düz metin e-posta): dolandırıcılar markanın adını kullanıyor. Girişin altında
## dolandırıcıların adresleri, numaraları ve siteleri, tıklanamaz biçimde yazılmış olarak listelenir (evil[.]com).
warning-subject = Uyarı: { $brand } adına gönderilmiş gibi görünen mesajlar dolandırıcılıktır
warning-intro = { $brand } adına gönderildiğini iddia eden ve aşağıdaki adres ve numaralardan gelen ya da bunlara yönlendiren mesajlar dolandırıcılıktır. Bu mesajları biz göndermiyoruz.
warning-more = { $count ->
    [one] ve bir tane daha
   *[other] ve { $count } tane daha
}
warning-if-you-receive = Böyle bir mesaj alırsanız:
warning-no-links = Mesajdaki bağlantılara asla tıklamayın ve eklerini asla açmayın.
warning-no-payment = Asla ödeme yapmayın; şifre, kod veya kart bilgilerinizi asla kimseye vermeyin.
warning-report = Mesajı { $address } adresine ileterek bize bildirin, ardından silin.
warning-paid = Ödeme yaptıysanız veya bilgilerinizi paylaştıysanız hemen bankanızla iletişime geçin.
warning-reference = Referans numarası: { $reference }

## Sayfa öğeleri
page-title = { $page } – { $brand }
nav-advice = Dolandırıcılığa karşı öneriler
nav-main = Ana menü
breadcrumb-home = Ana sayfa
noscript-ok = Tarayıcınızda JavaScript çalışmıyor. Sorun değil: form yine de çalışır.
contact-direct = Tehlikedeyseniz ya da az önce bir dolandırıcıya ödeme yaptıysanız önce bankanızı ve polisi arayın.

## Bildirim formu, ek alanlar
field-scam-kind = Sizden ne istediler?
scam-kind-fake_order = Vermediğim bir siparişi onayladılar
scam-kind-fake_refund = Bana para iadesi teklif ettiler
scam-kind-gift_card = Hediye kartı istediler
scam-kind-fake_support = Müşteri hizmetlerinden olduklarını söylediler
scam-kind-tech_support = Bilgisayarımda veya hesabımda sorun olduğunu söylediler
scam-kind-delivery = Teslimat sorunu veya kargo ücreti
scam-kind-prize = Ödül, iş teklifi veya yatırım
scam-kind-account = Hesabımın kapatılacağı veya engelleneceği söylendi
scam-kind-other = Başka bir şey
choose-one = Bir seçenek belirleyin
field-date-hint = Örneğin { $example }. Bilmiyorsanız boş bırakın.
field-time = Saat
field-country = Hangi ülkede yaşıyorsunuz?
field-country-hint = Bu bilgi, bir dolandırıcılığın nerelerde yayıldığını görmemize yardımcı olur.
form-privacy-note = Bu formu göndererek, bilgileri dolandırıcılığı araştırmak için kullanmamızı kabul etmiş olursunuz. Mesajı kanıt olarak saklarız.
form-challenge = Gerçek bir kişi olduğunuzu doğruluyoruz. Bu işlem tarayıcınızda gerçekleşir ve birkaç saniye sürer.
form-challenge-done = Doğrulama tamamlandı.

## Diğer form hataları
error-phone-invalid = Lütfen telefon numarasını ülke koduyla birlikte girin, örneğin { $example }.
error-too-many-links = Lütfen en fazla { $max } bağlantı girin.
error-link-invalid = Bu bir bağlantıya benzemiyor. Lütfen bağlantıyı mesajda göründüğü şekliyle kopyalayın.
error-too-long = Lütfen bunu en fazla { $max } karakter olacak şekilde kısaltın.
error-screenshot-type = Lütfen PNG, JPEG, GIF veya WebP biçiminde bir görsel gönderin.
error-form-expired = Form çok uzun süre açık kaldı. Lütfen yanıtlarınızı kontrol edip formu tekrar gönderin.
error-rate-limited = { $minutes ->
    [one] Kısa sürede çok sayıda bildirim gönderdiniz. Lütfen bir dakika bekleyip tekrar deneyin.
   *[other] Kısa sürede çok sayıda bildirim gönderdiniz. Lütfen { $minutes } dakika bekleyip tekrar deneyin.
}
error-channel-missing = Lütfen mesajın size nasıl ulaştığını belirtin.
error-page-not-found-title = Sayfa bulunamadı
error-page-not-found = Bu sayfayı bulamadık. Başka bir yere taşınmış olabilir.
error-server-title = Bir sorun oluştu
error-bad-request = Tarayıcınızın gönderdiği bilgileri anlayamadık. Lütfen geri dönüp tekrar deneyin.

## Durum sayfası, devamı
status-lookup-title = Bildiriminizi sorgulayın
status-lookup-intro = Bildirim yaptığınızda aldığınız referans numarasını girin, örneğin { $example }.
status-steps = Bildiriminizin aşamaları
status-step-done = tamamlandı
status-step-current = şu anki aşama
status-step-pending = henüz başlamadı
status-updated-on = Son güncelleme: { $date }
status-privacy = Gizliliğinizi korumak için bu sayfada yalnızca bildiriminizin hangi aşamada olduğu gösterilir, içeriği asla gösterilmez.

## Gerçekten biz miyiz? Devamı
check-empty = Lütfen kontrol etmek istediğiniz bir şey yapıştırın.
check-too-long = Lütfen en fazla { $max } karakter yapıştırın.
check-result-title = Bulduklarımız
check-checked-value = Sorguladığınız: { $value }
check-known-since = İlk bildirim tarihi: { $date }.
check-known-channels = İnsanlara şu yollarla ulaşıyor: { $channels }.
check-what-to-do = Şimdi ne yapmalısınız?
check-advice-official = Güvenle yanıt verebilirsiniz. Yine de içiniz rahat etmezse bizimle her zaman kullandığınız uygulama veya web sitesi üzerinden iletişime geçin; bunun için asla bir mesajdaki bağlantıyı kullanmayın.
check-advice-scam = Yanıt vermeyin, geri aramayın, bağlantılara tıklamayın ve ödeme yapmayın. Bunlardan birini zaten yaptıysanız hemen bankanızla iletişime geçin ve şifrelerinizi değiştirin.
check-advice-unknown = Dikkatli olun. Sizden asla hediye kartı, şifre veya tek kullanımlık kod istemeyiz ve ödeme yapmanız için sizi asla aceleye getirmeyiz.
check-official-channels = Resmî kanallarımız
