//! SHA-256 (FIPS 180-4), for the `text_sha256` that ties exported annotations
//! to the exact text they point into. Small enough that a crate would cost
//! more in bundle size than it saves. Natively, on x86-64 CPUs with the SHA
//! extensions, the rounds run on those instructions (`shani`); the wasm and
//! other CPUs use the portable rounds.

const K: [u32; 64] = [
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
];

const INITIAL: [u32; 8] = [
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
];

/// The SHA-256 digest of `data` as 64 lower-case hex digits.
pub fn sha256_hex(data: &[u8]) -> String {
    let mut state = INITIAL;
    let whole = data.len() - data.len() % 64;
    compress_blocks(&mut state, &data[..whole]);

    // Padding: a 1 bit, zeros, then the message length in bits, big-endian.
    let rest = &data[whole..];
    let mut tail = [0u8; 128];
    tail[..rest.len()].copy_from_slice(rest);
    tail[rest.len()] = 0x80;
    let tail_len = if rest.len() < 56 { 64 } else { 128 };
    let bits = (data.len() as u64).wrapping_mul(8);
    tail[tail_len - 8..tail_len].copy_from_slice(&bits.to_be_bytes());
    compress_blocks(&mut state, &tail[..tail_len]);

    state.iter().map(|word| format!("{word:08x}")).collect()
}

/// Runs `compress` over whole 64-byte blocks, with the CPU's SHA
/// instructions where it has them: on a long text the portable rounds are
/// about a tenth of the command-line parse's instructions, the SHA
/// instructions a small fraction of that (BENCHMARKS.md).
fn compress_blocks(state: &mut [u32; 8], blocks: &[u8]) {
    #[cfg(target_arch = "x86_64")]
    if shani::available() {
        shani::compress_blocks(state, blocks);
        return;
    }
    compress_portable(state, blocks);
}

fn compress_portable(state: &mut [u32; 8], blocks: &[u8]) {
    for block in blocks.chunks_exact(64) {
        compress(state, block.try_into().expect("64-byte block"));
    }
}

fn compress(state: &mut [u32; 8], block: &[u8; 64]) {
    let mut w = [0u32; 64];
    for (i, word) in block.chunks_exact(4).enumerate() {
        w[i] = u32::from_be_bytes([word[0], word[1], word[2], word[3]]);
    }
    for i in 16..64 {
        let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
        let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16]
            .wrapping_add(s0)
            .wrapping_add(w[i - 7])
            .wrapping_add(s1);
    }

    let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut h] = *state;
    for i in 0..64 {
        let s1 = e.rotate_right(6) ^ e.rotate_right(11) ^ e.rotate_right(25);
        let choose = (e & f) ^ (!e & g);
        let t1 = h
            .wrapping_add(s1)
            .wrapping_add(choose)
            .wrapping_add(K[i])
            .wrapping_add(w[i]);
        let s0 = a.rotate_right(2) ^ a.rotate_right(13) ^ a.rotate_right(22);
        let majority = (a & b) ^ (a & c) ^ (b & c);
        let t2 = s0.wrapping_add(majority);
        h = g;
        g = f;
        f = e;
        e = d.wrapping_add(t1);
        d = c;
        c = b;
        b = a;
        a = t1.wrapping_add(t2);
    }
    for (slot, value) in state.iter_mut().zip([a, b, c, d, e, f, g, h]) {
        *slot = slot.wrapping_add(value);
    }
}

/// The rounds with x86's SHA extensions (Intel SHA-NI, in AMD Zen and Intel
/// since Ice Lake): four rounds per pair of `sha256rnds2`, the message
/// schedule by `sha256msg1` and `sha256msg2`. The eight state words are
/// kept as two vectors, A B E F and C D G H, highest lane first, which is
/// the order the instructions read them in.
#[cfg(target_arch = "x86_64")]
mod shani {
    use super::K;
    use std::arch::x86_64::*;

    pub fn available() -> bool {
        std::is_x86_feature_detected!("sha")
            && std::is_x86_feature_detected!("sse4.1")
            && std::is_x86_feature_detected!("ssse3")
    }

    /// Callers check [`available`] first.
    pub fn compress_blocks(state: &mut [u32; 8], blocks: &[u8]) {
        debug_assert!(available());
        debug_assert_eq!(blocks.len() % 64, 0);
        // SAFETY: the CPU has the features `rounds` is compiled for
        // (`available`, checked by the caller).
        unsafe { rounds(state, blocks) }
    }

    /// Four message words plus their four round constants.
    #[inline(always)]
    unsafe fn with_k(words: __m128i, group: usize) -> __m128i {
        // SAFETY: reads four of K's 64 words; `group` < 16.
        let k = unsafe { _mm_loadu_si128(K.as_ptr().add(4 * group).cast()) };
        _mm_add_epi32(words, k)
    }

