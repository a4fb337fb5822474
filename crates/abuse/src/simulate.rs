//! A marketplace's history, made up: honest customers, staff, refund-service rings with their
//! bribed insiders, and honest look-alikes that a careless detector would flag, written as the
//! JSON lines [`crate::events::parse_line`] reads, with the ground truth beside them.
//!
//! [`simulate`] is pure and deterministic: the same [`Config`] gives byte-identical lines. It
//! streams lines in time order to a sink, one simulated day at a time (events that happen later,
//! such as a return's carrier scans, wait in a queue until their day), and returns the [`Truth`].
//!
//! What is planted:
//! - **Honest customers** sign up (most in the year before `start`, the rest during the run),
//!   order across categories at realistic prices, return a few orders (label, carrier scans,
//!   delivered to the warehouse, received with the right weight), get refunds mostly after
//!   receipt or small "not received" refunds from the automatic rules, contact support and write
//!   reviews.
//! - **Staff**: agents in teams at sites, with 8-hour shifts five days a week; honest agent
//!   refunds happen inside the agent's shift, after a contact.
//! - **Refund-service rings**: accounts sharing some devices, payment fingerprints, varied drop
//!   addresses, phones and an IP range; high-value orders refunded with nothing back ("not
//!   received", return required but nothing received, refunded before the first carrier scan),
//!   empty boxes, returns "delivered" somewhere else than the warehouse; support contacts
//!   following a few refund-service scripts, mostly from one operator device; fake 5-star review
//!   bursts.
//! - **Insiders**: one or two bribed agents per ring, refunding ring accounts without returns,
//!   again and again for the same accounts, overriding automatic denials, sometimes outside their
//!   shift or with no customer contact; each has a few accounts tied only to them.
//! - **Traps** (must not be flagged): heavy returners whose returns all arrive, high-volume agents
//!   with normal rates, households sharing an address (and sometimes a device), honest review
//!   bursts after a product launch.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet, BinaryHeap};
use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

const SEC: i64 = 1_000;
const MIN: i64 = 60 * SEC;
const HOUR: i64 = 60 * MIN;
const DAY: i64 = 24 * HOUR;
const SHIFT: i64 = 8 * HOUR;
/// One staff event covers at most this many days of shifts (well under the 400-shift limit).
const ROSTER_DAYS: u32 = 280;
/// 2026-01-01T00:00:00Z.
pub const DEFAULT_START: i64 = 1_767_225_600_000;
/// Every amount is in this currency.
pub const CURRENCY: &str = "EUR";

/// What to simulate. [`Config::new`] gives sensible defaults for the rest.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Config {
    /// Accounts in all, rings and traps included.
    pub accounts: usize,
    pub days: u32,
    pub seed: u64,
    /// The first simulated day starts here, UTC Unix milliseconds (rounded down to a second).
    /// Accounts that already existed sign up in the year before.
    pub start: i64,
    /// Support agents (default one per 500 accounts, at least 20).
    pub agents: usize,
    /// Refund-service rings (default one per 10,000 accounts, at least 2; none under 50
    /// accounts).
    pub rings: usize,
    /// Orders per honest account per day, on average.
    pub order_rate: f64,
    /// Share of honest orders returned.
    pub return_rate: f64,
    /// Share of orders reviewed.
    pub review_rate: f64,
    /// Share of orders with a plain support contact (where is it, change the address).
    pub contact_rate: f64,
    /// Share of accounts that are honest heavy returners.
    pub heavy_returner_share: f64,
    /// Share of accounts living in households that share an address.
    pub household_share: f64,
    /// Share of agents that are honest high-volume agents.
    pub high_volume_agent_share: f64,
    /// Share of honest accounts that signed up before `start`.
    pub existing_share: f64,
}

impl Config {
    pub fn new(accounts: usize, days: u32, seed: u64) -> Config {
        Config {
            accounts,
            days,
            seed,
            start: DEFAULT_START,
            agents: (accounts / 500).max(20),
            rings: if accounts < 50 {
                0
            } else {
                (accounts / 10_000).max(2)
            },
            order_rate: 0.03,
            return_rate: 0.07,
            review_rate: 0.12,
            contact_rate: 0.05,
            heavy_returner_share: 0.01,
            household_share: 0.03,
            high_volume_agent_share: 0.1,
            existing_share: 0.7,
        }
    }
}

/// The ground truth: everything a test needs to score detectors.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Truth {
    pub seed: u64,
    pub accounts: usize,
    pub days: u32,
    /// The run covers `[start, end)`; only sign-ups are earlier.
    pub start: i64,
    pub end: i64,
    pub rings: Vec<RingTruth>,
    /// Every fraudulent refund that was emitted.
    pub fraud_refunds: Vec<FraudRefund>,
    /// Every fake review that was emitted.
    pub fake_reviews: Vec<FakeReview>,
    /// The refund-service scripts, canonical wording (`{order}`, `{noun}`, `{tracking}` are
    /// placeholders); ring transcripts are near-duplicates of these.
    pub scripts: Vec<String>,
    /// Contacts whose transcript follows a script.
    pub scripted_contacts: Vec<String>,
    pub traps: Traps,
    pub stats: Stats,
}

/// One refund-service ring.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RingTruth {
    pub ring_id: String,
    /// Accounts linked by shared identifiers.
    pub members: Vec<String>,
    /// Accounts tied to an insider only (no shared identifiers): they get the insider's
    /// refunds and post fake reviews with the ring.
    pub insider_accounts: Vec<String>,
    /// Bribed agents.
    pub insiders: Vec<String>,
    /// The device that contacts support for many ring accounts.
    pub operator_device: String,
    pub shared_devices: Vec<String>,
    pub shared_payment_fingerprints: Vec<String>,
    /// The ring's IPv4 /24, as `a.b.c.0/24`.
    pub ip_range: String,
}

/// How a refund was stolen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FraudKind {
    /// "Never arrived", no return asked for.
    NotReceived,
    /// Return required, nothing ever received.
    NothingReturned,
    /// Refunded before the carrier's first scan.
    RefundedBeforeScan,
    /// Received far lighter than the item.
    EmptyBox,
    /// "Delivered" somewhere else than the warehouse.
    FakeTracking,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FraudRefund {
    pub refund_id: String,
    pub order_id: String,
    pub account_id: String,
    pub ring_id: String,
    pub kind: FraudKind,
    /// The agent who issued it; `None` for the automatic rules.
    pub issued_by: Option<String>,
    /// Issued by one of the ring's insiders (otherwise a socially-engineered honest agent or
    /// the automatic rules).
    pub insider: bool,
    pub amount_minor: i64,
    pub category: String,
    pub outside_shift: bool,
    pub without_contact: bool,
    pub overrides_denial: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FakeReview {
    pub review_id: String,
    pub account_id: String,
    pub product_id: String,
    pub ring_id: String,
}

/// Honest look-alikes: a good detector flags none of these.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Traps {
    /// Many returns, all received with the right weight.
    pub heavy_returners: Vec<String>,
    /// Many refunds, with returns and normal rates.
    pub high_volume_agents: Vec<String>,
    pub households: Vec<Household>,
    pub launch_bursts: Vec<LaunchBurst>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Household {
    pub accounts: Vec<String>,
    /// The shared address, as `line1, postcode city`.
    pub address: String,
    pub shared_device: Option<String>,
}

/// Honest reviews of a newly launched product, in a burst, from unlinked accounts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LaunchBurst {
    pub product_id: String,
    pub day: u32,
    pub review_ids: Vec<String>,
}

/// What was written.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stats {
    pub events: u64,
    /// Bytes of the lines, one newline each included.
    pub bytes: u64,
    pub by_type: BTreeMap<String, u64>,
}

impl Truth {
    /// Every account of every ring, insider accounts included.
    pub fn ring_accounts(&self) -> BTreeSet<&str> {
        self.rings
            .iter()
            .flat_map(|r| r.members.iter().chain(&r.insider_accounts))
            .map(String::as_str)
            .collect()
    }

    /// Every bribed agent.
    pub fn insiders(&self) -> BTreeSet<&str> {
        self.rings
            .iter()
            .flat_map(|r| &r.insiders)
            .map(String::as_str)
            .collect()
    }
}

/// Simulates `cfg`, handing each JSON line (no newline) to `sink` in time order, and returns
/// the truth.
pub fn simulate(cfg: &Config, mut sink: impl FnMut(&str)) -> Truth {
    let mut sim = Sim::new(cfg);
    sim.setup();
    for d in 0..cfg.days {
        sim.run_day(d);
        let until = sim.start + i64::from(d + 1) * DAY;
        sim.flush(until, &mut sink);
    }
    if cfg.days == 0 {
        // Only the sign-ups before `start`.
        sim.flush(sim.start, &mut sink);
    }
    sim.truth
}

// ---------------------------------------------------------------------------------------------
// Randomness: splitmix64, enough for a simulation and stable across platforms.

struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x6A09_E667_F3BC_C908)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// `0..n`, 0 when `n` is 0.
    fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next()) * u128::from(n)) >> 64) as u64
    }

    fn index(&mut self, len: usize) -> usize {
        self.below(len as u64) as usize
    }

    /// `lo..=hi`; `lo` when `hi < lo`.
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            return lo;
        }
        lo + self.below((hi - lo) as u64 + 1) as i64
    }

    /// A duration in whole seconds between two durations in milliseconds.
    fn span(&mut self, lo: i64, hi: i64) -> i64 {
        self.range(lo / SEC, hi / SEC) * SEC
    }

    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    fn word(&mut self, xs: &[&'static str]) -> &'static str {
        xs[self.index(xs.len())]
    }

    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.index(xs.len())]
    }

    fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u64 = weights.iter().map(|w| u64::from(*w)).sum();
        let mut r = self.below(total);
        for (i, w) in weights.iter().enumerate() {
            if r < u64::from(*w) {
                return i;
            }
            r -= u64::from(*w);
        }
        0
    }

    fn hex(&mut self, prefix: &str) -> String {
        format!("{prefix}-{:016x}", self.next())
    }

    fn shuffle<T>(&mut self, xs: &mut [T]) {
        for i in (1..xs.len()).rev() {
            let j = self.index(i + 1);
            xs.swap(i, j);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The world's fixed parts.

struct Cat {
    name: &'static str,
    noun: &'static str,
    lo: i64,
    hi: i64,
    grams: (i64, i64),
    share: u32,
}

const CATS: &[Cat] = &[
    Cat {
        name: "laptops",
        noun: "laptop",
        lo: 59_900,
        hi: 249_900,
        grams: (1_800, 3_200),
        share: 3,
    },
    Cat {
        name: "phones",
        noun: "phone",
        lo: 29_900,
        hi: 139_900,
        grams: (350, 600),
        share: 5,
    },
    Cat {
        name: "consoles",
        noun: "console",
        lo: 29_900,
        hi: 59_900,
        grams: (3_500, 5_500),
        share: 2,
    },
    Cat {
        name: "coins",
        noun: "gold coin",
        lo: 45_000,
        hi: 240_000,
        grams: (60, 250),
        share: 1,
    },
    Cat {
        name: "tablets",
        noun: "tablet",
        lo: 24_900,
        hi: 119_900,
        grams: (700, 1_200),
        share: 3,
    },
    Cat {
        name: "headphones",
        noun: "headset",
        lo: 4_900,
        hi: 39_900,
        grams: (300, 800),
        share: 6,
    },
    Cat {
        name: "books",
        noun: "book",
        lo: 899,
        hi: 3_999,
        grams: (250, 900),
        share: 20,
    },
    Cat {
        name: "clothing",
        noun: "jacket",
        lo: 1_499,
        hi: 11_999,
        grams: (200, 1_200),
        share: 25,
    },
    Cat {
        name: "kitchen",
        noun: "pan",
        lo: 999,
        hi: 14_999,
        grams: (400, 3_500),
        share: 15,
    },
    Cat {
        name: "toys",
        noun: "toy",
        lo: 999,
        hi: 7_999,
        grams: (300, 2_000),
        share: 10,
    },
    Cat {
        name: "beauty",
        noun: "cream",
        lo: 499,
        hi: 5_999,
        grams: (100, 600),
        share: 10,
    },
];
const COINS: usize = 3;
const CLOTHING: usize = 7;
/// What rings buy, with weights, by index in [`CATS`].
const RING_CATS: &[(usize, u32)] = &[(0, 3), (1, 4), (2, 2), (3, 2), (4, 2)];
/// What ring accounts buy as cover, and what sellers buy fake reviews for.
const CHEAP_CATS: &[(usize, u32)] = &[(5, 2), (6, 3), (7, 3), (8, 3), (9, 2), (10, 2)];
const PRODUCTS_PER_CAT: usize = 40;

struct Country {
    code: &'static str,
    cc: &'static str,
    share: u32,
    warehouse: &'static str,
    carriers: &'static [&'static str],
    /// City and postcode prefix.
    cities: &'static [(&'static str, &'static str)],
    streets: &'static [&'static str],
    /// 0: "street 12"; 1: "12 street"; 2: "street, 12".
    style: u8,
    domains: &'static [&'static str],
}

