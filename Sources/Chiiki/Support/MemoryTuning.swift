import CMemory

/// Allocator settings for large runs. glibc raises its mmap threshold each time a large block
/// is freed, after which big arrays (per-district columns of 1–30 MB) come from the heap and
/// are not given back to the system when freed, so resident memory keeps the high-water mark
/// of every earlier phase. A fixed threshold keeps blocks of 1 MiB and more in their own
/// mappings, returned on free (220,000 districts: about 100 MB less at the peak). No effect on
/// results; nothing on other C libraries.
public enum MemoryTuning {
  public static func configure() {
    chiiki_fix_malloc_thresholds(1 << 20)
  }
}
