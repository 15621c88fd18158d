package org.jgrad.backend.device;

/**
 * Device memory of a backend with a {@link CachingAllocator}: blocks handed out and not yet freed
 * (count, and bytes by size class) and bytes the allocator holds for reuse.
 */
public record MemoryStats(long liveBuffers, long liveBytes, long cachedBytes) {
}
