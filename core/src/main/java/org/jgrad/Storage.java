package org.jgrad;

import java.lang.ref.Cleaner;
import org.jgrad.backend.Backend;
import org.jgrad.backend.Buffer;

/**
 * A backend buffer shared by the tensors that view it (a tensor and its reshapes or detached
 * copies). Reference counted: the buffer is freed when the last tensor closes, or by the Cleaner
 * when every tensor using it became unreachable without being closed.
 */
final class Storage {
    private static final Cleaner CLEANER = Cleaner.create();

    private final Backend backend;
    private final Buffer buffer;
    private final Cleaner.Cleanable cleanable;
    private int references = 1;

    Storage(Backend backend, Buffer buffer) {
        this.backend = backend;
        this.buffer = buffer;
        this.cleanable = CLEANER.register(this, new Free(backend, buffer));
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
            cleanable.clean();
        }
    }

    /** The Cleaner's action; it must not reach the Storage, or the Storage would never be unreachable. */
    private record Free(Backend backend, Buffer buffer) implements Runnable {
        @Override
        public void run() {
            backend.free(buffer);
        }
    }
}