const COUNTRIES: &[Country] = &[
    Country {
        code: "DE",
        cc: "49",
        share: 30,
        warehouse: "WH-LEJ1",
        carriers: &["DHL", "DPD", "Hermes"],
        cities: &[
            ("Berlin", "10"),
            ("Hamburg", "20"),
            ("München", "80"),
            ("Köln", "50"),
            ("Leipzig", "04"),
            ("Frankfurt am Main", "60"),
        ],
        streets: &[
            "Hauptstraße",
            "Bahnhofstraße",
            "Schillerstraße",
            "Lindenallee",
            "Gartenweg",
            "Bergstraße",
            "Goethestraße",
        ],
        style: 0,
        domains: &["gmail.com", "web.de", "gmx.de", "t-online.de"],
    },
    Country {
        code: "FR",
        cc: "33",
        share: 25,
        warehouse: "WH-LIL1",
        carriers: &["Colissimo", "Chronopost", "DPD"],
        cities: &[
            ("Paris", "750"),
            ("Lyon", "690"),
            ("Marseille", "130"),
            ("Toulouse", "310"),
            ("Lille", "590"),
            ("Nantes", "440"),
        ],
        streets: &[
            "rue Victor Hugo",
            "avenue Jean Jaurès",
            "boulevard Voltaire",
            "rue de la République",
            "rue des Lilas",
            "place du Marché",
        ],
        style: 1,
        domains: &["gmail.com", "orange.fr", "free.fr", "laposte.net"],
    },
    Country {
        code: "NL",
        cc: "31",
        share: 15,
        warehouse: "WH-TLB1",
        carriers: &["PostNL", "DHL"],
        cities: &[
            ("Amsterdam", "10"),
            ("Rotterdam", "30"),
            ("Utrecht", "35"),
            ("Den Haag", "25"),
            ("Eindhoven", "56"),
        ],
        streets: &[
            "Kerkstraat",
            "Dorpsstraat",
            "Molenweg",
            "Prinsengracht",
            "Stationsweg",
        ],
        style: 0,
        domains: &["gmail.com", "ziggo.nl", "outlook.com", "kpnmail.nl"],
    },
    Country {
        code: "ES",
        cc: "34",
        share: 15,
        warehouse: "WH-MAD2",
        carriers: &["Correos", "SEUR"],
        cities: &[
            ("Madrid", "280"),
            ("Barcelona", "080"),
            ("Valencia", "460"),
            ("Sevilla", "410"),
            ("Bilbao", "480"),
        ],
        streets: &[
            "Calle Mayor",
            "Gran Vía",
            "Calle Real",
            "Avenida de la Constitución",
            "Calle del Sol",
        ],
        style: 2,
        domains: &["gmail.com", "yahoo.es", "hotmail.es", "outlook.es"],
    },
    Country {
        code: "IT",
        cc: "39",
        share: 15,
        warehouse: "WH-MXP1",
        carriers: &["Poste Italiane", "BRT", "GLS"],
        cities: &[
            ("Roma", "001"),
            ("Milano", "201"),
            ("Torino", "101"),
            ("Napoli", "801"),
            ("Bologna", "401"),
        ],
        streets: &[
            "Via Roma",
            "Via Garibaldi",
            "Corso Italia",
            "Via Dante",
            "Via Mazzini",
        ],
        style: 0,
        domains: &["gmail.com", "libero.it", "virgilio.it", "alice.it"],
    },
];
const NL: usize = 2;

const FIRST: &[&str] = &[
    "Anna", "Lukas", "Marie", "Jonas", "Sophie", "Paul", "Emma", "Louis", "Chiara", "Marco",
    "Lucía", "Pablo", "Sara", "Daan", "Julia", "Thomas", "Léa", "Hugo", "Giulia", "Matteo",
    "Laura", "David", "Eva", "Noah", "Inès", "Felix", "Clara", "Luca", "Nina", "Sem",
];
const LAST: &[&str] = &[
    "Müller",
    "Schmidt",
    "Schneider",
    "Fischer",
    "Weber",
    "Martin",
    "Bernard",
    "Dubois",
    "Lefèvre",
    "Moreau",
    "García",
    "Fernández",
    "López",
    "Martínez",
    "Rossi",
    "Russo",
    "Ferrari",
    "Esposito",
    "Bianchi",
    "de Jong",
    "Jansen",
    "de Vries",
    "van Dijk",
    "Bakker",
    "Meyer",
    "Wagner",
    "Becker",
    "Laurent",
    "Romano",
    "Sánchez",
];
const SITES: &[&str] = &["lisbon", "krakow", "manila", "cairo", "porto"];
const TEAM_KINDS: &[&str] = &["refunds", "returns", "orders", "escalations"];
const SHIFT_HOURS: [i64; 3] = [6, 14, 22];
/// First octets of residential ISPs.
const ISP_OCTETS: &[u8] = &[
    2, 31, 37, 62, 77, 79, 81, 84, 88, 90, 92, 93, 151, 176, 178, 188, 213, 217,
];
/// First octets of hosting and VPN ranges rings work from.
const RING_OCTETS: &[u8] = &[5, 45, 91, 185, 194];

// ---------------------------------------------------------------------------------------------
// Words.

const GREETINGS: &[&str] = &[
    "Hi",
    "Hello",
    "Good morning",
    "Hey there",
    "Hi team",
    "Good evening",
];
const CLOSINGS: &[&str] = &[
    "Thanks!",
    "Great, thank you.",
    "ok thanks",
    "Perfect, have a nice day.",
    "Thank you for your help",
    "Alright, thanks a lot.",
];
const AGENT_OPENINGS: &[&str] = &[
    "Thanks for reaching out, let me check.",
    "Hello, I'm happy to help with that.",
    "Thank you for waiting, I'm looking at your order now.",
    "Hi! Let me take a look.",
    "Thanks, one moment while I check the details.",
];

#[derive(Clone, Copy)]
enum Topic {
    WhereIsIt,
    HowToReturn,
    RefundStatus,
    Damaged,
    Lost,
    Address,
}

fn topic_lines(t: Topic) -> (&'static [&'static str], &'static [&'static str]) {
    match t {
        Topic::WhereIsIt => (
            &[
                "Where is my order {order}? It was supposed to arrive yesterday.",
                "My {noun} from order {order} has not shipped yet, any update?",
                "The tracking for {order} has not moved for three days.",
                "Can you tell me when order {order} will be delivered? I need it by the weekend.",
                "I ordered a {noun} last week ({order}) and still have no delivery date.",
            ],
            &[
                "It is with the carrier and should arrive within two days.",
                "I see a delay at the depot, you will get an update by email.",
                "It left our warehouse this morning.",
            ],
        ),
        Topic::HowToReturn => (
            &[
                "How do I return the {noun} from order {order}? It does not fit.",
                "I'd like to send back order {order}, can you send me a label?",
                "The {noun} is not what I expected, what is the return process?",
                "Can I exchange the {noun} from {order} for another size?",
            ],
            &[
                "I've sent a return label to your email.",
                "You can create the label in your account under Orders.",
            ],
        ),
        Topic::RefundStatus => (
            &[
                "I returned order {order} and it was received, when will I get the money back?",
                "Just checking on the refund for my return of {order}.",
                "My return arrived at your warehouse, can you process the refund for {order}?",
                "Has my returned {noun} arrived? Order {order}.",
            ],
            &[
                "The return is in, I've issued the refund now.",
                "I've processed the refund, it takes 3-5 business days.",
            ],
        ),
        Topic::Damaged => (
            &[
                "The {noun} from order {order} arrived with a crack in it.",
                "One part of the {noun} is missing in order {order}.",
                "The box was crushed and the {noun} is scratched.",
                "The {noun} arrived damaged, can I get something back?",
            ],
            &[
                "Sorry about that, I've issued a partial refund.",
                "I'm sorry, I've refunded part of the price as a goodwill gesture.",
            ],
        ),
        Topic::Lost => (
            &[
                "The app says order {order} was delivered but it isn't here, maybe the courier left it at the wrong house?",
                "My parcel {order} was marked delivered while I was at work. Could you open a claim with the courier?",
                "Tracking says delivered for {order} but there is no parcel, can you check the GPS location?",
                "I never got order {order}, the driver photo shows a door that isn't mine.",
            ],
            &[
                "I've opened a claim with the carrier and refunded the order.",
                "I'm sorry, the carrier confirms a wrong drop, I've refunded you.",
            ],
        ),
        Topic::Address => (
            &[
                "Can I change the delivery address for order {order}?",
                "I made a typo in my postcode on order {order}.",
                "Please deliver {order} to my work address instead.",
            ],
            &[
                "Done, the address is updated.",
                "I'm afraid it has already shipped, but the carrier can redirect it.",
            ],
        ),
    }
}

