//! Booking references: seven characters the resident holds on their slip ("K7FM3PX"), short
//! enough to read out, and free of characters that look or sound alike when handwritten
//! (no 0 or O, 1 or I or L, 2 or Z, 5 or S, B, U or V, Q: of each pair that looks alike at
//! most one is used).
//!
//! Six characters carry the booking's number, scrambled by a keyed permutation (a four-round
//! Feistel network whose round function is ChaCha20's keystream under a 256-bit key made once
//! per visit log from the operating system's random source): one reference does not tell the
//! next, and no two bookings of a log ever get the same one (a permutation has no repeats,
//! where random draws of this length would repeat within a few thousand). The seventh is a
//! check character: the weighted sum of all seven (weights 1 to 7) is a multiple of 23, a
//! prime, so any one character misread and any two neighbours swapped are caught.

use rand_chacha::ChaCha20Rng;
use rand_core::{Rng, SeedableRng};

/// The characters of a reference.
pub const ALPHABET: &[u8; 23] = b"346789ACDEFGHJKMNPRTWXY";
/// Characters of a reference, check character included.
pub const LENGTH: usize = 7;
const BODY: usize = LENGTH - 1;
/// How many different references there are: 23^6.
pub const SPACE: u64 = 148_035_889;
const HALF_BITS: u32 = 14;
const HALF_MASK: u32 = (1 << HALF_BITS) - 1;
const ROUNDS: u64 = 4;

/// A key for a log's references: 32 bytes from the operating system's random source.
pub fn new_key() -> [u8; 32] {
    let mut key = [0u8; 32];
    key[..16].copy_from_slice(uuid::Uuid::new_v4().as_bytes());
    key[16..].copy_from_slice(uuid::Uuid::new_v4().as_bytes());
    key
}

/// Turns booking numbers into references under one key.
pub struct ReferenceMaker {
    stream: std::cell::RefCell<ChaCha20Rng>,
}

impl ReferenceMaker {
    pub fn new(key: [u8; 32]) -> ReferenceMaker {
        ReferenceMaker {
            stream: std::cell::RefCell::new(ChaCha20Rng::from_seed(key)),
        }
    }

    /// The round function: word `half` of keystream `round`.
    fn round(&self, round: u64, half: u32) -> u32 {
        let mut stream = self.stream.borrow_mut();
        stream.set_stream(round);
        stream.set_word_pos(u128::from(half));
        stream.next_u32() & HALF_MASK
    }

    /// The reference of the `number`th booking (from 0; wraps after [`SPACE`]).
    pub fn reference(&self, number: u64) -> String {
        let mut value = self.permute((number % SPACE) as u32);
        // Cycle-walking: the permutation is of 2^28 values; walk until back inside the space.
        while u64::from(value) >= SPACE {
            value = self.permute(value);
        }
        let mut body = [0u8; BODY];
        let mut rest = u64::from(value);
        for slot in body.iter_mut().rev() {
            *slot = ALPHABET[(rest % 23) as usize];
            rest /= 23;
        }
        let mut text = String::with_capacity(LENGTH);
        text.extend(body.iter().map(|&b| char::from(b)));
        text.push(check_character(&body));
        text
    }

    fn permute(&self, value: u32) -> u32 {
        let mut left = (value >> HALF_BITS) & HALF_MASK;
        let mut right = value & HALF_MASK;
        for round in 0..ROUNDS {
            let next = left ^ self.round(round, right);
            left = right;
            right = next;
        }
        (left << HALF_BITS) | right
    }
}

fn position(c: u8) -> Option<usize> {
    ALPHABET.iter().position(|&a| a == c)
}

/// The check character of a reference's body: the one that makes the sum of each
/// character's value times its place (1 to 7) a multiple of 23.
fn check_character(body: &[u8]) -> char {
    let sum: usize = body
        .iter()
        .enumerate()
        .map(|(i, &c)| (i + 1) * position(c).unwrap_or(0))
        .sum();
    // 7 × 10 = 70 = 3 × 23 + 1: times 10 undoes times 7, modulo 23.
    let check = ((23 - sum % 23) % 23) * 10 % 23;
    char::from(ALPHABET[check])
}

/// A reference as a resident or receptionist may type it (any case, spaces or hyphens, an O
/// for a 0 ...), in its one written form; `None` when it cannot be one.
pub fn normalise(text: &str) -> Option<String> {
    let cleaned: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if cleaned.len() != LENGTH || !cleaned.bytes().all(|b| position(b).is_some()) {
        return None;
    }
    let bytes = cleaned.as_bytes();
    (check_character(&bytes[..BODY]) == char::from(bytes[BODY])).then_some(cleaned)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn a_million_references_never_repeat_and_hold_no_ambiguous_character() {
        let maker = ReferenceMaker::new(new_key());
        let mut seen = HashSet::with_capacity(1_000_000);
        for number in 0..1_000_000 {
            let reference = maker.reference(number);
            assert_eq!(reference.len(), LENGTH);
            assert!(
                !reference.contains([
                    '0', 'O', '1', 'I', 'L', '2', 'Z', '5', 'S', 'B', 'U', 'V', 'Q'
                ]),
                "{reference}"
            );
            assert_eq!(normalise(&reference).as_deref(), Some(reference.as_str()));
            assert!(seen.insert(reference), "repeated at booking {number}");
        }
    }

    #[test]
    fn references_do_not_follow_each_other_and_differ_by_key() {
        let one = ReferenceMaker::new([1; 32]);
        let two = ReferenceMaker::new([2; 32]);
        let firsts: Vec<String> = (0..5).map(|n| one.reference(n)).collect();
        assert_ne!(firsts, (0..5).map(|n| two.reference(n)).collect::<Vec<_>>());
        // Neighbouring numbers share no long prefix.
        for pair in firsts.windows(2) {
            assert_ne!(pair[0][..3], pair[1][..3], "{firsts:?}");
        }
    }

    #[test]
    fn a_misread_or_swapped_character_is_caught() {
        let maker = ReferenceMaker::new([7; 32]);
        for number in 0..300 {
            let bytes = maker.reference(number).into_bytes();
            for i in 0..LENGTH {
                for &other in ALPHABET.iter().filter(|&&c| c != bytes[i]) {
                    let mut typo = bytes.clone();
                    typo[i] = other;
                    assert_eq!(normalise(std::str::from_utf8(&typo).unwrap()), None);
                }
            }
            for i in 0..LENGTH - 1 {
                let mut swapped = bytes.clone();
                swapped.swap(i, i + 1);
                if swapped != bytes {
                    assert_eq!(normalise(std::str::from_utf8(&swapped).unwrap()), None);
                }
            }
        }
        let reference = maker.reference(42);
        let typed = format!(" {}-{} ", &reference[..3].to_lowercase(), &reference[3..]);
        assert_eq!(normalise(&typed), Some(reference));
        assert_eq!(normalise("ABC"), None);
        assert_eq!(normalise("OOOOOOO"), None);
    }
}
