//! The warning list: values that show up in unrelated reports by their nature (URL shorteners,
//! free-mail providers, huge platforms, private addresses) and so must never tie reports together.
//!
//! Only the *bare* value is warned. A full link on a shortener (`https://bit.ly/3xYz`), a
//! `wa.me`/`t.me` link to one account, or a mailbox at a free-mail provider
//! (`scammer123@gmail.com`) names one scammer and correlates like anything else. What is warned:
//!
//! * kind `domain`: a listed domain (after lower-casing and dropping a trailing dot and a `www.`
//!   or `m.` prefix). Subdomains of the big platforms are warned too (`accounts.google.com`), but
//!   not those of hosting platforms, where a subdomain is one tenant
//!   (`evil-bucket.s3.amazonaws.com` and `scam.blogspot.com` correlate).
//! * kind `url`: a link to nothing more than such a domain (`https://bit.ly/`), and any link to a
//!   private or reserved address (router pages, `localhost`).
//! * kinds `ipv4` and `ipv6`: private, loopback, link-local, documentation, multicast and other
//!   reserved ranges.
//!
//! Other kinds (email, phone, btc, eth, script, handle) are never warned here: their values are
//! specific by construction; an analyst excludes the odd exception through the correlator.

use std::collections::HashMap;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// Why a value is on the warning list.
pub const URL_SHORTENER: &str = "URL shortener";
/// See [`URL_SHORTENER`].
pub const FREE_MAIL: &str = "free-mail provider";
/// See [`URL_SHORTENER`].
pub const LARGE_PLATFORM: &str = "large platform";
/// See [`URL_SHORTENER`].
pub const CONFIGURED: &str = "configured";
/// See [`URL_SHORTENER`].
pub const RESERVED_ADDRESS: &str = "private or reserved address";

const SHORTENERS: &[&str] = &[
    "bit.ly",
    "bitly.com",
    "bit.do",
    "tinyurl.com",
    "t.co",
    "goo.gl",
    "ow.ly",
    "is.gd",
    "v.gd",
    "buff.ly",
    "rebrand.ly",
    "cutt.ly",
    "shorturl.at",
    "shorturl.com",
    "tiny.cc",
    "t.ly",
    "rb.gy",
    "s.id",
    "tr.im",
    "lnkd.in",
    "fb.me",
    "youtu.be",
    "db.tt",
    "adf.ly",
    "shorte.st",
    "bl.ink",
    "soo.gd",
    "clck.ru",
    "qr.ae",
    "po.st",
    "x.co",
    "u.to",
    "t2m.io",
    "short.io",
    "amzn.to",
    "a.co",
    "spoti.fi",
    "apple.co",
    "wp.me",
    "dlvr.it",
    "ift.tt",
    "trib.al",
    "shorturl.gg",
    "tiny.one",
    "urlz.fr",
    "bitly.ws",
    "2u.pm",
    "gg.gg",
    "surl.li",
    "urlr.me",
    "linktr.ee",
    "forms.gle",
    "maps.app.goo.gl",
    "g.co",
    "aka.ms",
    "1url.cz",
    "vk.cc",
    "han.gl",
    "me2.kr",
    "url.kr",
];