/// The refund-service scripts: each sentence with its usual variants, the first canonical.
const SCRIPTS: &[&[&[&str]]] = &[
    &[
        &["Hello", "Hi", "Good afternoon", "Hello there"],
        &[
            "my order {order} shows as delivered but I never received it",
            "order {order} is marked as delivered but I never got it",
            "my order {order} says delivered but it never arrived",
        ],
        &[
            "I have checked with my neighbours and the building concierge and nobody has it",
            "I checked with all my neighbours and the concierge and no one has it",
            "I already asked my neighbours and the concierge, nobody has the parcel",
        ],
        &[
            "I was at home all day and no driver came to my door",
            "I was home the whole day and no courier came",
            "I was in all day and nobody rang the bell",
        ],
        &[
            "I would like a full refund to my original payment method, not a replacement",
            "I want a full refund to the original payment method, I do not want a replacement",
            "please refund the full amount to my original payment method, no replacement",
        ],
        &[
            "I need this resolved today",
            "I need this sorted today",
            "please resolve this today",
        ],
    ],
    &[
        &["Hello", "Hi", "Good afternoon", "Hello there"],
        &[
            "the {noun} from order {order} is defective and does not turn on at all",
            "the {noun} I received in order {order} is faulty, it will not switch on",
            "my {noun} from order {order} is dead on arrival, it does not power on",
        ],
        &[
            "I already tried charging it and resetting it",
            "I have tried charging and resetting it already",
            "I tried to charge it and reset it, nothing works",
        ],
        &[
            "I threw away the original packaging so I cannot send it back",
            "I no longer have the original box so I can't return it",
            "I do not have the packaging anymore so sending it back is impossible",
        ],
        &[
            "please issue a full refund to my card",
            "please refund the full amount to my card",
            "I want the full amount refunded to my card",
        ],
        &[
            "my bank told me to open a dispute if this is not fixed today",
            "my bank said I should file a chargeback if this is not solved today",
            "my bank advised me to dispute the payment if it is not fixed today",
        ],
    ],
    &[
        &["Hello", "Hi", "Good afternoon", "Hello there"],
        &[
            "I sent the return for order {order} last week and the tracking shows it was delivered to your warehouse",
            "I returned order {order} last week and tracking says your warehouse received it",
            "the return for order {order} was sent last week and the tracking shows delivered to your warehouse",
        ],
        &[
            "it has been days and I still have not got my refund",
            "several days have passed and there is still no refund",
            "it's been days and I have not received my money back",
        ],
        &[
            "the tracking number is {tracking}",
            "here is the tracking number: {tracking}",
            "tracking number {tracking}",
        ],
        &[
            "please refund me the full amount today",
            "please process the full refund today",
            "I expect the full refund today",
        ],
    ],
    &[
        &["Hello", "Hi", "Good afternoon", "Hello there"],
        &[
            "the box for order {order} arrived empty, there was nothing inside except paper",
            "order {order} came in an empty box, only paper inside",
            "I opened the parcel for order {order} and it was empty apart from paper",
        ],
        &[
            "the seal was already broken when it arrived",
            "the tape had clearly been opened before",
            "the seal on the box was already broken",
        ],
        &[
            "I want a full refund, not a replacement, to my original payment method",
            "I want the full amount back to my original payment method, no replacement",
            "please refund the full amount to the original payment method, I don't want a replacement",
        ],
        &[
            "please escalate this if you cannot do it yourself",
            "escalate this to a manager if you can't do it",
            "if you can't do it please escalate to your supervisor",
        ],
    ],
];
const SCRIPT_NOT_RECEIVED: usize = 0;
const SCRIPT_DEFECTIVE: usize = 1;
const SCRIPT_TRACKING: usize = 2;
const SCRIPT_EMPTY: usize = 3;

const FAKE_REVIEW: &[&[&str]] = &[
    &[
        "Amazing product!!!",
        "Absolutely amazing!!",
        "Best purchase ever!!!",
        "Wow, amazing!!",
    ],
    &[
        "Best {noun} I have ever bought",
        "This {noun} is the best I ever had",
        "Best {noun} on the market",
    ],
    &[
        "works perfectly and shipping was super fast",
        "works perfectly, super fast delivery",
        "works great and arrived very fast",
    ],
    &[
        "100% recommend to everyone",
        "highly recommend to everyone",
        "I recommend it 100%",
        "recommend to all my friends",
    ],
    &["5 stars!!!", "five stars", "5/5!!"],
];

const REVIEW_BY_RATING: [&[&str]; 5] = [
    &[
        "Broke on day two.",
        "Terrible, returning it.",
        "Does not match the description at all.",
    ],
    &[
        "Not great, stopped working properly after a week.",
        "Smaller than it looked in the pictures.",
        "Disappointed with the quality of this {noun}.",
    ],
    &[
        "It's okay, nothing special.",
        "Average {noun}, does the job.",
        "Mixed feelings: looks good but feels cheap.",
    ],
    &[
        "Good {noun}, a bit pricey.",
        "Works well, packaging could be better.",
        "Nice quality, delivery took a while.",
        "Solid {noun}, the instructions could be clearer.",
    ],
    &[
        "Really happy with this {noun}.",
        "Excellent {noun}, does exactly what it should.",
        "Great value for money.",
        "Second one I've bought, still love it.",
    ],
];
const REVIEW_EXTRAS: &[&str] = &[
    "Arrived on time.",
    "My kids love it.",
    "Would buy again.",
    "Colour is slightly different from the photos.",
    "Fits as expected.",
    "Easy to clean.",
    "Gift for my partner.",
];
const LAUNCH_REVIEWS: &[&str] = &[
    "Pre-ordered and it's worth it.",
    "The new model is a real upgrade over the old one.",
    "Launch day delivery, impressive.",
    "Battery lasts much longer than my old one.",
    "Love the new design, the screen is gorgeous.",
    "A bit expensive at launch but great.",
    "Setup took five minutes, everything transferred.",
    "Runs hot under load, otherwise fine.",
];

fn fill(template: &str, order: &str, noun: &str, tracking: &str) -> String {
    template
        .replace("{order}", order)
        .replace("{noun}", noun)
        .replace("{tracking}", tracking)
}

fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

fn canonical_script(s: &[&[&str]]) -> String {
    let mut out = s
        .iter()
        .map(|v| capitalised(v[0]))
        .collect::<Vec<_>>()
        .join(". ");
    out.push('.');
    out
}

// ---------------------------------------------------------------------------------------------
// JSON, written directly: faster than building values, and the key order is fixed.

struct J(String);

impl J {
    fn new() -> J {
        J(String::with_capacity(256))
    }

    fn key(&mut self, k: &str) -> &mut String {
        if !self.0.is_empty() {
            self.0.push(',');
        }
        self.0.push('"');
        self.0.push_str(k);
        self.0.push_str("\":");
        &mut self.0
    }

    fn s(&mut self, k: &str, v: &str) -> &mut J {
        quote(self.key(k), v);
        self
    }

    fn n(&mut self, k: &str, v: i64) -> &mut J {
        let _ = write!(self.key(k), "{v}");
        self
    }

    fn b(&mut self, k: &str, v: bool) -> &mut J {
        self.key(k).push_str(if v { "true" } else { "false" });
        self
    }

    fn raw(&mut self, k: &str, v: &str) -> &mut J {
        self.key(k).push_str(v);
        self
    }

    fn take(&mut self) -> String {
        std::mem::take(&mut self.0)
    }
}

fn quote(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if u32::from(c) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

fn money(minor: i64) -> String {
    format!(
        "{{\"value\":\"{}.{:02}\",\"currency\":\"{CURRENCY}\"}}",
        minor / 100,
        minor % 100
    )
}

/// RFC 3339, UTC, whole seconds.
fn rfc3339(ms: i64) -> String {
    let secs = ms.div_euclid(SEC);
    let (y, m, d) = civil(secs.div_euclid(86_400));
    let sod = secs.rem_euclid(86_400);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        sod / 3600,
        sod % 3600 / 60,
        sod % 60
    )
}

/// Days since 1970-01-01 to (year, month, day), proleptic Gregorian.
fn civil(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

// ---------------------------------------------------------------------------------------------
// People.

#[derive(Clone)]
struct Addr {
    line1: String,
    line2: Option<String>,
    city: &'static str,
    postcode: String,
    country: usize,
}

impl Addr {
    fn json(&self) -> String {
        let mut j = J::new();
        j.s("line1", &self.line1);
        if let Some(l2) = &self.line2 {
            j.s("line2", l2);
        }
        j.s("city", self.city)
            .s("postcode", &self.postcode)
            .s("country", COUNTRIES[self.country].code);
        format!("{{{}}}", j.take())
    }

    fn label(&self) -> String {
        format!("{}, {} {}", self.line1, self.postcode, self.city)
    }
}

fn street_line(style: u8, street: &str, number: i64) -> String {
    match style {
        1 => format!("{number} {street}"),
        2 => format!("{street}, {number}"),
        _ => format!("{street} {number}"),
    }
}

fn gen_addr(rng: &mut Rng, country: usize) -> Addr {
    let c = &COUNTRIES[country];
    let (city, prefix) = *rng.pick(c.cities);
    let mut postcode = prefix.to_string();
    let digits = if country == NL { 4 } else { 5 };
    while postcode.len() < digits {
        postcode.push(char::from(b'0' + rng.below(10) as u8));
    }
    if country == NL {
        postcode.push(' ');
        for _ in 0..2 {
            postcode.push(char::from(b'A' + rng.below(26) as u8));
        }
    }
    let line2 = rng.chance(0.15).then(|| {
        format!(
            "{} {}",
            rng.pick(&["Apt", "Floor", "Unit"]),
            rng.range(1, 30)
        )
    });
    Addr {
        line1: street_line(c.style, rng.word(c.streets), rng.range(1, 180)),
        line2,
        city,
        postcode,
        country,
    }
}

/// The same place written differently, as people and fraudsters do.
fn addr_variant(rng: &mut Rng, a: &Addr) -> Addr {
    let mut v = a.clone();
    match rng.below(6) {
        0 => v.line1 = v.line1.to_uppercase(),
        1 => v.line1 = v.line1.to_lowercase(),
        2 => v.line2 = Some(format!("Apt {}", rng.range(1, 40))),
        3 => {
            let short = v
                .line1
                .replace("straße", "str.")
                .replace("rue ", "r. ")
                .replace("avenue ", "av. ")
                .replace("Calle ", "C/ ")
                .replace("Via ", "V. ")
                .replace("weg", "wg.");
            v.line1 = if short == v.line1 {
                v.line1.to_uppercase()
            } else {
                short
            };
        }
        4 if v.line1.ends_with(|c: char| c.is_ascii_digit()) => {
            v.line1.push(char::from(b'a' + rng.below(3) as u8));
        }
        _ => {
            v.line2 = Some(format!("c/o {}", rng.pick(LAST)));
            v.postcode = v.postcode.replace(' ', "");
        }
    }
    v
}

fn ascii_fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            'ä' | 'á' | 'à' => out.push('a'),
            'ö' | 'ó' | 'ò' => out.push('o'),
            'ü' | 'ú' => out.push('u'),
            'é' | 'è' | 'ê' => out.push('e'),
            'í' | 'ì' => out.push('i'),
            'ñ' => out.push('n'),
            'ç' => out.push('c'),
            'ß' => out.push_str("ss"),
            ' ' => {}
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

fn honest_email(rng: &mut Rng, first: &str, last: &str, country: usize) -> String {
    let (f, l) = (ascii_fold(first), ascii_fold(last));
    let domain = rng.pick(COUNTRIES[country].domains);
    match rng.below(4) {
        0 => format!("{f}.{l}@{domain}"),
        1 => format!("{f}.{l}{}@{domain}", rng.range(1, 99)),
        2 => format!(
            "{}{l}{}@{domain}",
            f.chars().next().unwrap_or('x'),
            rng.range(60, 99)
        ),
        _ => format!("{f}{l}{}@{domain}", rng.range(100, 9999)),
    }
}

fn throwaway_email(rng: &mut Rng) -> String {
    let mut s = String::new();
    for _ in 0..rng.range(4, 7) {
        s.push(char::from(b'a' + rng.below(26) as u8));
    }
    let domain = rng.pick(&["gmail.com", "proton.me", "outlook.com", "mail.com"]);
    format!("{s}{}@{domain}", rng.range(10, 9999))
}

fn national_number(rng: &mut Rng) -> String {
    let mut s = String::from(char::from(b'1' + rng.below(9) as u8));
    for _ in 0..8 {
        s.push(char::from(b'0' + rng.below(10) as u8));
    }
    s
}

fn phone_text(rng: &mut Rng, cc: &str, national: &str, formats: u64) -> String {
    match rng.below(formats) {
        0 => format!("+{cc}{national}"),
        1 => format!("+{cc} {} {}", &national[..3], &national[3..]),
        _ => format!("0{national}"),
    }
}

fn gen_ip(rng: &mut Rng) -> String {
    format!(
        "{}.{}.{}.{}",
        rng.pick(ISP_OCTETS),
        rng.below(256),
        rng.below(256),
        rng.range(1, 254)
    )
}

fn daytime(rng: &mut Rng) -> i64 {
    if rng.chance(0.08) {
        rng.span(0, 7 * HOUR)
    } else {
        rng.span(7 * HOUR, 23 * HOUR)
    }
}

// ---------------------------------------------------------------------------------------------
// The simulation.

#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    Honest,
    Heavy,
    Household,
    Ring(usize),
    /// Tied to an insider: ring, insider agent.
    Tied(usize, usize),
}

