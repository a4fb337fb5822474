# Các trang cẩm nang về những hình thức lừa đảo phổ biến (issue 3). Tiếng Anh là bản tham chiếu: mọi
# ngôn ngữ khác đều có đầy đủ các thông điệp ở đây, với cùng các biến. Mỗi chủ đề gồm tiêu đề, một
# câu tóm tắt, cách thức lừa đảo, bốn dấu hiệu nhận biết, ba việc nên làm và cách xử lý nếu đã lỡ
# trả tiền.

advice-index-title = Cẩm nang về các hình thức lừa đảo phổ biến
advice-index-intro = Kẻ lừa đảo giả danh { $brand } để chiếm đoạt tiền hoặc mật khẩu của Quý khách. Dưới đây là những thủ đoạn chúng tôi gặp nhiều nhất và cách nhận biết.
advice-signs-title = Cách nhận biết
advice-do-title = Quý khách nên làm gì
advice-paid-title = Nếu Quý khách đã lỡ thanh toán hoặc cung cấp thông tin
advice-report-cta = Quý khách nhận được nội dung tương tự? Hãy báo cáo cho chúng tôi.
advice-read-more = Xem thêm

## Xác nhận đơn hàng giả mạo
advice-fake_order-title = Xác nhận đơn hàng giả mạo
advice-fake_order-summary = Một tin nhắn xác nhận đơn hàng đắt tiền mà Quý khách chưa từng đặt và hối thúc Quý khách gọi điện hoặc bấm vào liên kết để hủy đơn.
advice-fake_order-how = Tin nhắn trông giống hóa đơn thật cho một chiếc điện thoại, máy tính xách tay hoặc thẻ quà tặng. Vì lo lắng, Quý khách gọi vào số điện thoại hoặc mở liên kết, và việc "hủy đơn" dẫn đến những câu hỏi về thẻ thanh toán của Quý khách, một khoản tiền phải trả, hoặc một phần mềm cho phép họ truy cập vào máy tính của Quý khách.
advice-fake_order-sign-1 = Quý khách không hề đặt món hàng được nêu trong tin nhắn.
advice-fake_order-sign-2 = Tin nhắn đưa ra một số điện thoại để gọi hủy đơn, thay vì hướng dẫn Quý khách vào tài khoản của mình.
advice-fake_order-sign-3 = Tin nhắn đến từ một địa chỉ hoặc số điện thoại không thuộc các kênh chính thức của chúng tôi.
advice-fake_order-sign-4 = Tin nhắn hối thúc Quý khách phải hành động trong vòng vài giờ.
advice-fake_order-do-1 = Đừng gọi vào số điện thoại hay bấm vào các liên kết trong tin nhắn.
advice-fake_order-do-2 = Mở ứng dụng hoặc tự gõ địa chỉ trang web của chúng tôi, rồi kiểm tra đơn hàng tại đó.
advice-fake_order-do-3 = Báo cáo tin nhắn để chúng tôi có thể chặn số điện thoại hoặc trang web đó.
advice-fake_order-paid = Gọi cho ngân hàng hoặc đơn vị phát hành thẻ theo số điện thoại in trên thẻ và đề nghị dừng khoản thanh toán. Đổi mật khẩu và gỡ bỏ mọi phần mềm mà người gọi đã yêu cầu Quý khách cài đặt.

## Lời mời hoàn tiền giả mạo
advice-fake_refund-title = Lời mời hoàn tiền giả mạo
advice-fake_refund-summary = Có người nói rằng Quý khách được hoàn tiền, và để chuyển tiền họ cần thông tin ngân hàng, một khoản thanh toán hoặc quyền truy cập từ xa vào thiết bị của Quý khách.
advice-fake_refund-how = Kẻ lừa đảo nói rằng có một khoản hoàn tiền đang chờ Quý khách, sau đó bảo rằng họ đã lỡ chuyển dư và yêu cầu Quý khách gửi lại phần chênh lệch, thường bằng thẻ quà tặng hoặc chuyển khoản ngân hàng. Tiền hoàn thật sẽ tự động được trả về đúng phương thức Quý khách đã dùng để thanh toán.
advice-fake_refund-sign-1 = Quý khách không hề yêu cầu hoàn tiền.
advice-fake_refund-sign-2 = Họ hỏi số thẻ, mã đăng nhập ngân hàng trực tuyến hoặc mã xác thực dùng một lần (OTP).
advice-fake_refund-sign-3 = Họ muốn kết nối vào máy tính hoặc điện thoại của Quý khách "để xử lý hoàn tiền".
advice-fake_refund-sign-4 = Họ yêu cầu Quý khách trả lại một khoản tiền.
advice-fake_refund-do-1 = Cúp máy hoặc ngừng trả lời.
advice-fake_refund-do-2 = Chỉ kiểm tra các khoản hoàn tiền trong tài khoản của Quý khách, không bao giờ qua đường liên kết hay qua người gọi đến.
advice-fake_refund-do-3 = Báo cáo số điện thoại hoặc tin nhắn đó cho chúng tôi.
advice-fake_refund-paid = Liên hệ ngay với ngân hàng. Nếu có người đã kết nối vào thiết bị của Quý khách, hãy ngắt kết nối Internet của thiết bị, gỡ bỏ chương trình truy cập từ xa và đổi mật khẩu trên một thiết bị khác.

