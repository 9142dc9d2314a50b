#include <csv.h>

/// Asks the CPU to bring the cache line at `p` in ahead of a write (a hint: no effect on results).
static inline void chiiki_prefetch_for_write(const void *p) { __builtin_prefetch(p, 1, 3); }
