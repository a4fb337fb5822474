# 公開通報ポータル（イシュー 3）。英語版が基準です。ほかのすべての言語にも、ここにあるすべてのメッセージを
# 同じ変数で用意します。

## 共通
site-name = 詐欺を通報する
site-tagline = { $brand }を装ったメッセージについてお知らせください。一件一件の通報が、その背後にいる人物を突き止め、止めるための手がかりになります。
language-label = 言語
language-change = 言語を変更
skip-to-content = メインコンテンツへ移動
nav-report = 詐欺を通報する
nav-check = 本当に当社からの連絡ですか？
nav-status = 通報の状況を確認
footer-privacy = お送りいただいた情報は、詐欺対策のためだけに使用します。お客様の連絡先を、通報された相手に伝えることは決してありません。
footer-never-ask = { $brand }が、ギフトカード、パスワード、ワンタイムコード（確認コード）をお客様にお尋ねすることは決してありません。

## 通報フォーム
form-title = 詐欺のメッセージや電話を通報する
form-intro = 「任意」と書かれた項目は空欄のままでもかまいません。アカウントは必要ありません。
form-required = 必須
form-optional = 任意
field-channel = どのような方法で届きましたか？
channel-email = メール
channel-sms = ショートメッセージ（SMS）
channel-phone_call = 電話
channel-social_media = ソーシャルメディア・メッセージアプリ
channel-web = ウェブサイト・ポップアップ
channel-other = その他
field-body = メッセージの内容
field-body-hint = 届いたメッセージを、そのまま全文貼り付けてください。電話の場合は、相手が話した内容を書いてください。
field-eml = または、メールをファイル（.eml）でアップロード
field-eml-hint = 多くのメールソフトでは、メッセージを開いてから「名前を付けて保存」または「メッセージをダウンロード」を選ぶと保存できます。
field-sender = 送り主はどなたですか？
field-sender-hint = 送信元のメールアドレス、電話番号、またはアカウント名です。
field-links = メッセージ内のリンク
field-links-hint = 正確にそのままコピーしてください。リンクは開かないでください。
field-phone = 電話をかけてきた、またはSMSを送ってきた電話番号
field-when = いつ届きましたか？
field-what-happened = どのようなことがありましたか？
field-what-happened-hint = 例：返金すると言われた、注文した覚えのない注文の確認が届いた、ギフトカードを求められた、など。
field-money-lost = 金銭的な被害はありましたか？
money-lost-no = いいえ
money-lost-yes = はい
field-amount = 金額
field-currency = 通貨
field-payment-method = どのような方法でお支払いになりましたか？
payment-gift_card = ギフトカード
payment-wire = 銀行振込
payment-crypto = 暗号資産（仮想通貨）
payment-card = クレジットカード・デビットカード
payment-other = その他の方法
field-screenshot = スクリーンショット
field-screenshot-hint = お手元にあれば、メッセージの画像を添付してください（PNG または JPEG、{ $max_mb } MB まで）。
field-email = メールアドレス
field-email-hint = 通報に基づいて対応を行った際に、お知らせするためのものです。ほかの目的には使用しません。
form-submit = 通報を送信
form-sending = 送信中…

## 入力エラー
error-summary-title = { $count ->
   *[other] 通報の内容に{ $count }件の問題があります
}
error-required = この項目を入力してください。
error-body-empty = 受け取ったメッセージを貼り付けてください。
error-body-too-long = メッセージが長すぎます。{ $max }文字以内に短くしてください。
error-email-invalid = name@example.com のような形式でメールアドレスを入力してください。
error-amount-invalid = 49.99 のような形式で金額を入力してください。
error-currency-invalid = 通貨を選択してください。
error-date-invalid = { $example } のような形式で日付を入力してください。
error-date-future = 未来の日付は入力できません。
error-file-too-large = ファイルのサイズが大きすぎます。お受けできるのは { $max_mb } MB までです。
error-file-type = この種類のファイルは読み込めません。{ $types } のファイルをお送りください。
error-eml-invalid = このファイルをメールとして読み込めませんでした。お手数ですが、メッセージを貼り付けてください。
error-try-again = 申し訳ありません。当社側で問題が発生しました。入力内容は失われていませんので、少し時間をおいてから、もう一度フォームを送信してください。

