# 흔한 사기 수법에 관한 안내 페이지(이슈 3). 영어가 기준 언어입니다. 다른 모든 언어에도 여기 있는 모든
# 메시지가 같은 변수로 들어 있습니다. 주제마다 제목, 한 줄 요약, 사기 수법, 알아보는 방법 네 가지,
# 대처 방법 세 가지, 이미 돈을 보냈을 때 해야 할 일이 있습니다.

advice-index-title = 흔한 사기 수법과 대처 방법
advice-index-intro = 사기범들은 { $brand }의 이름을 사칭해 고객님의 돈이나 비밀번호를 빼내려고 합니다. 저희가 가장 자주 확인하는 수법과 이를 알아보는 방법을 소개합니다.
advice-signs-title = 이렇게 알아보세요
advice-do-title = 이렇게 대처하세요
advice-paid-title = 이미 돈을 보냈거나 개인정보를 알려 주었다면
advice-report-cta = 이런 메시지를 받으셨나요? 신고해 주세요.
advice-read-more = 자세히 보기

## 가짜 주문 확인
advice-fake_order-title = 가짜 주문 확인 메시지
advice-fake_order-summary = 주문한 적 없는 고가의 상품이 주문되었다는 메시지를 보내, 취소하려면 전화하거나 링크를 누르라고 재촉합니다.
advice-fake_order-how = 메시지는 휴대폰, 노트북, 기프트 카드의 실제 영수증처럼 보입니다. 걱정이 되어 적힌 번호로 전화하거나 링크를 열면, '취소 절차'라며 카드 정보를 묻거나, 결제를 요구하거나, 상대방이 컴퓨터에 접속할 수 있는 프로그램을 설치하게 합니다.
advice-fake_order-sign-1 = 메시지에 적힌 상품을 주문한 적이 없습니다.
advice-fake_order-sign-2 = 계정에서 확인하라고 안내하는 대신, 취소하려면 전화하라며 전화번호를 알려 줍니다.
advice-fake_order-sign-3 = 저희 공식 연락 채널이 아닌 주소나 번호에서 왔습니다.
advice-fake_order-sign-4 = 몇 시간 안에 조치하라고 재촉합니다.
advice-fake_order-do-1 = 메시지에 있는 번호로 전화하거나 링크를 누르지 마세요.
advice-fake_order-do-2 = 앱을 열거나 저희 웹사이트 주소를 직접 입력해 접속한 뒤, 그곳에서 주문 내역을 확인하세요.
advice-fake_order-do-3 = 저희가 해당 번호나 웹사이트를 차단할 수 있도록 메시지를 신고해 주세요.
advice-fake_order-paid = 카드에 적힌 번호로 은행이나 카드사에 전화해 결제를 중지해 달라고 요청하세요. 비밀번호를 변경하고, 전화한 사람이 설치하라고 한 프로그램이 있다면 삭제하세요.

## 가짜 환불
advice-fake_refund-title = 가짜 환불 안내
advice-fake_refund-summary = 돌려받을 환불금이 있다며, 환불하려면 계좌 정보나 결제, 원격 접속이 필요하다고 말합니다.
advice-fake_refund-how = 사기범은 환불금이 준비되어 있다고 한 뒤, 실수로 돈을 너무 많이 보냈다며 차액을 돌려 달라고 요구합니다. 대개 기프트 카드나 계좌 이체로 보내라고 합니다. 실제 환불은 결제하신 수단으로 자동으로 돌아갑니다.
advice-fake_refund-sign-1 = 환불을 요청한 적이 없습니다.
advice-fake_refund-sign-2 = 카드 번호, 인터넷 뱅킹 보안 정보, 일회용 인증번호를 묻습니다.
advice-fake_refund-sign-3 = '환불 처리'를 위해 컴퓨터나 휴대폰에 원격으로 접속하려고 합니다.
advice-fake_refund-sign-4 = 돈을 돌려 달라고 요구합니다.
advice-fake_refund-do-1 = 전화를 끊거나 더 이상 답장하지 마세요.
advice-fake_refund-do-2 = 환불 내역은 링크나 전화한 사람을 통하지 말고, 반드시 고객님의 계정에서 직접 확인하세요.
advice-fake_refund-do-3 = 해당 번호나 메시지를 저희에게 신고해 주세요.
advice-fake_refund-paid = 즉시 은행에 연락하세요. 누군가 기기에 원격으로 접속했다면 기기의 인터넷 연결을 끊고, 원격 접속 프로그램을 삭제한 뒤, 다른 기기에서 비밀번호를 변경하세요.

