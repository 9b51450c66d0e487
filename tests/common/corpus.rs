//! Generated news articles for the resume test and the benchmark: deterministic (a fixed
//! xorshift seed), varied enough that paragraphs rarely repeat, and shaped like the examples
//! (headline, dateline, bullets, quotes, names, units, ranges, dates).
#![allow(dead_code)]

/// A small deterministic generator; no dependency, same output on every machine.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const PEOPLE: &[&str] = &[
    "Oleksandr Hrytsenko",
    "Daria Melnyk",
    "Serhiy Tkachenko",
    "Park Ji-hoon",
    "Lee Min-seo",
    "Anna Keller",
    "Matthias Brunner",
    "Nataliya Kovalenko",
    "Ihor Bondar",
    "Kim Su-bin",
];
const ORGS: &[&str] = &[
    "the regional council",
    "the port authority",
    "the defence ministry",
    "the railway company",
    "the weather service",
    "the grain association",
    "the city hospital",
    "the central bank",
];
const PLACES: &[&str] = &[
    "Kyiv",
    "Odesa",
    "Seoul",
    "Lugano",
    "Dnipro",
    "Paju",
    "Zaporizhzhia",
    "Geneva",
    "Busan",
];
const VERBS: &[&str] = &[
    "said",
    "reported",
    "announced",
    "confirmed",
    "estimated",
    "warned",
    "told reporters",
];
const THINGS: &[&str] = &[
    "trucks",
    "ships",
    "trains",
    "shells",
    "tonnes of grain",
    "patients",
    "workers",
    "drones",
];
const MONTHS: &[&str] = &[
    "January", "February", "March", "April", "May", "June", "October",
];
const UNITS: &[&str] = &["km", "tonnes", "litres", "metres", "hours"];

fn number(rng: &mut Rng) -> String {
    match rng.below(4) {
        0 => format!("{}", 2 + rng.below(98)),
        1 => format!("{},{:03}", 1 + rng.below(40), rng.below(1000)),
        2 => format!("{}.{}", 1 + rng.below(9), rng.below(10)),
        _ => format!("{}%", 1 + rng.below(60)),
    }
}

pub fn sentence(rng: &mut Rng) -> String {
    let who = rng.pick(PEOPLE).to_string();
    match rng.below(6) {
        0 => format!(
            "{who}, who works for {}, {} that {} {} arrived in {} on {} {}.",
            rng.pick(ORGS),
            rng.pick(VERBS),
            number(rng),
            rng.pick(THINGS),
            rng.pick(PLACES),
            rng.pick(MONTHS),
            1 + rng.below(28)
        ),
        1 => format!(
            "The road between {} and {} is about {} {} long and was closed for {} days.",
            rng.pick(PLACES),
            rng.pick(PLACES),
            10 + rng.below(400),
            rng.pick(UNITS),
            2 + rng.below(30)
        ),
        2 => format!(
            "\"We need between {} and {} more {} before the winter,\" {who} {}.",
            1000 + rng.below(9000),
            10_000 + rng.below(9000),
            rng.pick(THINGS),
            rng.pick(VERBS)
        ),
        3 => format!(
            "According to {}, prices rose by {} in the first weeks of {}.",
            rng.pick(ORGS),
            number(rng),
            rng.pick(MONTHS)
        ),
        4 => format!(
            "Each convoy carries up to {} {} and crosses the river at night, the officials {}.",
            number(rng),
            rng.pick(UNITS),
            rng.pick(VERBS)
        ),
        _ => format!(
            "Residents of {} said the new {} would open on {}.{}.2025, {} days later than planned.",
            rng.pick(PLACES),
            rng.pick(&["bridge", "school", "station", "clinic"]),
            1 + rng.below(28),
            1 + rng.below(12),
            3 + rng.below(90)
        ),
    }
}

pub fn paragraph(rng: &mut Rng) -> String {
    let n = 2 + rng.below(4);
    (0..n).map(|_| sentence(rng)).collect::<Vec<_>>().join(" ")
}

/// One Markdown article of about `paragraphs` paragraphs.
pub fn article(rng: &mut Rng, paragraphs: usize) -> String {
    let mut out = format!(
        "# {} {} {} in {}\n\n**{}, {} {}** — {}\n\n",
        rng.pick(&["More", "Fewer", "New"]),
        rng.pick(THINGS),
        rng.pick(&["reach", "leave", "wait near"]),
        rng.pick(PLACES),
        rng.pick(PLACES).to_uppercase(),
        rng.pick(MONTHS),
        1 + rng.below(28),
        paragraph(rng)
    );
    for i in 0..paragraphs {
        if i % 4 == 2 {
            for _ in 0..3 {
                out.push_str(&format!("- {}\n", sentence(rng)));
            }
            out.push('\n');
        } else {
            out.push_str(&paragraph(rng));
            out.push_str("\n\n");
        }
    }
    out
}

/// Writes `files` articles into `dir`; returns the total bytes written.
pub fn write_corpus(dir: &std::path::Path, files: usize, paragraphs: usize, seed: u64) -> usize {
    std::fs::create_dir_all(dir).expect("mkdir");
    let mut rng = Rng::new(seed);
    let mut total = 0;
    for i in 0..files {
        let text = article(&mut rng, paragraphs);
        total += text.len();
        std::fs::write(dir.join(format!("article-{i:04}.md")), text).expect("write");
    }
    total
}
