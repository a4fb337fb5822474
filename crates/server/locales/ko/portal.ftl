# 공개 신고 포털(이슈 3). 영어가 기준 언어입니다. 다른 모든 언어에도 여기 있는 모든 메시지가
# 같은 변수로 들어 있습니다.

## 공통
site-name = 사기 신고하기
site-tagline = { $brand }에서 보낸 것처럼 꾸민 메시지를 알려 주세요. 신고 하나하나가 그 배후에 있는 사람들을 찾아내고 막는 데 도움이 됩니다.
language-label = 언어
language-change = 언어 변경
skip-to-content = 본문으로 바로 가기
nav-report = 사기 신고하기
nav-check = 정말 저희가 보낸 걸까요?
nav-status = 신고 처리 현황 확인
footer-privacy = 보내 주신 정보는 사기 방지 목적으로만 사용합니다. 고객님의 연락처를 신고 대상자에게 알리는 일은 절대 없습니다.
footer-never-ask = { $brand }에서는 기프트 카드, 비밀번호, 일회용 인증번호를 절대 요청하지 않습니다.

## 신고 양식
form-title = 사기 메시지나 전화 신고하기
form-intro = '선택'으로 표시된 항목은 비워 두셔도 됩니다. 계정이 없어도 신고하실 수 있습니다.
form-required = 필수
form-optional = 선택
field-channel = 어떤 경로로 받으셨나요?
channel-email = 이메일
channel-sms = 문자 메시지(SMS)
channel-phone_call = 전화
channel-social_media = 소셜 미디어 또는 메신저 앱
channel-web = 웹사이트 또는 팝업 창
channel-other = 기타
field-body = 메시지 내용
field-body-hint = 받으신 메시지 전체를 그대로 붙여 넣어 주세요. 전화였다면 상대방이 한 말을 적어 주세요.
field-eml = 또는 이메일을 파일(.eml)로 업로드하기
field-eml-hint = 대부분의 이메일 프로그램에서는 메시지를 연 다음 '다른 이름으로 저장' 또는 '메시지 다운로드'를 선택하면 됩니다.
field-sender = 누가 보냈나요?
field-sender-hint = 메시지를 보낸 이메일 주소, 전화번호 또는 계정 이름을 적어 주세요.
field-links = 메시지에 포함된 링크
field-links-hint = 링크를 정확히 그대로 복사해 주세요. 링크를 열지는 마세요.
field-phone = 전화를 걸거나 문자를 보낸 전화번호
field-when = 언제 받으셨나요?
field-what-happened = 어떤 일이 있었나요?
field-what-happened-hint = 예를 들어 환불해 주겠다고 했거나, 하지 않은 주문을 확인했다고 했거나, 기프트 카드를 요구했을 수 있습니다.
field-money-lost = 금전적 피해를 보셨나요?
money-lost-no = 아니요
money-lost-yes = 예
field-amount = 금액
field-currency = 통화
field-payment-method = 어떤 방법으로 돈을 보내셨나요?
payment-gift_card = 기프트 카드
payment-wire = 계좌 이체
payment-crypto = 암호화폐
payment-card = 신용카드 또는 체크카드
payment-other = 기타 방법
field-screenshot = 스크린샷
field-screenshot-hint = 메시지를 찍은 이미지가 있다면 첨부해 주세요(PNG 또는 JPEG, 최대 { $max_mb }MB).
field-email = 이메일 주소
field-email-hint = 신고하신 건에 대해 조치를 취했을 때 알려 드리기 위한 것입니다. 다른 용도로는 사용하지 않습니다.
form-submit = 신고 보내기
form-sending = 보내는 중…

## 양식 오류
error-summary-title = { $count ->
   *[other] 신고 내용에 문제가 { $count }개 있습니다
}
error-required = 이 항목을 입력해 주세요.
error-body-empty = 받으신 메시지를 붙여 넣어 주세요.
error-body-too-long = 메시지가 너무 깁니다. { $max }자 이내로 줄여 주세요.
error-email-invalid = 이메일 주소를 올바른 형식으로 입력해 주세요(예: name@example.com).
error-amount-invalid = 금액을 올바른 형식으로 입력해 주세요(예: 49.99).
error-currency-invalid = 통화를 선택해 주세요.
error-date-invalid = 날짜를 올바른 형식으로 입력해 주세요(예: { $example }).
error-date-future = 미래의 날짜는 입력할 수 없습니다.
error-file-too-large = 파일이 너무 큽니다. 최대 { $max_mb }MB까지 받을 수 있습니다.
error-file-type = 이 형식의 파일은 읽을 수 없습니다. { $types } 파일로 보내 주세요.
error-eml-invalid = 이 파일을 이메일로 읽을 수 없었습니다. 대신 메시지 내용을 붙여 넣어 주세요.
error-try-again = 죄송합니다. 저희 쪽에 문제가 생겼습니다. 입력하신 내용은 그대로 남아 있으니, 잠시 후 양식을 다시 보내 주세요.

