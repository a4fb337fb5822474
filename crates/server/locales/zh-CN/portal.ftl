# 公开举报门户（issue 3）。英文为参考版本：其他每种语言都包含此处的全部消息，且使用相同的变量。

## 通用
site-name = 举报诈骗
site-tagline = 如果您收到冒充 { $brand } 的信息，请告诉我们。每一份举报都能帮助我们找到并制止幕后的不法分子。
language-label = 语言
language-change = 切换语言
skip-to-content = 跳至主要内容
nav-report = 举报诈骗
nav-check = 真的是我们吗？
nav-status = 查询举报进度
footer-privacy = 您提交的信息仅用于打击欺诈。我们绝不会将您的联系方式透露给您所举报的人。
footer-never-ask = { $brand } 绝不会向您索要礼品卡、密码或一次性验证码。

## 举报表单
form-title = 举报诈骗信息或电话
form-intro = 标有“选填”的项目可以留空。您无需注册账户。
form-required = 必填
form-optional = 选填
field-channel = 您是通过什么方式收到的？
channel-email = 电子邮件
channel-sms = 手机短信（SMS）
channel-phone_call = 电话
channel-social_media = 社交媒体或聊天软件
channel-web = 网站或弹出窗口
channel-other = 其他方式
field-body = 信息内容
field-body-hint = 请将收到的信息原样完整粘贴。如果是电话，请写下对方说了什么。
field-eml = 或者将邮件作为文件上传（.eml）
field-eml-hint = 在大多数邮件程序中：打开该邮件，然后选择“另存为”或“下载邮件”。
field-sender = 发送者是谁？
field-sender-hint = 发送该信息的电子邮件地址、电话号码或账户名称。
field-links = 信息中的链接
field-links-hint = 请原样复制链接，但请不要打开它们。
field-phone = 给您打电话或发短信的号码
field-when = 您是什么时候收到的？
field-what-happened = 发生了什么？
field-what-happened-hint = 例如：对方说要给您退款、确认了一笔您并未下过的订单，或者要求您购买礼品卡。
field-money-lost = 您是否有资金损失？
money-lost-no = 否
money-lost-yes = 是
field-amount = 金额
field-currency = 币种
field-payment-method = 您是如何付款的？
payment-gift_card = 礼品卡
payment-wire = 银行转账
payment-crypto = 加密货币
payment-card = 信用卡或借记卡
payment-other = 其他方式
field-screenshot = 截图
field-screenshot-hint = 如果有的话，请上传该信息的图片（PNG 或 JPEG 格式，不超过 { $max_mb } MB）。
field-email = 您的电子邮件地址
field-email-hint = 以便我们在处理您的举报后通知您。我们不会将其用于任何其他用途。
form-submit = 提交举报
form-sending = 正在提交…

## 表单错误
error-summary-title = { $count ->
   *[other] 您的举报中有 { $count } 处问题需要修改
}
error-required = 请填写此项。
error-body-empty = 请粘贴您收到的信息。
error-body-too-long = 信息内容过长。请缩减至 { $max } 个字符以内。
error-email-invalid = 请输入有效的电子邮件地址，例如 name@example.com。
error-amount-invalid = 请输入金额，例如 49.99。
error-currency-invalid = 请选择币种。
error-date-invalid = 请输入日期，例如 { $example }。
error-date-future = 日期不能晚于当前时间。
error-file-too-large = 文件过大。我们可接受的文件最大为 { $max_mb } MB。
error-file-type = 我们无法读取此类文件。请上传以下格式的文件：{ $types }。
error-eml-invalid = 我们无法将此文件识别为电子邮件。请改为直接粘贴信息内容。
error-try-again = 我们这边出了点问题。您填写的内容没有丢失，请稍后再提交一次。

## 提交确认
ack-title = 谢谢您，我们已收到您的举报。
ack-reference = 您的举报编号是 { $reference }。
ack-keep-reference = 请保存好此编号，您可以用它查询举报的处理进度。
ack-next-title = 接下来会怎样
ack-next-review = 我们的团队会审核每一份举报。针对同一骗局的举报会被归为一组，因此您的举报能帮助我们了解该骗局的规模。
ack-next-action = 当我们采取行动（例如关闭虚假网站）时，会更新您举报的状态。
ack-next-email = 我们还会发送电子邮件至 { $email } 通知您。
ack-lost-money = 如果您有资金损失，请立即联系您的银行或发卡机构。他们或许能够拦截或撤回这笔付款。
ack-another = 举报其他诈骗

## 状态页面
status-title = 举报编号 { $reference }
status-lookup-label = 您的举报编号
status-lookup-submit = 查询
status-not-found = 未找到与此编号对应的举报。请核对编号后重试。
status-received = 已收到
status-received-detail = 我们已收到您的举报，正在等待审核。
status-under_review = 审核中
status-under_review-detail = 我们的团队正在调查您举报的骗局。
status-action_taken = 已采取行动
status-action_taken-detail = 我们已针对此骗局采取行动。感谢您帮助保护他人。
status-received-on = 收到日期：{ $date }

## 真的是我们吗？
check-title = 这真的是 { $brand } 吗？
check-intro = 请粘贴一条信息、一个链接、一个电子邮件地址或一个电话号码，我们会告诉您我们掌握的相关情况。
check-input-label = 信息、链接、电子邮件地址或电话号码
check-submit = 查询
verdict-official = 这是 { $brand } 的官方渠道。
verdict-known_scam = 这是已知的诈骗。请不要回复、点击或付款。{ $count ->
   *[other] 已有 { $count } 人举报过它。
}
verdict-lookalike = 这看起来像是 { $brand }，但其实不是，极有可能是诈骗。
verdict-unknown = 我们目前还没有关于此内容的任何信息。如果对方向您索要钱款、密码或验证码，请将其视为诈骗并向我们举报。
check-report-it = 举报

