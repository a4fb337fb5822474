# Halaman tips tentang penipuan yang sering terjadi (tugas 3). Bahasa Inggris adalah acuan: setiap
# bahasa lain memuat semua pesan yang ada di sini, dengan variabel yang sama. Setiap topik memiliki
# judul, ringkasan satu baris, cara kerja penipuan, empat tanda, tiga hal yang perlu dilakukan, dan
# apa yang harus dilakukan jika uang sudah telanjur dibayarkan.

advice-index-title = Tips menghadapi modus penipuan yang umum
advice-index-intro = Penipu mengatasnamakan { $brand } untuk mendapatkan uang atau kata sandi Anda. Berikut adalah modus yang paling sering kami temui, beserta cara mengenalinya.
advice-signs-title = Cara mengenalinya
advice-do-title = Yang perlu Anda lakukan
advice-paid-title = Jika Anda sudah telanjur membayar atau memberikan data Anda
advice-report-cta = Pernah menerima pesan seperti ini? Laporkan kepada kami.
advice-read-more = Baca selengkapnya

## Konfirmasi pesanan palsu
advice-fake_order-title = Konfirmasi pesanan palsu
advice-fake_order-summary = Sebuah pesan mengonfirmasi pesanan mahal yang tidak pernah Anda buat, lalu mendesak Anda menelepon atau mengeklik tautan untuk membatalkannya.
advice-fake_order-how = Pesan tersebut terlihat seperti bukti pembelian asli untuk ponsel, laptop, atau kartu hadiah. Karena khawatir, Anda menelepon nomor tersebut atau membuka tautannya, lalu "pembatalan" itu berujung pada pertanyaan tentang kartu Anda, permintaan pembayaran, atau perangkat lunak yang memberi mereka akses ke komputer Anda.
advice-fake_order-sign-1 = Anda tidak memesan barang yang disebutkan dalam pesan.
advice-fake_order-sign-2 = Pesan itu mencantumkan nomor telepon untuk membatalkan pesanan, bukannya mengarahkan Anda ke akun Anda.
advice-fake_order-sign-3 = Pesan itu dikirim dari alamat atau nomor yang bukan saluran resmi kami.
advice-fake_order-sign-4 = Anda didesak untuk bertindak dalam hitungan jam.
advice-fake_order-do-1 = Jangan menelepon nomor tersebut atau mengeklik tautan di dalam pesan.
advice-fake_order-do-2 = Buka aplikasi atau ketik sendiri alamat situs kami, lalu periksa pesanan Anda di sana.
advice-fake_order-do-3 = Laporkan pesan tersebut agar kami dapat menghentikan nomor atau situs web itu.
advice-fake_order-paid = Hubungi bank atau penerbit kartu Anda melalui nomor yang tertera di kartu, lalu minta mereka menghentikan pembayaran. Ganti kata sandi Anda, dan hapus semua perangkat lunak yang diminta penelepon untuk Anda pasang.

## Tawaran pengembalian dana palsu
advice-fake_refund-title = Tawaran pengembalian dana palsu
advice-fake_refund-summary = Seseorang mengatakan Anda berhak menerima pengembalian dana, tetapi untuk mengirimkannya ia meminta data rekening bank Anda, sejumlah pembayaran, atau akses jarak jauh ke perangkat Anda.
advice-fake_refund-how = Penipu mengaku ada pengembalian dana yang menunggu Anda, lalu mengatakan bahwa uang yang dikirim ternyata kelebihan karena salah transfer dan meminta Anda mengembalikan selisihnya, sering kali dalam bentuk kartu hadiah atau transfer bank. Pengembalian dana yang asli otomatis masuk kembali melalui metode pembayaran yang Anda gunakan.
advice-fake_refund-sign-1 = Anda tidak pernah meminta pengembalian dana.
advice-fake_refund-sign-2 = Mereka meminta nomor kartu, kode internet banking, atau kode sekali pakai (OTP) Anda.
advice-fake_refund-sign-3 = Mereka ingin tersambung ke komputer atau ponsel Anda "untuk memproses pengembalian dana".
advice-fake_refund-sign-4 = Mereka meminta Anda membayar kembali sejumlah uang.
advice-fake_refund-do-1 = Tutup telepon atau berhenti membalas pesan.
advice-fake_refund-do-2 = Periksa setiap pengembalian dana di akun Anda, jangan pernah melalui tautan atau penelepon.
advice-fake_refund-do-3 = Laporkan nomor atau pesan tersebut kepada kami.
advice-fake_refund-paid = Segera hubungi bank Anda. Jika ada orang yang sudah tersambung ke perangkat Anda, putuskan perangkat itu dari internet, hapus program akses jarak jauhnya, lalu ganti kata sandi Anda dari perangkat lain.

