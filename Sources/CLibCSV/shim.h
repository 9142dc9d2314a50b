#include <csv.h>
#include <stdint.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/// Asks the CPU to bring the cache line at `p` in ahead of a write (a hint: no effect on results).
static inline void chiiki_prefetch_for_write(const void *p) { __builtin_prefetch(p, 1, 3); }

/// Bit k set when p[k] (k < 64) is a comma, LF or CR: 64 readable bytes at `p`.
static inline uint64_t chiiki_delimiters64(const unsigned char *p) {
#if defined(__SSE2__)
  const __m128i comma = _mm_set1_epi8(','), lf = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r');
  uint64_t mask = 0;
  for (int k = 0; k < 4; k++) {
    __m128i v = _mm_loadu_si128((const __m128i *)(p + 16 * k));
    __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, comma), _mm_cmpeq_epi8(v, lf)), _mm_cmpeq_epi8(v, cr));
    mask |= (uint64_t)(uint32_t)_mm_movemask_epi8(hit) << (16 * k);
  }
  return mask;
#else
  uint64_t mask = 0;
  for (int k = 0; k < 64; k++) {
    unsigned char c = p[k];
    if (c == ',' || c == '\n' || c == '\r') mask |= (uint64_t)1 << k;
  }
  return mask;
#endif
}
