# Cổng báo cáo công khai (issue 3). Tiếng Anh là bản tham chiếu: mọi ngôn ngữ khác đều có đầy đủ các thông điệp ở đây, với cùng các biến.

## Dùng chung
site-name = Báo cáo lừa đảo
site-tagline = Hãy cho chúng tôi biết về những tin nhắn giả danh { $brand }. Mỗi báo cáo đều giúp chúng tôi tìm ra và ngăn chặn những kẻ đứng sau.
language-label = Ngôn ngữ
language-change = Đổi ngôn ngữ
skip-to-content = Chuyển đến nội dung chính
nav-report = Báo cáo lừa đảo
nav-check = Có thật là chúng tôi không?
nav-status = Tra cứu báo cáo
footer-privacy = Chúng tôi chỉ sử dụng thông tin Quý khách gửi để phòng chống gian lận. Chúng tôi không bao giờ chia sẻ thông tin liên hệ của Quý khách với những người bị Quý khách báo cáo.
footer-never-ask = { $brand } sẽ không bao giờ yêu cầu Quý khách cung cấp thẻ quà tặng, mật khẩu hay mã xác thực dùng một lần (OTP).

## Biểu mẫu báo cáo
form-title = Báo cáo tin nhắn hoặc cuộc gọi lừa đảo
form-intro = Các mục có ghi "không bắt buộc" có thể để trống. Quý khách không cần có tài khoản.
form-required = bắt buộc
form-optional = không bắt buộc
field-channel = Quý khách nhận được qua kênh nào?
channel-email = Thư điện tử (email)
channel-sms = Tin nhắn điện thoại (SMS)
channel-phone_call = Cuộc gọi điện thoại
channel-social_media = Mạng xã hội hoặc ứng dụng nhắn tin
channel-web = Trang web hoặc cửa sổ bật lên
channel-other = Cách khác
field-body = Nội dung tin nhắn
field-body-hint = Vui lòng dán toàn bộ tin nhắn, đúng như khi Quý khách nhận được. Nếu là cuộc gọi, xin ghi lại những gì người gọi đã nói.
field-eml = Hoặc tải email lên dưới dạng tệp (.eml)
field-eml-hint = Trong hầu hết các chương trình email: mở thư, sau đó chọn "Lưu dưới dạng" hoặc "Tải thư xuống".
field-sender = Ai đã gửi tin nhắn này?
field-sender-hint = Địa chỉ email, số điện thoại hoặc tên tài khoản đã gửi tin nhắn.
field-links = Các đường liên kết trong tin nhắn
field-links-hint = Vui lòng sao chép chính xác từng ký tự. Xin đừng mở các liên kết này.
field-phone = Số điện thoại đã gọi hoặc nhắn tin cho Quý khách
field-when = Quý khách nhận được vào lúc nào?
field-what-happened = Chuyện gì đã xảy ra?
field-what-happened-hint = Ví dụ: họ đề nghị hoàn tiền, xác nhận một đơn hàng mà Quý khách không hề đặt, hoặc yêu cầu mua thẻ quà tặng.
field-money-lost = Quý khách có bị mất tiền không?
money-lost-no = Không
money-lost-yes = Có
field-amount = Số tiền
field-currency = Loại tiền tệ
field-payment-method = Quý khách đã thanh toán bằng cách nào?
payment-gift_card = Thẻ quà tặng
payment-wire = Chuyển khoản ngân hàng
payment-crypto = Tiền mã hóa
payment-card = Thẻ tín dụng hoặc thẻ ghi nợ
payment-other = Cách khác
field-screenshot = Ảnh chụp màn hình
field-screenshot-hint = Hình ảnh của tin nhắn, nếu Quý khách có (PNG hoặc JPEG, tối đa { $max_mb } MB).
field-email = Địa chỉ email của Quý khách
field-email-hint = Để chúng tôi có thể báo cho Quý khách biết khi xử lý báo cáo. Chúng tôi sẽ không dùng địa chỉ này vào bất kỳ việc gì khác.
form-submit = Gửi báo cáo
form-sending = Đang gửi…

