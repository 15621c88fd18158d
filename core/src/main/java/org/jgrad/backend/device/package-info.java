/**
 * Machinery every device backend needs, written once for backend authors: the caching allocator
 * over a device's raw memory ({@link org.jgrad.backend.device.CachingAllocator}), its size classes
 * and statistics, and the merging of strided dimensions before a kernel launch
 * ({@link org.jgrad.backend.device.StridedDims}). Nothing here is user API.
 */
package org.jgrad.backend.device;
