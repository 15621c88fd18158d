package org.jgrad;

import org.jgrad.backend.Backend;
import org.jgrad.backend.Buffer;

/**
 * A backend buffer shared by the tensors that view it (a tensor and its reshapes or detached
 * copies). Reference counted: the buffer is freed when the last tensor closes, or by the
 * {@link Reclaimer} when every tensor using it became unreachable without being closed.
 */
final class Storage {
    private final Backend backend;
    private final Buffer buffer;
    private final Reclaimer.Registration registration;
    private int references = 1;

    Storage(Backend backend, Buffer buffer) {
        this.backend = backend;
        this.buffer = buffer;
        this.registration = Reclaimer.register(this, backend, buffer);
    }

    /** A new buffer on {@code backend}; dropped buffers are reclaimed first, and again when the heap runs out. */
    static Buffer allocate(Backend backend, DType dtype, int length, boolean zeroed) {
        return Reclaimer.allocate(backend, dtype, length, zeroed);
    }

    Backend backend() {
        return backend;
    }

    Buffer buffer() {
        if (references == 0) {
            throw new IllegalStateException("tensor used after close: its " + buffer.dtype() + " buffer of "
                    + buffer.length() + " elements was freed");
        }
        return buffer;
    }

    synchronized Storage retain() {
        references++;
        return this;
    }

    synchronized void release() {
        if (references > 0 && --references == 0) {
            registration.free();
        }
    }
}