## Lỗi trong biểu mẫu
error-summary-title = { $count ->
   *[other] Báo cáo của Quý khách có { $count } lỗi cần sửa
}
error-required = Vui lòng điền vào mục này.
error-body-empty = Vui lòng dán tin nhắn mà Quý khách đã nhận được.
error-body-too-long = Tin nhắn quá dài. Vui lòng rút gọn xuống tối đa { $max } ký tự.
error-email-invalid = Vui lòng nhập địa chỉ email theo dạng name@example.com.
error-amount-invalid = Vui lòng nhập số tiền theo dạng 49.99.
error-currency-invalid = Vui lòng chọn loại tiền tệ.
error-date-invalid = Vui lòng nhập ngày theo dạng { $example }.
error-date-future = Ngày đã nhập không được là một ngày trong tương lai.
error-file-too-large = Tệp quá lớn. Dung lượng tối đa chúng tôi chấp nhận là { $max_mb } MB.
error-file-type = Chúng tôi không đọc được loại tệp này. Vui lòng gửi tệp { $types }.
error-eml-invalid = Chúng tôi không thể đọc tệp này dưới dạng email. Vui lòng dán trực tiếp nội dung tin nhắn.
error-try-again = Đã có sự cố từ phía chúng tôi. Thông tin của Quý khách không bị mất: vui lòng gửi lại biểu mẫu sau ít phút.

## Xác nhận
ack-title = Xin cảm ơn Quý khách. Chúng tôi đã nhận được báo cáo.
ack-reference = Mã số báo cáo của Quý khách là { $reference }.
ack-keep-reference = Vui lòng lưu lại mã số này: Quý khách có thể dùng nó để theo dõi tình trạng báo cáo.
ack-next-title = Các bước tiếp theo
ack-next-review = Đội ngũ của chúng tôi xem xét mọi báo cáo. Các báo cáo về cùng một vụ lừa đảo được gộp lại với nhau, nhờ đó báo cáo của Quý khách giúp chúng tôi nắm được quy mô của vụ việc.
ack-next-action = Khi chúng tôi có biện pháp xử lý, chẳng hạn như gỡ bỏ một trang web giả mạo, chúng tôi sẽ cập nhật trạng thái báo cáo của Quý khách.
ack-next-email = Chúng tôi cũng sẽ gửi email thông báo đến địa chỉ { $email } của Quý khách.
ack-lost-money = Nếu Quý khách đã bị mất tiền, hãy liên hệ ngay với ngân hàng hoặc đơn vị phát hành thẻ. Họ có thể dừng hoặc hoàn lại khoản thanh toán.
ack-another = Báo cáo một vụ lừa đảo khác

## Trang trạng thái
status-title = Báo cáo { $reference }
status-lookup-label = Mã số báo cáo của Quý khách
status-lookup-submit = Kiểm tra
status-not-found = Chúng tôi không tìm thấy báo cáo nào có mã số này. Vui lòng kiểm tra lại và thử lần nữa.
status-received = Đã tiếp nhận
status-received-detail = Chúng tôi đã nhận được báo cáo của Quý khách và báo cáo đang chờ được xem xét.
status-under_review = Đang xem xét
status-under_review-detail = Đội ngũ của chúng tôi đang tìm hiểu vụ lừa đảo mà Quý khách đã báo cáo.
status-action_taken = Đã xử lý
status-action_taken-detail = Chúng tôi đã có biện pháp xử lý vụ lừa đảo này. Cảm ơn Quý khách đã góp phần bảo vệ người khác.
status-received-on = Tiếp nhận ngày { $date }

## Có thật là chúng tôi không?
check-title = Đây có thật là { $brand } không?
check-intro = Hãy dán một tin nhắn, đường liên kết, địa chỉ email hoặc số điện thoại, chúng tôi sẽ cho Quý khách biết những gì chúng tôi biết về nó.
check-input-label = Tin nhắn, đường liên kết, địa chỉ email hoặc số điện thoại
check-submit = Kiểm tra
verdict-official = Đây là kênh chính thức của { $brand }.
verdict-known_scam = Đây là một hình thức lừa đảo đã được ghi nhận. Xin đừng trả lời, đừng bấm vào và đừng thanh toán. { $count ->
   *[other] Đã có { $count } người báo cáo trường hợp này.
}
verdict-lookalike = Nội dung này trông giống { $brand } nhưng thực ra không phải. Rất có thể đây là lừa đảo.
verdict-unknown = Hiện chúng tôi chưa có thông tin gì về trường hợp này. Nếu bên kia yêu cầu tiền, mật khẩu hoặc mã xác thực, hãy coi đó là lừa đảo và báo cáo cho chúng tôi.
check-report-it = Báo cáo

