// SHA-256 block compression for the manifest's input fingerprints (1-2 GB at national scale).
// The x86 SHA-NI path follows Intel's published sequence (rounds in groups of four, message
// schedule with sha256msg1/msg2); the portable path is the plain FIPS 180-4 loop.
#include "csha256.h"

static const uint32_t K[64] = {
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

#define ROTR(x, n) (((x) >> (n)) | ((x) << (32 - (n))))

static void sha256_portable(uint32_t s[8], const uint8_t *p, size_t blocks) {
  uint32_t w[64];
  while (blocks--) {
    for (int t = 0; t < 16; t++) {
      w[t] = (uint32_t)p[t * 4] << 24 | (uint32_t)p[t * 4 + 1] << 16 | (uint32_t)p[t * 4 + 2] << 8 | (uint32_t)p[t * 4 + 3];
    }
    for (int t = 16; t < 64; t++) {
      uint32_t s0 = ROTR(w[t - 15], 7) ^ ROTR(w[t - 15], 18) ^ (w[t - 15] >> 3);
      uint32_t s1 = ROTR(w[t - 2], 17) ^ ROTR(w[t - 2], 19) ^ (w[t - 2] >> 10);
      w[t] = w[t - 16] + s0 + w[t - 7] + s1;
    }
    uint32_t a = s[0], b = s[1], c = s[2], d = s[3], e = s[4], f = s[5], g = s[6], h = s[7];
    for (int t = 0; t < 64; t++) {
      uint32_t t1 = h + (ROTR(e, 6) ^ ROTR(e, 11) ^ ROTR(e, 25)) + ((e & f) ^ (~e & g)) + K[t] + w[t];
      uint32_t t2 = (ROTR(a, 2) ^ ROTR(a, 13) ^ ROTR(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
      h = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
    }
    s[0] += a; s[1] += b; s[2] += c; s[3] += d; s[4] += e; s[5] += f; s[6] += g; s[7] += h;
    p += 64;
  }
}

void chiiki_sha256_blocks_portable(uint32_t state[8], const uint8_t *data, size_t blocks) {
  sha256_portable(state, data, blocks);
}

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <cpuid.h>
#include <immintrin.h>

// One group of four rounds: message words `m` plus the round constants K[4*i..4*i+3].
#define SHA_ROUNDS4(m, i)                                                                  \
  do {                                                                                     \
    __m128i msg_ = _mm_add_epi32((m), _mm_loadu_si128((const __m128i *)&K[4 * (i)]));     \
    state1 = _mm_sha256rnds2_epu32(state1, state0, msg_);                                  \
    state0 = _mm_sha256rnds2_epu32(state0, state1, _mm_shuffle_epi32(msg_, 0x0E));         \
  } while (0)
// The message schedule: `next` (words 16 ahead of `cur`'s predecessor three groups back) from
// sha256msg1 of the older group and sha256msg2 with the words 4 before.
#define SHA_MSG2(next, cur, prev) (next) = _mm_sha256msg2_epu32(_mm_add_epi32((next), _mm_alignr_epi8((cur), (prev), 4)), (cur))
#define SHA_MSG1(older, cur) (older) = _mm_sha256msg1_epu32((older), (cur))

// Written out in full (sixteen groups of four rounds): as a loop with the four message
// registers in an indexed array the compiler kept them on the stack, 20% slower.
__attribute__((target("sha,sse4.1,ssse3")))
static void sha256_shani(uint32_t state[8], const uint8_t *data, size_t blocks) {
  const __m128i mask = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
  __m128i tmp = _mm_loadu_si128((const __m128i *)&state[0]);
  __m128i state1 = _mm_loadu_si128((const __m128i *)&state[4]);
  tmp = _mm_shuffle_epi32(tmp, 0xB1);          // CDAB
  state1 = _mm_shuffle_epi32(state1, 0x1B);    // EFGH
  __m128i state0 = _mm_alignr_epi8(tmp, state1, 8);  // ABEF
  state1 = _mm_blend_epi16(state1, tmp, 0xF0);       // CDGH
  while (blocks--) {
    const __m128i abef = state0, cdgh = state1;
    __m128i m0 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 0)), mask);
    __m128i m1 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 16)), mask);
    __m128i m2 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 32)), mask);
    __m128i m3 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 48)), mask);
    SHA_ROUNDS4(m0, 0);
    SHA_ROUNDS4(m1, 1);  SHA_MSG1(m0, m1);
    SHA_ROUNDS4(m2, 2);  SHA_MSG1(m1, m2);
    SHA_ROUNDS4(m3, 3);  SHA_MSG2(m0, m3, m2); SHA_MSG1(m2, m3);
    SHA_ROUNDS4(m0, 4);  SHA_MSG2(m1, m0, m3); SHA_MSG1(m3, m0);
    SHA_ROUNDS4(m1, 5);  SHA_MSG2(m2, m1, m0); SHA_MSG1(m0, m1);
    SHA_ROUNDS4(m2, 6);  SHA_MSG2(m3, m2, m1); SHA_MSG1(m1, m2);
    SHA_ROUNDS4(m3, 7);  SHA_MSG2(m0, m3, m2); SHA_MSG1(m2, m3);
    SHA_ROUNDS4(m0, 8);  SHA_MSG2(m1, m0, m3); SHA_MSG1(m3, m0);
    SHA_ROUNDS4(m1, 9);  SHA_MSG2(m2, m1, m0); SHA_MSG1(m0, m1);
    SHA_ROUNDS4(m2, 10); SHA_MSG2(m3, m2, m1); SHA_MSG1(m1, m2);
    SHA_ROUNDS4(m3, 11); SHA_MSG2(m0, m3, m2); SHA_MSG1(m2, m3);
    SHA_ROUNDS4(m0, 12); SHA_MSG2(m1, m0, m3); SHA_MSG1(m3, m0);
    SHA_ROUNDS4(m1, 13); SHA_MSG2(m2, m1, m0);
    SHA_ROUNDS4(m2, 14); SHA_MSG2(m3, m2, m1);
    SHA_ROUNDS4(m3, 15);
    state0 = _mm_add_epi32(state0, abef);
    state1 = _mm_add_epi32(state1, cdgh);
    data += 64;
  }
  tmp = _mm_shuffle_epi32(state0, 0x1B);        // FEBA
  state1 = _mm_shuffle_epi32(state1, 0xB1);     // DCHG
  state0 = _mm_blend_epi16(tmp, state1, 0xF0);  // DCBA
  state1 = _mm_alignr_epi8(state1, tmp, 8);     // ABEF
  _mm_storeu_si128((__m128i *)&state[0], state0);
  _mm_storeu_si128((__m128i *)&state[4], state1);
}

static int has_shani(void) {
  static int cached = -1;
  if (cached < 0) {
    unsigned a, b, c, d;
    int sse = __get_cpuid(1, &a, &b, &c, &d) && (c & (1u << 19)) && (c & (1u << 9));  // SSE4.1, SSSE3
    int sha = __get_cpuid_count(7, 0, &a, &b, &c, &d) && (b & (1u << 29));           // SHA
    cached = sse && sha ? 1 : 0;
  }
  return cached;
}

void chiiki_sha256_blocks(uint32_t state[8], const uint8_t *data, size_t blocks) {
  if (has_shani()) sha256_shani(state, data, blocks); else sha256_portable(state, data, blocks);
}
int chiiki_sha256_accelerated(void) { return has_shani(); }
#else
void chiiki_sha256_blocks(uint32_t state[8], const uint8_t *data, size_t blocks) { sha256_portable(state, data, blocks); }
int chiiki_sha256_accelerated(void) { return 0; }
#endif
