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
