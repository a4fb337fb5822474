# פורטל הדיווח הציבורי (סוגיה 3). האנגלית היא שפת המקור: בכל שפה אחרת יש את כל ההודעות
# שבה, עם אותם משתנים.

## רכיבים משותפים
site-name = דיווח על הונאה
site-tagline = ספרו לנו על הודעות שמתחזות להודעות מ-{ $brand }. כל דיווח עוזר לנו לאתר ולעצור את מי שעומדים מאחוריהן.
language-label = שפה
language-change = החלפת שפה
skip-to-content = דילוג לתוכן הראשי
nav-report = דיווח על הונאה
nav-check = זה באמת אנחנו?
nav-status = מעקב אחר דיווח
footer-privacy = אנחנו משתמשים במה שאתם שולחים רק כדי להילחם בהונאות. לעולם לא נעביר את פרטי הקשר שלכם לאנשים שאתם מדווחים עליהם.
footer-never-ask = ב-{ $brand } לעולם לא יבקשו מכם כרטיסי מתנה, סיסמאות או קודים חד-פעמיים.

## טופס הדיווח
form-title = דיווח על הודעה או שיחה של הונאה
form-intro = אפשר להשאיר ריקים שדות שמסומנים "לא חובה". לא צריך חשבון כדי לדווח.
form-required = חובה
form-optional = לא חובה
field-channel = איך זה הגיע אליכם?
channel-email = אימייל
channel-sms = הודעת טקסט (SMS)
channel-phone_call = שיחת טלפון
channel-social_media = רשת חברתית או אפליקציית הודעות
channel-web = אתר אינטרנט או חלון קופץ
channel-other = משהו אחר
field-body = ההודעה
field-body-hint = הדביקו את כל ההודעה, בדיוק כפי שקיבלתם אותה. אם זו הייתה שיחה, כתבו מה אמר המתקשר.
field-eml = או העלו את האימייל כקובץ (.eml)
field-eml-hint = ברוב תוכנות הדואר: פותחים את ההודעה ובוחרים "שמירה בשם" או "הורדת ההודעה".
field-sender = מי שלח את זה?
field-sender-hint = כתובת האימייל, מספר הטלפון או שם החשבון שממנו זה הגיע.
field-links = קישורים שמופיעים בהודעה
field-links-hint = העתיקו אותם בדיוק כפי שהם. בבקשה אל תפתחו אותם.
field-phone = מספר הטלפון שהתקשר אליכם או שלח לכם הודעה
field-when = מתי זה הגיע?
field-what-happened = מה קרה?
field-what-happened-hint = לדוגמה: הציעו לכם החזר כספי, אישרו הזמנה שלא ביצעתם או ביקשו כרטיסי מתנה.
field-money-lost = הפסדתם כסף?
money-lost-no = לא
money-lost-yes = כן
field-amount = סכום
field-currency = מטבע
field-payment-method = איך שילמתם?
payment-gift_card = כרטיסי מתנה
payment-wire = העברה בנקאית
payment-crypto = מטבעות קריפטו
payment-card = כרטיס אשראי או כרטיס חיוב
payment-other = דרך אחרת
field-screenshot = צילום מסך
field-screenshot-hint = תמונה של ההודעה, אם יש לכם (PNG או JPEG, עד { $max_mb } מגה-בייט).
field-email = כתובת האימייל שלכם
field-email-hint = כדי שנוכל לעדכן אתכם כשנטפל בדיווח שלכם. לא נשתמש בה לשום מטרה אחרת.
form-submit = שליחת הדיווח
form-sending = שולחים…

## שגיאות בטופס
error-summary-title = { $count ->
    [one] יש בעיה אחת בדיווח שלכם
    [two] יש שתי בעיות בדיווח שלכם
   *[other] יש { $count } בעיות בדיווח שלכם
}
error-required = נא למלא את השדה הזה.
error-body-empty = נא להדביק את ההודעה שקיבלתם.
error-body-too-long = ההודעה ארוכה מדי. נא לקצר אותה ל-{ $max } תווים לכל היותר.
error-email-invalid = נא להזין כתובת אימייל כמו name@example.com.
error-amount-invalid = נא להזין סכום כמו 49.99.
error-currency-invalid = נא לבחור מטבע.
error-date-invalid = נא להזין תאריך כמו { $example }.
error-date-future = התאריך לא יכול להיות בעתיד.
error-file-too-large = הקובץ גדול מדי. הגודל המרבי שאנחנו מקבלים הוא { $max_mb } מגה-בייט.
error-file-type = אנחנו לא יכולים לקרוא קובץ מהסוג הזה. נא לשלוח { $types }.
error-eml-invalid = לא הצלחנו לקרוא את הקובץ הזה כאימייל. נא להדביק את ההודעה במקום זאת.
error-try-again = משהו השתבש אצלנו. שום דבר לא אבד: נא לשלוח את הטופס שוב בעוד רגע.

