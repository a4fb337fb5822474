# Advice pages on common scams (issue 3). English is the reference: every other language has
# every message here, with the same variables. Each topic has a title, a one-line summary, how
# the scam works, four signs, three things to do, and what to do if money was already paid.

advice-index-title = Advice on common scams
advice-index-intro = Scammers pretend to be { $brand } to get your money or your passwords. These are the tricks we see most often, and how to spot them.
advice-signs-title = How to spot it
advice-do-title = What to do
advice-paid-title = If you already paid or gave your details
advice-report-cta = Received something like this? Report it.
advice-read-more = Read more

## Fake order confirmations
advice-fake_order-title = Fake order confirmations
advice-fake_order-summary = A message confirms an expensive order you never placed and urges you to call or click to cancel it.
advice-fake_order-how = The message looks like a real receipt for a phone, a laptop or a gift card. Worried, you call the number or open the link, and the "cancellation" leads to questions about your card, a payment, or software that gives them access to your computer.
advice-fake_order-sign-1 = You did not order what the message describes.
advice-fake_order-sign-2 = It gives a phone number to call to cancel, instead of sending you to your account.
advice-fake_order-sign-3 = It comes from an address or number that is not one of our official channels.
advice-fake_order-sign-4 = It pushes you to act within hours.
advice-fake_order-do-1 = Do not call the number or click the links in the message.
advice-fake_order-do-2 = Open the app or type our address yourself and look at your orders there.
advice-fake_order-do-3 = Report the message so we can stop the number or website.
advice-fake_order-paid = Call your bank or card provider on the number printed on your card and ask them to stop the payment. Change your password, and remove any software the caller asked you to install.

## Fake refunds
advice-fake_refund-title = Fake refund offers
advice-fake_refund-summary = Someone says you are owed a refund and needs your bank details, a payment or remote access to send it.
advice-fake_refund-how = The scammer claims a refund is waiting, then says too much was sent by mistake and asks you to send the difference back, often as gift cards or a bank transfer. Real refunds go back to the way you paid, automatically.
advice-fake_refund-sign-1 = You did not ask for a refund.
advice-fake_refund-sign-2 = They ask for your card number, online banking codes or a one-time code.
advice-fake_refund-sign-3 = They want to connect to your computer or phone "to process the refund".
advice-fake_refund-sign-4 = They ask you to pay something back.
advice-fake_refund-do-1 = Hang up or stop replying.
advice-fake_refund-do-2 = Check any refund in your account, never through a link or a caller.
advice-fake_refund-do-3 = Report the number or message to us.
advice-fake_refund-paid = Contact your bank at once. If someone connected to your device, disconnect it from the internet, remove the remote-access program and change your passwords from another device.

## Gift-card demands
advice-gift_card-title = Gift-card demands
advice-gift_card-summary = Anyone who asks you to pay with gift cards, or to read out the codes on the back, is a scammer.
advice-gift_card-how = Gift cards are like cash: once the codes are given, the money is gone and hard to trace. Scammers ask for them to pay a "fee", a "fine", a "refund error" or a "security check".
advice-gift_card-sign-1 = They ask you to buy gift cards and send photos of the codes.
advice-gift_card-sign-2 = They tell you to keep it secret, even from the shop assistant.
advice-gift_card-sign-3 = They say it is urgent or that you will be in trouble.
advice-gift_card-sign-4 = They claim to be us, a bank, the police or a tax office.
advice-gift_card-do-1 = Never pay anyone with gift cards.
advice-gift_card-do-2 = Never share the codes on the back of a card.
advice-gift_card-do-3 = Report the demand to us, with the number or address it came from.
advice-gift_card-paid = Contact the company that issued the gift card at once with the codes and receipts: if the money is not spent yet, they may be able to freeze it. Keep the receipts for the police.

## Fake customer-service numbers
advice-fake_support-title = Fake customer-service numbers
advice-fake_support-summary = Scammers publish fake support numbers in search results, ads and social media, and wait for people to call.
advice-fake_support-how = You search for help, call the first number you find and reach someone who sounds professional. They ask for your password, a code sent to your phone or a payment to "unlock" your account.
advice-fake_support-sign-1 = You found the number in a search ad, a forum post or a social media comment.
advice-fake_support-sign-2 = The person asks for your password or a code you received by text.
advice-fake_support-sign-3 = They ask for a payment or gift cards to fix a problem.
advice-fake_support-sign-4 = They want to install an app on your phone or computer.
advice-fake_support-do-1 = Reach customer service only from the help pages in our app or on our website.
advice-fake_support-do-2 = Use "Is this really us?" to check a number before you call it.
advice-fake_support-do-3 = Report fake numbers so we can have them taken down.
advice-fake_support-paid = Contact your bank, change your password, and sign out of all devices from your account settings.

## Tech-support calls
advice-tech_support-title = Tech-support calls
advice-tech_support-summary = A caller or a pop-up says your computer or account is hacked and offers to fix it.
advice-tech_support-how = A pop-up with a loud warning or a call "from the security team" says your account is being used by criminals. They ask you to install a remote-access app, then show fake proof and ask for payment or your banking details.
advice-tech_support-sign-1 = An unexpected call or pop-up says your device or account is infected or hacked.
advice-tech_support-sign-2 = They ask you to install a program or an app so they can help.
advice-tech_support-sign-3 = They ask you to log in to your bank while they are connected.
advice-tech_support-sign-4 = The pop-up will not close and gives a number to call.
advice-tech_support-do-1 = Hang up. We never call to say your computer is infected.
advice-tech_support-do-2 = Close the browser. If the pop-up will not close, restart the device.
advice-tech_support-do-3 = Report the number or website to us.
advice-tech_support-paid = Disconnect the device from the internet, remove any program they installed, run a security scan, and call your bank. Change your passwords from a device they did not touch.
