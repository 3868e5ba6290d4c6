//! Throughput benchmarks for each stage of the pipeline, in MB/s.
//!
//! Inputs are generated here from a few sentence templates with numbers drawn
//! from a fixed-seed generator (so no corpus text sits in the repository and
//! every run measures the same bytes), plus the two bundled seed articles for
//! the whole-document runs. Run with `cargo bench --bench pipeline`;
//! `DIVAN_SAMPLE_COUNT=10` makes a quick pass.

use divan::counter::BytesCount;
use divan::{Bencher, black_box};
use figcheck::analysis::{Analysis, Needs, Options};
use figcheck::source::{self, InputFormat, sentence};
use figcheck::{RuleSet, check, extract};

fn main() {
    divan::main();
}

/// The two seed articles shipped as test fixtures: real prose, with its
/// mix of figures and plain sentences.
const SEEDS: [&str; 2] = [
    include_str!("../tests/fixtures/seeds/000_47d0b5ff4e475279.txt"),
    include_str!("../tests/fixtures/seeds/003_b56a1be04dda86ca.txt"),
];

/// Templates per parser family. `{n}` is a small integer, `{d}` a decimal,
/// `{y}` a year, `{m}` a month name, `{w}` a scale word.
const NUMBERS: &[&str] = &[
    "The council counted {n} votes in favour and {n} against.",
    "About {n},{n}00 people attended, up from {n} the year before.",
    "The index rose {d}% to {n},{n}00.{n}, its highest close since {y}.",
    "Only one in {n} respondents said they had read the report.",
    "Turnout fell by {d} percentage points to {d}%.",
];
const MONEY: &[&str] = &[
    "The company reported revenue of ${d} {w}, up from ${d} {w} a year earlier.",
    "Shares fell {d}% to €{d} after the bank cut its target to £{n}.",
    "The contract is worth about {n} {w} dollars over {n} years.",
    "Analysts expect a loss of 1{n} million yen, against a profit of ¥{n} billion.",
    "Prices start at US${n},{n}99 and the premium tier costs Rs {n},000.",
];
const QUANTITIES: &[&str] = &[
    "The tanker carried nearly {n} {w} barrels of crude, more than {d} million tonnes.",
    "Rainfall reached {d} inches, or {n} millimetres, in {n} hours.",
    "The storm's winds peaked at {n} mph ({n} km/h) about {n} miles offshore.",
    "The plant uses {d} gigawatt-hours a year and employs {n},{n}00 workers.",
    "Temperatures hit {n} degrees Fahrenheit while the {n}-year-old runner covered {d} km.",
];
const DATES: &[&str] = &[
    "The talks began on {m} {n}, {y}, and ended on Thursday, {m} {n}.",
    "Between {y} and {y} the share doubled; it was first measured in the {y}s.",
    "The law took effect on {n} {m} {y}, {n} days after the vote on {y}-0{n}-1{n}.",
    "The fund, set up in {m} {y}, must report by the end of the third quarter of {y}.",
    "Officials said on Monday that the deal signed last week runs until {m} {y}.",
];
const MONTHS: &[&str] = &[
    "January", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "October", "Nov.",
    "December",
];
const SCALES: &[&str] = &["million", "billion", "trillion", "thousand"];

/// A small deterministic generator (xorshift), so inputs do not change
/// between runs.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// Fills `template`'s placeholders into `out`.
fn fill(template: &str, rng: &mut Rng, out: &mut String) {
    use std::fmt::Write;
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        let _ = match &rest[open + 1..open + close] {
            "n" => write!(out, "{}", 1 + rng.below(99)),
            "d" => write!(out, "{}.{}", 1 + rng.below(99), rng.below(10)),
            "y" => write!(out, "{}", 1990 + rng.below(35)),
            "m" => write!(out, "{}", MONTHS[rng.below(12) as usize]),
            "w" => write!(out, "{}", SCALES[rng.below(4) as usize]),
            other => write!(out, "{{{other}}}"),
        };
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
}

/// About `bytes` of prose from `templates`: sentences of a few per
/// paragraph, paragraphs separated by blank lines.
fn prose(templates: &[&str], bytes: usize, seed: u64) -> String {
    let mut rng = Rng(seed);
    let mut out = String::with_capacity(bytes + 256);
    let mut in_paragraph = 0;
    while out.len() < bytes {
        let t = templates[rng.below(templates.len() as u64) as usize];
        fill(t, &mut rng, &mut out);
        in_paragraph += 1;
        if in_paragraph == 4 {
            out.push_str("\n\n");
            in_paragraph = 0;
        } else {
            out.push(' ');
        }
    }
    out
}

