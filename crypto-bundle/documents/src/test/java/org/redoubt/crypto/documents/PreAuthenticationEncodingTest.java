package org.redoubt.crypto.documents;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.Base64;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.redoubt.crypto.api.DistinguishingId;
import org.redoubt.crypto.api.SignatureCheck;
import org.redoubt.crypto.api.SignatureScheme;
import org.redoubt.crypto.api.VerificationKey;

/** The DSSE v1 pre-authentication encoding, against the example of the DSSE protocol (protocol.md). */
class PreAuthenticationEncodingTest {

    private static final String TYPE = "http://example.com/HelloWorld";
    private static final byte[] BODY = Fixtures.utf8("hello world");

    @Test
    void matchesTheSpecificationExample() {
        assertArrayEquals(Fixtures.utf8("DSSEv1 29 http://example.com/HelloWorld 11 hello world"),
                PreAuthenticationEncoding.of(TYPE, BODY));
    }

    @Test
    void countsBytesNotCharacters() {
        assertArrayEquals(Fixtures.utf8("DSSEv1 2 \u00e9 0 "), PreAuthenticationEncoding.of("\u00e9", new byte[0]));
    }

    /** The spec's P-256 signature (raw r||s) verifies over our PAE once written as DER. */
    @Test
    void specificationSignatureVerifiesOverOurEncoding() {
        BigInteger x = new BigInteger("46950820868899156662930047687818585632848591499744589407958293238635476079160");
        BigInteger y = new BigInteger("5640078356564379163099075877009565129882514886557779369047442380624545832820");
        byte[] spki = concat(HexFormat.of().parseHex("3059301306072a8648ce3d020106082a8648ce3d03010703420004"),
                fixed32(x), fixed32(y));
        VerificationKey key = VerificationKey.of(SignatureScheme.ECDSA_P256_SHA256, spki, DistinguishingId.NONE);
        byte[] raw = Base64.getDecoder().decode(
                "A3JqsQGtVsJ2O2xqrI5IcnXip5GToJ3F+FnZ+O88SjtR6rDAajabZKciJTfUiHqJPcIAriEGAHTVeCUjW2JIZA==");
        byte[] der = der(new BigInteger(1, java.util.Arrays.copyOfRange(raw, 0, 32)),
                new BigInteger(1, java.util.Arrays.copyOfRange(raw, 32, 64)));
        assertEquals(SignatureCheck.VALID, Fixtures.PROVIDER.verify(key, PreAuthenticationEncoding.of(TYPE, BODY), der));
        assertEquals(SignatureCheck.INVALID_SIGNATURE,
                Fixtures.PROVIDER.verify(key, PreAuthenticationEncoding.of(TYPE, Fixtures.utf8("hello world!")), der));
    }

    private static byte[] fixed32(BigInteger value) {
        byte[] bytes = value.toByteArray();
        byte[] out = new byte[32];
        int length = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - length, out, 32 - length, length);
        return out;
    }

    private static byte[] der(BigInteger r, BigInteger s) {
        byte[] rb = r.toByteArray();
        byte[] sb = s.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x30);
        out.write(4 + rb.length + sb.length);
        out.write(0x02);
        out.write(rb.length);
        out.writeBytes(rb);
        out.write(0x02);
        out.write(sb.length);
        out.writeBytes(sb);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
