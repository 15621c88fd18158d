package org.jgrad.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Checks where a header's entries lie in the data buffer, before anything is read or allocated:
 * each range lies inside the buffer and holds exactly its shape's elements, and the ranges, in
 * offset order, start at 0, follow each other without gaps or overlaps and end where the file ends.
 */
final class DataLayout {
    private DataLayout() {
    }

    /**
     * @param dataStart the file offset where the data buffer begins (8 + header length)
     * @param dataLength the bytes of the file after the header
     */
    static void check(List<TensorEntry> entries, long dataStart, long dataLength, Path file)
            throws SafeTensorsFormatException {
        for (TensorEntry entry : entries) {
            if (entry.end() > dataLength) {
                throw SafeTensorsFormatException.atTensor(file, entry.name(), entry.describe() + " runs past the data"
                        + " buffer, which has " + dataLength + " bytes (file bytes " + dataStart + " to "
                        + (dataStart + dataLength) + "); is the file truncated?");
            }
            long expected = elements(entry, file) * entry.type().bytes();
            if (entry.length() != expected) {
                throw SafeTensorsFormatException.atTensor(file, entry.name(), entry.describe() + " holds "
                        + entry.length() + " bytes, but its shape and dtype need " + expected);
            }
        }
        List<TensorEntry> byOffset = new ArrayList<>(entries);
        byOffset.sort(Comparator.comparingLong(TensorEntry::begin).thenComparingLong(TensorEntry::end));
        TensorEntry previous = null;
        for (TensorEntry entry : byOffset) {
            long expected = previous == null ? 0 : previous.end();
            if (entry.begin() != expected) {
                String before = previous == null ? "the data buffer starts at offset 0"
                        : "the previous tensor " + JsonStrings.quote(previous.name()) + " ends at offset " + expected;
                throw SafeTensorsFormatException.atTensor(file, entry.name(), entry.describe() + " begins at offset "
                        + entry.begin() + ", but " + before + (entry.begin() > expected ? ": a gap" : ": an overlap")
                        + "; tensors must cover the data buffer contiguously");
            }
            previous = entry;
        }
        long covered = previous == null ? 0 : previous.end();
        if (covered != dataLength) {
            throw SafeTensorsFormatException.atByte(file, dataStart + covered, "the tensors end at data offset " + covered
                    + ", but the file goes on for " + (dataLength - covered) + " more bytes; expected the file to end here");
        }
    }

    /** The entry's element count, which must fit one tensor. */
    private static long elements(TensorEntry entry, Path file) throws SafeTensorsFormatException {
        int[] shape = entry.shape();
        if (Arrays.stream(shape).anyMatch(d -> d == 0)) {
            return 0;
        }
        long count = 1;
        for (int d : shape) {
            count *= d;
            if (count > Integer.MAX_VALUE) {
                throw SafeTensorsFormatException.atTensor(file, entry.name(), entry.describe() + " has more than "
                        + Integer.MAX_VALUE + " elements, more than one tensor can hold");
            }
        }
        return count;
    }
}
