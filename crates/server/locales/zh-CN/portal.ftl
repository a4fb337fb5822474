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