## 受付完了
ack-title = ありがとうございます。通報を受け付けました。
ack-reference = 受付番号は { $reference } です。
ack-keep-reference = この番号は大切に保管してください。通報の対応状況を確認する際に使えます。
ack-next-title = 今後の流れ
ack-next-review = すべての通報を担当チームが確認します。同じ詐欺に関する通報はまとめて扱うため、お客様の通報は被害の規模を把握する助けになります。
ack-next-action = 偽のウェブサイトの閉鎖などの対応を行った際は、通報の状況を更新します。
ack-next-email = { $email } 宛てにもメールでお知らせします。
ack-lost-money = 金銭的な被害に遭われた場合は、今すぐ銀行またはカード会社にご連絡ください。支払いを止めたり、取り消したりできる場合があります。
ack-another = 別の詐欺を通報する

## 状況確認ページ
status-title = 通報 { $reference }
status-lookup-label = 受付番号
status-lookup-submit = 確認する
status-not-found = この受付番号の通報は見つかりませんでした。番号をご確認のうえ、もう一度お試しください。
status-received = 受付済み
status-received-detail = 通報を受け付けました。現在、確認をお待ちいただいています。
status-under_review = 確認中
status-under_review-detail = 通報いただいた詐欺について、担当チームが調査しています。
status-action_taken = 対応済み
status-action_taken-detail = この詐欺に対して対応を行いました。ほかの方を被害から守るためにご協力いただき、ありがとうございます。
status-received-on = 受付日：{ $date }

## 本当に当社からの連絡ですか？
check-title = 本当に{ $brand }からの連絡ですか？
check-intro = メッセージ、リンク、メールアドレス、電話番号のいずれかを貼り付けてください。当社で把握している情報をお知らせします。
check-input-label = メッセージ、リンク、メールアドレス、または電話番号
check-submit = 確認する
verdict-official = これは{ $brand }の公式な連絡手段です。
verdict-known_scam = これはすでに確認されている詐欺です。返信、リンクのクリック、支払いはしないでください。{ $count ->
   *[other] すでに{ $count }人の方から通報が寄せられています。
}
verdict-lookalike = { $brand }のように見えますが、当社からのものではありません。詐欺の可能性が非常に高いです。
verdict-unknown = これについては、まだ情報がありません。お金、パスワード、コードを求められた場合は詐欺と考え、通報してください。
check-report-it = 通報する

## 受付確認メール
email-ack-subject = 詐欺の通報を受け付けました（受付番号：{ $reference }）
email-ack-greeting = お客様
email-ack-body = { $brand }の名をかたった詐欺をご通報いただき、ありがとうございます。受付番号は { $reference } です。
email-ack-status = 通報の対応状況は、次のページでいつでもご確認いただけます：{ $url }
email-ack-action-subject = 通報（受付番号：{ $reference }）の対応状況のお知らせ
email-ack-action-body = ご通報いただいた詐欺に対して対応を行いました。ほかの方を被害から守るためにご協力いただき、ありがとうございます。
email-ack-signoff = { $brand } お客様保護チーム

## お客様への注意喚起（プレーンテキストのメール）：ブランドの名をかたった詐欺について。導入文の下に、
## 詐欺に使われているアドレス、電話番号、サイトの一覧を、クリックできない表記（evil[.]com）で載せます。
warning-subject = ご注意ください：{ $brand }を装ったメッセージは詐欺です
warning-intro = { $brand }からの連絡を名乗るメッセージのうち、以下のアドレスや電話番号から届いたもの、またはそれらへのリンクが含まれているものは詐欺です。当社からの連絡ではありません。
warning-more = { $count ->
   *[other] ほか{ $count }件
}
warning-if-you-receive = このようなメッセージが届いた場合：
warning-no-links = メッセージ内のリンクは決してクリックせず、添付ファイルも開かないでください。
warning-no-payment = お金は決して支払わず、パスワード、確認コード、カード情報も絶対に教えないでください。
warning-report = { $address } 宛てに当社までご通報いただいたうえで、メッセージを削除してください。
warning-paid = すでにお金を支払ってしまった場合や、情報を伝えてしまった場合は、今すぐ銀行にご連絡ください。
warning-reference = 管理番号：{ $reference }

