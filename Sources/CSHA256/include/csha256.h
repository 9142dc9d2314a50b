#ifndef CHIIKI_CSHA256_H
#define CHIIKI_CSHA256_H
#include <stddef.h>
#include <stdint.h>

/// Runs the SHA-256 compression function over `blocks` consecutive 64-byte blocks, updating
/// `state` (eight words, FIPS 180-4 order). Uses the x86 SHA extensions when the CPU has them,
/// portable C otherwise; both give the same result.
void chiiki_sha256_blocks(uint32_t state[8], const uint8_t *data, size_t blocks);

/// The portable path alone, whatever the CPU (tests compare it with the accelerated one).
void chiiki_sha256_blocks_portable(uint32_t state[8], const uint8_t *data, size_t blocks);

/// 1 when the SHA extensions path is in use (for the benchmark's notes).
int chiiki_sha256_accelerated(void);

#endif
