//! A fast, seedless 128-bit hash of bytes and text, the same on every run
//! and platform, for the cache's content and settings keys.
//!
//! Two lanes of multiply-xor over 8-byte words, each finished by
//! MurmurHash3's `fmix64`. For a fixed state each step is a bijection in the
//! word, so a change to one word always changes the hash; two unrelated
//! texts of the same length agree by chance about once in 2^128.

const K1: u64 = 0x9e37_79b9_7f4a_7c15;
const K2: u64 = 0xc2b2_ae3d_27d4_eb4f;

/// The hash of `bytes`.
pub fn hash(bytes: &[u8]) -> u128 {
    let (mut a, mut b) = (K2, K1);
    let mut words = bytes.chunks_exact(8);
    for word in &mut words {
        let w = u64::from_le_bytes(word.try_into().expect("8 bytes"));
        a = (a ^ w).wrapping_mul(K1).rotate_left(29);
        b = (b.rotate_left(23) ^ w).wrapping_mul(K2);
    }
    let mut tail = [0u8; 8];
    let rest = words.remainder();
    tail[..rest.len()].copy_from_slice(rest);
    let w = u64::from_le_bytes(tail);
    a = (a ^ w).wrapping_mul(K1);
    b = (b.rotate_left(23) ^ w).wrapping_mul(K2);
    let len = bytes.len() as u64;
    let a = fmix64(a ^ len);
    let b = fmix64(b ^ len.rotate_left(32) ^ a);
    (u128::from(a) << 64) | u128::from(b)
}

fn fmix64(mut k: u64) -> u64 {
    k ^= k >> 33;
    k = k.wrapping_mul(0xff51_afd7_ed55_8ccd);
    k ^= k >> 33;
    k = k.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    k ^ (k >> 33)
}

#[cfg(test)]
mod tests {
    use super::hash;

    #[test]
    fn stable_and_sensitive() {
        // The same on every run: the cache on disk depends on it.
        assert_eq!(hash(b""), hash(b""));
        assert_eq!(hash(b"abc"), hash(b"abc"));
        let base = b"---\ntitle: a post\n---\nbody text, long enough for words\n".to_vec();
        let h = hash(&base);
        for i in 0..base.len() {
            let mut changed = base.clone();
            changed[i] ^= 1;
            assert_ne!(hash(&changed), h, "flipping byte {i}");
        }
        // Trailing zero bytes are not lost in the padding.
        assert_ne!(hash(b"ab"), hash(b"ab\0"));
        assert_ne!(hash(b""), hash(b"\0"));
    }
}
