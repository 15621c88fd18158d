package org.jgrad.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/** A buffered stream that is gunzipped on the fly when it starts with the gzip magic bytes 1F 8B. */
record Decompressing(InputStream stream, boolean gzip) {
    private static final int BUFFER = 1 << 16;

    static Decompressing open(InputStream raw) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(raw, BUFFER);
        buffered.mark(2);
        boolean gzip = buffered.read() == 0x1F && buffered.read() == 0x8B;
        buffered.reset();
        return new Decompressing(gzip ? new GZIPInputStream(buffered, BUFFER) : buffered, gzip);
    }
}
