package org.redoubt.runtime.release;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Release manifests from the update partition: only {@link ReleaseRejected} may escape
 * {@link ReleaseManifestCodec#decode(byte[])}, and an accepted manifest re-encodes to itself.
 *
 * <p>The normal build runs only the committed inputs in
 * {@code ReleaseManifestCodecFuzzTestInputs/decode} (regression mode); {@code -Pfuzz} fuzzes
 * (crypto-bundle/documents/README.md, "Fuzzing").
 */
class ReleaseManifestCodecFuzzTest {

    private final ReleaseManifestCodec codec = new ReleaseManifestCodec();

    @FuzzTest(maxDuration = "5m")
    void decode(byte[] input) {
        ReleaseManifest manifest;
        try {
            manifest = codec.decode(input);
        } catch (ReleaseRejected e) {
            assertFalse(e.problems().isEmpty(), "a rejection without a problem");
            return;
        }
        byte[] encoded = codec.encode(manifest);
        ReleaseManifest again;
        try {
            again = codec.decode(encoded);
        } catch (ReleaseRejected e) {
            throw new AssertionError("the encoding of an accepted manifest is rejected: " + e.problems(), e);
        }
        assertEquals(manifest, again);
        assertArrayEquals(encoded, codec.encode(again));
    }
}