## 确认邮件
email-ack-subject = 您的诈骗举报 { $reference }
email-ack-greeting = 您好：
email-ack-body = 感谢您举报冒用 { $brand } 名义的诈骗。您的举报编号是 { $reference }。
email-ack-status = 您可以随时在此查看举报的处理进度：{ $url }
email-ack-action-subject = 您的举报 { $reference } 有新进展
email-ack-action-body = 我们已针对您举报的骗局采取行动。感谢您帮助保护他人。
email-ack-signoff = { $brand } 客户保护团队

## 客户警示（纯文本邮件）：有骗局冒用品牌名义。引言下方列出骗子使用的地址、号码和网站，
## 均以无法点击的形式书写（evil[.]com）。
warning-subject = 警告：冒充 { $brand } 的信息均为诈骗
warning-intro = 凡是自称来自 { $brand }，且由下列地址或号码发出、或含有指向这些地址或号码的链接的信息，均为诈骗。这些信息并非我们发送。
warning-more = { $count ->
   *[other] 另有 { $count } 个
}
warning-if-you-receive = 如果您收到此类信息：
warning-no-links = 切勿点击其中的链接或打开其附件；
warning-no-payment = 切勿付款，也切勿提供密码、验证码或银行卡信息；
warning-report = 请通过 { $address } 向我们举报，然后将其删除。
warning-paid = 如果您已经付款或透露了相关信息，请立即联系您的银行。
warning-reference = 编号：{ $reference }

## 页面通用元素
page-title = { $page } – { $brand }
nav-advice = 防骗指南
nav-main = 主菜单
breadcrumb-home = 首页
noscript-ok = 您的浏览器没有运行 JavaScript。不过没关系，表单仍然可以正常使用。
contact-direct = 如果您正处于危险之中，或刚刚向骗子付了款，请先联系您的银行并报警。

## 举报表单（新增字段）
field-scam-kind = 对方想让您做什么？
scam-kind-fake_order = 对方确认了一笔我没下过的订单
scam-kind-fake_refund = 对方说要给我退款
scam-kind-gift_card = 对方要我提供礼品卡
scam-kind-fake_support = 对方自称是客服
scam-kind-tech_support = 对方说我的电脑或账户出了问题
scam-kind-delivery = 快递出了问题，或要求支付包裹费用
scam-kind-prize = 中奖、招聘或投资
scam-kind-account = 对方说我的账户将被关闭或冻结
scam-kind-other = 其他
choose-one = 请选择一项
field-date-hint = 例如 { $example }。如果不清楚，可以留空。
field-time = 时间
field-country = 您居住在哪个国家或地区？
field-country-hint = 这有助于我们了解骗局正在哪些地区蔓延。
form-privacy-note = 提交此表单即表示您同意我们将其用于调查该骗局。我们会将该信息留存作为证据。
form-challenge = 正在验证您是真人。验证在您的浏览器中进行，只需几秒钟。
form-challenge-done = 验证完成。

## 更多表单错误
error-phone-invalid = 请输入带国家或地区代码的电话号码，例如 { $example }。
error-too-many-links = 最多只能填写 { $max } 个链接。
error-link-invalid = 这看起来不是链接。请按信息中显示的样子原样复制。
error-too-long = 请缩减至 { $max } 个字符以内。
error-screenshot-type = 请上传 PNG、JPEG、GIF 或 WebP 格式的图片。
error-form-expired = 表单打开的时间过长。请检查您填写的内容，然后重新提交。
error-rate-limited = { $minutes ->
   *[other] 您在短时间内提交了较多举报。请等待 { $minutes } 分钟后再试。
}
error-channel-missing = 请告诉我们您是通过什么方式收到该信息的。
error-page-not-found-title = 找不到页面
error-page-not-found = 我们找不到此页面，它可能已被移走。
error-server-title = 出了点问题
error-bad-request = 我们无法识别您的浏览器发送的内容。请返回上一页重试。

## 状态页面（补充）
status-lookup-title = 查询举报进度
status-lookup-intro = 请输入您举报时收到的举报编号，例如 { $example }。
status-steps = 举报处理进度
status-step-done = 已完成
status-step-current = 当前步骤
status-step-pending = 未开始
status-updated-on = 最后更新日期：{ $date }
status-privacy = 为保护您的隐私，此页面只显示举报的处理进度，不会显示举报的具体内容。

## 真的是我们吗？（补充）
check-empty = 请粘贴需要查询的内容。
check-too-long = 最多可粘贴 { $max } 个字符。
check-result-title = 查询结果
check-checked-value = 您查询的内容：{ $value }
check-known-since = 最早于 { $date } 被举报。
check-known-channels = 传播渠道：{ $channels }。
check-what-to-do = 现在该怎么做
check-advice-official = 您可以放心回复。如果仍有疑虑，请通过您平时使用的 App 或网站联系我们，切勿通过信息中的链接联系。
check-advice-scam = 请不要回复、回拨、点击链接或付款。如果您已经这样做了，请立即联系您的银行并修改密码。
check-advice-unknown = 请提高警惕。我们绝不会向您索要礼品卡、密码或一次性验证码，也绝不会催促您付款。
check-official-channels = 我们的官方渠道
