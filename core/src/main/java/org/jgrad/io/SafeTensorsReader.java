package org.jgrad.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.jgrad.Tensor;
import org.jgrad.backend.Backend;

/**
 * Reads a safetensors file: checks the header length against the file, parses and checks the
 * header ({@link HeaderParser}) and the data layout ({@link DataLayout}), and only then allocates
 * and fills the tensors; if anything fails after that, the tensors made so far are closed.
 */
final class SafeTensorsReader {
    /** The largest header read, as the reference reader's limit: 100 MB. */
    static final long MAX_HEADER_BYTES = 100_000_000;

    private SafeTensorsReader() {
    }

    static SafeTensorsContent read(Path file, Supplier<Backend> backend) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < HeaderParser.HEADER_START) {
                throw SafeTensorsFormatException.inFile(file, "the file has " + size + " bytes; a safetensors file"
                        + " begins with an 8-byte header length");
            }
            long headerLength = readHeaderLength(channel, size, file);
            ByteBuffer json = ByteBuffer.allocate((int) headerLength);
            TensorData.readFully(channel, json, HeaderParser.HEADER_START, file, "the header");
            Header header = HeaderParser.parse(json.array(), file);
            long dataStart = HeaderParser.HEADER_START + headerLength;
            DataLayout.check(header.entries(), dataStart, size - dataStart, file);
            return load(channel, header, dataStart, backend.get(), file);
        }
    }

    private static long readHeaderLength(FileChannel channel, long size, Path file) throws IOException {
        ByteBuffer prefix = ByteBuffer.allocate(Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        TensorData.readFully(channel, prefix, 0, file, "the header length");
        long length = prefix.flip().getLong();
        if (Long.compareUnsigned(length, MAX_HEADER_BYTES) > 0) {
            throw SafeTensorsFormatException.atByte(file, 0, "the header length is " + Long.toUnsignedString(length)
                    + " bytes; expected at most " + MAX_HEADER_BYTES);
        }
        if (length > size - HeaderParser.HEADER_START) {
            throw SafeTensorsFormatException.atByte(file, 0, "the header length is " + length + " bytes, but only "
                    + (size - HeaderParser.HEADER_START) + " bytes follow it; is the file truncated?");
        }
        return length;
    }

    private static SafeTensorsContent load(FileChannel channel, Header header, long dataStart, Backend backend, Path file)
            throws IOException {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        boolean complete = false;
        try {
            for (TensorEntry entry : header.entries()) {
                tensors.put(entry.name(), TensorData.read(channel, entry, dataStart, backend, file));
            }
            complete = true;
            return new SafeTensorsContent(tensors, header.metadata());
        } finally {
            if (!complete) {
                tensors.values().forEach(Tensor::close);
            }
        }
    }
}
