//! Script fingerprints on real-shaped scam messages in several languages, and the match rate
//! against measured similarity.

use proptest::prelude::*;
use rampart_intel::script::{BANDS, fingerprints, similarity};

fn shared(a: &str, b: &str) -> usize {
    let fa = fingerprints(a);
    fingerprints(b).iter().filter(|f| fa.contains(f)).count()
}

/// Families of one scam script each: the variants differ in numbers, links, names, amounts and
/// small wording changes, as copies sent by one operation do.
const FAMILIES: &[(&str, &[&str])] = &[
    (
        "tax refund SMS (en)",
        &[
            "HMRC: You are eligible for a tax refund of £265.84. To claim your refund please visit https://hmrc-refund-claim.com/uk and complete the form within 24 hours. Ref: 88213.",
            "HMRC: You are eligible for a tax refund of £412.10. To claim your refund please visit http://gov-uk-refunds.net/claim?id=33 and complete the form within 48 hours. Ref: 10077.",
            "HMRC - You are eligible for a tax refund of 1,020.00 GBP. To claim your refund please visit gov-refund-portal.co.uk and complete the form within 12 hours. Ref: 55-102.",
        ],
    ),
    (
        "account suspended e-mail (en)",
        &[
            "Dear John Smith, We have detected unusual activity on your account and it has been temporarily suspended. To restore full access, please verify your identity within 24 hours by clicking the secure link below: https://secure-verify-acct.com/login. If you do not verify, your account will be permanently closed. Thank you, The Security Team",
            "Dear Maria Garcia, We have detected unusual activity on your account and it has been temporarily suspended. To restore full access, please verify your identity within 48 hours by clicking the secure link below: http://account-restore-help.net/verify. If you do not verify, your account will be permanently closed. Thank you, The Security Team",
            "Dear customer, we have detected unusual activity on your account and it has been temporarily suspended! To restore full access please verify your identity within 72 hours by clicking the secure link below hxxps://restore-access[.]info/id=99 If you do not verify your account will be permanently closed. Thank you, Security Team",
        ],
    ),
    (
        "gift-card demand (en)",
        &[
            "Hi, are you available? I need you to get me 5 Google Play gift cards of $100 each for a client presentation. Scratch the back, take a picture of the codes and send them to me here. I will reimburse you later today. Regards, David",
            "Hi, are you available? I need you to get me 8 Apple gift cards of $200 each for a client presentation. Scratch the back, take a picture of the codes and send them to me here. I will reimburse you later today. Regards, Susan",
        ],
    ),
    (
        "blocked card SMS (es)",
        &[
            "BBVA: Su tarjeta ha sido bloqueada por motivos de seguridad. Para desbloquearla acceda a https://bbva-seguridad.es/desbloqueo y confirme sus datos antes de 24 horas.",
            "BBVA: Su tarjeta ha sido bloqueada por motivos de seguridad. Para desbloquearla acceda a http://bbva-clientes-verificacion.com y confirme sus datos antes de 12 horas.",
        ],
    ),
    (
        "parcel fee SMS (de)",
        &[
            "Ihr Paket konnte nicht zugestellt werden. Bitte bestätigen Sie Ihre Adresse und zahlen Sie die Versandgebühr von 1,99 EUR unter https://dhl-paket-de.info/track. Sendungsnummer: 4829103.",
            "Ihr Paket konnte nicht zugestellt werden! Bitte bestätigen Sie Ihre Adresse und zahlen Sie die Versandgebühr von 2,49 EUR unter http://paket-zustellung.de.com/pay Sendungsnummer 99120034",
        ],
    ),
    (
        "health card renewal (fr)",
        &[
            "Assurance Maladie : votre carte Vitale arrive à expiration. Afin d'éviter toute interruption de vos droits, veuillez la renouveler sur https://ameli-renouvellement.fr avant le 12/05.",
            "Assurance Maladie: votre carte Vitale arrive à expiration. Afin d'éviter toute interruption de vos droits, veuillez la renouveler sur http://vitale-maj-droits.com/ameli avant le 30/06.",
        ],
    ),
    (
        "missed delivery SMS (ja)",
        &[
            "お客様宛にお荷物のお届けにあがりましたが不在の為持ち帰りました。下記よりご確認ください。https://sagawa-exp.co.jp.xyz/track 問い合わせ番号：4821-9931",
            "佐川急便より、お客様宛にお荷物のお届けにあがりましたが不在の為持ち帰りました。下記よりご確認ください。http://sagawa-ka.top/index.html 問い合わせ番号：7710-2205",
        ],
    ),
    (
        "frozen ETC account (zh)",
        &[
            "【交通运输部】您的ETC账户已被冻结，请于24小时内登录 https://etc-gov.cn.top 进行身份认证，逾期将影响您的正常通行，详情咨询：400-123-4567",
            "【交通运输部】您的ETC账户已被冻结，请于48小时内登录 http://etc-renz.vip 进行身份认证，逾期将影响您的正常通行，详情咨询：400-888-1234",
        ],
    ),
    (
        "suspended bank account (th)",
        &[
            "ธนาคารกสิกรไทย แจ้งเตือน บัญชีของท่านถูกระงับชั่วคราว กรุณายืนยันตัวตนผ่านลิงก์ https://kbank-verify.com ภายใน 24 ชั่วโมง มิฉะนั้นบัญชีจะถูกปิดถาวร",
            "ธนาคารกสิกรไทย แจ้งเตือน บัญชีของท่านถูกระงับชั่วคราว กรุณายืนยันตัวตนผ่านลิงก์ http://kplus-th.online/login ภายใน 12 ชั่วโมง มิฉะนั้นบัญชีจะถูกปิดถาวร",
        ],
    ),
    (
        "blocked card call-back (ru)",
        &[
            "Уважаемый клиент! Ваша карта заблокирована в связи с подозрительной операцией на сумму 15 000 руб. Для разблокировки позвоните по номеру +7 (495) 123-45-67 или перейдите по ссылке https://sber-help.ru/unlock",
            "Уважаемый клиент! Ваша карта заблокирована в связи с подозрительной операцией на сумму 48 500 руб. Для разблокировки позвоните по номеру 8-800-555-35-35 или перейдите по ссылке http://sberbank-online.help",
        ],
    ),
];

