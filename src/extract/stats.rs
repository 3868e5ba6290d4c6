//! Statistical test reports in prose ("t(28) = 2.20, p = .03", "F(2, 45) =
//! 3.1, p < .05", "χ2(1, N = 90) = 4.2, p = .04", "r(48) = .35, p = .01",
//! "z = 1.96, p = .05"): the nom parser that finds them, and the numerical
//! code that recomputes p from the statistic and its degrees of freedom.
//!
//! The distributions are computed here, not pulled from a crate: the
//! regularized incomplete beta function (by its continued fraction) gives
//! the t, F and r tails, the regularized incomplete gamma function gives the
//! χ² tail, and the normal tail is the gamma function's too (erfc(x) =
//! Q(1/2, x²)). t, z and r are two-tailed, F and χ² upper-tailed, as APA
//! reports mean them. [`Report::p_interval`] turns the statistic's written
//! precision into an interval of p: "2.20" may be anything in [2.195,
//! 2.205], so p may be anything between the two tails.

use nom::branch::alt;
use nom::bytes::complete::{tag, tag_no_case, take_while};
use nom::character::complete::{char, digit1, space0};
use nom::combinator::{opt, recognize};
use nom::{IResult, Parser};

use crate::source::Span;

/// The test a statistic belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Test {
    T,
    F,
    Chi2,
    R,
    Z,
}

impl Test {
    /// The name a message shows.
    pub fn as_str(self) -> &'static str {
        match self {
            Test::T => "t",
            Test::F => "F",
            Test::Chi2 => "χ²",
            Test::R => "r",
            Test::Z => "z",
        }
    }
}

/// How p is reported: "=", "<" or ">".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmp {
    Eq,
    Lt,
    Gt,
}

/// A number as written, with its decimals.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Written {
    pub value: f64,
    pub decimals: u32,
}

impl Written {
    /// Half a unit in the last written place.
    pub fn half_ulp(self) -> f64 {
        0.5 * 10f64.powi(-(self.decimals.min(12) as i32))
    }
}

/// One report: the test, its degrees of freedom, the statistic and p.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub test: Test,
    /// t, r, χ²: one; F: two; z: none.
    pub df: (Option<f64>, Option<f64>),
    pub statistic: Written,
    pub cmp: Cmp,
    pub p: Written,
    /// Prose bytes of the whole report, of the statistic part ("t(28) =
    /// 2.20") and of the p part ("p = .03").
    pub span: Span,
    pub statistic_span: Span,
    pub p_span: Span,
}

fn is_space(c: char) -> bool {
    c == ' ' || c == '\u{a0}' || c == '\u{2009}' || c == '\u{202f}'
}

fn ws(i: &str) -> IResult<&str, &str> {
    take_while(is_space).parse(i)
}

/// A decimal number, with an optional sign and leading point: "2.20",
/// ".35", "-1.96", "−2.1".
fn number(i: &str) -> IResult<&str, Written> {
    let (rest, text) = recognize((
        opt(alt((tag("-"), tag("−"), tag("–")))),
        alt((
            recognize((digit1, opt((char('.'), digit1)))),
            recognize((char('.'), digit1)),
        )),
    ))
    .parse(i)?;
    let decimals = text
        .split_once('.')
        .map_or(0, |(_, d)| d.len().min(30) as u32);
    let negative = !text.starts_with(|c: char| c.is_ascii_digit() || c == '.');
    let digits = text.trim_start_matches(['-', '−', '–']);
    let value: f64 = digits
        .parse()
        .map_err(|_| nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Float)))?;
    let value = if negative { -value } else { value };
    if !value.is_finite() {
        return Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Float,
        )));
    }
    Ok((rest, Written { value, decimals }))
}

/// Degrees of freedom: a positive number, possibly with decimals
/// (Welch's t).
fn dof(i: &str) -> IResult<&str, f64> {
    let (rest, w) = number(i)?;
    if w.value <= 0.0 || w.value > 1e9 {
        return Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Verify,
        )));
    }
    Ok((rest, w.value))
}

