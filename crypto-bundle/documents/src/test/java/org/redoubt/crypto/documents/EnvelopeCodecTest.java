package org.redoubt.crypto.documents;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.redoubt.crypto.api.SignatureCheck;
import org.redoubt.crypto.api.SigningKey;

class EnvelopeCodecTest {

    private static final int CAP = 64 * 1024;

    @Test
    void roundTripsAndVerifiesWithEveryScheme() throws Exception {
        SigningKey ed = Fixtures.ed25519();
        SigningKey ec = Fixtures.ecdsa();
        SigningKey sm = Fixtures.sm2();
        byte[] payload = Fixtures.utf8("{\"hello\":\"world\"}");
        Envelope signed = EnvelopeSigner.sign("application/x-test", payload, List.of(ed, ec, sm));
        Envelope read = EnvelopeCodec.decode(EnvelopeCodec.encode(signed), CAP);
        assertEquals("application/x-test", read.payloadType());
        assertArrayEquals(payload, read.payload());
        assertEquals(signed.signatures(), read.signatures());
        List<SigningKey> keys = List.of(ed, ec, sm);
        for (int i = 0; i < keys.size(); i++) {
            EnvelopeSignature signature = read.signatures().get(i);
            assertEquals(Fixtures.hex(keys.get(i)), signature.keyId());
            assertEquals(SignatureCheck.VALID, Fixtures.PROVIDER.verify(keys.get(i).verificationKey(),
                    read.preAuthenticationEncoding(), signature.signature()));
        }
        assertArrayEquals(EnvelopeCodec.encode(signed), EnvelopeCodec.encode(read));
    }

    @Test
    void hugeEnvelopeIsTooLarge() {
        byte[] huge = new byte[CAP + 1];
        java.util.Arrays.fill(huge, (byte) ' ');
        assertEquals(ReasonCode.TOO_LARGE, reasonOf(huge, CAP));
    }

    @Test
    void truncatedEnvelopeIsMalformed() {
        byte[] good = Fixtures.envelope("t", Fixtures.utf8("x"), Fixtures.ed25519());
        byte[] cut = java.util.Arrays.copyOf(good, good.length - 3);
        assertEquals(ReasonCode.MALFORMED_ENVELOPE, reasonOf(cut, CAP));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"payloadType\":\"t\",\"payload\":\"eA\",\"signatures\":[{\"keyid\":\"k\",\"sig\":\"AAAA\"}]}",
        "{\"payloadType\":\"t\",\"payload\":\"eB==\",\"signatures\":[{\"keyid\":\"k\",\"sig\":\"AAAA\"}]}",
        "{\"payloadType\":\"t\",\"payload\":\"eA==\",\"signatures\":[{\"keyid\":\"k\",\"sig\":\"-_-_\"}]}",
        "{\"payloadType\":\"t\",\"payload\":\"eA==\",\"signatures\":[{\"keyid\":\"k\",\"sig\":\"AA AA\"}]}",
        "{\"payloadType\":\"t\",\"payload\":\"eA==\",\"signatures\":[{\"keyid\":\"k\",\"sig\":\"\"}]}",
        "{\"payloadType\":\"t\",\"payload\":\"eA==\",\"signatures\":[]}",
        "{\"payloadType\":\"\",\"payload\":\"eA==\",\"signatures\":[{\"keyid\":\"k\",\"sig\":\"AAAA\"}]}",
        "{\"payloadType\":\"t\",\"payload\":\"eA==\",\"signatures\":[{\"sig\":\"AAAA\"}]}",
        "{\"payloadType\":\"t\",\"payload\":\"eA==\",\"signatures\":[{\"keyid\":\"k\",\"sig\":\"AAAA\",\"extra\":1}]}",
        "{\"payloadType\":\"t\",\"payload\":\"eA==\",\"signatures\":[{\"keyid\":\"k\",\"sig\":\"AAAA\"}],\"extra\":1}",
        "{\"payloadType\":\"t\",\"payloadType\":\"u\",\"payload\":\"eA==\",\"signatures\":[{\"keyid\":\"k\",\"sig\":\"AAAA\"}]}",
        "{\"payloadType\":\"t\",\"payload\\u0054ype\":\"u\",\"payload\":\"eA==\",\"signatures\":[{\"keyid\":\"k\",\"sig\":\"AAAA\"}]}",
        "[\"payloadType\"]",
        "{\"payloadType\":\"t\",\"payload\":\"eA==\",\"signatures\":[{\"keyid\":\"k\",\"sig\":\"AAAA\"}]} x"
    })
    void rejectsMalformedEnvelopes(String text) {
        assertEquals(ReasonCode.MALFORMED_ENVELOPE, reasonOf(Fixtures.utf8(text), CAP));
    }

    @Test
    void acceptsTheMinimalWellFormedEnvelope() throws Exception {
        Envelope envelope = EnvelopeCodec.decode(Fixtures.utf8(
                "{\"payloadType\":\"t\",\"payload\":\"eA==\",\"signatures\":[{\"keyid\":\"k\",\"sig\":\"AAAA\"}]}"), CAP);
        assertArrayEquals(Fixtures.utf8("x"), envelope.payload());
    }

    @Test
    void rejectsTooManySignatures() {
        StringBuilder text = new StringBuilder("{\"payloadType\":\"t\",\"payload\":\"eA==\",\"signatures\":[");
        for (int i = 0; i <= EnvelopeCodec.MAX_SIGNATURES; i++) {
            text.append(i == 0 ? "" : ",").append("{\"keyid\":\"k\",\"sig\":\"AAAA\"}");
        }
        text.append("]}");
        assertEquals(ReasonCode.MALFORMED_ENVELOPE, reasonOf(Fixtures.utf8(text.toString()), CAP));
    }

    private static ReasonCode reasonOf(byte[] bytes, int cap) {
        return assertThrows(DocumentException.class, () -> EnvelopeCodec.decode(bytes, cap)).reason();
    }
}
