//! Money: the currency written around a number ("US$ 5", "€40", "1.05
//! billion dlrs", "55 billion rubles", "50 cents").
//!
//! An amount in a minor unit keeps the number written: "50 cents" is 50 in
//! the unit "USD cent", not 0.5 USD, so that a claim says what the text
//! says; checks compare it only with amounts in the same unit.
//!
//! The currencies are data (`checks/lexicon/currencies.toml`). Symbols and
//! codes before a number match exactly; words after it match in any case,
//! longest first. The number and its scale are [`super::number`]'s.

use std::sync::LazyLock;

use serde::Deserialize;

use super::lexicon::{self, ShapeMask, WordMap, alnum_head, leading_letters, match_exact, spaces};
use super::number::{match_found, word_of_run};
use super::packed::PackedLists;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    currency: Vec<Entry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    code: String,
    #[serde(default = "one")]
    factor: f64,
    #[serde(default)]
    before: Vec<String>,
    #[serde(default)]
    after: Vec<String>,
    /// The minor unit these words name ("cent"): an amount written in it
    /// keeps its number and gets the unit "USD cent".
    #[serde(default)]
    minor: Option<String>,
    /// What a claim in this form reports as its unit: the code, or the code
    /// and the minor unit.
    #[serde(skip)]
    unit: String,
}

fn one() -> f64 {
    1.0
}

struct Currencies {
    entries: Vec<Entry>,
    /// First byte → the symbols and codes written before a number that
    /// begin with it, longest first.
    before: Vec<Vec<Before>>,
    /// First lowercase word → (entry, word), longest first: what
    /// `after_packed` holds, kept for the tests.
    #[cfg(test)]
    after: WordMap<Vec<(usize, usize)>>,
    /// The shapes of the keys of `after`: most words after a figure are
    /// turned away before any lookup.
    after_shapes: ShapeMask,
    /// `after` by its keys' packed letters: [`word_after`] looks a word up
    /// in any case, without lowercasing a copy or hashing it. Every key
    /// packs (a test sees to it).
    after_packed: PackedLists<(usize, usize)>,
}

/// A symbol or code of [`Entry::before`], with the lengths of its heads,
/// which decide which prose it can match: most figures are tried at
/// capitalised words ("The", "Chief"), which begin with the letters of
/// several codes, and the heads turn them away before any comparison.
#[derive(Clone, Copy)]
struct Before {
    /// The entry, and the symbol's place in its `before`.
    entry: usize,
    sym: usize,
    /// The ASCII letters the symbol begins with: the prose that [`prefix`]
    /// matches begins with as many (a code does not run into a word).
    letters: usize,
    /// The ASCII letters and digits it begins with: the prose [`suffix`]
    /// matches begins with as many (a word ends after the symbol).
    alnum: usize,
    /// No lowercase letter: [`suffix`] reads only such symbols.
    symbolic: bool,
}

static CURRENCIES: LazyLock<Currencies> = LazyLock::new(|| {
    let mut file: File = lexicon::parse(
        "currencies",
        include_str!("../../checks/lexicon/currencies.toml"),
    );
    for e in &mut file.currency {
        e.unit = match &e.minor {
            Some(m) => format!("{} {m}", e.code),
            None => e.code.clone(),
        };
    }
    let mut before = vec![Vec::new(); 256];
    let mut after: WordMap<Vec<(usize, usize)>> = WordMap::default();
    for (i, e) in file.currency.iter().enumerate() {
        for (j, b) in e.before.iter().enumerate() {
            if let Some(&c) = b.as_bytes().first() {
                before[usize::from(c)].push(Before {
                    entry: i,
                    sym: j,
                    letters: leading_letters(b).len(),
                    alnum: alnum_head(b),
                    symbolic: !b.bytes().any(|b| b.is_ascii_lowercase()),
                });
            }
        }
        for (j, a) in e.after.iter().enumerate() {
            let first: String = a
                .chars()
                .take_while(char::is_ascii_alphabetic)
                .collect::<String>()
                .to_ascii_lowercase();
            after.entry(first).or_default().push((i, j));
        }
    }
    for v in &mut before {
        v.sort_by_key(|b| std::cmp::Reverse(file.currency[b.entry].before[b.sym].len()));
    }
    for v in after.values_mut() {
        v.sort_by_key(|&(i, j)| std::cmp::Reverse(file.currency[i].after[j].len()));
    }
    let after_shapes = after.keys().collect();
    let after_packed = PackedLists::new(after.iter().map(|(w, l)| (w.as_str(), l.as_slice())));
    Currencies {
        entries: file.currency,
        before,
        #[cfg(test)]
        after,
        after_shapes,
        after_packed,
    }
});