/// The test's name.
fn test_name(i: &str) -> IResult<&str, Test> {
    alt((
        (
            alt((tag("χ2"), tag("χ²"), tag("χ 2"), tag("Χ2"), tag("Χ²"))),
            ws,
        )
            .map(|_| Test::Chi2),
        (
            alt((
                tag_no_case("chi-squared"),
                tag_no_case("chi-square"),
                tag_no_case("chi square"),
                tag_no_case("chi2"),
            )),
            ws,
        )
            .map(|_| Test::Chi2),
        tag("t").map(|_| Test::T),
        tag("F").map(|_| Test::F),
        tag("r").map(|_| Test::R),
        alt((tag("z"), tag("Z"))).map(|_| Test::Z),
    ))
    .parse(i)
}

/// "(28)", "(2, 45)", "(1, N = 90)".
fn dfs(i: &str) -> IResult<&str, (f64, Option<f64>)> {
    let (i, _) = (char('('), ws).parse(i)?;
    let (i, a) = dof(i)?;
    let (i, second) = opt((
        ws,
        char(','),
        ws,
        alt((
            (tag_no_case("n"), ws, char('='), ws, dof).map(|_| None),
            dof.map(Some),
        )),
    ))
    .parse(i)?;
    let (i, _) = (ws, char(')')).parse(i)?;
    Ok((i, (a, second.and_then(|s| s.3))))
}

/// The comparison before p.
fn cmp(i: &str) -> IResult<&str, Cmp> {
    alt((
        char('=').map(|_| Cmp::Eq),
        alt((char('<'), char('≤'))).map(|_| Cmp::Lt),
        alt((char('>'), char('≥'))).map(|_| Cmp::Gt),
    ))
    .parse(i)
}

/// A report as parsed: test, df, statistic, comparison, p, and the byte
/// lengths of the statistic part, the gap before p and the p part.
type Parsed = (
    Test,
    (Option<f64>, Option<f64>),
    Written,
    Cmp,
    Written,
    [usize; 3],
);

/// A whole report at the start of `i`.
fn report(i: &str) -> IResult<&str, Parsed> {
    let start = i.len();
    let (i, test) = test_name(i)?;
    let (i, df) = opt((ws, dfs).map(|(_, d)| d)).parse(i)?;
    let (i, _) = (ws, char('='), ws).parse(i)?;
    let (i, stat) = number(i)?;
    let stat_len = start - i.len();
    let (i, _) = (ws, alt((char(','), char(';'))), space0).parse(i)?;
    let gap_end = start - i.len();
    let (i, _) = (alt((tag("p"), tag("P"))), ws).parse(i)?;
    let (i, c) = cmp(i)?;
    let (i, _) = ws(i)?;
    let (i, p) = number(i)?;
    let p_len = start - i.len() - gap_end;
    // a word character right after p ("p = .03x") is no report
    if i.starts_with(|c: char| c.is_alphanumeric()) {
        return Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Verify,
        )));
    }
    let df = match (test, df) {
        (Test::Z, None) => (None, None),
        (Test::F, Some((a, Some(b)))) => (Some(a), Some(b)),
        (Test::T | Test::R | Test::Chi2, Some((a, _))) => (Some(a), None),
        _ => {
            return Err(nom::Err::Error(nom::error::Error::new(
                i,
                nom::error::ErrorKind::Verify,
            )));
        }
    };
    Ok((i, (test, df, stat, c, p, [stat_len, gap_end, p_len])))
}

/// Every report in `text[range]`, in order. Reports are found from their
/// `=` sign, so the scan costs one `memchr` pass where there are none.
pub fn reports(text: &str, range: Span) -> Vec<Report> {
    let mut out = Vec::new();
    let Some(s) = text.get(range.clone()) else {
        return out;
    };
    let b = s.as_bytes();
    let mut from = 0;
    while let Some(off) = memchr::memchr(b'=', &b[from..]) {
        let eq = from + off;
        from = eq + 1;
        let Some(start) = name_start(s, eq) else {
            continue;
        };
        if out
            .last()
            .is_some_and(|r: &Report| r.span.end > range.start + start)
        {
            continue;
        }
        let Some(rest) = s.get(start..) else {
            continue;
        };
        if let Ok((after, (test, df, statistic, cmp, p, [sl, gap, pl]))) = report(rest) {
            let base = range.start + start;
            let end = base + (rest.len() - after.len());
            if p.value < 0.0 || p.value > 1.0 || test == Test::R && statistic.value.abs() >= 1.0 {
                continue;
            }
            out.push(Report {
                test,
                df,
                statistic,
                cmp,
                p,
                span: base..end,
                statistic_span: base..base + sl,
                p_span: base + gap..base + gap + pl,
            });
            from = from.max(end - range.start);
        }
    }
    out
}

