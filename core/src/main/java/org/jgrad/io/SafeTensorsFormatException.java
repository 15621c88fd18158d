package org.jgrad.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file that is not a valid safetensors file, or not one jgrad can read: the message names the
 * file, where in it the problem is (a byte offset from the start of the file, or a tensor name),
 * and what was expected there.
 */
public final class SafeTensorsFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private SafeTensorsFormatException(String message) {
        super(message);
    }

    /** A problem at byte {@code offset} of {@code file}. */
    static SafeTensorsFormatException atByte(Path file, long offset, String problem) {
        return new SafeTensorsFormatException(file + ": byte " + offset + ": " + problem);
    }

    /** A problem with the tensor called {@code tensor} in {@code file}. */
    static SafeTensorsFormatException atTensor(Path file, String tensor, String problem) {
        return new SafeTensorsFormatException(file + ": tensor " + JsonStrings.quote(tensor) + ": " + problem);
    }

    /** A problem with {@code file} as a whole. */
    static SafeTensorsFormatException inFile(Path file, String problem) {
        return new SafeTensorsFormatException(file + ": " + problem);
    }
}