## Yêu cầu thanh toán bằng thẻ quà tặng
advice-gift_card-title = Yêu cầu thanh toán bằng thẻ quà tặng
advice-gift_card-summary = Bất kỳ ai yêu cầu Quý khách thanh toán bằng thẻ quà tặng, hoặc đọc mã ở mặt sau thẻ, đều là kẻ lừa đảo.
advice-gift_card-how = Thẻ quà tặng cũng như tiền mặt: một khi đã đưa mã, tiền sẽ mất và rất khó truy vết. Kẻ lừa đảo đòi thẻ quà tặng để trả "phí", "tiền phạt", "lỗi hoàn tiền" hoặc "kiểm tra bảo mật".
advice-gift_card-sign-1 = Họ yêu cầu Quý khách mua thẻ quà tặng và gửi ảnh chụp các mã.
advice-gift_card-sign-2 = Họ dặn Quý khách phải giữ bí mật, kể cả với nhân viên cửa hàng.
advice-gift_card-sign-3 = Họ nói việc này rất gấp hoặc Quý khách sẽ gặp rắc rối.
advice-gift_card-sign-4 = Họ tự xưng là chúng tôi, ngân hàng, công an hoặc cơ quan thuế.
advice-gift_card-do-1 = Tuyệt đối không thanh toán cho bất kỳ ai bằng thẻ quà tặng.
advice-gift_card-do-2 = Tuyệt đối không chia sẻ mã ở mặt sau thẻ.
advice-gift_card-do-3 = Báo cáo yêu cầu đó cho chúng tôi, kèm số điện thoại hoặc địa chỉ đã gửi yêu cầu.
advice-gift_card-paid = Liên hệ ngay với công ty phát hành thẻ quà tặng, cung cấp các mã và hóa đơn mua thẻ: nếu tiền chưa bị sử dụng, họ có thể phong tỏa. Hãy giữ lại hóa đơn để cung cấp cho công an.

## Số điện thoại chăm sóc khách hàng giả mạo
advice-fake_support-title = Số điện thoại chăm sóc khách hàng giả mạo
advice-fake_support-summary = Kẻ lừa đảo đăng số tổng đài hỗ trợ giả trên kết quả tìm kiếm, quảng cáo và mạng xã hội, rồi chờ người dùng gọi đến.
advice-fake_support-how = Quý khách tìm kiếm sự trợ giúp, gọi vào số đầu tiên tìm thấy và gặp một người nói chuyện rất chuyên nghiệp. Người đó hỏi mật khẩu, mã được gửi đến điện thoại của Quý khách hoặc yêu cầu thanh toán để "mở khóa" tài khoản.
advice-fake_support-sign-1 = Quý khách tìm thấy số điện thoại trong quảng cáo trên công cụ tìm kiếm, bài đăng trên diễn đàn hoặc bình luận trên mạng xã hội.
advice-fake_support-sign-2 = Người đó hỏi mật khẩu hoặc mã mà Quý khách nhận được qua tin nhắn SMS.
advice-fake_support-sign-3 = Họ yêu cầu thanh toán hoặc mua thẻ quà tặng để khắc phục sự cố.
advice-fake_support-sign-4 = Họ muốn cài đặt một ứng dụng trên điện thoại hoặc máy tính của Quý khách.
advice-fake_support-do-1 = Chỉ liên hệ bộ phận chăm sóc khách hàng qua các trang trợ giúp trong ứng dụng hoặc trên trang web của chúng tôi.
advice-fake_support-do-2 = Dùng tính năng "Có thật là chúng tôi không?" để kiểm tra số điện thoại trước khi gọi.
advice-fake_support-do-3 = Báo cáo các số điện thoại giả để chúng tôi có thể yêu cầu gỡ bỏ.
advice-fake_support-paid = Liên hệ với ngân hàng, đổi mật khẩu và đăng xuất khỏi tất cả các thiết bị trong phần cài đặt tài khoản.

## Cuộc gọi hỗ trợ kỹ thuật giả mạo
advice-tech_support-title = Cuộc gọi hỗ trợ kỹ thuật giả mạo
advice-tech_support-summary = Một người gọi điện hoặc một cửa sổ bật lên báo rằng máy tính hoặc tài khoản của Quý khách đã bị xâm nhập và đề nghị khắc phục giúp.
advice-tech_support-how = Một cửa sổ bật lên kèm cảnh báo inh ỏi hoặc một cuộc gọi "từ đội ngũ bảo mật" báo rằng tài khoản của Quý khách đang bị tội phạm sử dụng. Họ yêu cầu Quý khách cài một ứng dụng truy cập từ xa, sau đó đưa ra bằng chứng giả và đòi thanh toán hoặc thông tin ngân hàng.
advice-tech_support-sign-1 = Một cuộc gọi hoặc cửa sổ bật lên bất ngờ báo rằng thiết bị hay tài khoản của Quý khách bị nhiễm mã độc hoặc bị xâm nhập.
advice-tech_support-sign-2 = Họ yêu cầu Quý khách cài đặt một chương trình hoặc ứng dụng để họ có thể giúp đỡ.
advice-tech_support-sign-3 = Họ yêu cầu Quý khách đăng nhập vào tài khoản ngân hàng trong khi họ vẫn đang kết nối với thiết bị.
advice-tech_support-sign-4 = Cửa sổ bật lên không thể đóng và hiển thị một số điện thoại để gọi.
advice-tech_support-do-1 = Hãy cúp máy. Chúng tôi không bao giờ gọi điện để báo rằng máy tính của Quý khách bị nhiễm mã độc.
advice-tech_support-do-2 = Đóng trình duyệt. Nếu cửa sổ bật lên không đóng được, hãy khởi động lại thiết bị.
advice-tech_support-do-3 = Báo cáo số điện thoại hoặc trang web đó cho chúng tôi.
advice-tech_support-paid = Ngắt kết nối Internet của thiết bị, gỡ bỏ mọi chương trình họ đã cài, chạy quét bảo mật và gọi cho ngân hàng. Đổi mật khẩu trên một thiết bị mà họ chưa từng can thiệp.