struct Acct {
    role: Role,
    country: usize,
    addrs: Vec<Addr>,
    device: String,
    ip: String,
    signup_at: i64,
    rate: f64,
}

struct Product {
    id: String,
    cat: usize,
    price: i64,
    grams: i64,
}

struct Agent {
    id: String,
    team: String,
    site: &'static str,
    hour: i64,
    off: u32,
    high_volume: bool,
    insider: bool,
}

struct Ring {
    country: usize,
    start_day: u32,
    drops: Vec<Addr>,
    devices: Vec<String>,
    fps: Vec<String>,
    operator_device: String,
    phone: String,
    net: String,
    insiders: Vec<usize>,
    members: Vec<usize>,
    tied: Vec<usize>,
}

/// What a household shares.
#[derive(Clone)]
struct HouseholdBase {
    addr: Addr,
    ip: String,
    device: Option<String>,
    surname: &'static str,
    card: String,
}

struct Launch {
    product: usize,
}

enum Tag {
    None,
    Fraud(Box<FraudRefund>),
    Fake(Box<FakeReview>),
    Launch(usize, String),
    Script(String),
}

struct Pending {
    at: i64,
    seq: u64,
    kind: &'static str,
    body: String,
    tag: Tag,
}

impl PartialEq for Pending {
    fn eq(&self, o: &Self) -> bool {
        (self.at, self.seq) == (o.at, o.seq)
    }
}
impl Eq for Pending {}
impl PartialOrd for Pending {
    fn partial_cmp(&self, o: &Self) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}
impl Ord for Pending {
    /// Reversed: the heap pops the earliest first.
    fn cmp(&self, o: &Self) -> Ordering {
        (o.at, o.seq).cmp(&(self.at, self.seq))
    }
}

/// An order as the follow-ups need it.
struct Placed {
    id: String,
    total: i64,
    grams: i64,
    cat: usize,
}

/// A refund to write.
struct RefundSpec<'a> {
    order: &'a Placed,
    amount: i64,
    reason: &'static str,
    channel: &'static str,
    agent: Option<usize>,
    return_required: bool,
    overrides: bool,
}

/// A return's shipment so far.
struct Parcel {
    id: String,
    carrier: &'static str,
    tracking: String,
}

const IDS_ORDER: usize = 0;
const IDS_RETURN: usize = 1;
const IDS_REFUND: usize = 2;
const IDS_CONTACT: usize = 3;
const IDS_REVIEW: usize = 4;

struct Sim<'c> {
    cfg: &'c Config,
    rng: Rng,
    start: i64,
    end: i64,
    products: Vec<Product>,
    by_cat: Vec<Vec<usize>>,
    accts: Vec<Acct>,
    agents: Vec<Agent>,
    rings: Vec<Ring>,
    launches: Vec<Launch>,
    ring_orders: Vec<Vec<(usize, usize)>>,
    campaigns: Vec<Vec<(usize, usize)>>,
    launch_orders: Vec<Vec<(usize, usize)>>,
    heap: BinaryHeap<Pending>,
    seq: u64,
    ids: [u64; 5],
    truth: Truth,
}

