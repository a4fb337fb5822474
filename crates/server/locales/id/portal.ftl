# Portal pelaporan publik (tugas 3). Bahasa Inggris adalah acuan: setiap bahasa lain memuat semua
# pesan yang ada di sini, dengan variabel yang sama.

## Umum
site-name = Laporkan penipuan
site-tagline = Beri tahu kami tentang pesan yang mengatasnamakan { $brand }. Setiap laporan membantu kami menemukan dan menghentikan orang-orang di baliknya.
language-label = Bahasa
language-change = Ganti bahasa
skip-to-content = Langsung ke konten utama
nav-report = Laporkan penipuan
nav-check = Benarkah ini dari kami?
nav-status = Cek laporan
footer-privacy = Kami hanya menggunakan informasi yang Anda kirimkan untuk memberantas penipuan. Kami tidak pernah membagikan data kontak Anda kepada pihak yang Anda laporkan.
footer-never-ask = { $brand } tidak akan pernah meminta kartu hadiah, kata sandi, atau kode sekali pakai (OTP) dari Anda.

## Formulir laporan
form-title = Laporkan pesan atau panggilan penipuan
form-intro = Kolom bertanda opsional boleh dikosongkan. Anda tidak perlu memiliki akun.
form-required = wajib
form-optional = opsional
field-channel = Melalui apa Anda menerimanya?
channel-email = Email
channel-sms = Pesan teks (SMS)
channel-phone_call = Panggilan telepon
channel-social_media = Media sosial atau aplikasi pesan
channel-web = Situs web atau jendela pop-up
channel-other = Lainnya
field-body = Isi pesan
field-body-hint = Tempelkan seluruh pesan, persis seperti yang Anda terima. Jika berupa panggilan telepon, tuliskan apa yang dikatakan penelepon.
field-eml = Atau unggah email tersebut sebagai file (.eml)
field-eml-hint = Di sebagian besar aplikasi email: buka pesannya, lalu pilih "Simpan sebagai" atau "Unduh pesan".
field-sender = Siapa pengirimnya?
field-sender-hint = Alamat email, nomor telepon, atau nama akun yang mengirimkannya.
field-links = Tautan di dalam pesan
field-links-hint = Salin persis seperti aslinya. Mohon jangan dibuka.
field-phone = Nomor telepon yang menelepon atau mengirim SMS kepada Anda
field-when = Kapan Anda menerimanya?
field-what-happened = Apa yang terjadi?
field-what-happened-hint = Misalnya: mereka menawarkan pengembalian dana, mengonfirmasi pesanan yang tidak pernah Anda buat, atau meminta kartu hadiah.
field-money-lost = Apakah Anda kehilangan uang?
money-lost-no = Tidak
money-lost-yes = Ya
field-amount = Jumlah
field-currency = Mata uang
field-payment-method = Bagaimana Anda membayar?
payment-gift_card = Kartu hadiah
payment-wire = Transfer bank
payment-crypto = Mata uang kripto
payment-card = Kartu kredit atau debit
payment-other = Cara lain
field-screenshot = Tangkapan layar
field-screenshot-hint = Gambar pesan tersebut, jika ada (PNG atau JPEG, maksimal { $max_mb } MB).
field-email = Alamat email Anda
field-email-hint = Agar kami dapat memberi tahu Anda saat kami menindaklanjuti laporan Anda. Kami tidak akan menggunakannya untuk keperluan lain.
form-submit = Kirim laporan
form-sending = Mengirim…

## Kesalahan pada formulir
error-summary-title = { $count ->
   *[other] Ada { $count } hal yang perlu diperbaiki pada laporan Anda
}
error-required = Mohon isi kolom ini.
error-body-empty = Mohon tempelkan pesan yang Anda terima.
error-body-too-long = Pesan terlalu panjang. Mohon persingkat menjadi maksimal { $max } karakter.
error-email-invalid = Mohon masukkan alamat email dengan format seperti nama@example.com.
error-amount-invalid = Mohon masukkan jumlah dalam angka, misalnya 49.99 (gunakan titik sebagai pemisah desimal, tanpa pemisah ribuan).
error-currency-invalid = Mohon pilih mata uang.
error-date-invalid = Mohon masukkan tanggal dengan format seperti { $example }.
error-date-future = Tanggal tidak boleh di masa mendatang.
error-file-too-large = File terlalu besar. Ukuran maksimal yang kami terima adalah { $max_mb } MB.
error-file-type = Kami tidak dapat membaca jenis file ini. Mohon kirimkan file { $types }.
error-eml-invalid = Kami tidak dapat membaca file ini sebagai email. Mohon tempelkan isi pesannya saja.
error-try-again = Terjadi kendala di sistem kami. Tidak ada data yang hilang: mohon kirim ulang formulir ini beberapa saat lagi.

