//! The 64-bit hash summaries keep of strings, the same on every run and
//! platform.

/// The hash a [`PostSummary`](super::compact::PostSummary) keeps of a string: 64-bit FNV-1a, its bits
/// then mixed (SplitMix64's finaliser). Fixed, so that summaries hashed on
/// one run or machine match those of another.
pub fn hash(s: &str) -> u64 {
    let mut h = Hasher::new();
    h.write(s.as_bytes());
    h.finish()
}

/// [`hash`] of bytes given piece by piece: the hash of the pieces one
/// after the other.
pub struct Hasher(u64);

impl Hasher {
    pub fn new() -> Hasher {
        Hasher(0xcbf2_9ce4_8422_2325)
    }

    pub fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    pub fn finish(&self) -> u64 {
        let mut h = self.0;
        h ^= h >> 30;
        h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
        h ^= h >> 27;
        h = h.wrapping_mul(0x94d0_49bb_1331_11eb);
        h ^ (h >> 31)
    }
}

impl Default for Hasher {
    fn default() -> Hasher {
        Hasher::new()
    }
}