## Email xác nhận
email-ack-subject = Báo cáo lừa đảo { $reference } của Quý khách
email-ack-greeting = Kính chào Quý khách,
email-ack-body = Cảm ơn Quý khách đã báo cáo một vụ lừa đảo mạo danh { $brand }. Mã số báo cáo của Quý khách là { $reference }.
email-ack-status = Quý khách có thể theo dõi tình trạng báo cáo bất cứ lúc nào tại: { $url }
email-ack-action-subject = Cập nhật về báo cáo { $reference } của Quý khách
email-ack-action-body = Chúng tôi đã có biện pháp xử lý vụ lừa đảo mà Quý khách đã báo cáo. Cảm ơn Quý khách đã góp phần bảo vệ người khác.
email-ack-signoff = Đội ngũ Bảo vệ Khách hàng { $brand }

## Cảnh báo khách hàng (email dạng văn bản thuần): kẻ lừa đảo mạo danh thương hiệu. Bên dưới phần mở đầu là
## danh sách địa chỉ, số điện thoại và trang web của kẻ lừa đảo, được viết ở dạng không bấm vào được (evil[.]com).
warning-subject = Cảnh báo: các tin nhắn giả danh { $brand } là lừa đảo
warning-intro = Mọi tin nhắn tự xưng là của { $brand } nhưng được gửi từ các địa chỉ và số điện thoại dưới đây, hoặc có đường liên kết dẫn đến chúng, đều là lừa đảo. Đó không phải là tin nhắn của chúng tôi.
warning-more = { $count ->
   *[other] và { $count } mục khác
}
warning-if-you-receive = Nếu Quý khách nhận được một tin nhắn như vậy:
warning-no-links = tuyệt đối không bấm vào các đường liên kết hay mở tệp đính kèm trong tin nhắn;
warning-no-payment = tuyệt đối không thanh toán và không cung cấp mật khẩu, mã xác thực hay thông tin thẻ;
warning-report = báo cáo cho chúng tôi qua địa chỉ { $address }, sau đó xóa tin nhắn.
warning-paid = Nếu Quý khách đã lỡ thanh toán hoặc cung cấp thông tin, hãy liên hệ ngay với ngân hàng.
warning-reference = Mã tham chiếu: { $reference }

## Thành phần chung của trang
page-title = { $page } – { $brand }
nav-advice = Cẩm nang phòng tránh lừa đảo
nav-main = Điều hướng chính
breadcrumb-home = Trang chủ
noscript-ok = Trình duyệt của Quý khách đang không chạy JavaScript. Không sao cả: biểu mẫu vẫn hoạt động bình thường.
contact-direct = Nếu Quý khách đang gặp nguy hiểm hoặc vừa chuyển tiền cho kẻ lừa đảo, trước hết hãy gọi ngay cho ngân hàng và công an.

## Biểu mẫu báo cáo, các mục bổ sung
field-scam-kind = Họ muốn gì ở Quý khách?
scam-kind-fake_order = Họ xác nhận một đơn hàng mà tôi không hề đặt
scam-kind-fake_refund = Họ đề nghị hoàn tiền cho tôi
scam-kind-gift_card = Họ yêu cầu mua thẻ quà tặng
scam-kind-fake_support = Họ tự xưng là bộ phận chăm sóc khách hàng
scam-kind-tech_support = Họ nói máy tính hoặc tài khoản của tôi có vấn đề
scam-kind-delivery = Sự cố giao hàng hoặc phí nhận bưu kiện
scam-kind-prize = Trúng thưởng, việc làm hoặc đầu tư
scam-kind-account = Tài khoản của tôi sắp bị đóng hoặc bị khóa
scam-kind-other = Trường hợp khác
choose-one = Chọn một mục
field-date-hint = Ví dụ: { $example }. Nếu không nhớ, Quý khách có thể để trống.
field-time = Giờ
field-country = Quý khách đang sống ở quốc gia nào?
field-country-hint = Thông tin này giúp chúng tôi biết một hình thức lừa đảo đang lan rộng ở đâu.
form-privacy-note = Khi gửi biểu mẫu này, Quý khách đồng ý để chúng tôi sử dụng thông tin trong đó nhằm điều tra vụ lừa đảo. Chúng tôi lưu giữ tin nhắn làm bằng chứng.
form-challenge = Đang kiểm tra để xác nhận Quý khách là người thật. Việc này diễn ra ngay trong trình duyệt của Quý khách và chỉ mất vài giây.
form-challenge-done = Đã kiểm tra xong.

