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
