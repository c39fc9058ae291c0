package org.redoubt.crypto.documents;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Envelope decoding from untrusted bytes: any input either decodes or is rejected with a
 * {@link DocumentException} carrying a reason code; every other throwable is a finding. A decoded
 * envelope re-encodes to an envelope equal to it.
 *
 * <p>The normal build runs only the committed inputs in {@code EnvelopeCodecFuzzTestInputs/decode}
 * (regression mode); {@code -Pfuzz} fuzzes (README, "Fuzzing").
 */
class EnvelopeCodecFuzzTest {

    private static final int CAP = 64 * 1024;

    @FuzzTest(maxDuration = "5m")
    void decode(byte[] input) {
        Envelope envelope;
        try {
            envelope = EnvelopeCodec.decode(input, CAP);
        } catch (DocumentException e) {
            assertNotNull(e.reason(), "a rejection without a reason code");
            return;
        }
        byte[] encoded = EnvelopeCodec.encode(envelope);
        Envelope again;
        try {
            // The canonical form may be longer than the input (escapes), so not the input's cap.
            again = EnvelopeCodec.decode(encoded, Math.max(CAP, encoded.length));
        } catch (DocumentException e) {
            throw new AssertionError("the encoding of a decoded envelope is rejected: " + e.reason(), e);
        }
        assertEquals(envelope.payloadType(), again.payloadType());
        assertArrayEquals(envelope.payload(), again.payload());
        assertEquals(envelope.signatures(), again.signatures());
        assertArrayEquals(encoded, EnvelopeCodec.encode(again));
    }
}