## Các lỗi khác trong biểu mẫu
error-phone-invalid = Vui lòng nhập số điện thoại kèm mã quốc gia, ví dụ { $example }.
error-too-many-links = Vui lòng chỉ liệt kê tối đa { $max } đường liên kết.
error-link-invalid = Đây có vẻ không phải là một đường liên kết. Vui lòng sao chép đúng như trong tin nhắn.
error-too-long = Vui lòng rút gọn xuống tối đa { $max } ký tự.
error-screenshot-type = Vui lòng gửi hình ảnh ở định dạng PNG, JPEG, GIF hoặc WebP.
error-form-expired = Biểu mẫu đã mở quá lâu. Vui lòng kiểm tra lại các câu trả lời và gửi lại.
error-rate-limited = { $minutes ->
   *[other] Quý khách đã gửi nhiều báo cáo trong thời gian ngắn. Vui lòng đợi { $minutes } phút rồi thử lại.
}
error-channel-missing = Vui lòng cho chúng tôi biết Quý khách nhận được tin nhắn qua kênh nào.
error-page-not-found-title = Không tìm thấy trang
error-page-not-found = Chúng tôi không tìm thấy trang này. Có thể trang đã được chuyển sang địa chỉ khác.
error-server-title = Đã có lỗi xảy ra
error-bad-request = Chúng tôi không hiểu được dữ liệu mà trình duyệt của Quý khách gửi đến. Vui lòng quay lại và thử lần nữa.

## Trang trạng thái, phần bổ sung
status-lookup-title = Tra cứu báo cáo
status-lookup-intro = Nhập mã số báo cáo mà Quý khách nhận được khi gửi báo cáo, ví dụ { $example }.
status-steps = Tiến trình xử lý báo cáo
status-step-done = đã xong
status-step-current = bước hiện tại
status-step-pending = chưa đến
status-updated-on = Cập nhật lần cuối ngày { $date }
status-privacy = Để bảo vệ quyền riêng tư của Quý khách, trang này chỉ cho biết báo cáo đang ở bước nào, không bao giờ hiển thị nội dung báo cáo.

## Có thật là chúng tôi không? – phần bổ sung
check-empty = Vui lòng dán nội dung cần kiểm tra.
check-too-long = Vui lòng dán tối đa { $max } ký tự.
check-result-title = Kết quả kiểm tra
check-checked-value = Nội dung Quý khách hỏi: { $value }
check-known-since = Được báo cáo lần đầu ngày { $date }.
check-known-channels = Hình thức này tiếp cận mọi người qua { $channels }.
check-what-to-do = Quý khách nên làm gì bây giờ
check-advice-official = Quý khách có thể yên tâm trả lời. Nếu vẫn còn nghi ngờ, hãy liên hệ với chúng tôi qua ứng dụng hoặc trang web Quý khách vẫn thường dùng, tuyệt đối không qua đường liên kết trong tin nhắn.
check-advice-scam = Đừng trả lời, đừng gọi lại, đừng bấm vào liên kết và đừng thanh toán. Nếu Quý khách đã lỡ làm vậy, hãy liên hệ ngay với ngân hàng và đổi mật khẩu.
check-advice-unknown = Hãy cẩn thận. Chúng tôi không bao giờ yêu cầu thẻ quà tặng, mật khẩu hay mã xác thực dùng một lần, và không bao giờ hối thúc Quý khách thanh toán.
check-official-channels = Các kênh chính thức của chúng tôi
