//! Lists read back from a compiled form at their exact length: serde's own `Vec` grows by
//! doubling past a cautious first guess, so a list of 40,000 services would hold room for
//! 65,536 and, while growing, both copies. The length read is trusted only up to a bound, so a
//! damaged file (found out by its checksum once read) cannot ask for more than that.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{Deserialize, Deserializer, SeqAccess, Visitor};

/// The most room reserved in advance for one list, in bytes; a longer list grows as usual.
const MOST_RESERVED: usize = 64 << 20;

/// A `Vec` at the length the format says it has (for `#[serde(deserialize_with = ...)]`).
pub fn vec<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    struct Exact<T>(PhantomData<T>);

    impl<'de, T: Deserialize<'de>> Visitor<'de> for Exact<T> {
        type Value = Vec<T>;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a list")
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
            let most = MOST_RESERVED / std::mem::size_of::<T>().max(1);
            let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(most));
            while let Some(item) = seq.next_element()? {
                out.push(item);
            }
            Ok(out)
        }
    }

    deserializer.deserialize_seq(Exact(PhantomData))
}