/// News-like text: every family mixed with the seed articles' sentences.
fn mixed(bytes: usize) -> String {
    let all: Vec<&str> = [NUMBERS, MONEY, QUANTITIES, DATES].concat();
    let mut rng = Rng(7);
    let mut out = String::with_capacity(bytes + 8192);
    while out.len() < bytes {
        out.push_str(&prose(&all, 16 * 1024, rng.next() | 1));
        out.push_str(SEEDS[rng.below(2) as usize]);
        out.push_str("\n\n");
    }
    out
}

/// `text`'s paragraphs as Markdown: headings, emphasis, links, lists,
/// inline code and a fenced block now and then.
fn markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 5 / 4);
    for (i, para) in text.split("\n\n").enumerate() {
        match i % 6 {
            0 => out.push_str("## Section heading with 2 figures\n\n"),
            1 => out.push_str("- a list item, *emphasised*, with `code 42`\n- and a [link](https://example.com/2024/03)\n\n"),
            2 => out.push_str("> A quoted remark on the **3rd** quarter.\n\n"),
            3 => out.push_str("```\nlet x = 1_000;\n```\n\n"),
            _ => {}
        }
        out.push_str(para);
        out.push_str("\n\n");
    }
    out
}

/// `text`'s paragraphs as an HTML page: markup, entities, a script and a
/// style block that are not prose.
fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3 / 2);
    out.push_str(
        "<!doctype html><html><head><title>Report</title><style>p{margin:0}</style></head><body>\n",
    );
    for (i, para) in text.split("\n\n").enumerate() {
        match i % 5 {
            0 => out.push_str("<h2>Section &amp; heading</h2>\n"),
            1 => out.push_str("<script>var n = 12345;</script>\n"),
            2 => out.push_str("<ul><li>An item &ndash; <em>3</em> of 4</li></ul>\n"),
            _ => {}
        }
        out.push_str("<p class=\"body\">");
        out.push_str(&para.replace('&', "&amp;"));
        out.push_str("</p>\n");
    }
    out.push_str("</body></html>\n");
    out
}

const KB: usize = 1024;
const MB: usize = 1024 * KB;

/// Sentence splitting then extraction, on one family's text.
fn bench_extract(bencher: Bencher, text: &str) {
    let sentences = sentence::split(text);
    bencher
        .counter(BytesCount::of_str(text))
        .bench(|| extract::extract(black_box(text), black_box(&sentences)));
}

mod extract_family {
    use super::*;

    #[divan::bench]
    fn numbers(b: Bencher) {
        bench_extract(b, &prose(NUMBERS, 256 * KB, 1));
    }

    #[divan::bench]
    fn money(b: Bencher) {
        bench_extract(b, &prose(MONEY, 256 * KB, 2));
    }

    #[divan::bench]
    fn quantities(b: Bencher) {
        bench_extract(b, &prose(QUANTITIES, 256 * KB, 3));
    }

    #[divan::bench]
    fn dates(b: Bencher) {
        bench_extract(b, &prose(DATES, 256 * KB, 4));
    }

    #[divan::bench]
    fn seeds(b: Bencher) {
        bench_extract(b, &SEEDS.concat());
    }
}

#[divan::bench]
fn sentence_split(b: Bencher) {
    let text = mixed(MB);
    b.counter(BytesCount::of_str(&text))
        .bench(|| sentence::split(black_box(&text)));
}

mod source_layer {
    use super::*;

    #[divan::bench]
    fn markdown(b: Bencher) {
        let text = super::markdown(&mixed(MB));
        b.counter(BytesCount::of_str(&text))
            .bench(|| source::prose(black_box(&text), InputFormat::Markdown));
    }

    #[divan::bench]
    fn html(b: Bencher) {
        let text = super::html(&mixed(MB));
        b.counter(BytesCount::of_str(&text))
            .bench(|| source::prose(black_box(&text), InputFormat::Html));
    }
}

/// The whole document path: source layer, sentences, claims, relations and
/// every check, as `figcheck check` runs it (no claim context), on
/// documents of 1 and 4 MB (per-MB cost should be flat).
mod check_document {
    use super::*;

    fn run(b: Bencher, text: &str, format: InputFormat) {
        let rules = RuleSet::all();
        let options = Options { format, date: None };
        b.counter(BytesCount::of_str(text)).bench(|| {
            let doc = Analysis::with(black_box(text), &options, Needs::CHECKS);
            check::run(&doc, &rules)
        });
    }

    #[divan::bench(args = [1, 4])]
    fn plain(b: Bencher, mb: usize) {
        run(b, &mixed(mb * MB), InputFormat::Plain);
    }

    #[divan::bench]
    fn markdown(b: Bencher) {
        run(b, &super::markdown(&mixed(MB)), InputFormat::Markdown);
    }

    #[divan::bench]
    fn html(b: Bencher) {
        run(b, &super::html(&mixed(MB)), InputFormat::Html);
    }
}