## Konfirmasi
ack-title = Terima kasih. Laporan Anda sudah kami terima.
ack-reference = Nomor referensi Anda adalah { $reference }.
ack-keep-reference = Simpan nomor ini: Anda dapat menggunakannya untuk melihat perkembangan laporan Anda.
ack-next-title = Apa selanjutnya
ack-next-review = Tim kami meninjau setiap laporan. Laporan tentang penipuan yang sama dikelompokkan, sehingga laporan Anda membantu kami mengetahui seberapa luas penipuan tersebut.
ack-next-action = Saat kami mengambil tindakan, misalnya menutup situs web palsu, kami akan memperbarui status laporan Anda.
ack-next-email = Kami juga akan mengirimkan email kepada Anda di { $email }.
ack-lost-money = Jika Anda kehilangan uang, segera hubungi bank atau penerbit kartu Anda. Mereka mungkin dapat menghentikan atau membatalkan pembayaran tersebut.
ack-another = Laporkan penipuan lain

## Halaman status
status-title = Laporan { $reference }
status-lookup-label = Nomor referensi Anda
status-lookup-submit = Cek
status-not-found = Kami tidak menemukan laporan dengan nomor referensi ini. Mohon periksa kembali dan coba lagi.
status-received = Diterima
status-received-detail = Laporan Anda sudah kami terima dan sedang menunggu untuk ditinjau.
status-under_review = Sedang ditinjau
status-under_review-detail = Tim kami sedang menyelidiki penipuan yang Anda laporkan.
status-action_taken = Sudah ditindaklanjuti
status-action_taken-detail = Kami telah mengambil tindakan terhadap penipuan ini. Terima kasih telah membantu melindungi orang lain.
status-received-on = Diterima pada { $date }

## Benarkah ini dari kami?
check-title = Benarkah ini dari { $brand }?
check-intro = Tempelkan pesan, tautan, alamat email, atau nomor telepon, dan kami akan memberi tahu apa yang kami ketahui tentangnya.
check-input-label = Pesan, tautan, alamat email, atau nomor telepon
check-submit = Cek
verdict-official = Ini adalah saluran resmi { $brand }.
verdict-known_scam = Ini adalah penipuan yang sudah dikenal. Jangan membalas, mengeklik tautan, atau membayar apa pun. { $count ->
   *[other] Sudah { $count } orang yang melaporkannya.
}
verdict-lookalike = Ini tampak seperti { $brand }, tetapi sebenarnya bukan dari kami. Kemungkinan besar ini penipuan.
verdict-unknown = Kami belum memiliki informasi tentang ini. Jika pesan ini meminta uang, kata sandi, atau kode, anggaplah sebagai penipuan dan laporkan kepada kami.
check-report-it = Laporkan

## Email konfirmasi
email-ack-subject = Laporan penipuan Anda { $reference }
email-ack-greeting = Halo,
email-ack-body = Terima kasih telah melaporkan penipuan yang mengatasnamakan { $brand }. Nomor referensi Anda adalah { $reference }.
email-ack-status = Anda dapat melihat perkembangan laporan Anda kapan saja: { $url }
email-ack-action-subject = Kabar terbaru tentang laporan Anda { $reference }
email-ack-action-body = Kami telah mengambil tindakan terhadap penipuan yang Anda laporkan. Terima kasih telah membantu melindungi orang lain.
email-ack-signoff = Tim Perlindungan Pelanggan { $brand }

## Peringatan untuk pelanggan (email teks biasa): penipu mencatut nama merek. Di bawah pembuka terdapat
## daftar alamat, nomor, dan situs milik penipu, yang ditulis agar tidak bisa diklik (evil[.]com).
warning-subject = Peringatan: waspadai pesan penipuan yang mengatasnamakan { $brand }
warning-intro = Pesan yang mengaku berasal dari { $brand } dan dikirim dari alamat atau nomor di bawah ini, atau mengarahkan Anda ke alamat atau nomor tersebut, adalah penipuan. Pesan tersebut bukan dari kami.
warning-more = { $count ->
   *[other] dan { $count } lainnya
}
warning-if-you-receive = Jika Anda menerima pesan seperti itu:
warning-no-links = jangan pernah mengeklik tautan di dalamnya atau membuka lampirannya;
warning-no-payment = jangan pernah membayar apa pun, dan jangan berikan kata sandi, kode, atau data kartu Anda kepada siapa pun;
warning-report = laporkan kepada kami melalui { $address }, lalu hapus pesan tersebut.
warning-paid = Jika Anda sudah telanjur membayar atau memberikan data Anda, segera hubungi bank Anda.
warning-reference = Nomor referensi: { $reference }