#[test]
fn variants_of_one_script_share_a_fingerprint() {
    for (name, variants) in FAMILIES {
        for (i, a) in variants.iter().enumerate() {
            assert_eq!(fingerprints(a).len(), BANDS, "{name} #{i} too short?");
            for b in &variants[i + 1..] {
                assert!(
                    shared(a, b) >= 1,
                    "{name}: variants share no fingerprint (similarity {:.2})",
                    similarity(a, b)
                );
            }
        }
    }
}

#[test]
fn different_scripts_share_none() {
    for (i, (na, va)) in FAMILIES.iter().enumerate() {
        for (nb, vb) in &FAMILIES[i + 1..] {
            for a in *va {
                for b in *vb {
                    assert_eq!(shared(a, b), 0, "{na} vs {nb}: {:.2}", similarity(a, b));
                }
            }
        }
    }
    // Same language and topic, different script.
    let a = "Your Amazon order #112-5531 has been placed. If you did not make this purchase call our fraud desk at 1-800-555-0199 to cancel and get a full refund today.";
    let b = "Your Netflix subscription could not be renewed because your payment was declined. Update your billing details at netflix-billing.help to keep watching without interruption.";
    assert_eq!(shared(a, b), 0, "{:.2}", similarity(a, b));
}

/// Letters-only pseudo-words, so that no digit turns a word into a number placeholder.
fn word(mut n: u64) -> String {
    let mut w = String::new();
    loop {
        w.push((b'a' + (n % 26) as u8) as char);
        n /= 26;
        if n == 0 {
            return w;
        }
    }
}

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

/// The S-curve as measured: pairs at a known similarity match as often as the band layout says
/// (1 - (1 - s^4)^12), within sampling error.
#[test]
fn match_rate_follows_similarity() {
    let mut rng = Rng(42);
    // (similarity range, min rate, max rate)
    let mut buckets: [(f64, f64, u32, u32); 4] = [
        (0.0, 0.1, 0, 0),
        (0.1, 0.3, 0, 0),
        (0.7, 0.85, 0, 0),
        (0.85, 1.01, 0, 0),
    ];
    for _ in 0..3000 {
        let len = 40 + (rng.next() % 60) as usize;
        let a: Vec<String> = (0..len).map(|_| word(1000 + rng.next() % 20_000)).collect();
        let mut b = a.clone();
        let changes = (rng.next() % (len as u64 / 2 + 1)) as usize;
        for _ in 0..changes {
            let at = (rng.next() % len as u64) as usize;
            b[at] = word(1000 + rng.next() % 20_000);
        }
        let (ta, tb) = (a.join(" "), b.join(" "));
        let s = similarity(&ta, &tb);
        let hit = shared(&ta, &tb) > 0;
        for bucket in buckets.iter_mut() {
            if s >= bucket.0 && s < bucket.1 {
                bucket.2 += 1;
                bucket.3 += u32::from(hit);
            }
        }
    }
    let rate = |b: &(f64, f64, u32, u32)| f64::from(b.3) / f64::from(b.2.max(1));
    for b in &buckets {
        assert!(b.2 >= 50, "too few samples in {:?}", b);
    }
    assert!(
        rate(&buckets[0]) <= 0.02,
        "s < 0.1 matched {:.3}",
        rate(&buckets[0])
    );
    assert!(
        rate(&buckets[1]) <= 0.12,
        "0.1 <= s < 0.3 matched {:.3}",
        rate(&buckets[1])
    );
    assert!(
        rate(&buckets[2]) >= 0.93,
        "0.7 <= s < 0.85 matched {:.3}",
        rate(&buckets[2])
    );
    assert!(
        rate(&buckets[3]) >= 0.99,
        "s >= 0.85 matched {:.3}",
        rate(&buckets[3])
    );
}

proptest! {
    #[test]
    fn never_panics_and_gives_all_bands_or_none(text in ".{0,400}") {
        let f = fingerprints(&text);
        prop_assert!(f.is_empty() || f.len() == BANDS);
        let s = similarity(&text, &text);
        prop_assert!(s == 0.0 || (s - 1.0).abs() < 1e-9);
    }

    #[test]
    fn changing_numbers_links_and_addresses_changes_nothing(
        n1 in 0u32..1_000_000, n2 in 0u32..1_000_000, host in "[a-z]{3,12}",
    ) {
        let a = format!("Your parcel {n1} is held at customs. Pay the fee of ${n2}.00 at https://{host}.com/pay or reply to {host}@mail.example within 24 hours.");
        let b = "Your parcel 1 is held at customs. Pay the fee of $2.00 at https://a.example/x or reply to b@c.example within 48 hours.";
        prop_assert_eq!(fingerprints(&a), fingerprints(b));
    }
}