const FREE_MAIL_DOMAINS: &[&str] = &[
    "gmail.com",
    "googlemail.com",
    "yahoo.com",
    "yahoo.co.uk",
    "yahoo.co.jp",
    "yahoo.fr",
    "yahoo.de",
    "yahoo.es",
    "yahoo.it",
    "yahoo.com.br",
    "yahoo.co.in",
    "yahoo.com.au",
    "yahoo.ca",
    "yahoo.co.id",
    "yahoo.com.mx",
    "yahoo.com.ar",
    "yahoo.com.tw",
    "yahoo.com.hk",
    "yahoo.com.sg",
    "yahoo.com.ph",
    "yahoo.co.th",
    "yahoo.gr",
    "yahoo.ie",
    "yahoo.se",
    "yahoo.no",
    "yahoo.dk",
    "yahoo.pl",
    "yahoo.ro",
    "ymail.com",
    "rocketmail.com",
    "outlook.com",
    "outlook.fr",
    "outlook.de",
    "outlook.es",
    "outlook.it",
    "outlook.jp",
    "hotmail.com",
    "hotmail.co.uk",
    "hotmail.fr",
    "hotmail.de",
    "hotmail.it",
    "hotmail.es",
    "hotmail.nl",
    "hotmail.be",
    "hotmail.com.br",
    "live.com",
    "live.co.uk",
    "live.fr",
    "live.de",
    "live.it",
    "live.nl",
    "live.com.au",
    "msn.com",
    "passport.com",
    "aol.com",
    "aol.co.uk",
    "aim.com",
    "icloud.com",
    "me.com",
    "mac.com",
    "mail.ru",
    "bk.ru",
    "inbox.ru",
    "list.ru",
    "internet.ru",
    "yandex.ru",
    "yandex.com",
    "yandex.ua",
    "yandex.by",
    "yandex.kz",
    "ya.ru",
    "rambler.ru",
    "gmx.de",
    "gmx.net",
    "gmx.com",
    "gmx.at",
    "gmx.ch",
    "gmx.fr",
    "web.de",
    "t-online.de",
    "freenet.de",
    "proton.me",
    "protonmail.com",
    "protonmail.ch",
    "pm.me",
    "tutanota.com",
    "tutanota.de",
    "tuta.io",
    "tuta.com",
    "zoho.com",
    "zohomail.com",
    "mail.com",
    "email.com",
    "usa.com",
    "post.com",
    "hushmail.com",
    "fastmail.com",
    "fastmail.fm",
    "gmx.us",
    "qq.com",
    "foxmail.com",
    "163.com",
    "126.com",
    "yeah.net",
    "sina.com",
    "sina.cn",
    "sohu.com",
    "aliyun.com",
    "139.com",
    "naver.com",
    "daum.net",
    "hanmail.net",
    "kakao.com",
    "nate.com",
    "laposte.net",
    "orange.fr",
    "wanadoo.fr",
    "free.fr",
    "sfr.fr",
    "neuf.fr",
    "libero.it",
    "virgilio.it",
    "tiscali.it",
    "alice.it",
    "seznam.cz",
    "email.cz",
    "centrum.cz",
    "wp.pl",
    "o2.pl",
    "interia.pl",
    "onet.pl",
    "op.pl",
    "rediffmail.com",
    "abv.bg",
    "ukr.net",
    "i.ua",
    "bol.com.br",
    "uol.com.br",
    "terra.com.br",
    "btinternet.com",
    "sky.com",
    "virginmedia.com",
    "comcast.net",
    "verizon.net",
    "att.net",
    "sbcglobal.net",
    "bellsouth.net",
    "cox.net",
    "charter.net",
    "earthlink.net",
    "optonline.net",
    "shaw.ca",
    "rogers.com",
    "sympatico.ca",
    "bigpond.com",
    "optusnet.com.au",
    "xtra.co.nz",
    "ziggo.nl",
    "telenet.be",
    "skynet.be",
    "bluewin.ch",
    "inbox.lv",
    "mail.ee",
    "walla.co.il",
    "yopmail.com",
    "guerrillamail.com",
    "mailinator.com",
    "temp-mail.org",
    "10minutemail.com",
    "sharklasers.com",
    "gmail.co",
    "outlook.co.id",
];