## Permintaan pembayaran dengan kartu hadiah
advice-gift_card-title = Permintaan pembayaran dengan kartu hadiah
advice-gift_card-summary = Siapa pun yang meminta Anda membayar dengan kartu hadiah, atau membacakan kode di balik kartu, adalah penipu.
advice-gift_card-how = Kartu hadiah sama seperti uang tunai: begitu kodenya diberikan, uangnya hilang dan sulit dilacak. Penipu memintanya untuk membayar "biaya", "denda", "kesalahan pengembalian dana", atau "pemeriksaan keamanan".
advice-gift_card-sign-1 = Mereka meminta Anda membeli kartu hadiah dan mengirimkan foto kodenya.
advice-gift_card-sign-2 = Mereka meminta Anda merahasiakannya, bahkan dari petugas toko.
advice-gift_card-sign-3 = Mereka mengatakan ini mendesak atau Anda akan mendapat masalah.
advice-gift_card-sign-4 = Mereka mengaku dari pihak kami, bank, polisi, atau kantor pajak.
advice-gift_card-do-1 = Jangan pernah membayar siapa pun dengan kartu hadiah.
advice-gift_card-do-2 = Jangan pernah memberikan kode di balik kartu kepada siapa pun.
advice-gift_card-do-3 = Laporkan permintaan tersebut kepada kami, beserta nomor atau alamat pengirimnya.
advice-gift_card-paid = Segera hubungi perusahaan penerbit kartu hadiah dan berikan kode serta struk pembeliannya: jika saldonya belum terpakai, mereka mungkin dapat membekukannya. Simpan struknya untuk diserahkan kepada polisi.

## Nomor layanan pelanggan palsu
advice-fake_support-title = Nomor layanan pelanggan palsu
advice-fake_support-summary = Penipu memasang nomor layanan bantuan palsu di hasil pencarian, iklan, dan media sosial, lalu menunggu orang menelepon.
advice-fake_support-how = Anda mencari bantuan, menelepon nomor pertama yang Anda temukan, dan tersambung dengan seseorang yang terdengar profesional. Orang itu meminta kata sandi Anda, kode yang dikirim ke ponsel Anda, atau pembayaran untuk "membuka blokir" akun Anda.
advice-fake_support-sign-1 = Anda menemukan nomor tersebut di iklan hasil pencarian, unggahan forum, atau komentar di media sosial.
advice-fake_support-sign-2 = Orang tersebut meminta kata sandi Anda atau kode yang Anda terima lewat SMS.
advice-fake_support-sign-3 = Mereka meminta pembayaran atau kartu hadiah untuk menyelesaikan masalah.
advice-fake_support-sign-4 = Mereka ingin memasang aplikasi di ponsel atau komputer Anda.
advice-fake_support-do-1 = Hubungi layanan pelanggan hanya melalui halaman bantuan di aplikasi atau situs web kami.
advice-fake_support-do-2 = Gunakan fitur "Benarkah ini dari kami?" untuk mengecek nomor sebelum Anda meneleponnya.
advice-fake_support-do-3 = Laporkan nomor palsu agar kami dapat mengupayakan penghapusannya.
advice-fake_support-paid = Hubungi bank Anda, ganti kata sandi Anda, dan keluar dari semua perangkat melalui pengaturan akun Anda.

## Panggilan dukungan teknis palsu
advice-tech_support-title = Panggilan dukungan teknis palsu
advice-tech_support-summary = Seorang penelepon atau jendela pop-up mengatakan bahwa komputer atau akun Anda diretas, lalu menawarkan untuk memperbaikinya.
advice-tech_support-how = Jendela pop-up dengan peringatan bersuara keras atau telepon "dari tim keamanan" mengatakan bahwa akun Anda sedang digunakan oleh penjahat. Mereka meminta Anda memasang aplikasi akses jarak jauh, lalu menunjukkan bukti palsu dan meminta pembayaran atau data perbankan Anda.
advice-tech_support-sign-1 = Telepon atau jendela pop-up yang tak terduga mengatakan bahwa perangkat atau akun Anda terinfeksi atau diretas.
advice-tech_support-sign-2 = Mereka meminta Anda memasang program atau aplikasi agar mereka bisa membantu.
advice-tech_support-sign-3 = Mereka meminta Anda masuk ke akun bank Anda selagi mereka masih tersambung ke perangkat Anda.
advice-tech_support-sign-4 = Jendela pop-up tidak bisa ditutup dan mencantumkan nomor yang harus ditelepon.
advice-tech_support-do-1 = Tutup teleponnya. Kami tidak pernah menelepon untuk mengatakan bahwa komputer Anda terinfeksi.
advice-tech_support-do-2 = Tutup browser. Jika jendela pop-up tidak bisa ditutup, mulai ulang perangkat Anda.
advice-tech_support-do-3 = Laporkan nomor atau situs web tersebut kepada kami.
advice-tech_support-paid = Putuskan perangkat dari internet, hapus semua program yang mereka pasang, jalankan pemindaian keamanan, lalu telepon bank Anda. Ganti kata sandi Anda dari perangkat yang tidak mereka sentuh.