    #[target_feature(enable = "sha,sse2,ssse3,sse4.1")]
    unsafe fn rounds(state: &mut [u32; 8], blocks: &[u8]) {
        // Each 32-bit word of a block is big-endian.
        let byte_swap = _mm_set_epi64x(0x0c0d0e0f_08090a0b, 0x04050607_00010203);
        // SAFETY: `state` is eight u32, two unaligned 16-byte loads.
        let (abcd, efgh) = unsafe {
            (
                _mm_loadu_si128(state.as_ptr().cast()),
                _mm_loadu_si128(state.as_ptr().add(4).cast()),
            )
        };
        let badc = _mm_shuffle_epi32(abcd, 0b10_11_00_01);
        let hgfe = _mm_shuffle_epi32(efgh, 0b00_01_10_11);
        let mut abef = _mm_alignr_epi8(badc, hgfe, 8);
        let mut cdgh = _mm_blend_epi16(hgfe, badc, 0xF0);

        for block in blocks.chunks_exact(64) {
            let (saved_abef, saved_cdgh) = (abef, cdgh);
            // SAFETY: `block` is 64 bytes, four unaligned 16-byte loads.
            let mut w: [__m128i; 4] = unsafe {
                let at = block.as_ptr();
                [
                    _mm_shuffle_epi8(_mm_loadu_si128(at.cast()), byte_swap),
                    _mm_shuffle_epi8(_mm_loadu_si128(at.add(16).cast()), byte_swap),
                    _mm_shuffle_epi8(_mm_loadu_si128(at.add(32).cast()), byte_swap),
                    _mm_shuffle_epi8(_mm_loadu_si128(at.add(48).cast()), byte_swap),
                ]
            };
            for group in 0..16 {
                if group >= 4 {
                    // W[t..t+4] from the four groups before: σ0 and
                    // W[t-16] by msg1, W[t-7] by the shifted pair, σ1 by
                    // msg2. The oldest group's slot takes the new one.
                    let slot = group % 4;
                    let (older, old, newer, newest) = (
                        w[slot],
                        w[(group + 1) % 4],
                        w[(group + 2) % 4],
                        w[(group + 3) % 4],
                    );
                    let t7 = _mm_alignr_epi8(newest, newer, 4);
                    let partial = _mm_add_epi32(_mm_sha256msg1_epu32(older, old), t7);
                    w[slot] = _mm_sha256msg2_epu32(partial, newest);
                }
                // SAFETY: group < 16.
                let input = unsafe { with_k(w[group % 4], group) };
                cdgh = _mm_sha256rnds2_epu32(cdgh, abef, input);
                abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_shuffle_epi32(input, 0b00_00_11_10));
            }
            abef = _mm_add_epi32(abef, saved_abef);
            cdgh = _mm_add_epi32(cdgh, saved_cdgh);
        }

        let feba = _mm_shuffle_epi32(abef, 0b00_01_10_11);
        let dchg = _mm_shuffle_epi32(cdgh, 0b10_11_00_01);
        let abcd = _mm_blend_epi16(feba, dchg, 0xF0);
        let efgh = _mm_alignr_epi8(dchg, feba, 8);
        // SAFETY: `state` is eight u32, two unaligned 16-byte stores.
        unsafe {
            _mm_storeu_si128(state.as_mut_ptr().cast(), abcd);
            _mm_storeu_si128(state.as_mut_ptr().add(4).cast(), efgh);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::sha256_hex;

    // Test vectors from FIPS 180-4's examples and NIST's published digests.
    #[test]
    fn known_digests() {
        assert_eq!(
            sha256_hex(b""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(
            sha256_hex(b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        );
    }

    #[test]
    fn padding_boundaries() {
        // 55, 56 and 64 bytes straddle the one-block/two-block padding edge.
        assert_eq!(
            sha256_hex(&[b'a'; 55]),
            "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"
        );
        assert_eq!(
            sha256_hex(&[b'a'; 56]),
            "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"
        );
        assert_eq!(
            sha256_hex(&[b'a'; 64]),
            "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"
        );
    }

    /// FIPS 180-4's long example, 15,625 blocks.
    #[test]
    fn a_million_letters() {
        assert_eq!(
            sha256_hex(&vec![b'a'; 1_000_000]),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
        );
    }

    /// The CPU's rounds against the portable ones on varied bytes and
    /// lengths (on a CPU without SHA extensions both sides are portable;
    /// the digests above still hold).
    #[test]
    fn hardware_rounds_match_portable() {
        let mut seed = 0x2545_f491_u32;
        let bytes: Vec<u8> = (0..64 * 40)
            .map(|_| {
                seed ^= seed << 13;
                seed ^= seed >> 17;
                seed ^= seed << 5;
                seed as u8
            })
            .collect();
        for blocks in [1, 2, 5, 16, 39, 40] {
            let data = &bytes[..64 * blocks];
            let mut hardware = super::INITIAL;
            super::compress_blocks(&mut hardware, data);
            let mut portable = super::INITIAL;
            super::compress_portable(&mut portable, data);
            assert_eq!(hardware, portable, "{blocks} blocks");
        }
    }
}
