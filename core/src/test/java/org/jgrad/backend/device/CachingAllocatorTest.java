package org.jgrad.backend.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The allocator's bookkeeping over a fake device with a fixed capacity. */
class CachingAllocatorTest {

    /** A device of {@code capacity} bytes whose blocks are fresh objects. */
    private static final class FakeMemory implements DeviceMemory<Object> {
        final long capacity;
        final Set<Object> live = new HashSet<>();
        long used;
        int allocations;

        FakeMemory(long capacity) {
            this.capacity = capacity;
        }

        @Override
        public Object allocate(long bytes) {
            if (used + bytes > capacity) {
                return null;
            }
            used += bytes;
            allocations++;
            Object block = new long[] {bytes};
            live.add(block);
            return block;
        }

        @Override
        public void release(Object block) {
            assertTrue(live.remove(block), "released a block twice or one it did not make");
            used -= ((long[]) block)[0];
        }

        @Override
        public long freeBytes() {
            return capacity - used;
        }
    }

    @Test
    void aFreedBlockServesTheNextRequestOfItsClass() {
        FakeMemory memory = new FakeMemory(1 << 20);
        CachingAllocator<Object> allocator = new CachingAllocator<>("test", memory);
        Object first = allocator.allocate(1000);
        allocator.free(first, 1000);
        assertEquals(1024, allocator.stats().cachedBytes());
        assertSame(first, allocator.allocate(900), "900 bytes is 1024's class too");
        assertEquals(1, memory.allocations);
        assertEquals(1024, allocator.stats().liveBytes());
        assertEquals(0, allocator.stats().cachedBytes());
        assertNotSame(first, allocator.allocate(1000), "the block is in use");
    }

    @Test
    void aTrainingLoopStopsAskingTheDevice() {
        FakeMemory memory = new FakeMemory(1 << 24);
        CachingAllocator<Object> allocator = new CachingAllocator<>("test", memory);
        long[] sizes = {4, 784 * 4, 128 * 784 * 4, 10 * 4, 64 * 128 * 4};
        for (int step = 0; step < 1000; step++) {
            Object[] blocks = new Object[sizes.length];
            for (int i = 0; i < sizes.length; i++) {
                blocks[i] = allocator.allocate(sizes[i]);
            }
            for (int i = 0; i < sizes.length; i++) {
                allocator.free(blocks[i], sizes[i]);
            }
        }
        assertEquals(sizes.length, memory.allocations, "every step after the first reuses the cache");
        assertEquals(new MemoryStats(0, 0, 2 * 512 + 3584 + 458752 + 32768), allocator.stats(), "one cached block per size");
    }

    @Test
    void whenFullTheCacheIsReleasedAndTheRequestRetried() {
        FakeMemory memory = new FakeMemory(4096);
        CachingAllocator<Object> allocator = new CachingAllocator<>("test", memory);
        allocator.free(allocator.allocate(2048), 2048);
        allocator.free(allocator.allocate(1024), 1024);
        Object big = allocator.allocate(3072);
        assertTrue(memory.live.contains(big));
        assertEquals(0, allocator.stats().cachedBytes());
        assertEquals(3072, memory.used);
    }

    @Test
    void stillFullAfterReleasingFailsWithBytesAskedAndFree() {
        FakeMemory memory = new FakeMemory(4096);
        CachingAllocator<Object> allocator = new CachingAllocator<>("test", memory);
        allocator.allocate(3000);
        allocator.free(allocator.allocate(512), 512);
        OutOfDeviceMemoryException e = assertThrows(OutOfDeviceMemoryException.class, () -> allocator.allocate(2000));
        assertTrue(e.getMessage().startsWith("test: out of device memory allocating 2000 bytes (block of 2048)"),
                e.getMessage());
        assertTrue(e.getMessage().contains("1024 bytes free after releasing 512 cached bytes"), e.getMessage());
    }

    @Test
    void zeroBytesTakeNoBlock() {
        FakeMemory memory = new FakeMemory(4096);
        CachingAllocator<Object> allocator = new CachingAllocator<>("test", memory);
        assertNull(allocator.allocate(0));
        allocator.free(null, 0);
        assertEquals(0, memory.allocations);
    }

    @Test
    void releasingTheCacheGivesEveryBlockBack() {
        FakeMemory memory = new FakeMemory(1 << 20);
        CachingAllocator<Object> allocator = new CachingAllocator<>("test", memory);
        for (int bytes = 100; bytes < 50_000; bytes *= 3) {
            allocator.free(allocator.allocate(bytes), bytes);
        }
        long cached = allocator.stats().cachedBytes();
        assertEquals(cached, allocator.releaseCache());
        assertTrue(memory.live.isEmpty());
        assertEquals(0, allocator.stats().cachedBytes());
    }
}