## 기프트 카드 요구
advice-gift_card-title = 기프트 카드 요구
advice-gift_card-summary = 기프트 카드로 돈을 내라고 하거나 카드 뒷면의 코드를 불러 달라고 하는 사람은 모두 사기범입니다.
advice-gift_card-how = 기프트 카드는 현금과 같습니다. 코드를 알려 주는 순간 돈은 사라지고, 추적하기도 어렵습니다. 사기범은 '수수료', '벌금', '환불 오류', '보안 확인' 등을 핑계로 기프트 카드를 요구합니다.
advice-gift_card-sign-1 = 기프트 카드를 사서 코드 사진을 보내라고 합니다.
advice-gift_card-sign-2 = 매장 직원에게도 비밀로 하라고 합니다.
advice-gift_card-sign-3 = 급한 일이라거나, 그렇지 않으면 곤란해질 거라고 말합니다.
advice-gift_card-sign-4 = 저희나 은행, 경찰, 세무서를 사칭합니다.
advice-gift_card-do-1 = 누구에게도 기프트 카드로 돈을 보내지 마세요.
advice-gift_card-do-2 = 카드 뒷면의 코드를 절대 다른 사람에게 알려 주지 마세요.
advice-gift_card-do-3 = 요구받은 내용을 연락이 온 번호나 주소와 함께 저희에게 신고해 주세요.
advice-gift_card-paid = 코드와 영수증을 준비해 즉시 기프트 카드 발행사에 연락하세요. 아직 사용되지 않은 금액이라면 동결해 줄 수도 있습니다. 영수증은 경찰에 제출할 수 있도록 잘 보관해 두세요.

## 가짜 고객센터 번호
advice-fake_support-title = 가짜 고객센터 번호
advice-fake_support-summary = 사기범은 검색 결과, 광고, 소셜 미디어에 가짜 고객센터 번호를 올려 두고 사람들이 전화하기를 기다립니다.
advice-fake_support-how = 도움을 받으려고 검색하다가 처음 찾은 번호로 전화하면, 전문 상담원처럼 말하는 사람이 전화를 받습니다. 그 사람은 비밀번호나 휴대폰으로 받은 인증번호를 묻거나, 계정 '잠금 해제'를 위해 결제를 요구합니다.
advice-fake_support-sign-1 = 검색 광고, 게시판 글, 소셜 미디어 댓글에서 찾은 번호입니다.
advice-fake_support-sign-2 = 비밀번호나 문자로 받은 인증번호를 묻습니다.
advice-fake_support-sign-3 = 문제를 해결해 주겠다며 결제나 기프트 카드를 요구합니다.
advice-fake_support-sign-4 = 휴대폰이나 컴퓨터에 앱을 설치하게 하려고 합니다.
advice-fake_support-do-1 = 고객센터에는 저희 앱이나 웹사이트의 도움말 페이지를 통해서만 연락하세요.
advice-fake_support-do-2 = 전화하기 전에 '정말 저희가 보낸 걸까요?'에서 번호를 확인해 보세요.
advice-fake_support-do-3 = 가짜 번호를 신고해 주시면 삭제될 수 있도록 저희가 조치하겠습니다.
advice-fake_support-paid = 은행에 연락하고 비밀번호를 변경하세요. 그런 다음 계정 설정에 들어가 모든 기기에서 로그아웃하세요.

## 기술 지원 사칭 전화
advice-tech_support-title = 기술 지원 사칭 전화
advice-tech_support-summary = 전화나 팝업 창으로 컴퓨터나 계정이 해킹되었다며 고쳐 주겠다고 합니다.
advice-tech_support-how = 요란한 경고가 뜨는 팝업 창이나 '보안팀'이라고 하는 전화로, 범죄자가 고객님의 계정을 사용하고 있다고 말합니다. 그런 다음 원격 접속 앱을 설치하게 하고, 가짜 증거를 보여 주며 결제나 은행 정보를 요구합니다.
advice-tech_support-sign-1 = 예상하지 못한 전화나 팝업 창에서 기기나 계정이 감염되었거나 해킹되었다고 합니다.
advice-tech_support-sign-2 = 도와주겠다며 프로그램이나 앱을 설치하라고 합니다.
advice-tech_support-sign-3 = 원격으로 접속한 상태에서 인터넷 뱅킹에 로그인하라고 합니다.
advice-tech_support-sign-4 = 팝업 창이 닫히지 않고, 전화할 번호가 표시됩니다.
advice-tech_support-do-1 = 전화를 끊으세요. 저희는 컴퓨터가 감염되었다고 전화하는 일이 절대 없습니다.
advice-tech_support-do-2 = 브라우저를 닫으세요. 팝업 창이 닫히지 않으면 기기를 다시 시작하세요.
advice-tech_support-do-3 = 해당 번호나 웹사이트를 저희에게 신고해 주세요.
advice-tech_support-paid = 기기의 인터넷 연결을 끊고, 상대방이 설치한 프로그램을 모두 삭제한 뒤, 보안 검사를 실행하고 은행에 전화하세요. 비밀번호는 상대방이 손대지 않은 기기에서 변경하세요.