/// A currency found next to a number.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Currency {
    /// The unit a claim reports: the ISO 4217 code ("USD"), or for a minor
    /// unit the code and its name ("USD cent", "GBP penny").
    pub code: &'static str,
    /// Converts the written amount to `code`'s unit: 1e6 for "MEUR", 1 for
    /// cents, which keep their number ("50 cents" is 50 USD cent).
    pub factor: f64,
    /// The hundredths of the major unit ("cents", "pence"), which may follow
    /// a whole amount: "thirteen dollars and forty-five cents".
    pub minor: bool,
    pub start: usize,
    /// End of the symbol or word.
    pub end: usize,
    /// For a symbol before the number: where the number starts.
    pub next: usize,
}

impl Currency {
    fn new(e: &'static Entry, start: usize, end: usize, next: usize) -> Currency {
        let minor = e.minor.is_some();
        Currency {
            code: e.unit.as_str(),
            factor: if minor { 1.0 } else { e.factor },
            minor,
            start,
            end,
            next,
        }
    }
}

/// Every currency symbol, code and word, for tests.
#[cfg(test)]
pub(crate) fn phrases() -> impl Iterator<Item = &'static str> {
    let c: &'static Currencies = &CURRENCIES;
    c.entries
        .iter()
        .flat_map(|e| e.before.iter().chain(&e.after))
        .map(String::as_str)
}

/// The symbols and codes [`suffix`] reads (those without a lowercase
/// letter) and its words: what [`super::quantity::may_follow`] lets
/// through after a number.
pub(crate) fn suffix_forms() -> impl Iterator<Item = &'static str> {
    let c: &'static Currencies = &CURRENCIES;
    let symbols = c.before.iter().flatten().filter(|b| b.symbolic);
    symbols
        .map(|b| c.entries[b.entry].before[b.sym].as_str())
        .chain(
            c.entries
                .iter()
                .flat_map(|e| e.after.iter().map(String::as_str)),
        )
}

/// True when `b` can begin a currency symbol or code.
pub(crate) fn may_prefix(b: u8) -> bool {
    !CURRENCIES.before[usize::from(b)].is_empty()
}

/// A currency symbol or code at `pos`, followed (after optional spaces) by a
/// digit: "$5", "US$ 5", "€ 40", "USD 5".
///
/// Inlined where it is called: two in three of the places it is asked
/// about on news text begin with a byte that begins no symbol or code (a
/// digit, most letters), which one lookup turns away before [`prefix_read`]
/// is called. (As a call of its own, with the test inside, it cost ~85
/// instructions a call.)
#[inline(always)]
pub(crate) fn prefix(text: &str, pos: usize, end: usize) -> Option<Currency> {
    if !text.as_bytes().get(pos).is_some_and(|&b| may_prefix(b)) {
        return None;
    }
    prefix_read(text, pos, end)
}

/// [`prefix`] past its first-byte test.
fn prefix_read(text: &str, pos: usize, end: usize) -> Option<Currency> {
    let s = text.get(pos..end)?;
    let c: &'static Currencies = &CURRENCIES;
    let symbols = &c.before[usize::from(*s.as_bytes().first()?)];
    let letters = if symbols.is_empty() {
        0
    } else {
        leading_letters(s).len()
    };
    for b in symbols.iter().filter(|b| b.letters == letters) {
        let i = b.entry;
        let sym = &c.entries[i].before[b.sym];
        let Some(n) = match_symbol(s, sym) else {
            continue;
        };
        if let Some(gap) = number_after(sym, &s[n..]) {
            return Some(Currency::new(&c.entries[i], pos, pos + n, pos + n + gap));
        }
    }
    None
}

