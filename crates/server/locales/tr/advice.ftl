# Yaygın dolandırıcılık türleri hakkında öneri sayfaları (issue 3). Referans dil İngilizcedir: diğer
# her dil, buradaki mesajların tamamını aynı değişkenlerle içerir. Her konuda bir başlık, tek satırlık
# bir özet, dolandırıcılığın nasıl işlediği, dört uyarı işareti, yapılması gereken üç şey ve para
# zaten ödendiyse ne yapılması gerektiği yer alır.

advice-index-title = Yaygın dolandırıcılıklara karşı öneriler
advice-index-intro = Dolandırıcılar, paranızı veya şifrelerinizi ele geçirmek için { $brand } adını kullanır. En sık karşılaştığımız hileleri ve bunları nasıl fark edebileceğinizi aşağıda bulabilirsiniz.
advice-signs-title = Nasıl fark edilir?
advice-do-title = Ne yapmalısınız?
advice-paid-title = Ödeme yaptıysanız veya bilgilerinizi verdiyseniz
advice-report-cta = Buna benzer bir mesaj mı aldınız? Bize bildirin.
advice-read-more = Devamını okuyun

## Sahte sipariş onayları
advice-fake_order-title = Sahte sipariş onayları
advice-fake_order-summary = Bir mesaj, hiç vermediğiniz pahalı bir siparişi onaylar ve iptal etmek için hemen aramanızı veya bir bağlantıya tıklamanızı ister.
advice-fake_order-how = Mesaj; bir telefon, dizüstü bilgisayar veya hediye kartı için düzenlenmiş gerçek bir faturaya benzer. Endişelenip numarayı ararsınız ya da bağlantıyı açarsınız; “iptal” işlemi ise kart bilgilerinizle ilgili sorulara, bir ödeme talebine ya da bilgisayarınıza erişmelerini sağlayan bir yazılıma varır.
advice-fake_order-sign-1 = Mesajda sözü edilen ürünü siz sipariş etmediniz.
advice-fake_order-sign-2 = Sizi hesabınıza yönlendirmek yerine, iptal için aramanız gereken bir telefon numarası verir.
advice-fake_order-sign-3 = Resmî kanallarımızdan biri olmayan bir adresten veya numaradan gelir.
advice-fake_order-sign-4 = Birkaç saat içinde harekete geçmeniz için sizi sıkıştırır.
advice-fake_order-do-1 = Mesajdaki numarayı aramayın ve bağlantılara tıklamayın.
advice-fake_order-do-2 = Uygulamayı açın ya da adresimizi kendiniz yazın ve siparişlerinizi oradan kontrol edin.
advice-fake_order-do-3 = Numarayı veya web sitesini durdurabilmemiz için mesajı bize bildirin.
advice-fake_order-paid = Kartınızın üzerinde yazan numaradan bankanızı veya kartınızı veren kuruluşu arayın ve ödemeyi durdurmalarını isteyin. Şifrenizi değiştirin ve arayan kişinin yüklemenizi istediği tüm yazılımları kaldırın.

## Sahte para iadeleri
advice-fake_refund-title = Sahte para iadesi teklifleri
advice-fake_refund-summary = Biri size para iadesi yapılacağını söyler ve bunu gönderebilmek için banka bilgilerinizi, bir ödeme yapmanızı ya da cihazınıza uzaktan erişim ister.
advice-fake_refund-how = Dolandırıcı sizi bekleyen bir iade olduğunu söyler, ardından yanlışlıkla fazla para gönderildiğini iddia ederek aradaki farkı, çoğu zaman hediye kartıyla ya da banka havalesiyle, geri göndermenizi ister. Gerçek iadeler, ödemeyi hangi yöntemle yaptıysanız otomatik olarak o yönteme geri yapılır.
advice-fake_refund-sign-1 = Siz iade talep etmediniz.
advice-fake_refund-sign-2 = Kart numaranızı, internet bankacılığı şifrelerinizi veya tek kullanımlık bir kodu isterler.
advice-fake_refund-sign-3 = “İadeyi işleme almak için” bilgisayarınıza veya telefonunuza bağlanmak isterler.
advice-fake_refund-sign-4 = Bir miktar parayı geri ödemenizi isterler.
advice-fake_refund-do-1 = Telefonu kapatın veya yanıt vermeyi bırakın.
advice-fake_refund-do-2 = İadeleri her zaman hesabınızdan kontrol edin; asla bir bağlantı ya da sizi arayan biri aracılığıyla değil.
advice-fake_refund-do-3 = Numarayı veya mesajı bize bildirin.
advice-fake_refund-paid = Hemen bankanızla iletişime geçin. Biri cihazınıza bağlandıysa cihazın internet bağlantısını kesin, uzaktan erişim programını kaldırın ve şifrelerinizi başka bir cihazdan değiştirin.