/// Platforms whose own subdomains are the platform too (`accounts.google.com`).
const PLATFORMS: &[&str] = &[
    "google.com",
    "google.co.uk",
    "google.de",
    "google.fr",
    "google.co.in",
    "google.co.jp",
    "google.com.br",
    "gstatic.com",
    "googleapis.com",
    "google-analytics.com",
    "googletagmanager.com",
    "googlesyndication.com",
    "doubleclick.net",
    "gmail.com",
    "youtube.com",
    "ytimg.com",
    "facebook.com",
    "facebook.net",
    "fb.com",
    "fbcdn.net",
    "messenger.com",
    "instagram.com",
    "cdninstagram.com",
    "whatsapp.com",
    "whatsapp.net",
    "wa.me",
    "t.me",
    "telegram.org",
    "telegram.me",
    "telegra.ph",
    "apple.com",
    "icloud.com",
    "mzstatic.com",
    "microsoft.com",
    "microsoftonline.com",
    "office.com",
    "office365.com",
    "outlook.com",
    "live.com",
    "bing.com",
    "msn.com",
    "skype.com",
    "windows.com",
    "twitter.com",
    "x.com",
    "twimg.com",
    "linkedin.com",
    "licdn.com",
    "tiktok.com",
    "tiktokcdn.com",
    "snapchat.com",
    "pinterest.com",
    "reddit.com",
    "redd.it",
    "tumblr.com",
    "discord.com",
    "discord.gg",
    "discordapp.com",
    "zoom.us",
    "yahoo.com",
    "yandex.ru",
    "vk.com",
    "ok.ru",
    "mail.ru",
    "baidu.com",
    "weixin.qq.com",
    "wechat.com",
    "qq.com",
    "line.me",
    "viber.com",
    "signal.org",
    "amazon.com",
    "amazon.co.uk",
    "amazon.de",
    "cloudflare.com",
    "akamai.net",
    "akamaihd.net",
    "akamaized.net",
    "w3.org",
    "schema.org",
    "ogp.me",
    "gravatar.com",
    "wikipedia.org",
    "wikimedia.org",
    "mozilla.org",
    "adobe.com",
    "dropbox.com",
    "paypal.com",
    "github.com",
    "gitlab.com",
    "stackoverflow.com",
    "shopify.com",
    "stripe.com",
    "mailchimp.com",
    "list-manage.com",
    "sendgrid.net",
    "mailgun.org",
    "unsubscribe.com",
    "docusign.net",
];