/// [`match_exact`] of a symbol or code `sym` at the start of `s`, its
/// second byte compared first: the capitalised words that share a code's
/// first letter and length ("The" and "THB", "Chief" and "CHF") differ
/// there, and are turned away without a call to compare the rest (~23,000
/// calls on 5 MB of news, most of them failing).
fn match_symbol(s: &str, sym: &str) -> Option<usize> {
    let second = sym.as_bytes().get(1);
    if second.is_some() && s.as_bytes().get(1) != second {
        return None;
    }
    match_exact(s, sym)
}

/// The spaces between a symbol or code `sym` of [`prefix`] and the number
/// that `rest`, the prose after it, holds: a digit, or a point and a digit.
/// `None` without one, or where a code runs into a word ("USDA", "Rsx").
fn number_after(sym: &str, rest: &str) -> Option<usize> {
    if sym.as_bytes().last().is_some_and(u8::is_ascii_alphabetic)
        && rest.as_bytes().first().is_some_and(u8::is_ascii_alphabetic)
    {
        return None;
    }
    let gap = spaces(rest);
    let nb = rest.as_bytes();
    let digit = |k: usize| nb.get(k).is_some_and(u8::is_ascii_digit);
    (digit(gap) || (nb.get(gap) == Some(&b'.') && digit(gap + 1))).then_some(gap)
}

/// True when a symbol or code that [`suffix`] read ends before `after`: no
/// letter or digit follows it, nor a number after spaces.
fn ends_after(after: &str) -> bool {
    let number_follows = after
        .trim_start_matches([' ', '\t'])
        .bytes()
        .next()
        .is_some_and(|b| b.is_ascii_digit());
    lexicon::ends_word(after, 0) && !number_follows
}

/// A currency after a number ending at `pos`: a word after a space or a
/// hyphen ("dlrs", "billion rubles" with the scale already read, "pounds
/// sterling", "12-cent"), or a symbol or code, glued or spaced, that no
/// number follows ("10 €", "115USD").
pub(crate) fn suffix(text: &str, pos: usize, end: usize) -> Option<Currency> {
    let s = text.get(pos..end)?;
    let c: &'static Currencies = &CURRENCIES;
    let gap = spaces(s);
    if let Some(&first) = s.as_bytes().get(gap) {
        let symbols = &c.before[usize::from(first)];
        let alnum = if symbols.is_empty() {
            0
        } else {
            alnum_head(&s[gap..])
        };
        for b in symbols.iter().filter(|b| b.symbolic && b.alnum == alnum) {
            let i = b.entry;
            let sym = c.entries[i].before[b.sym].as_str();
            let Some(n) = match_symbol(&s[gap..], sym) else {
                continue;
            };
            if ends_after(&s[gap + n..]) {
                return Some(Currency::new(
                    &c.entries[i],
                    pos + gap,
                    pos + gap + n,
                    pos + gap + n,
                ));
            }
        }
    }
    word_after(s, pos, gap)
}

/// The currency word of [`suffix`] in `s`, the prose from `pos`, which
/// begins with `gap` spaces and no symbol.
fn word_after(s: &str, pos: usize, gap: usize) -> Option<Currency> {
    let c: &'static Currencies = &CURRENCIES;
    let gap = word_gap(s, gap)?;
    let run = leading_letters(&s[gap..]);
    if !c.after_shapes.may_hold(run) {
        return None;
    }
    // looked up in the prose, which lets a short word be read in one load
    let w = word_of_run(&s[gap..], run)?;
    let list = c.after_packed.get(&s.as_bytes()[gap..], w.len());
    for &(i, j) in list {
        if let Some(n) = match_found(&s[gap..], w.len(), &c.entries[i].after[j]) {
            let e = pos + gap + n;
            return Some(Currency::new(&c.entries[i], pos + gap, e, e));
        }
    }
    None
}

