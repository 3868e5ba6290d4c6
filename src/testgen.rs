//! Generated inputs for the tests that hold a fast path to its reference:
//! a small deterministic generator and strings glued from pieces.

/// xorshift64: the same sequence on every run and machine, no dependency.
pub(crate) struct Rng(u64);

impl Rng {
    /// A generator started at `seed`, which must not be zero.
    pub(crate) fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The next number of the sequence.
    pub(crate) fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number below `n` (which must not be zero).
    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// `n` strings, each glued from fewer than `most` of `pieces` drawn at
/// random by a generator started at `seed`.
pub(crate) fn glued(n: usize, most: usize, pieces: &[&str], seed: u64) -> Vec<String> {
    let mut rng = Rng::new(seed);
    (0..n)
        .map(|_| {
            let len = rng.below(most);
            (0..len).map(|_| pieces[rng.below(pieces.len())]).collect()
        })
        .collect()
}

/// The inputs a packed word lookup is held to its map's answers on: every
/// word of `words` (but the empty one) in its [`word_forms`], and the
/// `glued` words, each followed by each of `tails`.
pub(crate) fn lookup_probes<'w>(
    words: impl IntoIterator<Item = &'w str>,
    glued: Vec<String>,
    tails: &[&str],
) -> Vec<String> {
    words
        .into_iter()
        .filter(|w| !w.is_empty())
        .flat_map(word_forms)
        .chain(glued)
        .flat_map(|w| tails.iter().map(move |t| format!("{w}{t}")))
        .collect()
}

/// `w` (ASCII letters, not empty) and the forms of it a word lookup must
/// tell apart from it or find like it: in capitals, capitalised, short of
/// its last letter, with an "s", and twice over.
pub(crate) fn word_forms(w: &str) -> [String; 6] {
    let mut capital = w.to_string();
    capital[..1].make_ascii_uppercase();
    [
        w.to_string(),
        w.to_ascii_uppercase(),
        capital,
        w[..w.len() - 1].to_string(),
        format!("{w}s"),
        format!("{w}{w}"),
    ]
}
