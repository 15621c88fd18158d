package org.jgrad.opencl;

/**
 * Device memory of an OpenCL backend: allocations handed out and not yet freed (count and bytes,
 * by size class) and bytes the caching allocator holds for reuse.
 */
public record MemoryStats(long liveBuffers, long liveBytes, long cachedBytes) {
}
