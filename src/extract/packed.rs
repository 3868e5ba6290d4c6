//! Small word tables looked up by a word's packed letters
//! ([`pack_word`]): one masked load, a multiply and, mostly, one compare of
//! two `u128`s, where a hash map lookup first copies or hashes the word
//! and then compares strings. The date readers and the context annotation
//! ask them about most word starts they see, so most lookups miss, and a
//! miss reads only the keys.

use super::lexicon::{PACKED, pack_letters, pack_word};

/// Words of at most [`PACKED`] ASCII letters, each with a value, in an
/// open-addressed table a quarter full at most.
pub(crate) struct PackedWords<V> {
    /// The packed word per slot; 0 (no word packs to 0) marks an empty one.
    keys: Vec<u128>,
    /// The value per slot, apart from the keys so that a miss reads keys
    /// only.
    values: Vec<Option<V>>,
    /// The number of slots, a power of two, less one.
    mask: usize,
    /// 64 less the bits of a slot index.
    shift: u32,
}

impl<V: Copy> PackedWords<V> {
    /// The table of `words` that are runs of 1 to [`PACKED`] ASCII letters
    /// (any case); the others are left out ([`packable`]): a reader looks
    /// longer words up elsewhere, and one with other bytes is never asked.
    /// A word listed twice keeps its first value.
    pub(crate) fn new<'a>(words: impl Iterator<Item = (&'a str, V)>) -> PackedWords<V> {
        let pairs: Vec<(u128, V)> = words
            .filter(|(w, _)| packable(w))
            .map(|(w, v)| (pack_letters(w.as_bytes()), v))
            .collect();
        let size = (pairs.len() * 4).next_power_of_two().max(8);
        let mut table = PackedWords {
            keys: vec![0; size],
            values: vec![None; size],
            mask: size - 1,
            shift: 64 - size.trailing_zeros(),
        };
        for (k, v) in pairs {
            let mut i = table.slot(k);
            while table.keys[i] != 0 && table.keys[i] != k {
                i = (i + 1) & table.mask;
            }
            if table.keys[i] == 0 {
                table.keys[i] = k;
                table.values[i] = Some(v);
            }
        }
        table
    }

    /// The first slot to look in for the packed word `k`.
    #[inline]
    fn slot(&self, k: u128) -> usize {
        let x = (k as u64) ^ ((k >> 64) as u64).rotate_left(29);
        (x.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> self.shift) as usize
    }

    /// The value of the word made of the first `n` bytes of `b`, which
    /// must be ASCII letters (any case); `None` for a word not in the table
    /// and for any word longer than [`PACKED`].
    #[inline]
    pub(crate) fn get(&self, b: &[u8], n: usize) -> Option<V> {
        if n == 0 || n > PACKED || b.len() < n {
            return None;
        }
        self.get_packed(pack_word(b, n))
    }

    /// The value of the word that packs to `k` ([`pack_word`] of ASCII
    /// letters): for a caller that has packed the word already.
    #[inline]
    pub(crate) fn get_packed(&self, k: u128) -> Option<V> {
        let mut i = self.slot(k);
        loop {
            let key = *self.keys.get(i)?;
            if key == k {
                return self.values[i];
            }
            if key == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }
}

/// Words of at most [`PACKED`] ASCII letters, each with a list: a
/// lexicon's phrases by their first word, which a reader matches in turn
/// after one lookup of the word in the prose ([`PackedWords::get`]). The
/// table numbers the words; their lists are kept in that numbering. (One
/// vector of the lists end to end, with each word's range in the table,
/// cost ~5 instructions more a hit than a vector of vectors.)
pub(crate) struct PackedLists<T> {
    /// Each word's number in `lists`.
    index: PackedWords<usize>,
    lists: Vec<Vec<T>>,
}

impl<T: Clone> PackedLists<T> {
    /// The table of `lists`, a list per word; as [`PackedWords::new`], a
    /// word that does not pack is left out.
    pub(crate) fn new<'a>(lists: impl Iterator<Item = (&'a str, &'a [T])>) -> PackedLists<T>
    where
        T: 'a,
    {
        let (words, lists): (Vec<&str>, Vec<Vec<T>>) =
            lists.map(|(w, list)| (w, list.to_vec())).unzip();
        PackedLists {
            index: PackedWords::new(words.into_iter().enumerate().map(|(k, w)| (w, k))),
            lists,
        }
    }

    /// The list of the word made of the first `n` bytes of `b`, which must
    /// be ASCII letters (any case); empty for a word not in the table, as
    /// [`PackedWords::get`].
    #[inline]
    pub(crate) fn get(&self, b: &[u8], n: usize) -> &[T] {
        match self.index.get(b, n) {
            Some(k) => self.lists.get(k).map_or(&[], Vec::as_slice),
            None => &[],
        }
    }
}

/// True when `w` is a run of 1 to [`PACKED`] ASCII letters.
pub(crate) fn packable(w: &str) -> bool {
    (1..=PACKED).contains(&w.len()) && w.bytes().all(|c| c.is_ascii_alphabetic())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_each_word_in_any_case_and_nothing_else() {
        let words = [
            "a",
            "in",
            "the",
            "yesterday",
            "abcdefghijklmnop",
            "seventeenth",
        ];
        let t = PackedWords::new(words.iter().enumerate().map(|(i, w)| (*w, i)));
        for (i, w) in words.iter().enumerate() {
            let upper = w.to_ascii_uppercase();
            let title = format!("{}{}", &upper[..1], &w[1..]);
            for v in [w.to_string(), upper, title] {
                // the word alone, and before text the lookup must not read
                for tail in ["", " x", "zzzzzzzzzzzzzzzzzzzz", "-1"] {
                    let s = format!("{v}{tail}");
                    assert_eq!(t.get(s.as_bytes(), w.len()), Some(i), "{s:?}");
                }
            }
        }
        for miss in [
            "an",
            "th",
            "thee",
            "yesterda",
            "b",
            "abcdefghijklmnopq",
            "seventeent",
        ] {
            assert_eq!(t.get(miss.as_bytes(), miss.len()), None, "{miss:?}");
        }
        assert_eq!(t.get(b"the", 0), None);
        assert_eq!(t.get(b"th", 3), None);
    }

    #[test]
    fn finds_each_list_in_any_case_and_nothing_else() {
        let lists: [(&str, &[usize]); 5] = [
            ("pound", &[3, 1, 4]),
            ("dollar", &[1]),
            ("euro", &[]),
            ("valentine's", &[9]),
            ("yen", &[5, 9]),
        ];
        let t = PackedLists::new(lists.iter().map(|(w, l)| (*w, *l)));
        for (w, l) in lists.iter().filter(|(w, _)| packable(w)) {
            for v in [w.to_string(), w.to_ascii_uppercase()] {
                let s = format!("{v} sterling");
                assert_eq!(t.get(s.as_bytes(), w.len()), *l, "{s:?}");
            }
        }
        for miss in ["valentine", "pounds", "poun", "ye", "x"] {
            assert!(t.get(miss.as_bytes(), miss.len()).is_empty(), "{miss:?}");
        }
    }

    #[test]
    fn leaves_out_words_it_cannot_pack() {
        let t = PackedWords::new(
            ["valentine's", "", "abcdefghijklmnopq", "ok"]
                .iter()
                .map(|w| (*w, ())),
        );
        assert_eq!(t.keys.iter().filter(|k| **k != 0).count(), 1);
        assert!(!packable("valentine's") && !packable("") && packable("ok"));
    }
}