## אישור קבלה
ack-title = תודה רבה. הדיווח שלכם התקבל.
ack-reference = מספר האסמכתה שלכם הוא { $reference }.
ack-keep-reference = כדאי לשמור אותו: בעזרתו אפשר לבדוק מה מצב הדיווח שלכם.
ack-next-title = מה קורה עכשיו
ack-next-review = הצוות שלנו בודק כל דיווח. דיווחים על אותה הונאה מקובצים יחד, כך שהדיווח שלכם עוזר לנו להבין עד כמה היא נפוצה.
ack-next-action = כשננקוט פעולה, למשל נסגור אתר מזויף, נעדכן את הסטטוס של הדיווח שלכם.
ack-next-email = נעדכן אתכם גם באימייל לכתובת { $email }.
ack-lost-money = אם הפסדתם כסף, פנו עכשיו לבנק או לחברת כרטיסי האשראי. ייתכן שיוכלו לעצור את התשלום או לבטל אותו.
ack-another = דיווח על הונאה נוספת

## דף סטטוס הדיווח
status-title = דיווח { $reference }
status-lookup-label = מספר האסמכתה שלכם
status-lookup-submit = בדיקה
status-not-found = לא מצאנו דיווח עם מספר האסמכתה הזה. נא לבדוק אותו ולנסות שוב.
status-received = התקבל
status-received-detail = הדיווח שלכם התקבל וממתין לבדיקה.
status-under_review = בבדיקה
status-under_review-detail = הצוות שלנו בודק את ההונאה שדיווחתם עליה.
status-action_taken = ננקטה פעולה
status-action_taken-detail = נקטנו פעולה נגד ההונאה הזו. תודה שעזרתם להגן על אחרים.
status-received-on = התקבל בתאריך { $date }

## זה באמת אנחנו?
check-title = זה באמת { $brand }?
check-intro = הדביקו הודעה, קישור, כתובת אימייל או מספר טלפון, ונספר לכם מה ידוע לנו עליהם.
check-input-label = הודעה, קישור, כתובת אימייל או מספר טלפון
check-submit = בדיקה
verdict-official = זהו ערוץ רשמי של { $brand }.
verdict-known_scam = זו הונאה מוכרת. אל תענו, אל תלחצו על שום דבר ואל תשלמו. { $count ->
    [one] אדם אחד כבר דיווח עליה.
    [two] שני אנשים כבר דיווחו עליה.
   *[other] { $count } אנשים כבר דיווחו עליה.
}
verdict-lookalike = זה נראה כמו { $brand }, אבל זה לא. סביר מאוד שזו הונאה.
verdict-unknown = עדיין אין לנו מידע על זה. אם מבקשים מכם כסף, סיסמאות או קודים, התייחסו לזה כהונאה ודווחו לנו.
check-report-it = דיווח על זה

## אימייל אישור קבלה
email-ack-subject = הדיווח שלכם על הונאה, מספר { $reference }
email-ack-greeting = שלום,
email-ack-body = תודה שדיווחתם על הונאה שנעשה בה שימוש בשם { $brand }. מספר האסמכתה שלכם הוא { $reference }.
email-ack-status = אפשר לבדוק את מצב הדיווח שלכם בכל עת: { $url }
email-ack-action-subject = עדכון על הדיווח שלכם, מספר { $reference }
email-ack-action-body = נקטנו פעולה נגד ההונאה שדיווחתם עליה. תודה שעזרתם להגן על אחרים.
email-ack-signoff = צוות הגנת הלקוחות של { $brand }

## אזהרה ללקוחות (אימייל בטקסט פשוט): הונאה שמשתמשת בשם המותג. אחרי הפתיחה מופיעה רשימה
## של הכתובות, המספרים והאתרים של הנוכלים, בכתיב מנוטרל (evil[.]com).
warning-subject = אזהרה: הודעות שמתחזות להודעות מ-{ $brand } הן הונאה
warning-intro = הודעות שמתחזות להודעות מ-{ $brand } ומגיעות מהכתובות ומהמספרים שלמטה, או מפנות אליהם, הן הונאה. הן לא מאיתנו.
warning-more = { $count ->
    [one] ועוד אחד
    [two] ועוד שניים
   *[other] ועוד { $count }
}
warning-if-you-receive = אם קיבלתם הודעה כזו:
warning-no-links = לעולם אל תלחצו על הקישורים שבה ואל תפתחו את הקבצים המצורפים אליה;
warning-no-payment = לעולם אל תשלמו, ואל תמסרו סיסמה, קוד או את פרטי כרטיס האשראי שלכם;
warning-report = דווחו לנו עליה בכתובת { $address }, ואז מחקו אותה.
warning-paid = אם כבר שילמתם או מסרתם פרטים, פנו מיד לבנק.
warning-reference = מספר אסמכתה: { $reference }

