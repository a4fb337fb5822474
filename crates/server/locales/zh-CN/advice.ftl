# 常见骗局防范指南页面（issue 3）。英文为参考版本：其他每种语言都包含此处的全部消息，且使用相同的变量。
# 每个主题包括：标题、一句话概要、骗局手法、四个识别特征、三条应对建议，以及已经付款时该怎么办。

advice-index-title = 常见骗局防范指南
advice-index-intro = 骗子会冒充 { $brand }，骗取您的钱财或密码。以下是我们最常见到的骗术，以及识别方法。
advice-signs-title = 如何识别
advice-do-title = 应该怎么做
advice-paid-title = 如果您已经付款或提供了个人信息
advice-report-cta = 收到过类似的信息？请向我们举报。
advice-read-more = 了解更多

## 虚假订单确认
advice-fake_order-title = 虚假订单确认
advice-fake_order-summary = 您收到一条信息，确认了一笔您从未下过的高价订单，并催促您打电话或点击链接取消。
advice-fake_order-how = 这类信息看起来就像手机、笔记本电脑或礼品卡的真实购物凭证。您一着急，拨打了其中的电话或打开了链接，所谓的“取消订单”流程就会开始询问您的银行卡信息、要求您付款，或让您安装能让对方控制您电脑的软件。
advice-fake_order-sign-1 = 您并没有订购信息中所说的商品。
advice-fake_order-sign-2 = 信息提供了一个取消订单用的电话号码，而不是引导您到自己的账户中查看。
advice-fake_order-sign-3 = 信息来自的地址或号码不属于我们的官方渠道。
advice-fake_order-sign-4 = 催促您在几小时内采取行动。
advice-fake_order-do-1 = 不要拨打信息中的电话号码，也不要点击其中的链接。
advice-fake_order-do-2 = 打开 App，或自行输入我们的网址，在那里查看您的订单。
advice-fake_order-do-3 = 举报该信息，以便我们封停相关号码或网站。
advice-fake_order-paid = 请拨打银行卡上印的电话号码，联系您的银行或发卡机构，要求止付。请修改密码，并卸载来电者让您安装的所有软件。

## 虚假退款
advice-fake_refund-title = 虚假退款
advice-fake_refund-summary = 有人说您有一笔退款待领取，并以此为由索要您的银行账户信息、要求您付款或远程控制您的设备。
advice-fake_refund-how = 骗子声称有一笔退款在等着您，随后又说不小心多打了钱，要求您把差额退回，通常是通过礼品卡或银行转账。真正的退款会自动原路退回到您的付款账户。
advice-fake_refund-sign-1 = 您并没有申请过退款。
advice-fake_refund-sign-2 = 对方索要您的银行卡号、网上银行密码或一次性验证码。
advice-fake_refund-sign-3 = 对方要求连接您的电脑或手机，说是“为了办理退款”。
advice-fake_refund-sign-4 = 对方要求您退还一部分钱。
advice-fake_refund-do-1 = 挂断电话或停止回复。
advice-fake_refund-do-2 = 任何退款都请在您自己的账户中核实，切勿通过链接或来电者核实。
advice-fake_refund-do-3 = 向我们举报该号码或信息。
advice-fake_refund-paid = 请立即联系您的银行。如果有人连接过您的设备，请断开该设备的网络，卸载远程控制程序，并用另一台设备修改您的密码。

## 索要礼品卡
advice-gift_card-title = 索要礼品卡
advice-gift_card-summary = 凡是要求您用礼品卡付款，或让您念出卡背面卡密的人，都是骗子。
advice-gift_card-how = 礼品卡就像现金：卡密一旦给出，钱就没了，而且很难追查。骗子会以“手续费”“罚款”“退款出错”或“安全检查”等名义索要礼品卡。
advice-gift_card-sign-1 = 对方要求您购买礼品卡，并把卡密拍照发给他们。
advice-gift_card-sign-2 = 对方让您保密，甚至不要告诉店员。
advice-gift_card-sign-3 = 对方说事情紧急，或者说您会惹上麻烦。
advice-gift_card-sign-4 = 对方自称是我们、银行、警察或税务机关。
advice-gift_card-do-1 = 绝不要用礼品卡向任何人付款。
advice-gift_card-do-2 = 绝不要把卡背面的卡密告诉任何人。
advice-gift_card-do-3 = 向我们举报这一要求，并附上对方使用的号码或地址。
advice-gift_card-paid = 请立即带上卡密和购买凭证联系礼品卡的发行公司：如果钱还没被花掉，他们或许能冻结余额。请保留好购买凭证，以便提供给警方。

## 虚假客服电话
advice-fake_support-title = 虚假客服电话
advice-fake_support-summary = 骗子会在搜索结果、广告和社交媒体上发布虚假的客服电话，等着人们打过去。
advice-fake_support-how = 您上网搜索求助，拨打了找到的第一个号码，接电话的人听起来很专业。对方会索要您的密码、发到您手机上的验证码，或要求您付款来给账户“解锁”。
advice-fake_support-sign-1 = 您是在搜索广告、论坛帖子或社交媒体评论中找到这个号码的。
advice-fake_support-sign-2 = 对方索要您的密码或短信验证码。
advice-fake_support-sign-3 = 对方要求您付款或购买礼品卡来解决问题。
advice-fake_support-sign-4 = 对方想在您的手机或电脑上安装某个 App。
advice-fake_support-do-1 = 请只通过我们 App 或网站上的帮助页面联系客服。
advice-fake_support-do-2 = 拨打号码前，先用“真的是我们吗？”查一查。
advice-fake_support-do-3 = 举报虚假号码，以便我们设法让其下架。
advice-fake_support-paid = 请联系您的银行，修改密码，并在账户设置中退出所有设备上的登录。

## 冒充技术支持的电话
advice-tech_support-title = 冒充技术支持的电话
advice-tech_support-summary = 有人打来电话或通过弹窗告诉您，您的电脑或账户被黑了，并主动提出帮您修复。
advice-tech_support-how = 一个发出刺耳警报的弹窗，或一通自称“安全团队”打来的电话，告诉您有犯罪分子正在使用您的账户。对方会让您安装一个远程控制 App，然后给您看伪造的“证据”，再向您索要钱款或银行信息。
advice-tech_support-sign-1 = 突如其来的电话或弹窗说您的设备或账户中了病毒或被黑。
advice-tech_support-sign-2 = 对方要求您安装某个程序或 App，说是为了帮您。
advice-tech_support-sign-3 = 对方在连接着您设备的情况下，要求您登录网上银行。
advice-tech_support-sign-4 = 弹窗无法关闭，并显示一个让您拨打的电话号码。
advice-tech_support-do-1 = 挂断电话。我们绝不会打电话告诉您电脑中了病毒。
advice-tech_support-do-2 = 关闭浏览器。如果弹窗关不掉，请重启设备。
advice-tech_support-do-3 = 向我们举报该号码或网站。
advice-tech_support-paid = 断开设备的网络连接，卸载对方安装的所有程序，运行安全扫描，并致电您的银行。请用对方没有接触过的设备修改密码。