/// Where the test name before the `=` at `eq` starts: back over spaces, a
/// bracketed df, spaces, and the name, which must begin a word.
fn name_start(s: &str, eq: usize) -> Option<usize> {
    let b = s.as_bytes();
    let mut i = eq;
    while i > 0 && b[i - 1] == b' ' {
        i -= 1;
    }
    if i > 0 && b[i - 1] == b')' {
        // a df list is short: look for its bracket in the 40 bytes before
        let lo = i.saturating_sub(40);
        let open = lo + memchr::memrchr(b'(', &b[lo..i])?;
        i = open;
        while i > 0 && b[i - 1] == b' ' {
            i -= 1;
        }
    }
    // the name: up to 16 bytes of letters, digits, '-', '²', 'χ'
    let head = &s[..i];
    let mut start = i;
    for (k, c) in head.char_indices().rev() {
        if c.is_alphanumeric() || c == '-' || c == '²' || (c == ' ' && head[k..].starts_with(" 2"))
        {
            start = k;
            if i - k > 16 {
                return None;
            }
        } else {
            break;
        }
    }
    if start == i {
        return None;
    }
    // try the longest name first, then shorter suffixes ("chi-square", "t")
    let name = &s[start..i];
    let mut cands = name.char_indices().map(|(k, _)| start + k);
    cands.find(|&k| {
        s.get(k..).is_some_and(|t| test_name(t).is_ok())
            && !s[..k]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
    })
}

impl Report {
    /// The interval p may lie in, given the statistic's written precision.
    /// `None` for a statistic no test allows (a negative F, |r| ≥ 1).
    pub fn p_interval(&self) -> Option<(f64, f64)> {
        let h = self.statistic.half_ulp();
        let x = self.statistic.value;
        let (lo, hi) = match self.test {
            Test::F | Test::Chi2 => {
                if x < 0.0 {
                    return None;
                }
                ((x - h).max(0.0), x + h)
            }
            Test::R => {
                let a = x.abs();
                ((a - h).max(0.0), (a + h).min(1.0))
            }
            Test::T | Test::Z => {
                let a = x.abs();
                ((a - h).max(0.0), a + h)
            }
        };
        // p falls as the statistic grows
        let p_hi = self.p_of(lo)?;
        let p_lo = self.p_of(hi)?;
        Some((p_lo.min(p_hi), p_hi.max(p_lo)))
    }

    /// p for the statistic `x` (≥ 0) with this report's df.
    pub fn p_of(&self, x: f64) -> Option<f64> {
        let p = match (self.test, self.df) {
            (Test::T, (Some(df), _)) => t_two_tailed(x, df),
            (Test::R, (Some(df), _)) => {
                if x >= 1.0 {
                    0.0
                } else {
                    t_two_tailed(x * (df / (1.0 - x * x)).sqrt(), df)
                }
            }
            (Test::F, (Some(d1), Some(d2))) => f_upper(x, d1, d2),
            (Test::Chi2, (Some(df), _)) => gamma_q(df / 2.0, x / 2.0),
            (Test::Z, _) => erfc(x / std::f64::consts::SQRT_2),
            _ => return None,
        };
        p.is_finite().then_some(p.clamp(0.0, 1.0))
    }

    /// The interval the reported p stands for: "p = .03" is [.025, .035],
    /// "p < .05" is [0, .05), "p > .05" is (.05, 1]. "p = .000" is read as
    /// below half its last place.
    pub fn reported_interval(&self) -> (f64, f64) {
        let v = self.p.value;
        match self.cmp {
            Cmp::Eq => {
                let h = self.p.half_ulp();
                ((v - h).max(0.0), (v + h).min(1.0))
            }
            Cmp::Lt => (0.0, v),
            Cmp::Gt => (v, 1.0),
        }
    }
}

/// What a report's p says against its statistic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Some reading of the statistic gives the p reported.
    Consistent,
    /// No reading does, but both say the same about significance at .05.
    Inconsistent,
    /// No reading does, and the recomputed p is on the other side of .05.
    DecisionError,
}

/// The significance level a decision error is judged at.
pub const ALPHA: f64 = 0.05;

