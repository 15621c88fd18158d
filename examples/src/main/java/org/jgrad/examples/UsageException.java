package org.jgrad.examples;

/** A bad command line: the message says which argument and what was expected. */
final class UsageException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