## 접수 확인
ack-title = 감사합니다. 신고가 접수되었습니다.
ack-reference = 접수 번호는 { $reference }입니다.
ack-keep-reference = 이 번호를 꼭 보관해 주세요. 신고 처리 현황을 확인할 때 사용할 수 있습니다.
ack-next-title = 앞으로의 진행 과정
ack-next-review = 모든 신고는 담당 팀이 검토합니다. 같은 사기에 대한 신고는 함께 묶어서 처리하므로, 고객님의 신고는 피해 규모를 파악하는 데 도움이 됩니다.
ack-next-action = 가짜 웹사이트 차단 등의 조치를 취하면 신고 처리 상태를 업데이트해 드립니다.
ack-next-email = { $email } 주소로도 이메일을 보내 드립니다.
ack-lost-money = 금전적 피해를 보셨다면 지금 바로 거래 은행이나 카드사에 연락하세요. 결제를 중지하거나 취소할 수 있을지도 모릅니다.
ack-another = 다른 사기 신고하기

## 처리 현황 페이지
status-title = 신고 { $reference }
status-lookup-label = 접수 번호
status-lookup-submit = 확인
status-not-found = 이 접수 번호로 된 신고를 찾을 수 없습니다. 번호를 확인하신 후 다시 시도해 주세요.
status-received = 접수됨
status-received-detail = 신고가 접수되어 검토를 기다리고 있습니다.
status-under_review = 검토 중
status-under_review-detail = 신고하신 사기를 담당 팀이 조사하고 있습니다.
status-action_taken = 조치 완료
status-action_taken-detail = 이 사기에 대해 조치를 취했습니다. 다른 분들이 피해를 입지 않도록 도와주셔서 감사합니다.
status-received-on = 접수일: { $date }

## 정말 저희가 보낸 걸까요?
check-title = 정말 { $brand }에서 보낸 걸까요?
check-intro = 메시지, 링크, 이메일 주소 또는 전화번호를 붙여 넣어 주시면, 저희가 알고 있는 정보를 알려 드립니다.
check-input-label = 메시지, 링크, 이메일 주소 또는 전화번호
check-submit = 확인
verdict-official = { $brand }의 공식 연락 채널입니다.
verdict-known_scam = 이미 알려진 사기입니다. 답장하거나, 링크를 누르거나, 돈을 보내지 마세요. { $count ->
   *[other] 이미 { $count }명이 신고했습니다.
}
verdict-lookalike = { $brand }처럼 보이지만 실제로는 아닙니다. 사기일 가능성이 매우 높습니다.
verdict-unknown = 아직 이에 대한 정보가 없습니다. 돈이나 비밀번호, 인증번호를 요구한다면 사기로 여기고 신고해 주세요.
check-report-it = 신고하기

## 접수 확인 이메일
email-ack-subject = 사기 신고 접수 안내(접수 번호: { $reference })
email-ack-greeting = 안녕하세요.
email-ack-body = { $brand }의 이름을 사칭한 사기를 신고해 주셔서 감사합니다. 접수 번호는 { $reference }입니다.
email-ack-status = 신고 처리 현황은 다음 주소에서 언제든지 확인하실 수 있습니다: { $url }
email-ack-action-subject = 신고(접수 번호: { $reference }) 처리 현황 안내
email-ack-action-body = 신고하신 사기에 대해 조치를 취했습니다. 다른 분들이 피해를 입지 않도록 도와주셔서 감사합니다.
email-ack-signoff = { $brand } 고객 보호팀

## 고객 대상 경고 안내(일반 텍스트 이메일): 브랜드의 이름을 사칭한 사기. 도입 문구 아래에
## 사기범이 쓰는 주소, 번호, 사이트 목록이 클릭할 수 없는 형태(evil[.]com)로 들어갑니다.
warning-subject = 주의: { $brand }의 이름을 사칭한 메시지는 사기입니다
warning-intro = { $brand }에서 보냈다고 하는 메시지가 아래 주소나 번호에서 왔거나 그곳으로 연결되는 링크가 들어 있다면 사기입니다. 저희가 보낸 메시지가 아닙니다.
warning-more = { $count ->
   *[other] 외 { $count }건
}
warning-if-you-receive = 이런 메시지를 받으셨다면:
warning-no-links = 메시지 속 링크를 절대 누르지 말고, 첨부 파일도 열지 마세요.
warning-no-payment = 절대 돈을 보내지 말고, 비밀번호나 인증번호, 카드 정보도 절대 알려 주지 마세요.
warning-report = { $address } 주소로 저희에게 신고해 주신 뒤 메시지를 삭제하세요.
warning-paid = 이미 돈을 보내셨거나 정보를 알려 주셨다면 지금 바로 거래 은행에 연락하세요.
warning-reference = 참조 번호: { $reference }