## Hediye kartıyla ödeme talepleri
advice-gift_card-title = Hediye kartıyla ödeme talepleri
advice-gift_card-summary = Sizden hediye kartıyla ödeme yapmanızı veya kartın arkasındaki kodları okumanızı isteyen herkes dolandırıcıdır.
advice-gift_card-how = Hediye kartları nakit para gibidir: kodlar bir kez verildiğinde para gider ve izini sürmek zordur. Dolandırıcılar bunları bir “ücret”, “ceza”, “iade hatası” veya “güvenlik kontrolü” için ödeme olarak ister.
advice-gift_card-sign-1 = Hediye kartı almanızı ve kodların fotoğrafını göndermenizi isterler.
advice-gift_card-sign-2 = Bunu mağaza çalışanından bile gizli tutmanızı söylerler.
advice-gift_card-sign-3 = Durumun acil olduğunu ya da başınızın belaya gireceğini söylerler.
advice-gift_card-sign-4 = Bizden, bir bankadan, polisten veya vergi dairesinden olduklarını iddia ederler.
advice-gift_card-do-1 = Hiç kimseye hediye kartıyla ödeme yapmayın.
advice-gift_card-do-2 = Kartın arkasındaki kodları asla kimseyle paylaşmayın.
advice-gift_card-do-3 = Bu talebi, geldiği numara veya adresle birlikte bize bildirin.
advice-gift_card-paid = Kodlar ve fişlerle birlikte hediye kartını çıkaran şirkete hemen başvurun: para henüz harcanmadıysa dondurabilirler. Fişleri polise vermek üzere saklayın.

## Sahte müşteri hizmetleri numaraları
advice-fake_support-title = Sahte müşteri hizmetleri numaraları
advice-fake_support-summary = Dolandırıcılar arama sonuçlarında, reklamlarda ve sosyal medyada sahte destek numaraları yayınlar ve insanların aramasını bekler.
advice-fake_support-how = Yardım ararken bulduğunuz ilk numarayı ararsınız ve karşınıza profesyonel gibi konuşan biri çıkar. Bu kişi şifrenizi, telefonunuza gönderilen bir kodu ya da hesabınızın “kilidini açmak” için bir ödeme ister.
advice-fake_support-sign-1 = Numarayı bir arama reklamında, forum gönderisinde veya sosyal medya yorumunda buldunuz.
advice-fake_support-sign-2 = Karşınızdaki kişi şifrenizi veya kısa mesajla gelen bir kodu ister.
advice-fake_support-sign-3 = Sorunu çözmek için ödeme veya hediye kartı isterler.
advice-fake_support-sign-4 = Telefonunuza veya bilgisayarınıza bir uygulama yüklemek isterler.
advice-fake_support-do-1 = Müşteri hizmetlerine yalnızca uygulamamızdaki veya web sitemizdeki yardım sayfalarından ulaşın.
advice-fake_support-do-2 = Bir numarayı aramadan önce “Gerçekten biz miyiz?” aracıyla kontrol edin.
advice-fake_support-do-3 = Kaldırılmalarını sağlayabilmemiz için sahte numaraları bize bildirin.
advice-fake_support-paid = Bankanızla iletişime geçin, şifrenizi değiştirin ve hesap ayarlarınızdan tüm cihazlarda oturumu kapatın.

## Sahte teknik destek aramaları
advice-tech_support-title = Sahte teknik destek aramaları
advice-tech_support-summary = Sizi arayan biri ya da bir açılır pencere, bilgisayarınızın veya hesabınızın ele geçirildiğini söyler ve sorunu çözmeyi teklif eder.
advice-tech_support-how = Yüksek sesli bir uyarı veren açılır pencere ya da “güvenlik ekibinden” gelen bir arama, hesabınızın suçlular tarafından kullanıldığını söyler. Sizden bir uzaktan erişim uygulaması yüklemenizi isterler, ardından sahte kanıtlar gösterip ödeme ya da banka bilgilerinizi talep ederler.
advice-tech_support-sign-1 = Beklenmedik bir arama veya açılır pencere, cihazınıza virüs bulaştığını ya da hesabınızın ele geçirildiğini söyler.
advice-tech_support-sign-2 = Size yardım edebilmek için bir program veya uygulama yüklemenizi isterler.
advice-tech_support-sign-3 = Onlar cihazınıza bağlıyken internet bankacılığınıza giriş yapmanızı isterler.
advice-tech_support-sign-4 = Açılır pencere kapanmaz ve aramanız için bir numara verir.
advice-tech_support-do-1 = Telefonu kapatın. Bilgisayarınıza virüs bulaştığını söylemek için sizi asla aramayız.
advice-tech_support-do-2 = Tarayıcıyı kapatın. Açılır pencere kapanmıyorsa cihazı yeniden başlatın.
advice-tech_support-do-3 = Numarayı veya web sitesini bize bildirin.
advice-tech_support-paid = Cihazın internet bağlantısını kesin, yükledikleri tüm programları kaldırın, bir güvenlik taraması yapın ve bankanızı arayın. Şifrelerinizi, onların erişmediği bir cihazdan değiştirin.
