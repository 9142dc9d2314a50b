#ifndef CHIIKI_CMEMORY_H
#define CHIIKI_CMEMORY_H

/// Fixes glibc's mmap and trim thresholds at `bytes` so that large blocks are returned to the
/// system when freed (see MemoryTuning.swift). Does nothing on other C libraries.
void chiiki_fix_malloc_thresholds(int bytes);

#endif