impl Report {
    /// The verdict, or `None` when p cannot be recomputed.
    ///
    /// `one_tailed`: the text says the test was one-tailed, so half the
    /// two-tailed p of t, z and r is as good as the whole.
    pub fn verdict(&self, one_tailed: bool) -> Option<Verdict> {
        let (pl, ph) = self.p_interval()?;
        let v = self.p.value;
        let fits = |pl: f64, ph: f64| match self.cmp {
            Cmp::Eq => {
                let (rl, rh) = self.reported_interval();
                ph >= rl && pl <= rh
            }
            Cmp::Lt => pl < v,
            Cmp::Gt => ph > v,
        };
        let halved = one_tailed && matches!(self.test, Test::T | Test::Z | Test::R);
        if fits(pl, ph) || halved && fits(pl / 2.0, ph / 2.0) {
            return Some(Verdict::Consistent);
        }
        let reported_sig = match self.cmp {
            Cmp::Eq => v < ALPHA,
            Cmp::Lt => v <= ALPHA,
            Cmp::Gt => false,
        };
        let reported_nonsig = match self.cmp {
            Cmp::Eq => v > ALPHA,
            Cmp::Gt => v >= ALPHA,
            Cmp::Lt => false,
        };
        let decision = reported_sig && pl > ALPHA || reported_nonsig && ph < ALPHA;
        Some(if decision {
            Verdict::DecisionError
        } else {
            Verdict::Inconsistent
        })
    }

    /// The recomputed p as a message shows it: ".036", ".0042", "< .0001".
    pub fn computed_text(&self) -> String {
        let Some(p) = self.p_of(self.statistic.value.abs()) else {
            return String::from("unknown");
        };
        let s = if p < 0.0001 {
            return String::from("< .0001");
        } else if p < 0.01 {
            format!("{p:.4}")
        } else {
            format!("{p:.3}")
        };
        s.trim_start_matches('0').to_string()
    }
}

/// ln Γ(x) for x > 0 (Lanczos, g = 7, n = 9).
pub fn ln_gamma(x: f64) -> f64 {
    const G: f64 = 7.0;
    const C: [f64; 9] = [
        0.999_999_999_999_809_9,
        676.520_368_121_885_1,
        -1_259.139_216_722_402_8,
        771.323_428_777_653_1,
        -176.615_029_162_140_6,
        12.507_343_278_686_905,
        -0.138_571_095_265_720_12,
        9.984_369_578_019_572e-6,
        1.505_632_735_149_311_6e-7,
    ];
    if x < 0.5 {
        // reflection
        let s = (std::f64::consts::PI * x).sin();
        return std::f64::consts::PI.ln() - s.abs().ln() - ln_gamma(1.0 - x);
    }
    let x = x - 1.0;
    let mut a = C[0];
    let t = x + G + 0.5;
    for (k, c) in C.iter().enumerate().skip(1) {
        a += c / (x + k as f64);
    }
    0.5 * (2.0 * std::f64::consts::PI).ln() + (x + 0.5) * t.ln() - t + a.ln()
}

/// The continued fraction of the incomplete beta function (modified
/// Lentz), good for x < (a + 1) / (a + b + 2).
fn beta_cf(a: f64, b: f64, x: f64) -> f64 {
    const TINY: f64 = 1e-300;
    let (qab, qap, qam) = (a + b, a + 1.0, a - 1.0);
    let mut c = 1.0;
    let mut d = 1.0 - qab * x / qap;
    if d.abs() < TINY {
        d = TINY;
    }
    d = 1.0 / d;
    let mut h = d;
    for m in 1..=500 {
        let m = f64::from(m);
        let m2 = 2.0 * m;
        let aa = m * (b - m) * x / ((qam + m2) * (a + m2));
        d = 1.0 + aa * d;
        if d.abs() < TINY {
            d = TINY;
        }
        c = 1.0 + aa / c;
        if c.abs() < TINY {
            c = TINY;
        }
        d = 1.0 / d;
        h *= d * c;
        let aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
        d = 1.0 + aa * d;
        if d.abs() < TINY {
            d = TINY;
        }
        c = 1.0 + aa / c;
        if c.abs() < TINY {
            c = TINY;
        }
        d = 1.0 / d;
        let del = d * c;
        h *= del;
        if (del - 1.0).abs() < 1e-15 {
            break;
        }
    }
    h
}

