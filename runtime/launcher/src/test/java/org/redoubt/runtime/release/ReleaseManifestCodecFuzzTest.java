package org.redoubt.runtime.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.redoubt.json.JsonException;
import org.redoubt.json.JsonLimits;
import org.redoubt.json.JsonObject;
import org.redoubt.json.JsonParser;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Release manifest bodies from the update partition: once the signature is checked the body is
 * parsed, and only {@link ReleaseRejected} may escape {@link ReleaseManifestCodec#decode}; an
 * accepted body re-encodes to itself.
 *
 * <p>The normal build runs only the committed inputs in
 * {@code ReleaseManifestCodecFuzzTestInputs/decode} (regression mode); {@code -Pfuzz} fuzzes
 * (crypto-bundle/documents/README.md, "Fuzzing").
 */
class ReleaseManifestCodecFuzzTest {

    private final ReleaseManifestCodec codec = new ReleaseManifestCodec();

    @FuzzTest(maxDuration = "5m")
    void decode(byte[] input) {
        JsonObject body;
        try {
            body = JsonParser.parseObject(input, JsonLimits.DEFAULT);
        } catch (JsonException e) {
            return;
        }
        ReleaseManifest manifest;
        try {
            manifest = codec.decode(1, body);
        } catch (ReleaseRejected e) {
            assertFalse(e.problems().isEmpty(), "a rejection without a problem");
            return;
        }
        JsonObject encoded = codec.body(manifest);
        ReleaseManifest again;
        try {
            again = codec.decode(1, encoded);
        } catch (ReleaseRejected e) {
            throw new AssertionError("the encoding of an accepted manifest is rejected: " + e.problems(), e);
        }
        assertEquals(manifest, again);
        assertEquals(encoded, codec.body(again));
    }
}