## 페이지 공통 요소
page-title = { $page } – { $brand }
nav-advice = 사기 예방 안내
nav-main = 주 메뉴
breadcrumb-home = 홈
noscript-ok = 브라우저에서 JavaScript가 실행되고 있지 않지만 괜찮습니다. 양식은 그대로 사용하실 수 있습니다.
contact-direct = 위험에 처해 있거나 방금 사기범에게 돈을 보내셨다면, 먼저 거래 은행과 경찰에 연락하세요.

## 신고 양식 추가 항목
field-scam-kind = 상대방이 무엇을 원했나요?
scam-kind-fake_order = 하지도 않은 주문을 확인했다고 했어요
scam-kind-fake_refund = 환불해 주겠다고 했어요
scam-kind-gift_card = 기프트 카드를 요구했어요
scam-kind-fake_support = 고객센터 직원이라고 했어요
scam-kind-tech_support = 컴퓨터나 계정에 문제가 있다고 했어요
scam-kind-delivery = 배송 문제나 택배 비용에 관한 내용이었어요
scam-kind-prize = 경품, 일자리, 투자에 관한 내용이었어요
scam-kind-account = 계정이 해지되거나 차단된다고 했어요
scam-kind-other = 기타
choose-one = 하나를 선택해 주세요
field-date-hint = 예: { $example }. 잘 모르시면 비워 두셔도 됩니다.
field-time = 시간
field-country = 어느 나라에 살고 계신가요?
field-country-hint = 사기가 어느 지역으로 퍼지고 있는지 파악하는 데 도움이 됩니다.
form-privacy-note = 이 양식을 보내시면 보내 주신 내용을 저희가 사기 조사에 사용하는 데 동의하시는 것으로 간주됩니다. 메시지는 증거로 보관합니다.
form-challenge = 사람이 직접 이용하고 있는지 확인하는 중입니다. 확인은 브라우저에서 진행되며 몇 초 정도 걸립니다.
form-challenge-done = 확인이 완료되었습니다.

## 추가 양식 오류
error-phone-invalid = 국가 번호를 포함해 전화번호를 입력해 주세요(예: { $example }).
error-too-many-links = 링크는 최대 { $max }개까지 입력할 수 있습니다.
error-link-invalid = 링크 형식이 아닌 것 같습니다. 메시지에 나온 그대로 복사해 주세요.
error-too-long = { $max }자 이내로 줄여 주세요.
error-screenshot-type = PNG, JPEG, GIF 또는 WebP 형식의 이미지를 보내 주세요.
error-form-expired = 양식을 너무 오래 열어 두셨습니다. 입력하신 내용을 확인한 후 다시 보내 주세요.
error-rate-limited = { $minutes ->
   *[other] 짧은 시간 동안 신고를 많이 보내셨습니다. { $minutes }분 후에 다시 시도해 주세요.
}
error-channel-missing = 메시지를 어떤 경로로 받으셨는지 알려 주세요.
error-page-not-found-title = 페이지를 찾을 수 없습니다
error-page-not-found = 요청하신 페이지를 찾을 수 없습니다. 페이지 주소가 바뀌었을 수 있습니다.
error-server-title = 문제가 발생했습니다
error-bad-request = 브라우저에서 보낸 내용을 처리할 수 없습니다. 이전 페이지로 돌아가 다시 시도해 주세요.

## 처리 현황 페이지 추가 항목
status-lookup-title = 신고 처리 현황 확인
status-lookup-intro = 신고하실 때 받으신 접수 번호를 입력해 주세요(예: { $example }).
status-steps = 신고 처리 진행 상황
status-step-done = 완료
status-step-current = 현재 단계
status-step-pending = 진행 전
status-updated-on = 최종 업데이트: { $date }
status-privacy = 개인정보 보호를 위해 이 페이지에는 신고 처리 현황만 표시되며, 신고 내용은 표시되지 않습니다.

## 정말 저희가 보낸 걸까요? 추가 항목
check-empty = 확인할 내용을 붙여 넣어 주세요.
check-too-long = 최대 { $max }자까지 붙여 넣을 수 있습니다.
check-result-title = 확인 결과
check-checked-value = 확인하신 내용: { $value }
check-known-since = { $date }에 처음 신고되었습니다.
check-known-channels = 이 사기가 사람들에게 전달되는 경로: { $channels }
check-what-to-do = 지금 해야 할 일
check-advice-official = 안심하고 답장하셔도 됩니다. 그래도 의심스럽다면 메시지 속 링크가 아니라, 평소에 사용하시는 앱이나 웹사이트를 통해 저희에게 문의해 주세요.
check-advice-scam = 답장하거나, 다시 전화하거나, 링크를 누르거나, 돈을 보내지 마세요. 이미 그렇게 하셨다면 지금 바로 은행에 연락하고 비밀번호를 변경하세요.
check-advice-unknown = 주의하세요. 저희는 기프트 카드, 비밀번호, 일회용 인증번호를 절대 요청하지 않으며, 결제를 서두르라고 재촉하지도 않습니다.
check-official-channels = 저희 공식 연락 채널
