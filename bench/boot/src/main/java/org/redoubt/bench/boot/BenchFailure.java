package org.redoubt.bench.boot;

/** The benchmark cannot produce meaningful numbers; the message says why and where to look. */
final class BenchFailure extends Exception {

    private static final long serialVersionUID = 1L;

    BenchFailure(String message) {
        super(message);
    }

    BenchFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
