package org.jgrad.opencl;

/** An OpenCL call returned an error; the message names the call and the error code. */
public final class OpenClException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int code;

    OpenClException(String call, int code, String name) {
        super("OpenCL " + call + " failed: " + name + " (" + code + ")");
        this.code = code;
    }

    /** The OpenCL error code (negative). */
    public int code() {
        return code;
    }
}