/// Hosting platforms: the bare domain appears everywhere, but a subdomain is one tenant's site
/// and is specific (`evil-bucket.s3.amazonaws.com`).
const HOSTING: &[&str] = &[
    "amazonaws.com",
    "cloudfront.net",
    "azurewebsites.net",
    "azureedge.net",
    "windows.net",
    "blob.core.windows.net",
    "web.core.windows.net",
    "herokuapp.com",
    "github.io",
    "githubusercontent.com",
    "netlify.app",
    "vercel.app",
    "pages.dev",
    "workers.dev",
    "firebaseapp.com",
    "web.app",
    "appspot.com",
    "blogspot.com",
    "wordpress.com",
    "weebly.com",
    "wixsite.com",
    "wix.com",
    "squarespace.com",
    "webflow.io",
    "glitch.me",
    "000webhostapp.com",
    "ngrok.io",
    "ngrok-free.app",
    "trycloudflare.com",
    "replit.app",
    "repl.co",
    "onrender.com",
    "fly.dev",
    "r2.dev",
    "surge.sh",
    "carrd.co",
    "notion.site",
    "sites.google.com",
    "storage.googleapis.com",
    "docs.google.com",
    "drive.google.com",
    "forms.office.com",
    "sharepoint.com",
    "1drv.ms",
    "dropboxusercontent.com",
    "ipfs.io",
    "dweb.link",
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Scope {
    /// The domain itself only.
    Exact,
    /// The domain and its subdomains.
    WithSubdomains,
}

/// The warning list: the built-in lists plus configured extra domains.
#[derive(Clone, Debug)]
pub struct WarningList {
    domains: HashMap<String, (&'static str, Scope)>,
}

impl Default for WarningList {
    fn default() -> Self {
        Self::builtin()
    }
}

impl WarningList {
    /// The built-in list.
    pub fn builtin() -> Self {
        let mut domains = HashMap::new();
        // Later inserts win: a free-mail domain that is also a platform (gmail.com, outlook.com)
        // reports as free mail, which is what an analyst expects to read.
        for &d in HOSTING {
            domains.insert(d.to_string(), (LARGE_PLATFORM, Scope::Exact));
        }
        for &d in PLATFORMS {
            domains.insert(d.to_string(), (LARGE_PLATFORM, Scope::WithSubdomains));
        }
        for &d in SHORTENERS {
            domains.insert(d.to_string(), (URL_SHORTENER, Scope::Exact));
        }
        for &d in FREE_MAIL_DOMAINS {
            let scope = domains.get(d).map_or(Scope::Exact, |&(_, scope)| scope);
            domains.insert(d.to_string(), (FREE_MAIL, scope));
        }
        Self { domains }
    }

    /// Adds configured domains (bare domains, matched exactly after the same normalisation as
    /// values). A built-in entry keeps its reason.
    pub fn with_domains<I, S>(mut self, extra: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        for d in extra {
            let d = normalise_host(d.as_ref());
            if !d.is_empty() {
                self.domains.entry(d).or_insert((CONFIGURED, Scope::Exact));
            }
        }
        self
    }

    /// Why an indicator of this kind and value must not correlate, or `None` when it may.
    pub fn reason(&self, kind: &str, value: &str) -> Option<&'static str> {
        match kind {
            "domain" => self.domain_reason(value),
            "url" => self.url_reason(value),
            "ipv4" | "ipv6" => reserved_ip(value).then_some(RESERVED_ADDRESS),
            _ => None,
        }
    }

    /// Whether an indicator of this kind and value must not correlate.
    pub fn is_warned(&self, kind: &str, value: &str) -> bool {
        self.reason(kind, value).is_some()
    }

    fn domain_reason(&self, value: &str) -> Option<&'static str> {
        let host = normalise_host(value);
        if host.is_empty() {
            return None;
        }
        if reserved_ip(&host) || host == "localhost" || host.ends_with(".localhost") {
            return Some(RESERVED_ADDRESS);
        }
        if let Some(&(reason, _)) = self.domains.get(host.as_str()) {
            return Some(reason);
        }
        // Parent domains that cover their subdomains.
        let mut rest = host.as_str();
        while let Some((_, parent)) = rest.split_once('.') {
            if let Some(&(reason, Scope::WithSubdomains)) = self.domains.get(parent) {
                // A hosting entry below the platform (sites.google.com) names tenants.
                if self.hosting_between(&host, parent) {
                    return None;
                }
                return Some(reason);
            }
            rest = parent;
        }
        None
    }

    /// Whether a hosting (tenant) domain sits strictly between `host` and `platform`, as
    /// `sites.google.com` does for `x.sites.google.com` under `google.com`.
    fn hosting_between(&self, host: &str, platform: &str) -> bool {
        let mut rest = host;
        while let Some((_, parent)) = rest.split_once('.') {
            if parent == platform {
                return false;
            }
            if let Some(&(_, Scope::Exact)) = self.domains.get(parent)
                && HOSTING.contains(&parent)
            {
                return true;
            }
            rest = parent;
        }
        false
    }

    fn url_reason(&self, value: &str) -> Option<&'static str> {
        let url = value.trim();
        let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
        let end = after_scheme
            .find(['/', '?', '#'])
            .unwrap_or(after_scheme.len());
        let (authority, rest) = after_scheme.split_at(end);
        // Drop user info and port; keep a bracketed IPv6 literal whole.
        let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
        let host = if let Some(stripped) = host_port.strip_prefix('[') {
            stripped.split_once(']').map_or(stripped, |(h, _)| h)
        } else {
            host_port.split_once(':').map_or(host_port, |(h, _)| h)
        };
        let host = normalise_host(host);
        if host.is_empty() {
            return None;
        }
        if reserved_ip(&host) || host == "localhost" || host.ends_with(".localhost") {
            return Some(RESERVED_ADDRESS);
        }
        // Only a link to the bare site says nothing; a path or a query names something.
        let before_fragment = rest.split_once('#').map_or(rest, |(p, _)| p);
        if before_fragment.is_empty() || before_fragment == "/" {
            return self.domain_reason(&host);
        }
        None
    }
}

/// Lower case, no surrounding space, no trailing dot, no `www.`/`m.` prefix.
fn normalise_host(value: &str) -> String {
    let mut h = value.trim().trim_end_matches('.').to_ascii_lowercase();
    for prefix in ["www.", "m."] {
        if let Some(rest) = h.strip_prefix(prefix)
            && rest.contains('.')
        {
            h = rest.to_string();
        }
    }
    h
}

/// Private, loopback, link-local, shared, documentation, benchmarking, multicast and reserved
/// addresses, IPv4-mapped IPv6 included.
fn reserved_ip(value: &str) -> bool {
    let v = value.trim();
    let v = v
        .strip_prefix('[')
        .and_then(|s| s.strip_suffix(']'))
        .unwrap_or(v);
    // A zone index (`fe80::1%eth0`) is only valid on link-local addresses.
    let v = v.split_once('%').map_or(v, |(a, _)| a);
    match v.parse::<IpAddr>() {
        Ok(IpAddr::V4(a)) => reserved_v4(a),
        Ok(IpAddr::V6(a)) => reserved_v6(a),
        Err(_) => false,
    }
}