impl<'c> Sim<'c> {
    fn new(cfg: &'c Config) -> Sim<'c> {
        let start = cfg.start - cfg.start.rem_euclid(SEC);
        let end = start + i64::from(cfg.days) * DAY;
        let days = cfg.days as usize;
        Sim {
            cfg,
            rng: Rng::new(cfg.seed),
            start,
            end,
            products: Vec::new(),
            by_cat: Vec::new(),
            accts: Vec::with_capacity(cfg.accounts),
            agents: Vec::new(),
            rings: Vec::new(),
            launches: Vec::new(),
            ring_orders: vec![Vec::new(); days],
            campaigns: vec![Vec::new(); days],
            launch_orders: vec![Vec::new(); days],
            heap: BinaryHeap::new(),
            seq: 0,
            ids: [0; 5],
            truth: Truth {
                seed: cfg.seed,
                accounts: cfg.accounts,
                days: cfg.days,
                start,
                end,
                scripts: SCRIPTS.iter().map(|s| canonical_script(s)).collect(),
                ..Truth::default()
            },
        }
    }

    fn id(&mut self, which: usize, prefix: &str) -> String {
        self.ids[which] += 1;
        format!("{prefix}-{:07}", self.ids[which])
    }

    fn push(&mut self, at: i64, kind: &'static str, body: String, tag: Tag) {
        if at >= self.end {
            return;
        }
        self.seq += 1;
        self.heap.push(Pending {
            at,
            seq: self.seq,
            kind,
            body,
            tag,
        });
    }

    fn flush(&mut self, until: i64, sink: &mut impl FnMut(&str)) {
        while self.heap.peek().is_some_and(|p| p.at < until) {
            let Some(p) = self.heap.pop() else { break };
            let n = self.truth.stats.events + 1;
            let line = format!(
                "{{\"id\":\"evt-{:x}-{n}\",\"type\":\"{}\",\"at\":\"{}\",{}}}",
                self.cfg.seed,
                p.kind,
                rfc3339(p.at),
                p.body
            );
            let stats = &mut self.truth.stats;
            stats.events = n;
            stats.bytes += line.len() as u64 + 1;
            *stats.by_type.entry(p.kind.to_string()).or_default() += 1;
            match p.tag {
                Tag::None => {}
                Tag::Fraud(f) => self.truth.fraud_refunds.push(*f),
                Tag::Fake(f) => self.truth.fake_reviews.push(*f),
                Tag::Launch(l, review) => self.truth.traps.launch_bursts[l].review_ids.push(review),
                Tag::Script(contact) => self.truth.scripted_contacts.push(contact),
            }
            sink(&line);
        }
    }

    fn day_of(&self, t: i64) -> u32 {
        u32::try_from((t - self.start).div_euclid(DAY).max(0)).unwrap_or(0)
    }

    // -- setup ------------------------------------------------------------------------------

    fn setup(&mut self) {
        self.setup_catalogue();
        self.setup_agents();
        self.setup_accounts();
        self.setup_plans();
    }

    fn setup_catalogue(&mut self) {
        let mut n = 10_000;
        for (ci, c) in CATS.iter().enumerate() {
            let mut ids = Vec::new();
            for _ in 0..PRODUCTS_PER_CAT {
                n += self.rng.range(1, 7);
                let price = self.rng.range(c.lo, c.hi) / 100 * 100 + 99;
                let grams = self.rng.range(c.grams.0, c.grams.1);
                ids.push(self.products.len());
                self.products.push(Product {
                    id: format!("sku-{n}"),
                    cat: ci,
                    price,
                    grams,
                });
            }
            self.by_cat.push(ids);
        }
    }

    fn setup_agents(&mut self) {
        let n = self.cfg.agents;
        let teams = n.div_ceil(10).max(1);
        for i in 0..n {
            let t = i % teams;
            self.agents.push(Agent {
                id: format!("agent-{:03}", i + 1),
                team: format!("{}-{:02}", TEAM_KINDS[t % TEAM_KINDS.len()], t + 1),
                site: SITES[t % SITES.len()],
                hour: SHIFT_HOURS[(i / teams) % 3],
                off: self.rng.below(7) as u32,
                high_volume: false,
                insider: false,
            });
        }
        let mut order: Vec<usize> = (0..n).collect();
        self.rng.shuffle(&mut order);
        let high = ((n as f64 * self.cfg.high_volume_agent_share).round() as usize)
            .max(2)
            .min(n / 2);
        for &a in &order[..high] {
            self.agents[a].high_volume = true;
            self.truth
                .traps
                .high_volume_agents
                .push(self.agents[a].id.clone());
        }
        self.truth.traps.high_volume_agents.sort();
        // Insiders come from the rest, in this order.
        let mut free = order[high..].iter().copied();
        let days = self.cfg.days.max(1);
        for _ in 0..self.cfg.rings {
            let country = self
                .rng
                .weighted(&COUNTRIES.iter().map(|c| c.share).collect::<Vec<_>>());
            let drops = (0..self.rng.range(1, 3))
                .map(|_| gen_addr(&mut self.rng, country))
                .collect();
            let devices = (0..self.rng.range(2, 4))
                .map(|_| self.rng.hex("dev"))
                .collect();
            let fps = (0..self.rng.range(2, 5))
                .map(|_| self.rng.hex("pm"))
                .collect();
            let net = format!(
                "{}.{}.{}",
                self.rng.pick(RING_OCTETS),
                self.rng.below(256),
                self.rng.below(256)
            );
            let mut insiders = Vec::new();
            for _ in 0..if self.rng.chance(0.6) { 1 } else { 2 } {
                if let Some(a) = free.next() {
                    self.agents[a].insider = true;
                    insiders.push(a);
                }
            }
            let ring = Ring {
                country,
                start_day: self.rng.below(u64::from((days / 3).max(1))) as u32,
                drops,
                devices,
                fps,
                operator_device: self.rng.hex("dev"),
                phone: national_number(&mut self.rng),
                net,
                insiders,
                members: Vec::new(),
                tied: Vec::new(),
            };
            self.rings.push(ring);
        }
    }

    fn setup_accounts(&mut self) {
        let n = self.cfg.accounts;
        let mut roles = Vec::with_capacity(n);
        let max_ring = 30.min((n / 40).max(5)) as i64;
        for r in 0..self.rings.len() {
            for _ in 0..self.rng.range(5, max_ring) {
                roles.push(Role::Ring(r));
            }
            for k in 0..self.rings[r].insiders.len() {
                let agent = self.rings[r].insiders[k];
                for _ in 0..self.rng.range(2, 3) {
                    roles.push(Role::Tied(r, agent));
                }
            }
        }
        let heavy = ((n as f64 * self.cfg.heavy_returner_share) as usize).max(3);
        roles.extend(std::iter::repeat_n(Role::Heavy, heavy));
        let mut households = Vec::new();
        let mut in_households = (n as f64 * self.cfg.household_share) as usize;
        while in_households >= 2 {
            let size = (self.rng.range(2, 5) as usize).min(in_households);
            households.push(size);
            roles.extend(std::iter::repeat_n(Role::Household, size));
            in_households -= size;
        }
        roles.truncate(n);
        roles.resize(n, Role::Honest);
        // Who is who is shuffled: ids say nothing.
        self.rng.shuffle(&mut roles);

        let country_weights: Vec<u32> = COUNTRIES.iter().map(|c| c.share).collect();
        let mut household_slots: Vec<usize> = Vec::new();
        for (i, role) in roles.iter().enumerate() {
            if *role == Role::Household {
                household_slots.push(i);
            }
        }
        // Accounts first, their sign-up events after, so households can share.
        for &role in &roles {
            let country = match role {
                Role::Ring(r) => self.rings[r].country,
                _ => self.rng.weighted(&country_weights),
            };
            self.accts.push(Acct {
                role,
                country,
                addrs: Vec::new(),
                device: String::new(),
                ip: String::new(),
                signup_at: 0,
                rate: 0.0,
            });
        }
        let mut slots = household_slots.into_iter();
        let mut household_of = vec![usize::MAX; n];
        for (h, size) in households.iter().enumerate() {
            let members: Vec<usize> = slots.by_ref().take(*size).collect();
            for &m in &members {
                household_of[m] = h;
            }
            self.truth.traps.households.push(Household {
                accounts: members.iter().map(|&m| acct_id(m)).collect(),
                ..Household::default()
            });
        }
        let mut household_base: Vec<Option<HouseholdBase>> = vec![None; households.len()];
        for (i, &h) in household_of.iter().enumerate() {
            let role = self.accts[i].role;
            let country = self.accts[i].country;
            let rng = &mut self.rng;
            let cc = COUNTRIES[country].cc;
            let (first, mut last) = (rng.word(FIRST), rng.word(LAST));
            let mut email = honest_email(rng, first, last, country);
            let own_number = national_number(rng);
            let mut phone = phone_text(rng, cc, &own_number, 2);
            let mut addrs = vec![gen_addr(rng, country)];
            if rng.chance(0.25) {
                addrs.push(gen_addr(rng, country));
            }
            let mut device = rng.hex("dev");
            let mut ip = gen_ip(rng);
            let mut fp = rng.hex("pm");
            let mult = [0.3, 0.6, 1.0, 1.6, 2.5][rng.weighted(&[20, 25, 30, 17, 8])];
            let mut rate = self.cfg.order_rate * mult;
            let existing = rng.chance(self.cfg.existing_share);
            let window = (self.end - self.start).max(DAY);
            let mut signup_at = if existing {
                self.start - rng.span(HOUR, 365 * DAY)
            } else {
                self.start + rng.span(0, window * 9 / 10)
            };
            match role {
                Role::Honest => {}
                Role::Heavy => {
                    rate = self.cfg.order_rate * 3.0;
                    signup_at = self.start - rng.span(30 * DAY, 365 * DAY);
                }
                Role::Household => {
                    let base = household_base[h].get_or_insert_with(|| {
                        let shared_device = rng.chance(0.4).then(|| rng.hex("dev"));
                        HouseholdBase {
                            addr: gen_addr(rng, country),
                            ip: gen_ip(rng),
                            device: shared_device,
                            surname: last,
                            card: rng.hex("pm"),
                        }
                    });
                    addrs = vec![if rng.chance(0.3) {
                        addr_variant(rng, &base.addr)
                    } else {
                        base.addr.clone()
                    }];
                    if rng.chance(0.85) {
                        ip.clone_from(&base.ip);
                    }
                    if let Some(d) = &base.device {
                        device.clone_from(d);
                    }
                    if rng.chance(0.6) {
                        last = base.surname;
                        email = honest_email(rng, first, last, country);
                    }
                    if rng.chance(0.2) {
                        fp.clone_from(&base.card);
                    }
                    let t = &mut self.truth.traps.households[h];
                    t.address = base.addr.label();
                    t.shared_device.clone_from(&base.device);
                    if rng.chance(0.8) {
                        signup_at = self.start - rng.span(HOUR, 365 * DAY);
                    }
                }
                Role::Ring(r) => {
                    let ring = &self.rings[r];
                    email = throwaway_email(rng);
                    if rng.chance(0.5) {
                        let mut nat = ring.phone.clone();
                        if rng.chance(0.5) {
                            nat.pop();
                            nat.push(char::from(b'0' + rng.below(10) as u8));
                        }
                        phone = phone_text(rng, cc, &nat, 3);
                    }
                    if rng.chance(0.65) {
                        let drop = rng.pick(&ring.drops).clone();
                        addrs = vec![if rng.chance(0.6) {
                            addr_variant(rng, &drop)
                        } else {
                            drop
                        }];
                    }
                    if rng.chance(0.7) {
                        device.clone_from(rng.pick(&ring.devices));
                    }
                    if rng.chance(0.85) {
                        ip = format!("{}.{}", ring.net, rng.range(2, 254));
                    }
                    if rng.chance(0.6) {
                        fp.clone_from(rng.pick(&ring.fps));
                    }
                    rate = 0.01;
                    let ring_start = self.start + i64::from(ring.start_day) * DAY;
                    signup_at = if rng.chance(0.2) {
                        self.start - rng.span(30 * DAY, 365 * DAY)
                    } else {
                        ring_start + rng.span(-10 * DAY, window / 4)
                    };
                    self.rings[r].members.push(i);
                }
                Role::Tied(r, _) => {
                    if rng.chance(0.5) {
                        signup_at = self.start - rng.span(30 * DAY, 365 * DAY);
                    } else {
                        signup_at = self.start + rng.span(0, window / 2);
                    }
                    self.rings[r].tied.push(i);
                }
            }
            signup_at = signup_at
                .min(self.end - 2 * HOUR)
                .max(self.start - 366 * DAY);
            let mut j = J::new();
            j.s("account_id", &acct_id(i))
                .s("email", &email)
                .s("phone", &phone)
                .s("name", &format!("{first} {last}"));
            let list: Vec<String> = addrs.iter().map(Addr::json).collect();
            j.raw("addresses", &format!("[{}]", list.join(",")))
                .s("device_id", &device)
                .s("ip", &ip)
                .s("payment_fingerprint", &fp);
            let body = j.take();
            self.push(signup_at, "account", body, Tag::None);
            let a = &mut self.accts[i];
            a.addrs = addrs;
            a.device = device;
            a.ip = ip;
            a.signup_at = signup_at;
            a.rate = rate;
        }
        for (i, a) in self.accts.iter().enumerate() {
            if a.role == Role::Heavy {
                self.truth.traps.heavy_returners.push(acct_id(i));
            }
        }
        for (r, ring) in self.rings.iter().enumerate() {
            self.truth.rings.push(RingTruth {
                ring_id: format!("ring-{}", r + 1),
                members: ring.members.iter().map(|&m| acct_id(m)).collect(),
                insider_accounts: ring.tied.iter().map(|&m| acct_id(m)).collect(),
                insiders: ring
                    .insiders
                    .iter()
                    .map(|&a| self.agents[a].id.clone())
                    .collect(),
                operator_device: ring.operator_device.clone(),
                shared_devices: ring.devices.clone(),
                shared_payment_fingerprints: ring.fps.clone(),
                ip_range: format!("{}.0/24", ring.net),
            });
        }
    }

    fn setup_plans(&mut self) {
        let days = self.cfg.days;
        if days == 0 {
            return;
        }
        for r in 0..self.rings.len() {
            let everyone: Vec<usize> = self.rings[r]
                .members
                .iter()
                .chain(&self.rings[r].tied)
                .copied()
                .collect();
            for &i in &everyone {
                let first = self.rings[r]
                    .start_day
                    .max(self.day_of(self.accts[i].signup_at) + 1);
                if first >= days {
                    continue;
                }
                let k = match self.accts[i].role {
                    Role::Tied(..) => self.rng.range(1, 3),
                    _ => self.rng.range(2, 5),
                };
                for _ in 0..k {
                    let d = first + self.rng.below(u64::from(days - first)) as u32;
                    self.ring_orders[d as usize].push((r, i));
                }
            }
            let first = (self.rings[r].start_day + 3).min(days - 1);
            for _ in 0..self.rng.range(1, 3) {
                let d = first + self.rng.below(u64::from(days - first)) as u32;
                let cat = CHEAP_CATS[self
                    .rng
                    .weighted(&CHEAP_CATS.iter().map(|c| c.1).collect::<Vec<_>>())]
                .0;
                let product = *self.rng.pick(&self.by_cat[cat]);
                self.campaigns[d as usize].push((r, product));
            }
        }
        // Product launches: honest buyers, unlinked, reviewing in a burst.
        let launches = (days / 30).clamp(1, 3);
        let n = self.accts.len();
        let buyers_per_launch = (n / 250).max(8);
        let mut used = vec![false; n];
        for l in 0..launches as usize {
            let cat = *self.rng.pick(&[1usize, 2, 5]);
            let c = &CATS[cat];
            let product = self.products.len();
            self.products.push(Product {
                id: format!("sku-{}", 90_001 + l),
                cat,
                price: c.hi / 100 * 100 - 1,
                grams: c.grams.1,
            });
            let day = days / 5 + self.rng.below(u64::from(days * 2 / 5 + 1)) as u32;
            let day = day.min(days - 1);
            self.launches.push(Launch { product });
            self.truth.traps.launch_bursts.push(LaunchBurst {
                product_id: self.products[product].id.clone(),
                day,
                review_ids: Vec::new(),
            });
            let mut found = 0;
            for _ in 0..buyers_per_launch * 10 {
                if found == buyers_per_launch || n == 0 {
                    break;
                }
                let i = self.rng.index(n);
                if used[i]
                    || self.accts[i].role != Role::Honest
                    || self.accts[i].signup_at >= self.start
                {
                    continue;
                }
                used[i] = true;
                found += 1;
                let d = (day + self.rng.below(3) as u32).min(days - 1);
                self.launch_orders[d as usize].push((l, i));
            }
        }
    }

    // -- shifts -----------------------------------------------------------------------------

    fn works(&self, a: usize, day: i64) -> bool {
        day >= 0 && day < i64::from(self.cfg.days) && (day + i64::from(self.agents[a].off)) % 7 < 5
    }

    /// The shift that contains `t`, or the next one.
    fn shift_of(&self, a: usize, t: i64) -> Option<(i64, i64)> {
        let k = (t - self.start).div_euclid(DAY);
        for day in k - 1..k + 9 {
            if self.works(a, day) {
                let s = self.start + day * DAY + self.agents[a].hour * HOUR;
                if s + SHIFT > t {
                    return Some((s, s + SHIFT));
                }
            }
        }
        None
    }

    fn on_shift(&self, a: usize, t: i64) -> bool {
        self.shift_of(a, t).is_some_and(|(s, _)| s <= t)
    }

    /// An agent on shift at `t` or soon after (high-volume agents take more), and when.
    fn agent_at(&mut self, t: i64, honest_only: bool) -> Option<(usize, i64)> {
        for step in 0..48 {
            let tt = t + step * HOUR;
            let weight = |s: &Sim, a: usize| -> u64 {
                let ag = &s.agents[a];
                if (honest_only && ag.insider) || !s.on_shift(a, tt) {
                    0
                } else if ag.high_volume {
                    4
                } else {
                    1
                }
            };
            let total: u64 = (0..self.agents.len()).map(|a| weight(self, a)).sum();
            if total == 0 {
                continue;
            }
            let mut r = self.rng.below(total);
            for a in 0..self.agents.len() {
                let w = weight(self, a);
                if r < w {
                    return Some((a, tt));
                }
                r -= w;
            }
        }
        None
    }

    // -- days -------------------------------------------------------------------------------

    fn run_day(&mut self, d: u32) {
        let day_start = self.start + i64::from(d) * DAY;
        if d.is_multiple_of(ROSTER_DAYS) {
            self.staff(d);
        }
        for (l, i) in std::mem::take(&mut self.launch_orders[d as usize]) {
            self.launch_order(l, i, day_start);
        }
        for (r, p) in std::mem::take(&mut self.campaigns[d as usize]) {
            self.campaign(r, p, day_start);
        }
        for (r, i) in std::mem::take(&mut self.ring_orders[d as usize]) {
            self.ring_fraud(r, i, day_start);
        }
        for i in 0..self.accts.len() {
            let a = &self.accts[i];
            if a.signup_at < day_start && self.rng.chance(a.rate) {
                self.honest_order(i, day_start);
            }
        }
    }

    fn staff(&mut self, d: u32) {
        let last = (d + ROSTER_DAYS).min(self.cfg.days);
        for a in 0..self.agents.len() {
            let mut shifts = Vec::new();
            for day in d..last {
                if self.works(a, i64::from(day)) {
                    let s = self.start + i64::from(day) * DAY + self.agents[a].hour * HOUR;
                    shifts.push(format!(
                        "{{\"start\":\"{}\",\"end\":\"{}\"}}",
                        rfc3339(s),
                        rfc3339(s + SHIFT)
                    ));
                }
            }
            let ag = &self.agents[a];
            let mut j = J::new();
            j.s("agent_id", &ag.id)
                .s("team", &ag.team)
                .s("site", ag.site)
                .raw("shifts", &format!("[{}]", shifts.join(",")));
            let body = j.take();
            self.push(self.start + i64::from(d) * DAY, "staff", body, Tag::None);
        }
    }

    // -- events -----------------------------------------------------------------------------

    fn order(&mut self, i: usize, t: i64, items: &[(usize, i64)]) -> Placed {
        let id = self.id(IDS_ORDER, "ord");
        let a = &self.accts[i];
        let addr = &a.addrs[self.rng.index(a.addrs.len())];
        let mut total = 0;
        let mut grams = 0;
        let mut cat = items.first().map_or(0, |x| self.products[x.0].cat);
        let mut top = 0;
        let mut list = Vec::new();
        for &(p, qty) in items {
            let pr = &self.products[p];
            total += pr.price * qty;
            grams += pr.grams * qty;
            if pr.price > top {
                top = pr.price;
                cat = pr.cat;
            }
            let mut j = J::new();
            j.s("item_id", &pr.id)
                .s("category", CATS[pr.cat].name)
                .raw("price", &money(pr.price))
                .n("quantity", qty)
                .n("weight_grams", pr.grams);
            list.push(format!("{{{}}}", j.take()));
        }
        let mut j = J::new();
        j.s("order_id", &id)
            .s("account_id", &acct_id(i))
            .raw("items", &format!("[{}]", list.join(",")))
            .raw("shipping_address", &addr.json());
        let body = j.take();
        self.push(t, "order", body, Tag::None);
        Placed {
            id,
            total,
            grams,
            cat,
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn return_event(
        &mut self,
        at: i64,
        i: usize,
        order: &Placed,
        parcel: &Parcel,
        stage: &str,
        location: Option<&str>,
        received: Option<(i64, &str)>,
    ) {
        let mut j = J::new();
        j.s("return_id", &parcel.id)
            .s("order_id", &order.id)
            .s("account_id", &acct_id(i))
            .s("stage", stage)
            .s("carrier", parcel.carrier)
            .s("tracking", &parcel.tracking);
        if let Some(l) = location {
            j.s("location", l);
        }
        j.s("warehouse", COUNTRIES[self.accts[i].country].warehouse);
        if let Some((w, c)) = received {
            j.n("weight_grams", w).s("condition", c);
        }
        let body = j.take();
        self.push(at, "return", body, Tag::None);
    }

    fn parcel(&mut self, i: usize) -> Parcel {
        let carrier = self.rng.word(COUNTRIES[self.accts[i].country].carriers);
        let prefix: String = carrier
            .chars()
            .filter(char::is_ascii_alphabetic)
            .take(3)
            .collect::<String>()
            .to_uppercase();
        Parcel {
            id: self.id(IDS_RETURN, "ret"),
            carrier,
            tracking: format!("{prefix}{:012}", self.rng.below(1_000_000_000_000)),
        }
    }

    fn depot(&self, i: usize, parcel: &Parcel) -> String {
        let a = &self.accts[i];
        let city = a.addrs.first().map_or("depot", |x| x.city);
        format!("{} depot {city}", parcel.carrier)
    }

    fn refund(
        &mut self,
        at: i64,
        i: usize,
        spec: &RefundSpec,
        fraud: Option<FraudRefund>,
    ) -> String {
        let id = self.id(IDS_REFUND, "rf");
        let issued_by = spec
            .agent
            .map_or_else(|| "automatic".to_string(), |a| self.agents[a].id.clone());
        let mut j = J::new();
        j.s("refund_id", &id)
            .s("order_id", &spec.order.id)
            .s("account_id", &acct_id(i))
            .raw("amount", &money(spec.amount))
            .s("reason", spec.reason)
            .s("channel", spec.channel)
            .s("issued_by", &issued_by)
            .b("return_required", spec.return_required)
            .b("overrides_denial", spec.overrides)
            .s("category", CATS[spec.order.cat].name);
        let body = j.take();
        let tag = match fraud {
            Some(mut f) => {
                f.refund_id.clone_from(&id);
                f.issued_by = spec.agent.map(|a| self.agents[a].id.clone());
                f.amount_minor = spec.amount;
                f.overrides_denial = spec.overrides;
                Tag::Fraud(Box::new(f))
            }
            None => Tag::None,
        };
        self.push(at, "refund", body, tag);
        id
    }

    #[allow(clippy::too_many_arguments)]
    fn contact(
        &mut self,
        at: i64,
        i: usize,
        agent: Option<usize>,
        channel: &str,
        order: Option<&str>,
        device: &str,
        ip: &str,
        transcript: &str,
        scripted: bool,
    ) {
        let id = self.id(IDS_CONTACT, "ct");
        let mut j = J::new();
        j.s("contact_id", &id).s("account_id", &acct_id(i));
        if let Some(a) = agent {
            j.s("agent_id", &self.agents[a].id);
        }
        j.s("channel", channel);
        if let Some(o) = order {
            j.s("order_id", o);
        }
        j.s("device_id", device)
            .s("ip", ip)
            .s("transcript", transcript);
        let body = j.take();
        let tag = if scripted { Tag::Script(id) } else { Tag::None };
        self.push(at, "contact", body, tag);
    }

    fn review(
        &mut self,
        at: i64,
        i: usize,
        product: usize,
        rating: i64,
        text: &str,
        tag: Tag,
    ) -> String {
        let id = self.id(IDS_REVIEW, "rv");
        let mut j = J::new();
        j.s("review_id", &id)
            .s("account_id", &acct_id(i))
            .s("product_id", &self.products[product].id)
            .n("rating", rating)
            .s("text", text);
        let body = j.take();
        let tag = match tag {
            Tag::Fake(mut f) => {
                f.review_id.clone_from(&id);
                Tag::Fake(f)
            }
            Tag::Launch(l, _) => Tag::Launch(l, id.clone()),
            other => other,
        };
        self.push(at, "review", body, tag);
        id
    }

    // -- honest life ------------------------------------------------------------------------

    fn pick_product(&mut self, cats: &[(usize, u32)]) -> usize {
        let weights: Vec<u32> = cats.iter().map(|c| c.1).collect();
        let cat = cats[self.rng.weighted(&weights)].0;
        *self.rng.pick(&self.by_cat[cat])
    }

    fn honest_order(&mut self, i: usize, day_start: i64) {
        let role = self.accts[i].role;
        let t = (day_start + daytime(&mut self.rng)).max(self.accts[i].signup_at + MIN);
        let honest_cats: Vec<(usize, u32)> =
            CATS.iter().enumerate().map(|(k, c)| (k, c.share)).collect();
        let n_items = 1 + self.rng.weighted(&[80, 15, 5]);
        let mut items = Vec::new();
        for _ in 0..n_items {
            let p = match role {
                Role::Ring(_) => self.pick_product(CHEAP_CATS),
                Role::Heavy if self.rng.chance(0.6) => *self.rng.pick(&self.by_cat[CLOTHING]),
                _ => self.pick_product(&honest_cats),
            };
            let qty = if self.products[p].price < 3_000 && self.rng.chance(0.15) {
                2
            } else {
                1
            };
            items.push((p, qty));
        }
        let order = self.order(i, t, &items);
        let high = CATS[order.cat].lo >= 24_900;
        let return_p = match role {
            Role::Heavy => 0.6,
            Role::Ring(_) => 0.0,
            _ if order.cat == CLOTHING => self.cfg.return_rate * 2.0,
            _ if high => self.cfg.return_rate * 0.6,
            _ => self.cfg.return_rate,
        };
        if self.rng.chance(return_p) {
            self.honest_return(i, &order, t);
        } else if !matches!(role, Role::Ring(_)) {
            let u = self.rng.unit();
            let delivered = t + self.rng.span(DAY, 4 * DAY);
            if order.total <= 6_000 && u < 0.012 {
                // The automatic rules refund small parcels that never came.
                let at = delivered + self.rng.span(2 * DAY, 8 * DAY);
                let spec = RefundSpec {
                    order: &order,
                    amount: order.total,
                    reason: "not_received",
                    channel: "self_service",
                    agent: None,
                    return_required: false,
                    overrides: false,
                };
                self.refund(at, i, &spec, None);
            } else if (0.012..0.016).contains(&u) {
                let at = delivered + self.rng.span(HOUR, 3 * DAY);
                self.agent_refund(
                    i,
                    &order,
                    at,
                    Topic::Lost,
                    "not_received",
                    false,
                    order.total,
                );
            } else if order.total <= 8_000 && (0.016..0.026).contains(&u) {
                let at = delivered + self.rng.span(HOUR, 2 * DAY);
                let share = self.rng.range(20, 50);
                let amount = (order.total * share / 100).max(100);
                self.agent_refund(i, &order, at, Topic::Damaged, "damaged", false, amount);
            } else if (0.026..0.026 + self.cfg.contact_rate).contains(&u) {
                let at = t + self.rng.span(HOUR, 5 * DAY);
                let topic = if self.rng.chance(0.8) {
                    Topic::WhereIsIt
                } else {
                    Topic::Address
                };
                self.plain_contact(i, &order, at, topic);
            }
        }
        if self.rng.chance(self.cfg.review_rate) {
            let at = t + self.rng.span(4 * DAY, 14 * DAY);
            let rating = 1 + self.rng.weighted(&[10, 8, 12, 25, 45]) as i64;
            let noun = CATS[self.products[items[0].0].cat].noun;
            let mut text = fill(
                self.rng.word(REVIEW_BY_RATING[(rating - 1) as usize]),
                "",
                noun,
                "",
            );
            if self.rng.chance(0.5) {
                text.push(' ');
                text.push_str(self.rng.word(REVIEW_EXTRAS));
            }
            self.review(at, i, items[0].0, rating, &text, Tag::None);
        }
    }

    fn customer_device(&mut self, i: usize) -> (String, String) {
        let a = &self.accts[i];
        let device = a.device.clone();
        let ip = if self.rng.chance(0.75) {
            a.ip.clone()
        } else {
            gen_ip(&mut self.rng)
        };
        (device, ip)
    }

    fn honest_transcript(&mut self, topic: Topic, order: &Placed) -> String {
        let (customer, agent) = topic_lines(topic);
        let noun = CATS[order.cat].noun;
        format!(
            "customer: {}! {}\nagent: {} {}\ncustomer: {}",
            self.rng.pick(GREETINGS),
            fill(self.rng.word(customer), &order.id, noun, ""),
            self.rng.pick(AGENT_OPENINGS),
            self.rng.pick(agent),
            self.rng.pick(CLOSINGS)
        )
    }

    fn plain_contact(&mut self, i: usize, order: &Placed, at: i64, topic: Topic) {
        let Some((agent, at)) = self.agent_at(at, false) else {
            return;
        };
        let transcript = self.honest_transcript(topic, order);
        let (device, ip) = self.customer_device(i);
        let channel = self.rng.word(&["chat", "chat", "phone", "email"]);
        self.contact(
            at,
            i,
            Some(agent),
            channel,
            Some(&order.id),
            &device,
            &ip,
            &transcript,
            false,
        );
    }

    /// A customer asks, an agent on shift answers and refunds within minutes.
    #[allow(clippy::too_many_arguments)]
    fn agent_refund(
        &mut self,
        i: usize,
        order: &Placed,
        at: i64,
        topic: Topic,
        reason: &'static str,
        return_required: bool,
        amount: i64,
    ) {
        let Some((agent, at)) = self.agent_at(at, false) else {
            let spec = RefundSpec {
                order,
                amount,
                reason,
                channel: "self_service",
                agent: None,
                return_required,
                overrides: false,
            };
            self.refund(at, i, &spec, None);
            return;
        };
        let transcript = self.honest_transcript(topic, order);
        let (device, ip) = self.customer_device(i);
        let channel = self.rng.word(&["chat", "chat", "phone", "email"]);
        self.contact(
            at,
            i,
            Some(agent),
            channel,
            Some(&order.id),
            &device,
            &ip,
            &transcript,
            false,
        );
        let shift_end = self.shift_of(agent, at).map_or(at + HOUR, |s| s.1);
        let refund_at = (at + self.rng.span(2 * MIN, 15 * MIN))
            .min(shift_end - SEC)
            .max(at);
        let spec = RefundSpec {
            order,
            amount,
            reason,
            channel,
            agent: Some(agent),
            return_required,
            overrides: self.rng.chance(0.02),
        };
        self.refund(refund_at, i, &spec, None);
    }

    fn honest_return(&mut self, i: usize, order: &Placed, t: i64) {
        let reason = [
            "changed_mind",
            "not_as_described",
            "damaged",
            "wrong_item",
            "other",
        ][self.rng.weighted(&[45, 20, 15, 10, 10])];
        let parcel = self.parcel(i);
        let label = t + self.rng.span(3 * DAY, 14 * DAY);
        if self.rng.chance(0.3) {
            let ask = (label - self.rng.span(HOUR, 2 * DAY)).max(t + HOUR);
            self.plain_contact(i, order, ask, Topic::HowToReturn);
        }
        self.return_event(label, i, order, &parcel, "label_created", None, None);
        let scan = label + self.rng.span(6 * HOUR, 2 * DAY);
        let depot = self.depot(i, &parcel);
        self.return_event(scan, i, order, &parcel, "carrier_scan", Some(&depot), None);
        let mut last = scan;
        if self.rng.chance(0.5) {
            last += self.rng.span(6 * HOUR, 30 * HOUR);
            let hub = format!("{} hub", parcel.carrier);
            self.return_event(last, i, order, &parcel, "carrier_scan", Some(&hub), None);
        }
        let warehouse = COUNTRIES[self.accts[i].country].warehouse;
        let delivered = last + self.rng.span(12 * HOUR, 48 * HOUR);
        self.return_event(
            delivered,
            i,
            order,
            &parcel,
            "delivered",
            Some(warehouse),
            None,
        );
        let received = delivered + self.rng.span(2 * HOUR, 48 * HOUR);
        let weight = order.grams * self.rng.range(95, 108) / 100;
        let condition = if reason == "damaged" {
            "damaged"
        } else {
            ["as_new", "used"][self.rng.weighted(&[72, 28])]
        };
        self.return_event(
            received,
            i,
            order,
            &parcel,
            "received",
            Some(warehouse),
            Some((weight, condition)),
        );
        let mode = self.rng.weighted(&[15, 60, 25]);
        let spec = |agent| RefundSpec {
            order,
            amount: order.total,
            reason,
            channel: "self_service",
            agent,
            return_required: true,
            overrides: false,
        };
        match mode {
            // Trusted customers are refunded on the first scan.
            0 => {
                let at = scan + self.rng.span(HOUR, 6 * HOUR);
                self.refund(at, i, &spec(None), None);
            }
            1 => {
                let at = received + self.rng.span(HOUR, 24 * HOUR);
                self.refund(at, i, &spec(None), None);
            }
            _ => {
                let at = received + self.rng.span(HOUR, 3 * DAY);
                self.agent_refund(i, order, at, Topic::RefundStatus, reason, true, order.total);
            }
        }
    }

    fn launch_order(&mut self, l: usize, i: usize, day_start: i64) {
        let product = self.launches[l].product;
        let t = day_start + daytime(&mut self.rng);
        self.order(i, t, &[(product, 1)]);
        if self.rng.chance(0.7) {
            let at = t + self.rng.span(DAY, 4 * DAY);
            let rating = 1 + self.rng.weighted(&[5, 5, 10, 35, 45]) as i64;
            let text = if rating >= 3 {
                (self.rng.word(LAUNCH_REVIEWS)).to_string()
            } else {
                fill(
                    self.rng.word(REVIEW_BY_RATING[(rating - 1) as usize]),
                    "",
                    "model",
                    "",
                )
            };
            self.review(at, i, product, rating, &text, Tag::Launch(l, String::new()));
        }
    }

    // -- rings ------------------------------------------------------------------------------

    fn script_transcript(&mut self, script: usize, order: &Placed, tracking: &str) -> String {
        let noun = CATS[order.cat].noun;
        // A coin does not "turn on": the empty-box story instead.
        let script = if script == SCRIPT_DEFECTIVE && order.cat == COINS {
            SCRIPT_EMPTY
        } else {
            script
        };
        let mut parts = Vec::new();
        for (k, variants) in SCRIPTS[script].iter().enumerate() {
            if k > 1 && self.rng.chance(0.08) {
                continue;
            }
            let mut s = fill(self.rng.word(variants), &order.id, noun, tracking);
            if k > 0 && self.rng.chance(0.2) {
                s = s.to_lowercase();
            } else {
                s = capitalised(&s);
            }
            parts.push(s);
        }
        let customer = parts.join(". ");
        format!(
            "customer: {customer}.\nagent: {}\nagent: I have issued the refund.",
            self.rng.pick(AGENT_OPENINGS)
        )
    }

    fn ring_contact_device(&mut self, r: usize, i: usize) -> (String, String) {
        let device = if self.rng.chance(0.7) {
            self.rings[r].operator_device.clone()
        } else {
            self.accts[i].device.clone()
        };
        let ip = format!("{}.{}", self.rings[r].net, self.rng.range(2, 254));
        (device, ip)
    }

    fn fraud(&self, r: usize, i: usize, order: &Placed, kind: FraudKind) -> FraudRefund {
        FraudRefund {
            refund_id: String::new(),
            order_id: order.id.clone(),
            account_id: acct_id(i),
            ring_id: format!("ring-{}", r + 1),
            kind,
            issued_by: None,
            insider: false,
            amount_minor: order.total,
            category: CATS[order.cat].name.to_string(),
            outside_shift: false,
            without_contact: false,
            overrides_denial: false,
        }
    }

    fn insider_of(&self, r: usize, i: usize) -> Option<usize> {
        match self.accts[i].role {
            Role::Tied(_, agent) => Some(agent),
            _ => {
                let ins = &self.rings[r].insiders;
                (!ins.is_empty()).then(|| ins[i % ins.len()])
            }
        }
    }

    /// A bribed agent refunds: often overriding a denial, sometimes outside the shift or with
    /// no contact.
    #[allow(clippy::too_many_arguments)]
    fn insider_refund(
        &mut self,
        r: usize,
        i: usize,
        agent: usize,
        order: &Placed,
        t: i64,
        reason: &'static str,
        return_required: bool,
        kind: FraudKind,
        script: usize,
        tracking: &str,
    ) -> i64 {
        // A bribed agent often waives the return altogether.
        let return_required =
            return_required && !(kind == FraudKind::NothingReturned && self.rng.chance(0.5));
        let outside = self.rng.chance(0.25);
        let without_contact = self.rng.chance(0.3);
        let overrides = self.rng.chance(0.35);
        let Some((s, e)) = self.shift_of(agent, t) else {
            return t;
        };
        let from = t.max(s);
        let contact_at = from + self.rng.span(0, (e - from - 30 * MIN).max(0));
        let mut refund_at = (contact_at + self.rng.span(3 * MIN, 20 * MIN)).min(e - SEC);
        if outside {
            // From home, after the shift.
            refund_at = e + self.rng.span(HOUR, 5 * HOUR);
        }
        let channel = self.rng.word(&["chat", "chat", "phone"]);
        if !without_contact {
            let transcript = self.script_transcript(script, order, tracking);
            let (device, ip) = self.ring_contact_device(r, i);
            self.contact(
                contact_at,
                i,
                Some(agent),
                channel,
                Some(&order.id),
                &device,
                &ip,
                &transcript,
                true,
            );
        }
        let mut f = self.fraud(r, i, order, kind);
        f.insider = true;
        f.outside_shift = outside;
        f.without_contact = without_contact;
        let spec = RefundSpec {
            order,
            amount: order.total,
            reason,
            channel,
            agent: Some(agent),
            return_required,
            overrides,
        };
        self.refund(refund_at, i, &spec, Some(f));
        refund_at
    }

    /// A scripted contact talks an honest agent into a refund.
    #[allow(clippy::too_many_arguments)]
    fn conned_refund(
        &mut self,
        r: usize,
        i: usize,
        order: &Placed,
        t: i64,
        reason: &'static str,
        return_required: bool,
        kind: FraudKind,
        script: usize,
        tracking: &str,
    ) -> i64 {
        let mut f = self.fraud(r, i, order, kind);
        let Some((agent, at)) = self.agent_at(t, true) else {
            f.without_contact = true;
            let spec = RefundSpec {
                order,
                amount: order.total,
                reason,
                channel: "self_service",
                agent: None,
                return_required,
                overrides: false,
            };
            self.refund(t, i, &spec, Some(f));
            return t;
        };
        let transcript = self.script_transcript(script, order, tracking);
        let (device, ip) = self.ring_contact_device(r, i);
        let channel = self.rng.word(&["chat", "chat", "phone", "email"]);
        self.contact(
            at,
            i,
            Some(agent),
            channel,
            Some(&order.id),
            &device,
            &ip,
            &transcript,
            true,
        );
        let shift_end = self.shift_of(agent, at).map_or(at + HOUR, |s| s.1);
        let refund_at = (at + self.rng.span(5 * MIN, 25 * MIN))
            .min(shift_end - SEC)
            .max(at);
        let spec = RefundSpec {
            order,
            amount: order.total,
            reason,
            channel,
            agent: Some(agent),
            return_required,
            overrides: false,
        };
        self.refund(refund_at, i, &spec, Some(f));
        refund_at
    }

    /// The insider when there is one and the dice say so, otherwise a conned honest agent.
    #[allow(clippy::too_many_arguments)]
    fn ring_refund(
        &mut self,
        r: usize,
        i: usize,
        order: &Placed,
        t: i64,
        insider_share: f64,
        reason: &'static str,
        return_required: bool,
        kind: FraudKind,
        script: usize,
        tracking: &str,
    ) -> i64 {
        let tied = matches!(self.accts[i].role, Role::Tied(..));
        match self.insider_of(r, i) {
            Some(agent) if tied || self.rng.chance(insider_share) => self.insider_refund(
                r,
                i,
                agent,
                order,
                t,
                reason,
                return_required,
                kind,
                script,
                tracking,
            ),
            _ => self.conned_refund(
                r,
                i,
                order,
                t,
                reason,
                return_required,
                kind,
                script,
                tracking,
            ),
        }
    }

    fn automatic_fraud_refund(
        &mut self,
        r: usize,
        i: usize,
        order: &Placed,
        at: i64,
        reason: &'static str,
        kind: FraudKind,
    ) {
        let mut f = self.fraud(r, i, order, kind);
        f.without_contact = true;
        let spec = RefundSpec {
            order,
            amount: order.total,
            reason,
            channel: "self_service",
            agent: None,
            return_required: true,
            overrides: false,
        };
        self.refund(at, i, &spec, Some(f));
    }

    fn ring_fraud(&mut self, r: usize, i: usize, day_start: i64) {
        let t = (day_start + daytime(&mut self.rng)).max(self.accts[i].signup_at + 30 * MIN);
        let product = self.pick_product(RING_CATS);
        let order = self.order(i, t, &[(product, 1)]);
        let tied = matches!(self.accts[i].role, Role::Tied(..));
        let kind = if tied {
            [FraudKind::NotReceived, FraudKind::NothingReturned][self.rng.weighted(&[7, 3])]
        } else {
            [
                FraudKind::NotReceived,
                FraudKind::NothingReturned,
                FraudKind::RefundedBeforeScan,
                FraudKind::EmptyBox,
                FraudKind::FakeTracking,
            ][self.rng.weighted(&[35, 15, 15, 20, 15])]
        };
        let delivered = t + self.rng.span(2 * DAY, 4 * DAY);
        let warehouse = COUNTRIES[self.accts[i].country].warehouse;
        match kind {
            FraudKind::NotReceived => {
                let at = delivered + self.rng.span(HOUR, 3 * DAY);
                let script = if self.rng.chance(0.75) {
                    SCRIPT_NOT_RECEIVED
                } else {
                    SCRIPT_EMPTY
                };
                self.ring_refund(
                    r,
                    i,
                    &order,
                    at,
                    0.85,
                    "not_received",
                    false,
                    kind,
                    script,
                    "",
                );
            }
            FraudKind::NothingReturned => {
                let at = delivered + self.rng.span(DAY, 8 * DAY);
                let mut tracking = String::new();
                if self.rng.chance(0.5) {
                    // A label, and nothing ever after.
                    let parcel = self.parcel(i);
                    let label = at - self.rng.span(HOUR, 20 * HOUR);
                    self.return_event(label, i, &order, &parcel, "label_created", None, None);
                    tracking = parcel.tracking;
                }
                let reason = ["damaged", "not_as_described"][self.rng.index(2)];
                self.ring_refund(
                    r,
                    i,
                    &order,
                    at,
                    0.85,
                    reason,
                    true,
                    kind,
                    SCRIPT_DEFECTIVE,
                    &tracking,
                );
            }
            FraudKind::RefundedBeforeScan => {
                let parcel = self.parcel(i);
                let label = delivered + self.rng.span(DAY, 6 * DAY);
                self.return_event(label, i, &order, &parcel, "label_created", None, None);
                let at = label + self.rng.span(HOUR, 20 * HOUR);
                let reason = ["damaged", "wrong_item"][self.rng.index(2)];
                let refunded = if self.rng.chance(0.15) {
                    self.automatic_fraud_refund(r, i, &order, at, reason, kind);
                    at
                } else {
                    let tracking = parcel.tracking.clone();
                    self.ring_refund(
                        r,
                        i,
                        &order,
                        at,
                        0.85,
                        reason,
                        true,
                        kind,
                        SCRIPT_DEFECTIVE,
                        &tracking,
                    )
                };
                let scan = refunded.max(at) + self.rng.span(DAY, 4 * DAY);
                let depot = self.depot(i, &parcel);
                self.return_event(scan, i, &order, &parcel, "carrier_scan", Some(&depot), None);
                if self.rng.chance(0.5) {
                    let delivered = scan + self.rng.span(DAY, 2 * DAY);
                    self.return_event(
                        delivered,
                        i,
                        &order,
                        &parcel,
                        "delivered",
                        Some(warehouse),
                        None,
                    );
                    let weight = (order.grams * self.rng.range(3, 20) / 100).max(20);
                    let received = delivered + self.rng.span(2 * HOUR, DAY);
                    self.return_event(
                        received,
                        i,
                        &order,
                        &parcel,
                        "received",
                        Some(warehouse),
                        Some((weight, "empty")),
                    );
                }
            }
            FraudKind::EmptyBox => {
                let parcel = self.parcel(i);
                let label = delivered + self.rng.span(DAY, 5 * DAY);
                self.return_event(label, i, &order, &parcel, "label_created", None, None);
                let scan = label + self.rng.span(6 * HOUR, 2 * DAY);
                let depot = self.depot(i, &parcel);
                self.return_event(scan, i, &order, &parcel, "carrier_scan", Some(&depot), None);
                let at_warehouse = scan + self.rng.span(DAY, 2 * DAY);
                self.return_event(
                    at_warehouse,
                    i,
                    &order,
                    &parcel,
                    "delivered",
                    Some(warehouse),
                    None,
                );
                let received = at_warehouse + self.rng.span(2 * HOUR, DAY);
                // Paper and a box, or a brick-light substitute.
                let weight = (order.grams * self.rng.range(3, 25) / 100).max(20);
                let condition = ["empty", "wrong_item", "as_new"][self.rng.weighted(&[50, 25, 25])];
                self.return_event(
                    received,
                    i,
                    &order,
                    &parcel,
                    "received",
                    Some(warehouse),
                    Some((weight, condition)),
                );
                let at = received + self.rng.span(HOUR, DAY);
                let reason = ["damaged", "not_as_described"][self.rng.index(2)];
                if self.rng.chance(0.6) {
                    self.automatic_fraud_refund(r, i, &order, at, reason, kind);
                } else {
                    let tracking = parcel.tracking.clone();
                    self.ring_refund(
                        r,
                        i,
                        &order,
                        at,
                        1.0,
                        reason,
                        true,
                        kind,
                        SCRIPT_TRACKING,
                        &tracking,
                    );
                }
            }
            FraudKind::FakeTracking => {
                let parcel = self.parcel(i);
                let label = delivered + self.rng.span(DAY, 5 * DAY);
                self.return_event(label, i, &order, &parcel, "label_created", None, None);
                let scan = label + self.rng.span(6 * HOUR, 2 * DAY);
                let depot = self.depot(i, &parcel);
                self.return_event(scan, i, &order, &parcel, "carrier_scan", Some(&depot), None);
                let elsewhere = {
                    let a = &self.accts[i].addrs[0];
                    format!("Parcel locker {} {}", a.postcode, a.city)
                };
                let fake = scan + self.rng.span(6 * HOUR, 2 * DAY);
                self.return_event(
                    fake,
                    i,
                    &order,
                    &parcel,
                    "delivered",
                    Some(&elsewhere),
                    None,
                );
                let at = fake + self.rng.span(HOUR, 2 * DAY);
                let reason = ["damaged", "not_as_described", "changed_mind"][self.rng.index(3)];
                if self.rng.chance(0.5) {
                    self.automatic_fraud_refund(r, i, &order, at, reason, kind);
                } else {
                    let tracking = parcel.tracking.clone();
                    self.ring_refund(
                        r,
                        i,
                        &order,
                        at,
                        1.0,
                        reason,
                        true,
                        kind,
                        SCRIPT_TRACKING,
                        &tracking,
                    );
                }
            }
        }
    }

    /// A burst of 5-star reviews for a seller's product from the ring and its insiders'
    /// accounts.
    fn campaign(&mut self, r: usize, product: usize, day_start: i64) {
        let burst = day_start + self.rng.span(0, 20 * HOUR);
        let everyone: Vec<usize> = self.rings[r]
            .members
            .iter()
            .chain(&self.rings[r].tied)
            .copied()
            .collect();
        let noun = CATS[self.products[product].cat].noun;
        for i in everyone {
            if self.accts[i].signup_at >= burst || !self.rng.chance(0.75) {
                continue;
            }
            let at = burst + self.rng.span(0, 30 * HOUR);
            let rating = if self.rng.chance(0.9) { 5 } else { 4 };
            let mut parts = Vec::new();
            for (k, variants) in FAKE_REVIEW.iter().enumerate() {
                if k > 0 && self.rng.chance(0.15) {
                    continue;
                }
                parts.push(fill(self.rng.word(variants), "", noun, ""));
            }
            let text = parts.join(" ");
            let fake = FakeReview {
                review_id: String::new(),
                account_id: acct_id(i),
                product_id: self.products[product].id.clone(),
                ring_id: format!("ring-{}", r + 1),
            };
            self.review(at, i, product, rating, &text, Tag::Fake(Box::new(fake)));
        }
    }
}

fn acct_id(i: usize) -> String {
    format!("acct-{:06}", i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_rfc3339() {
        assert_eq!(rfc3339(DEFAULT_START), "2026-01-01T00:00:00Z");
        assert_eq!(rfc3339(1_772_716_020_000), "2026-03-05T13:07:00Z");
        assert_eq!(rfc3339(951_782_400_000), "2000-02-29T00:00:00Z");
    }

    #[test]
    fn the_prng_is_stable() {
        let mut a = Rng::new(7);
        let mut b = Rng::new(7);
        assert_eq!(a.next(), b.next());
        assert!(a.below(10) < 10);
        assert_eq!(a.range(5, 5), 5);
    }
}