## Elemen halaman
page-title = { $page } – { $brand }
nav-advice = Tips menghindari penipuan
nav-main = Menu utama
breadcrumb-home = Beranda
noscript-ok = JavaScript tidak aktif di browser Anda. Tidak masalah: formulir ini tetap bisa digunakan.
contact-direct = Jika Anda dalam bahaya atau baru saja membayar penipu, segera hubungi bank Anda dan polisi terlebih dahulu.

## Formulir laporan, kolom tambahan
field-scam-kind = Apa yang mereka minta?
scam-kind-fake_order = Mereka mengonfirmasi pesanan yang tidak pernah saya buat
scam-kind-fake_refund = Mereka menawarkan pengembalian dana kepada saya
scam-kind-gift_card = Mereka meminta kartu hadiah
scam-kind-fake_support = Mereka mengaku sebagai layanan pelanggan
scam-kind-tech_support = Mereka mengatakan komputer atau akun saya bermasalah
scam-kind-delivery = Masalah pengiriman atau biaya paket
scam-kind-prize = Hadiah, lowongan kerja, atau investasi
scam-kind-account = Akun saya akan ditutup atau diblokir
scam-kind-other = Lainnya
choose-one = Pilih salah satu
field-date-hint = Misalnya { $example }. Kosongkan jika Anda tidak tahu.
field-time = Jam
field-country = Di negara mana Anda tinggal?
field-country-hint = Informasi ini membantu kami melihat di mana suatu penipuan menyebar.
form-privacy-note = Dengan mengirim formulir ini, Anda setuju bahwa kami menggunakannya untuk menyelidiki penipuan tersebut. Kami menyimpan pesan tersebut sebagai bukti.
form-challenge = Kami sedang memastikan bahwa Anda manusia, bukan program otomatis. Proses ini berlangsung di browser Anda dan hanya memerlukan beberapa detik.
form-challenge-done = Pemeriksaan selesai.

## Kesalahan lain pada formulir
error-phone-invalid = Mohon masukkan nomor telepon beserta kode negaranya, misalnya { $example }.
error-too-many-links = Mohon cantumkan maksimal { $max } tautan.
error-link-invalid = Ini tidak tampak seperti tautan. Mohon salin persis seperti yang tertulis di pesan.
error-too-long = Mohon persingkat menjadi maksimal { $max } karakter.
error-screenshot-type = Mohon kirimkan gambar dalam format PNG, JPEG, GIF, atau WebP.
error-form-expired = Formulir ini terbuka terlalu lama. Mohon periksa kembali jawaban Anda, lalu kirim ulang.
error-rate-limited = { $minutes ->
   *[other] Anda telah mengirim banyak laporan dalam waktu singkat. Mohon tunggu { $minutes } menit, lalu coba lagi.
}
error-channel-missing = Mohon beri tahu kami bagaimana pesan tersebut sampai kepada Anda.
error-page-not-found-title = Halaman tidak ditemukan
error-page-not-found = Kami tidak dapat menemukan halaman ini. Mungkin halaman ini sudah dipindahkan.
error-server-title = Terjadi kesalahan
error-bad-request = Kami tidak dapat memahami data yang dikirim oleh browser Anda. Mohon kembali ke halaman sebelumnya dan coba lagi.

## Halaman status, lanjutan
status-lookup-title = Cek laporan
status-lookup-intro = Masukkan nomor referensi yang Anda terima saat melapor, misalnya { $example }.
status-steps = Perkembangan laporan Anda
status-step-done = selesai
status-step-current = tahap saat ini
status-step-pending = belum dimulai
status-updated-on = Terakhir diperbarui pada { $date }
status-privacy = Demi privasi Anda, halaman ini hanya menampilkan sampai di mana laporan Anda diproses, tidak pernah isinya.

## Benarkah ini dari kami? (lanjutan)
check-empty = Mohon tempelkan sesuatu yang ingin Anda cek.
check-too-long = Mohon tempelkan maksimal { $max } karakter.
check-result-title = Hasil temuan kami
check-checked-value = Yang Anda tanyakan: { $value }
check-known-since = Pertama kali dilaporkan pada { $date }.
check-known-channels = Penipuan ini menjangkau korbannya melalui { $channels }.
check-what-to-do = Apa yang perlu Anda lakukan sekarang
check-advice-official = Anda dapat membalas dengan aman. Jika masih ragu, hubungi kami melalui aplikasi atau situs web yang biasa Anda gunakan, jangan pernah melalui tautan di dalam pesan.
check-advice-scam = Jangan membalas, menelepon balik, mengeklik tautan, atau membayar. Jika Anda sudah telanjur melakukannya, segera hubungi bank Anda dan ganti kata sandi Anda.
check-advice-unknown = Berhati-hatilah. Kami tidak pernah meminta kartu hadiah, kata sandi, atau kode sekali pakai, dan kami tidak pernah mendesak Anda untuk segera membayar.
check-official-channels = Saluran resmi kami