## ページ共通部分
page-title = { $page } – { $brand }
nav-advice = 詐欺対策のアドバイス
nav-main = メインメニュー
breadcrumb-home = ホーム
noscript-ok = お使いのブラウザーでは JavaScript が動作していませんが、問題ありません。フォームはそのままご利用いただけます。
contact-direct = 身の危険を感じている場合や、詐欺の相手にお金を支払ってしまった直後の場合は、まず銀行と警察に連絡してください。

## 通報フォーム（追加の項目）
field-scam-kind = 相手は何を求めてきましたか？
scam-kind-fake_order = 注文した覚えのない注文の確認が届いた
scam-kind-fake_refund = 返金すると言われた
scam-kind-gift_card = ギフトカードを求められた
scam-kind-fake_support = カスタマーサービスを名乗っていた
scam-kind-tech_support = パソコンやアカウントに問題があると言われた
scam-kind-delivery = 配送トラブル、または荷物の手数料の請求
scam-kind-prize = 賞品、仕事、投資の話
scam-kind-account = アカウントが停止・閉鎖されると言われた
scam-kind-other = その他
choose-one = 1つ選択してください
field-date-hint = 例：{ $example }。わからない場合は空欄のままでかまいません。
field-time = 時刻
field-country = お住まいの国・地域はどちらですか？
field-country-hint = 詐欺がどの地域で広がっているかを把握するのに役立ちます。
form-privacy-note = このフォームを送信すると、その内容を当社が詐欺の調査に使用することに同意したものとみなされます。メッセージは証拠として保管します。
form-challenge = 人による操作であることを確認しています。確認はお使いのブラウザー内で行われ、数秒で終わります。
form-challenge-done = 確認が完了しました。

## 入力エラー（追加）
error-phone-invalid = 国番号を付けて電話番号を入力してください（例：{ $example }）。
error-too-many-links = リンクは{ $max }件までにしてください。
error-link-invalid = リンクではないようです。メッセージに表示されているとおりにコピーしてください。
error-too-long = { $max }文字以内に短くしてください。
error-screenshot-type = PNG、JPEG、GIF、WebP のいずれかの形式の画像をお送りください。
error-form-expired = フォームを開いてから時間が経ちすぎました。入力内容をご確認のうえ、もう一度送信してください。
error-rate-limited = { $minutes ->
   *[other] 短時間に多くの通報が送信されています。{ $minutes }分ほどお待ちいただいてから、もう一度お試しください。
}
error-channel-missing = メッセージがどのような方法で届いたかを選んでください。
error-page-not-found-title = ページが見つかりません
error-page-not-found = お探しのページが見つかりませんでした。移動した可能性があります。
error-server-title = 問題が発生しました
error-bad-request = お使いのブラウザーから送信された内容を読み取れませんでした。前のページに戻って、もう一度お試しください。

## 状況確認ページ（追加）
status-lookup-title = 通報の状況を確認
status-lookup-intro = 通報時にお知らせした受付番号（例：{ $example }）を入力してください。
status-steps = 通報の対応状況
status-step-done = 完了
status-step-current = 現在の段階
status-step-pending = 未完了
status-updated-on = 最終更新日：{ $date }
status-privacy = プライバシー保護のため、このページには通報の対応状況のみを表示し、通報の内容は表示しません。

## 本当に当社からの連絡ですか？（追加）
check-empty = 確認したい内容を貼り付けてください。
check-too-long = 貼り付けられるのは{ $max }文字までです。
check-result-title = 確認結果
check-checked-value = 確認した内容：{ $value }
check-known-since = { $date }に初めて通報されました。
check-known-channels = { $channels }を通じて届いています。
check-what-to-do = 今すぐすべきこと
check-advice-official = 安心して返信していただけます。それでも不安な場合は、メッセージ内のリンクからではなく、普段お使いのアプリやウェブサイトから当社にお問い合わせください。
check-advice-scam = 返信、折り返しの電話、リンクのクリック、支払いはしないでください。すでにしてしまった場合は、今すぐ銀行に連絡し、パスワードを変更してください。
check-advice-unknown = ご注意ください。当社がギフトカード、パスワード、ワンタイムコードをお尋ねすることはありません。また、支払いを急かすことも決してありません。
check-official-channels = 当社の公式な連絡手段
