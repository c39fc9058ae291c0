package org.redoubt.crypto.api;

/**
 * Argon2id cost parameters for deriving a key from a user PIN. A PIN has little entropy; the cost
 * makes each guess expensive, and the device secret mixed in by the key hierarchy keeps guesses
 * on the handset itself.
 *
 * @param memoryKiB   memory per derivation in KiB (at least 8 per lane)
 * @param iterations  passes over the memory (at least 1)
 * @param parallelism lanes (at least 1)
 * @since 1.0
 */
public record PinKdfParameters(int memoryKiB, int iterations, int parallelism) {

    /** Validates the ranges. */
    public PinKdfParameters {
        if (parallelism < 1 || parallelism > 16) {
            throw new IllegalArgumentException("parallelism must be 1..16");
        }
        if (iterations < 1 || iterations > 64) {
            throw new IllegalArgumentException("iterations must be 1..64");
        }
        if (memoryKiB < 8 * parallelism || memoryKiB > 1024 * 1024) {
            throw new IllegalArgumentException("memory must be 8 KiB per lane .. 1 GiB");
        }
    }
}
