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
import org.jgrad.backend.HalfFloats;

/**
 * Moves tensor elements between a file channel and the backend as raw little-endian bytes of
 * their {@link StoredType}, converting to and from FLOAT32 or INT32 on the host, in chunks of at
 * most 1 MiB, so no byte array as large as the tensor is ever made.
 */
final class TensorData {
    private static final int CHUNK_BYTES = 1 << 20;

    private TensorData() {
    }

    /** Moves {@code count} elements between a chunk and an array, starting at element {@code first}. */
    private interface ChunkCopy {
        void copy(ByteBuffer chunk, int first, int count) throws SafeTensorsFormatException;
    }

    /** Appends {@code tensor}'s elements to {@code channel} as {@code type} (which reads them from the backend). */
    static void write(FileChannel channel, Tensor tensor, StoredType type) throws IOException {
        if (tensor.dtype() != DType.INT32) {
            float[] values = tensor.toFloatArray();
            writeChunks(channel, values.length, type, (chunk, first, count) -> encode(type, values, first, count, chunk));
        } else {
            int[] values = tensor.toIntArray();
            writeChunks(channel, values.length, type, (chunk, first, count) -> {
                for (int i = first; i < first + count; i++) {
                    if (type == StoredType.I64) {
                        chunk.putLong(values[i]);
                    } else {
                        chunk.putInt(values[i]);
                    }
                }
            });
        }
    }

    /** Reads the tensor {@code entry} describes, whose range starts at file offset {@code dataStart + begin}. */
    static Tensor read(FileChannel channel, TensorEntry entry, long dataStart, Backend backend, Path file)
            throws IOException {
        StoredType type = entry.type();
        int count = (int) (entry.length() / type.bytes());
        long position = dataStart + entry.begin();
        if (type.dtype() == DType.FLOAT32) {
            float[] values = new float[count];
            readChunks(channel, position, count, entry, file, (chunk, first, n) -> decode(type, chunk, values, first, n));
            return Tensors.fromArray(backend, values, entry.shape());
        }
        int[] values = new int[count];
        readChunks(channel, position, count, entry, file, (chunk, first, n) -> {
            for (int i = first; i < first + n; i++) {
                values[i] = type == StoredType.I64 ? narrow(chunk.getLong(), i, entry, file) : chunk.getInt();
            }
        });
        return Tensors.fromArray(backend, values, entry.shape());
    }

    private static void encode(StoredType type, float[] values, int first, int count, ByteBuffer chunk) {
        for (int i = first; i < first + count; i++) {
            switch (type) {
                case F32 -> chunk.putFloat(values[i]);
                case F64 -> chunk.putDouble(values[i]);
                case F16 -> chunk.putShort(HalfFloats.floatToFloat16(values[i]));
                case BF16 -> chunk.putShort(HalfFloats.floatToBfloat16(values[i]));
                default -> throw new IllegalArgumentException("safetensors: FLOAT32 cannot be written as " + type);
            }
        }
    }

    private static void decode(StoredType type, ByteBuffer chunk, float[] values, int first, int count) {
        for (int i = first; i < first + count; i++) {
            values[i] = switch (type) {
                case F32 -> chunk.getFloat();
                case F64 -> (float) chunk.getDouble();
                case F16 -> HalfFloats.float16ToFloat(chunk.getShort());
                case BF16 -> HalfFloats.bfloat16ToFloat(chunk.getShort());
                default -> throw new IllegalStateException(type + " is not a float type");
            };
        }
    }

    /** An I64 element as INT32, or an error naming the tensor and element when it does not fit. */
    private static int narrow(long value, int index, TensorEntry entry, Path file) throws SafeTensorsFormatException {
        if (value != (int) value) {
            throw SafeTensorsFormatException.atTensor(file, entry.name(), entry.describe() + ": element " + index + " is "
                    + value + ", outside the INT32 range that jgrad reads I64 tensors into");
        }
        return (int) value;
    }

    private static void writeChunks(FileChannel channel, int elements, StoredType type, ChunkCopy fill)
            throws IOException {
        ByteBuffer chunk = chunkFor(elements, type);
        for (int done = 0; done < elements; ) {
            int count = Math.min(elements - done, CHUNK_BYTES / type.bytes());
            chunk.clear();
            fill.copy(chunk, done, count);
            chunk.flip();
            while (chunk.hasRemaining()) {
                channel.write(chunk);
            }
            done += count;
        }
    }

    private static void readChunks(FileChannel channel, long position, int elements, TensorEntry entry, Path file,
            ChunkCopy drain) throws IOException {
        int bytes = entry.type().bytes();
        ByteBuffer chunk = chunkFor(elements, entry.type());
        for (int done = 0; done < elements; ) {
            int count = Math.min(elements - done, CHUNK_BYTES / bytes);
            chunk.clear().limit(count * bytes);
            readFully(channel, chunk, position + done * (long) bytes, file, "tensor " + JsonStrings.quote(entry.name()));
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

    /** A little-endian buffer for one chunk of a tensor of {@code elements} elements of {@code type}. */
    private static ByteBuffer chunkFor(int elements, StoredType type) {
        return ByteBuffer.allocate((int) Math.min(CHUNK_BYTES, elements * (long) type.bytes())).order(ByteOrder.LITTLE_ENDIAN);
    }
}