fn reserved_v4(a: Ipv4Addr) -> bool {
    let [o0, o1, o2, _] = a.octets();
    o0 == 0
        || o0 == 10
        || o0 == 127
        || (o0 == 100 && (64..128).contains(&o1))
        || (o0 == 169 && o1 == 254)
        || (o0 == 172 && (16..32).contains(&o1))
        || (o0 == 192 && o1 == 0 && (o2 == 0 || o2 == 2))
        || (o0 == 192 && o1 == 168)
        || (o0 == 198 && (o1 == 18 || o1 == 19))
        || (o0 == 198 && o1 == 51 && o2 == 100)
        || (o0 == 203 && o1 == 0 && o2 == 113)
        || o0 >= 224
}

fn reserved_v6(a: Ipv6Addr) -> bool {
    if let Some(v4) = a.to_ipv4_mapped() {
        return reserved_v4(v4);
    }
    let s = a.segments();
    a.is_unspecified()
        || a.is_loopback()
        || (s[0] & 0xfe00) == 0xfc00
        || (s[0] & 0xffc0) == 0xfe80
        || (s[0] & 0xff00) == 0xff00
        || (s[0] == 0x2001 && s[1] == 0x0db8)
        || (s[0] == 0x0100 && s[1] == 0 && s[2] == 0 && s[3] == 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(list: &WarningList, kind: &str, value: &str, want: Option<&str>) {
        assert_eq!(list.reason(kind, value), want, "{kind} {value}");
    }

    #[test]
    fn builtin_cases() {
        let w = WarningList::builtin();
        let cases: &[(&str, &str, Option<&str>)] = &[
            // Bare shortener domains are noise; links on them name one destination.
            ("domain", "bit.ly", Some(URL_SHORTENER)),
            ("domain", "BIT.LY.", Some(URL_SHORTENER)),
            ("domain", "www.tinyurl.com", Some(URL_SHORTENER)),
            ("domain", "t.co", Some(URL_SHORTENER)),
            ("domain", "cutt.ly", Some(URL_SHORTENER)),
            ("url", "https://bit.ly/3xYz", None),
            ("url", "https://bit.ly/", Some(URL_SHORTENER)),
            ("url", "https://bit.ly", Some(URL_SHORTENER)),
            ("url", "http://bit.ly/#top", Some(URL_SHORTENER)),
            ("url", "https://tinyurl.com/yc4abcd", None),
            // Free mail: the provider is noise, the mailbox is the scammer.
            ("domain", "gmail.com", Some(FREE_MAIL)),
            ("domain", "yahoo.co.jp", Some(FREE_MAIL)),
            ("domain", "mail.ru", Some(FREE_MAIL)),
            ("domain", "gmx.de", Some(FREE_MAIL)),
            ("domain", "proton.me", Some(FREE_MAIL)),
            ("domain", "naver.com", Some(FREE_MAIL)),
            ("domain", "163.com", Some(FREE_MAIL)),
            ("email", "scammer123@gmail.com", None),
            ("email", "refund.desk@outlook.com", None),
            // Platforms, their own subdomains included.
            ("domain", "google.com", Some(LARGE_PLATFORM)),
            ("domain", "accounts.google.com", Some(LARGE_PLATFORM)),
            ("domain", "facebook.com", Some(LARGE_PLATFORM)),
            ("domain", "m.facebook.com", Some(LARGE_PLATFORM)),
            ("domain", "wa.me", Some(LARGE_PLATFORM)),
            ("domain", "t.me", Some(LARGE_PLATFORM)),
            ("domain", "w3.org", Some(LARGE_PLATFORM)),
            ("domain", "schema.org", Some(LARGE_PLATFORM)),
            ("url", "https://www.facebook.com/", Some(LARGE_PLATFORM)),
            ("url", "https://wa.me/15551234567", None),
            ("url", "https://t.me/refund_support_desk", None),
            (
                "url",
                "https://www.facebook.com/profile.php?id=1000123",
                None,
            ),
            // Hosting: the bare domain is noise, a tenant is specific.
            ("domain", "amazonaws.com", Some(LARGE_PLATFORM)),
            ("domain", "evil-bucket.s3.amazonaws.com", None),
            ("domain", "blogspot.com", Some(LARGE_PLATFORM)),
            ("domain", "parcel-fee.blogspot.com", None),
            ("domain", "sites.google.com", Some(LARGE_PLATFORM)),
            ("domain", "refund.sites.google.com", None),
            ("domain", "cloudflare.com", Some(LARGE_PLATFORM)),
            // Ordinary scam infrastructure correlates.
            ("domain", "paypal-resolution-center.com", None),
            ("domain", "googIe-support.com", None),
            ("domain", "notgoogle.com", None),
            ("url", "https://amaz0n-refunds.net/claim", None),
            ("phone", "+15551234567", None),
            ("btc", "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", None),
            ("script", "12345678", None),
            // Private and reserved addresses.
            ("ipv4", "10.1.2.3", Some(RESERVED_ADDRESS)),
            ("ipv4", "127.0.0.1", Some(RESERVED_ADDRESS)),
            ("ipv4", "192.168.0.1", Some(RESERVED_ADDRESS)),
            ("ipv4", "172.16.0.1", Some(RESERVED_ADDRESS)),
            ("ipv4", "172.31.255.255", Some(RESERVED_ADDRESS)),
            ("ipv4", "169.254.10.1", Some(RESERVED_ADDRESS)),
            ("ipv4", "100.64.0.1", Some(RESERVED_ADDRESS)),
            ("ipv4", "192.0.2.10", Some(RESERVED_ADDRESS)),
            ("ipv4", "255.255.255.255", Some(RESERVED_ADDRESS)),
            ("ipv4", "172.32.0.1", None),
            ("ipv4", "8.8.8.8", None),
            ("ipv4", "185.220.101.4", None),
            ("ipv6", "::1", Some(RESERVED_ADDRESS)),
            ("ipv6", "fc00::1", Some(RESERVED_ADDRESS)),
            ("ipv6", "fd12:3456::1", Some(RESERVED_ADDRESS)),
            ("ipv6", "fe80::1%eth0", Some(RESERVED_ADDRESS)),
            ("ipv6", "2001:db8::1", Some(RESERVED_ADDRESS)),
            ("ipv6", "::ffff:192.168.1.1", Some(RESERVED_ADDRESS)),
            ("ipv6", "2a03:2880:f12f:83:face:b00c::25de", None),
            ("ipv4", "not an address", None),
            ("url", "http://192.168.1.1/admin", Some(RESERVED_ADDRESS)),
            ("url", "http://[::1]:8080/x", Some(RESERVED_ADDRESS)),
            ("url", "http://localhost:3000/login", Some(RESERVED_ADDRESS)),
            ("url", "http://user@10.0.0.1/", Some(RESERVED_ADDRESS)),
            ("url", "http://203.0.113.9/pay", Some(RESERVED_ADDRESS)),
            ("url", "http://45.13.2.1/pay", None),
            // Nothing to say about empty or odd input.
            ("domain", "", None),
            ("url", "", None),
            ("url", "https://", None),
            ("unknown-kind", "bit.ly", None),
        ];
        for &(kind, value, want) in cases {
            check(&w, kind, value, want);
        }
    }

    #[test]
    fn configured_domains_are_warned_exactly() {
        let w = WarningList::builtin().with_domains(["Partner-Bank.example.", "gmail.com"]);
        check(&w, "domain", "partner-bank.example", Some(CONFIGURED));
        check(&w, "domain", "www.partner-bank.example", Some(CONFIGURED));
        check(&w, "url", "https://partner-bank.example/", Some(CONFIGURED));
        check(&w, "url", "https://partner-bank.example/login", None);
        check(&w, "domain", "login.partner-bank.example", None);
        // A built-in entry keeps its own reason.
        check(&w, "domain", "gmail.com", Some(FREE_MAIL));
        // Without configuration it correlates.
        check(
            &WarningList::default(),
            "domain",
            "partner-bank.example",
            None,
        );
    }
}