/// The regularized incomplete beta function I_x(a, b).
pub fn inc_beta(a: f64, b: f64, x: f64) -> f64 {
    if x <= 0.0 {
        return 0.0;
    }
    if x >= 1.0 {
        return 1.0;
    }
    let ln_front = ln_gamma(a + b) - ln_gamma(a) - ln_gamma(b) + a * x.ln() + b * (1.0 - x).ln();
    let front = ln_front.exp();
    if x < (a + 1.0) / (a + b + 2.0) {
        front * beta_cf(a, b, x) / a
    } else {
        1.0 - front * beta_cf(b, a, 1.0 - x) / b
    }
}

/// The regularized upper incomplete gamma function Q(a, x).
pub fn gamma_q(a: f64, x: f64) -> f64 {
    if x <= 0.0 {
        return 1.0;
    }
    let ln_front = -x + a * x.ln() - ln_gamma(a);
    if x < a + 1.0 {
        // series for P
        let mut sum = 1.0 / a;
        let mut term = sum;
        let mut n = a;
        for _ in 0..1000 {
            n += 1.0;
            term *= x / n;
            sum += term;
            if term.abs() < sum.abs() * 1e-16 {
                break;
            }
        }
        1.0 - sum * ln_front.exp()
    } else {
        // continued fraction for Q (modified Lentz)
        const TINY: f64 = 1e-300;
        let mut b = x + 1.0 - a;
        let mut c = 1.0 / TINY;
        let mut d = 1.0 / b;
        let mut h = d;
        for i in 1..=1000 {
            let i = f64::from(i);
            let an = -i * (i - a);
            b += 2.0;
            d = an * d + b;
            if d.abs() < TINY {
                d = TINY;
            }
            c = b + an / c;
            if c.abs() < TINY {
                c = TINY;
            }
            d = 1.0 / d;
            let del = d * c;
            h *= del;
            if (del - 1.0).abs() < 1e-16 {
                break;
            }
        }
        ln_front.exp() * h
    }
}

/// The complementary error function, from the incomplete gamma function.
pub fn erfc(x: f64) -> f64 {
    if x < 0.0 {
        2.0 - erfc(-x)
    } else {
        gamma_q(0.5, x * x)
    }
}

/// Two-tailed p of Student's t.
pub fn t_two_tailed(t: f64, df: f64) -> f64 {
    inc_beta(df / 2.0, 0.5, df / (df + t * t))
}

