package org.jgrad.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import org.jgrad.DType;
import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.jgrad.backend.Backend;

/**
 * Moves tensor elements between a file channel and the backend as raw little-endian bytes, in
 * chunks of at most 1 MiB, so no byte array as large as the tensor is ever made.
 */
final class TensorData {
    private static final int CHUNK_BYTES = 1 << 20;
    /** F32 and I32 both take 4 bytes. */
    private static final int ELEMENT_BYTES = 4;

    private TensorData() {
    }

    /** Moves {@code count} elements between a chunk and an array, starting at element {@code first}. */
    private interface ChunkCopy {
        void copy(ByteBuffer chunk, int first, int count);
    }

    /** Appends {@code tensor}'s elements to {@code channel} (which reads them from the backend). */
    static void write(FileChannel channel, Tensor tensor) throws IOException {
        if (tensor.dtype() == DType.FLOAT32) {
            float[] values = tensor.toFloatArray();
            writeChunks(channel, values.length, (chunk, first, count) -> chunk.asFloatBuffer().put(values, first, count));
        } else {
            int[] values = tensor.toIntArray();
            writeChunks(channel, values.length, (chunk, first, count) -> chunk.asIntBuffer().put(values, first, count));
        }
    }

    /** Reads the tensor {@code entry} describes, whose range starts at file offset {@code dataStart + begin}. */
    static Tensor read(FileChannel channel, TensorEntry entry, long dataStart, Backend backend, Path file)
            throws IOException {
        int count = (int) (entry.length() / entry.type().bytes());
        long position = dataStart + entry.begin();
        if (entry.type() == StoredType.F32) {
            float[] values = new float[count];
            readChunks(channel, position, count, entry, file, (chunk, first, n) -> chunk.asFloatBuffer().get(values, first, n));
            return Tensors.fromArray(backend, values, entry.shape());
        }
        int[] values = new int[count];
        readChunks(channel, position, count, entry, file, (chunk, first, n) -> chunk.asIntBuffer().get(values, first, n));
        return Tensors.fromArray(backend, values, entry.shape());
    }

    private static void writeChunks(FileChannel channel, int elements, ChunkCopy fill) throws IOException {
        ByteBuffer chunk = chunkFor(elements);
        for (int done = 0; done < elements; ) {
            int count = Math.min(elements - done, CHUNK_BYTES / ELEMENT_BYTES);
            chunk.clear();
            fill.copy(chunk, done, count);
            chunk.limit(count * ELEMENT_BYTES);
            while (chunk.hasRemaining()) {
                channel.write(chunk);
            }
            done += count;
        }
    }

    private static void readChunks(FileChannel channel, long position, int elements, TensorEntry entry, Path file,
            ChunkCopy drain) throws IOException {
        ByteBuffer chunk = chunkFor(elements);
        for (int done = 0; done < elements; ) {
            int count = Math.min(elements - done, CHUNK_BYTES / ELEMENT_BYTES);
            chunk.clear().limit(count * ELEMENT_BYTES);
            readFully(channel, chunk, position + done * (long) ELEMENT_BYTES, file, "tensor " + JsonStrings.quote(entry.name()));
            chunk.flip();
            drain.copy(chunk, done, count);
            done += count;
        }
    }

    /** Fills {@code buffer} from file offset {@code position}; {@code what} is being read, for the message. */
    static void readFully(FileChannel channel, ByteBuffer buffer, long position, Path file, String what)
            throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw SafeTensorsFormatException.atByte(file, position + buffer.position(), "the file ended while reading "
                        + what + "; was it changed while being read?");
            }
        }
    }

    /** A little-endian buffer for one chunk of a tensor of {@code elements} elements. */
    private static ByteBuffer chunkFor(int elements) {
        return ByteBuffer.allocate((int) Math.min(CHUNK_BYTES, elements * (long) ELEMENT_BYTES)).order(ByteOrder.LITTLE_ENDIAN);
    }
}