/// Where a currency word after a figure begins in `s`: after the `gap`
/// spaces, or after a hyphen joined to the figure ("5-dollar"); `None`
/// when neither parts them.
fn word_gap(s: &str, gap: usize) -> Option<usize> {
    let gap = if gap == 0 && s.starts_with('-') {
        1
    } else {
        gap
    };
    (gap > 0).then_some(gap)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn before(s: &str, code: &str, next: usize) {
        let c = prefix(s, 0, s.len()).unwrap_or_else(|| panic!("no currency in `{s}`"));
        assert_eq!((c.code, c.next), (code, next), "`{s}`");
    }

    #[track_caller]
    fn after(s: &str, code: &str, word: &str) {
        let c = suffix(s, 0, s.len()).unwrap_or_else(|| panic!("no currency in `{s}`"));
        assert_eq!((c.code, &s[c.start..c.end]), (code, word), "`{s}`");
    }

    #[test]
    fn symbols_before() {
        before("$5", "USD", 1);
        before("$ 75 million", "USD", 2);
        before("US$1.2", "USD", 3);
        before("A$246bn", "AUD", 2);
        before("NZ$ 5", "NZD", 4);
        before("€.5", "EUR", 3);
        before("£40", "GBP", 2);
        before("USD 5", "USD", 4);
        before("Rs 500", "INR", 3);
        assert_eq!(prefix("$x", 0, 2), None);
        assert_eq!(prefix("USDA 5", 0, 6), None);
        assert_eq!(prefix("US$", 0, 3), None);
    }

    #[test]
    fn words_after() {
        after(" dlrs", "USD", "dlrs");
        after(" Dollars.", "USD", "Dollars");
        after(" pounds sterling", "GBP", "pounds sterling");
        assert_eq!(suffix(" billion", 0, 8), None);
    }

    #[test]
    fn cents_are_a_unit_of_their_own() {
        let c = suffix(" cents a share", 0, 14).unwrap();
        assert_eq!((c.code, c.factor, c.minor), ("USD cent", 1.0, true));
        let c = suffix(" pence", 0, 6).unwrap();
        assert_eq!((c.code, c.factor, c.minor), ("GBP penny", 1.0, true));
        let c = suffix(" dollars", 0, 8).unwrap();
        assert_eq!((c.code, c.factor, c.minor), ("USD", 1.0, false));
        assert_eq!(suffix(" rubles", 0, 7).map(|c| c.code), Some("RUB"));
        assert_eq!(suffix(" D-marks", 0, 8).map(|c| c.code), Some("DEM"));
        assert_eq!(suffix(" dollarization", 0, 14), None);
        assert_eq!(suffix("dlrs", 0, 4), None);
        assert_eq!(suffix("-cent-a-share", 0, 13).map(|c| c.end), Some(5));
        assert_eq!(suffix(" €, 10", 0, 6).map(|c| c.code), Some("EUR"));
        assert_eq!(suffix("USD", 0, 3).map(|c| c.code), Some("USD"));
        assert_eq!(suffix(" $ 14 million", 0, 13), None);
        assert_eq!(suffix(" USDA", 0, 5), None);
    }

    #[test]
    fn more_currencies() {
        before("₿21,000,000", "BTC", 3);
        before("MEUR 60", "EUR", 5);
        before("Rp 5,000", "IDR", 3);
        after(" riyals", "SAR", "riyals");
        after(" baht", "THB", "baht");
        after(" MEUR", "EUR", "MEUR");
        assert_eq!(suffix(" MEUR", 0, 5).map(|c| c.factor), Some(1e6));
        // "10 dm" is ten decimetres; Deutsche marks are "DM"
        assert_eq!(suffix(" dm", 0, 3), None);
        assert_eq!(suffix(" DM", 0, 3).map(|c| c.code), Some("DEM"));
        assert_eq!(prefix("Rpx 5", 0, 5), None);
    }

    /// [`prefix`] and [`suffix`] as they were before the symbols were
    /// filtered by their heads ([`Before`]): every symbol compared.
    fn reference(text: &str, after: bool) -> Option<Currency> {
        let c: &'static Currencies = &CURRENCIES;
        let gap = if after { spaces(text) } else { 0 };
        let s = &text[gap..];
        for b in &c.before[usize::from(*s.as_bytes().first()?)] {
            let sym = c.entries[b.entry].before[b.sym].as_str();
            let symbolic = !sym.bytes().any(|b| b.is_ascii_lowercase());
            let Some(n) = match_exact(s, sym).filter(|_| symbolic || !after) else {
                continue;
            };
            let e = &c.entries[b.entry];
            if after {
                if ends_after(&s[n..]) {
                    return Some(Currency::new(e, gap, gap + n, gap + n));
                }
            } else if let Some(g) = number_after(sym, &s[n..]) {
                return Some(Currency::new(e, 0, n, n + g));
            }
        }
        // past the symbols, `suffix` reads words, which the heads leave alone
        after.then(|| word_after(text, 0, gap)).flatten()
    }

    /// The head filters of [`prefix`] and [`suffix`] answer as comparing
    /// every symbol did: each symbol and code, cut, doubled, in other
    /// cases, before and after digits, letters, marks and spaces.
    /// Every currency symbol and code written before a number.
    fn before_symbols() -> Vec<&'static str> {
        CURRENCIES
            .entries
            .iter()
            .flat_map(|e| e.before.iter().map(String::as_str))
            .collect()
    }

    /// The words of `extra`, then each of `syms` as it stands, lowercased,
    /// uppercased, doubled and cut short.
    fn symbol_forms(syms: &[&str], extra: &[&str]) -> Vec<String> {
        let mut forms: Vec<String> = extra.iter().map(|w| w.to_string()).collect();
        for sym in syms {
            forms.extend([
                sym.to_string(),
                sym.to_ascii_lowercase(),
                sym.to_ascii_uppercase(),
                format!("{sym}{sym}"),
            ]);
            forms.extend((1..sym.len()).filter_map(|k| sym.get(..k).map(String::from)));
        }
        forms
    }

    #[test]
    fn symbol_heads_answer_as_every_symbol_compared() {
        let syms = before_symbols();
        let forms = symbol_forms(&syms, &["The", "Chief", "A", "U", "Rs", "x"]);
        let leads = ["", " ", "  ", "-", "\t"];
        let tails = [
            "", "5", " 5", "  5", ".5", " .5", "5m", "A", "a", "A 5", "a5", "x", "$", "-", ",",
            " €", " dollars", " and", "é", "_5",
        ];
        let mut tried = 0;
        for f in &forms {
            for lead in leads {
                for tail in tails {
                    let t = format!("{lead}{f}{tail}");
                    assert_eq!(prefix(&t, 0, t.len()), reference(&t, false), "{t:?}");
                    assert_eq!(suffix(&t, 0, t.len()), reference(&t, true), "{t:?}");
                    tried += 1;
                }
            }
        }
        assert!(tried > 10_000, "{tried}");
    }

    /// [`match_symbol`] answers as [`match_exact`] for every symbol and
    /// code against each one's forms (cut, doubled, either case) and
    /// capitalised words, before tails; counts the matches and the
    /// strings its second byte turned away after the first matched.
    #[test]
    fn symbols_match_as_compared_whole() {
        let syms = before_symbols();
        let forms = symbol_forms(&syms, &["The", "Chief", "Sun", "Rs", "x", "", "$"]);
        let (mut found, mut turned) = (0, 0);
        for sym in &syms {
            for f in &forms {
                for tail in ["", "5", " 5", "a", "\u{e9}"] {
                    let t = format!("{f}{tail}");
                    let got = match_symbol(&t, sym);
                    assert_eq!(got, match_exact(&t, sym), "{sym:?} in {t:?}");
                    found += usize::from(got.is_some());
                    // the first byte shared, the second not
                    let (a, b) = (t.as_bytes(), sym.as_bytes());
                    turned +=
                        usize::from(b.len() > 1 && a.first() == b.first() && a.get(1) != b.get(1));
                }
            }
        }
        assert!(found > 300 && turned > 1_000, "{found} {turned}");
    }

    /// [`word_after`] as it read before `after_packed`: the word
    /// lowercased and looked up in the map.
    fn word_after_by_map(s: &str, pos: usize, gap: usize) -> Option<Currency> {
        let c: &'static Currencies = &CURRENCIES;
        let gap = super::word_gap(s, gap)?;
        let mut buf = lexicon::WordBuf::new();
        let (w, _) = lexicon::lower_word(&s[gap..], &mut buf)?;
        c.after.get(w)?.iter().find_map(|&(i, j)| {
            let n = lexicon::match_phrase(&s[gap..], &c.entries[i].after[j], true)?;
            let e = pos + gap + n;
            Some(Currency::new(&c.entries[i], pos + gap, e, e))
        })
    }

    /// [`word_after`] answers as [`word_after_by_map`]: every currency word
    /// and phrase in its forms (capitals, capitalised, cut short, plural,
    /// doubled) and strings glued from their words, letters, digits and
    /// marks, after a space, a hyphen or nothing. Every key packs.
    #[test]
    fn packed_words_after_answer_as_the_map() {
        let c = &*CURRENCIES;
        for k in c.after.keys() {
            assert!(super::super::packed::packable(k), "{k}");
        }
        let words: Vec<&str> = c
            .entries
            .iter()
            .flat_map(|e| e.after.iter())
            .flat_map(|a| a.split(' '))
            .collect();
        let mut pieces = words.clone();
        pieces.extend([
            " ",
            "  ",
            "a",
            "Z",
            "-",
            "5",
            "\u{e9}",
            ".",
            "xxxxxxxxxxxxxxxxxxxxxxxx",
        ]);
        let phrases = c
            .entries
            .iter()
            .flat_map(|e| e.after.iter().map(String::as_str));
        let probes = crate::testgen::lookup_probes(
            words.iter().copied().chain(phrases),
            crate::testgen::glued(20_000, 5, &pieces, 0x9e37_79b9_7f4a_7c15),
            &["", " ", "5", "\u{e9}", "-", "s", " sterling", ".", "a"],
        );
        let mut found = 0;
        for p in &probes {
            for lead in ["", " ", "-", "\t "] {
                let t = format!("{lead}{p}");
                let gap = spaces(&t);
                let got = word_after(&t, 3, gap);
                assert_eq!(got, word_after_by_map(&t, 3, gap), "{t:?}");
                found += usize::from(got.is_some());
            }
        }
        assert!(found > 1000, "only {found} found");
    }

    #[test]
    fn shapes_hold_every_word_after() {
        lexicon::assert_shapes_hold(&CURRENCIES.after_shapes, CURRENCIES.after.keys());
    }

    #[test]
    fn lexicon_is_clean() {
        let mut before = std::collections::HashSet::new();
        let mut after = std::collections::HashSet::new();
        for e in &CURRENCIES.entries {
            assert_eq!(e.code.len(), 3, "`{}`", e.code);
            // a minor unit is a hundredth, named after it
            assert!(e.minor.is_none() || e.factor == 0.01, "`{}`", e.unit);
            assert!(!e.before.is_empty() || !e.after.is_empty());
            for b in &e.before {
                assert!(!b.is_empty() && before.insert(b.as_str()), "`{b}`");
                // the scanner skips a capitalised word before spaces and a
                // letter ("The company") without looking codes up
                let bytes = b.as_bytes();
                assert!(
                    !bytes
                        .windows(2)
                        .any(|w| matches!(w[0], b' ' | b'\t') && w[1].is_ascii_alphabetic()),
                    "`{b}` holds a space before a letter"
                );
            }
            for a in &e.after {
                assert!(!a.is_empty() && a == &a.to_lowercase(), "`{a}`");
                assert!(after.insert(a.as_str()), "duplicate `{a}`");
            }
        }
    }
}