## רכיבי העמוד
page-title = { $page } – { $brand }
nav-advice = עצות בנושא הונאות
nav-main = ניווט ראשי
breadcrumb-home = דף הבית
noscript-ok = הדפדפן שלכם לא מריץ JavaScript. זה בסדר: הטופס עובד גם בלי זה.
contact-direct = אם אתם בסכנה או ששילמתם הרגע לנוכל, התקשרו קודם כול לבנק ולמשטרה.

## טופס הדיווח, שדות נוספים
field-scam-kind = מה הם רצו?
scam-kind-fake_order = אישרו הזמנה שלא ביצעתי
scam-kind-fake_refund = הציעו לי החזר כספי
scam-kind-gift_card = ביקשו כרטיסי מתנה
scam-kind-fake_support = הציגו את עצמם כשירות הלקוחות
scam-kind-tech_support = אמרו שיש בעיה במחשב או בחשבון שלי
scam-kind-delivery = בעיה במשלוח או תשלום על חבילה
scam-kind-prize = פרס, עבודה או השקעה
scam-kind-account = אמרו שהחשבון שלי ייסגר או ייחסם
scam-kind-other = משהו אחר
choose-one = בחרו אפשרות
field-date-hint = לדוגמה { $example }. אם אינכם יודעים, השאירו את השדה ריק.
field-time = שעה
field-country = באיזו מדינה אתם גרים?
field-country-hint = המידע הזה עוזר לנו לראות לאן ההונאה מתפשטת.
form-privacy-note = בשליחת הטופס אתם מסכימים שנשתמש בו כדי לחקור את ההונאה. אנחנו שומרים את ההודעה כראיה.
form-challenge = מוודאים שאתם בני אדם. הבדיקה מתבצעת בדפדפן שלכם ונמשכת כמה שניות.
form-challenge-done = הבדיקה הושלמה.

## שגיאות נוספות בטופס
error-phone-invalid = נא להזין מספר טלפון עם קידומת המדינה, לדוגמה { $example }.
error-too-many-links = נא לציין { $max } קישורים לכל היותר.
error-link-invalid = זה לא נראה כמו קישור. נא להעתיק אותו בדיוק כפי שהוא מופיע בהודעה.
error-too-long = נא לקצר את הטקסט ל-{ $max } תווים לכל היותר.
error-screenshot-type = נא לשלוח תמונה בפורמט PNG, JPEG, GIF או WebP.
error-form-expired = הטופס היה פתוח זמן רב מדי. נא לבדוק את התשובות שלכם ולשלוח אותו שוב.
error-rate-limited = { $minutes ->
    [one] שלחתם דיווחים רבים בזמן קצר. נא להמתין דקה ולנסות שוב.
    [two] שלחתם דיווחים רבים בזמן קצר. נא להמתין שתי דקות ולנסות שוב.
   *[other] שלחתם דיווחים רבים בזמן קצר. נא להמתין { $minutes } דקות ולנסות שוב.
}
error-channel-missing = נא לספר לנו איך ההודעה הגיעה אליכם.
error-page-not-found-title = הדף לא נמצא
error-page-not-found = לא מצאנו את הדף הזה. ייתכן שהוא הועבר למקום אחר.
error-server-title = משהו השתבש
error-bad-request = לא הצלחנו להבין מה הדפדפן שלכם שלח. נא לחזור לדף הקודם ולנסות שוב.

## דף סטטוס הדיווח, המשך
status-lookup-title = מעקב אחר דיווח
status-lookup-intro = הזינו את מספר האסמכתה שקיבלתם כשדיווחתם, למשל { $example }.
status-steps = התקדמות הטיפול בדיווח שלכם
status-step-done = הושלם
status-step-current = השלב הנוכחי
status-step-pending = עדיין לא
status-updated-on = עודכן לאחרונה בתאריך { $date }
status-privacy = כדי לשמור על פרטיותכם, בדף הזה מוצג רק השלב שבו נמצא הדיווח שלכם, ולעולם לא התוכן שלו.

## זה באמת אנחנו? המשך
check-empty = נא להדביק משהו כדי שנוכל לבדוק.
check-too-long = נא להדביק { $max } תווים לכל היותר.
check-result-title = מה מצאנו
check-checked-value = שאלתם על: { $value }
check-known-since = דווח לראשונה בתאריך { $date }.
check-known-channels = זה מגיע לאנשים דרך { $channels }.
check-what-to-do = מה לעשות עכשיו
check-advice-official = אפשר להשיב בבטחה. אם עדיין יש לכם ספק, פנו אלינו דרך האפליקציה או האתר שבהם אתם משתמשים בדרך כלל, ולעולם לא דרך קישור שהגיע בהודעה.
check-advice-scam = אל תשיבו, אל תחזרו למספר, אל תלחצו על קישורים ואל תשלמו. אם כבר עשיתם את זה, פנו מיד לבנק והחליפו את הסיסמאות שלכם.
check-advice-unknown = היזהרו. אנחנו לעולם לא מבקשים כרטיסי מתנה, סיסמאות או קודים חד-פעמיים, ולעולם לא מאיצים בכם לשלם.
check-official-channels = הערוצים הרשמיים שלנו