/// Upper-tail p of F(d1, d2).
pub fn f_upper(f: f64, d1: f64, d2: f64) -> f64 {
    if f <= 0.0 {
        return 1.0;
    }
    inc_beta(d2 / 2.0, d1 / 2.0, d2 / (d2 + d1 * f))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn close(got: f64, want: f64) {
        assert!((got - want).abs() < 1e-6, "got {got}, want {want}");
    }

    #[test]
    fn distributions_match_known_values() {
        close(erfc(0.0), 1.0);
        close(erfc(1.0), 0.157_299_207_050_285_1);
        close(
            erfc(1.96 / std::f64::consts::SQRT_2),
            0.049_995_790_296_440_9,
        );
        close(t_two_tailed(2.20, 28.0), 0.036_225_484_8);
        close(t_two_tailed(2.0, 10.0), 0.073_388_034_770_65);
        close(t_two_tailed(1.0, 1.0), 0.5);
        close(f_upper(3.1, 2.0, 45.0), (1.0f64 + 6.2 / 45.0).powf(-22.5));
        close(f_upper(4.0, 1.0, 20.0), t_two_tailed(2.0, 20.0));
        close(t_two_tailed(2.0, 20.0), 0.059_265_535);
        close(gamma_q(0.5, 4.2 / 2.0), 0.040_423_979_3);
        close(gamma_q(1.0, 5.991_464_547 / 2.0), 0.05);
        close(gamma_q(1.0, 30.0), (-30.0f64).exp());
        close(gamma_q(2.5, 11.070_497_69 / 2.0), 0.05);
        close(ln_gamma(0.5), std::f64::consts::PI.sqrt().ln());
        close(ln_gamma(10.0), 362_880f64.ln());
        close(inc_beta(2.0, 3.0, 0.4), 0.5248);
    }

    #[track_caller]
    fn parsed(text: &str) -> Report {
        let all = reports(text, 0..text.len());
        assert_eq!(all.len(), 1, "{text:?}: {all:?}");
        all.into_iter().next().expect("one report")
    }

    #[track_caller]
    fn none(text: &str) {
        assert!(reports(text, 0..text.len()).is_empty(), "{text:?}");
    }

    #[test]
    fn parses_apa_reports() {
        let r = parsed("The effect was significant, t(28) = 2.20, p = .03.");
        assert_eq!(
            (r.test, r.df, r.cmp),
            (Test::T, (Some(28.0), None), Cmp::Eq)
        );
        assert_eq!((r.statistic.value, r.statistic.decimals), (2.20, 2));
        assert_eq!(
            &"The effect was significant, t(28) = 2.20, p = .03."[r.span.clone()],
            "t(28) = 2.20, p = .03"
        );
        let r = parsed("F(2, 45) = 3.1, p < .05");
        assert_eq!(
            (r.test, r.df, r.cmp),
            (Test::F, (Some(2.0), Some(45.0)), Cmp::Lt)
        );
        let r = parsed("a difference, χ2(1, N = 90) = 4.2, p = .04");
        assert_eq!((r.test, r.df), (Test::Chi2, (Some(1.0), None)));
        let r = parsed("chi-square(2) = 7.1, p = .03");
        assert_eq!(r.test, Test::Chi2);
        let r = parsed("correlated, r(48) = .35, p = .01");
        assert_eq!((r.test, r.statistic.value), (Test::R, 0.35));
        let r = parsed("z = 1.96, p = .05");
        assert_eq!((r.test, r.df), (Test::Z, (None, None)));
        let r = parsed("t (28)=2.20,p=0.03");
        assert_eq!((r.test, r.p.value), (Test::T, 0.03));
        let r = parsed("F(1,30) = 9.80, p ≤ .01");
        assert_eq!(r.cmp, Cmp::Lt);
        let r = parsed("t(27.5) = −2.31, p > .01");
        assert_eq!((r.statistic.value, r.cmp), (-2.31, Cmp::Gt));
    }

    #[test]
    fn rejects_what_is_no_report() {
        none("at(28) = 2.20, p = .03");
        none("t = 2.20, p = .03");
        none("F(2) = 3.1, p < .05");
        none("r(48) = 1.35, p = .01");
        none("the price was = 5, p = 3");
        none("t(28) = 2.20, p = 1e999");
        none("t(1e999) = 2.20, p = .03");
        none("χ");
    }

    #[test]
    fn verdicts() {
        let v = |t: &str| parsed(t).verdict(false);
        assert_eq!(
            parsed("t(28) = 1.80, p = .04").verdict(true),
            Some(Verdict::Consistent)
        );
        assert_eq!(
            parsed("F(1, 28) = 3.24, p = .04").verdict(true),
            Some(Verdict::DecisionError)
        );
        assert_eq!(v("t(28) = 2.20, p = .03"), Some(Verdict::Inconsistent));
        assert_eq!(v("t(28) = 2.20, p = .04"), Some(Verdict::Consistent));
        assert_eq!(v("t(28) = 2.20, p = .036"), Some(Verdict::Consistent));
        assert_eq!(v("t(28) = 2.20, p < .05"), Some(Verdict::Consistent));
        assert_eq!(v("t(28) = 1.20, p < .05"), Some(Verdict::DecisionError));
        assert_eq!(v("F(2, 45) = 3.1, p < .05"), Some(Verdict::DecisionError));
        assert_eq!(v("F(2, 45) = 3.1, p = .055"), Some(Verdict::Consistent));
        assert_eq!(v("χ2(1, N = 90) = 4.2, p = .04"), Some(Verdict::Consistent));
        assert_eq!(v("r(48) = .35, p = .01"), Some(Verdict::Consistent));
        assert_eq!(v("r(48) = .35, p = .20"), Some(Verdict::DecisionError));
        assert_eq!(v("z = 1.96, p = .05"), Some(Verdict::Consistent));
        assert_eq!(v("z = 2.5, p = .03"), Some(Verdict::Inconsistent));
        assert_eq!(parsed("t(28) = 2.20, p = .03").computed_text(), ".036");
    }

    #[test]
    fn p_intervals_follow_the_statistic_rounding() {
        let r = parsed("t(28) = 2.20, p = .03");
        let (lo, hi) = r.p_interval().expect("interval");
        assert!(lo < 0.0362 && hi > 0.0362 && hi - lo < 0.002, "{lo} {hi}");
        let r = parsed("z = 2, p = .05");
        let (lo, hi) = r.p_interval().expect("interval");
        assert!(lo < 0.02 && hi > 0.1, "{lo} {hi}");
    }
}
