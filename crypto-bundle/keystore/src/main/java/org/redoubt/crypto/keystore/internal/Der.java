package org.redoubt.crypto.keystore.internal;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * The few DER encodings (X.690) a certificate request needs; encoding only, nothing here parses
 * outside input. Writing them takes less than importing Bouncy Castle's ASN.1 packages: this
 * bundle reaches cryptography only through the crypto API and Bouncy Castle is the provider
 * bundle's business, so the keystore resolves without it and does not move with its version. {@code DerTest} checks every encoding against Bouncy Castle's; the request tests parse
 * the result with Bouncy Castle and OpenSSL.
 */
final class Der {

    private static final int SEQUENCE = 0x30;
    private static final int SET = 0x31;
    private static final int INTEGER = 0x02;
    private static final int BIT_STRING = 0x03;
    private static final int OBJECT_IDENTIFIER = 0x06;
    private static final int UTF8_STRING = 0x0c;
    private static final int CONTEXT_0_CONSTRUCTED = 0xa0;

    private Der() {
    }

    static byte[] sequence(byte[]... elements) {
        return tagged(SEQUENCE, concat(elements));
    }

    static byte[] set(byte[]... elements) {
        return tagged(SET, concat(elements));
    }

    static byte[] integer(long value) {
        return tagged(INTEGER, BigInteger.valueOf(value).toByteArray());
    }

    /** A BIT STRING whose bits are whole bytes. */
    static byte[] bitString(byte[] bytes) {
        byte[] content = new byte[bytes.length + 1];
        System.arraycopy(bytes, 0, content, 1, bytes.length);
        return tagged(BIT_STRING, content);
    }

    static byte[] utf8String(String text) {
        return tagged(UTF8_STRING, text.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code [0] IMPLICIT} constructed, e.g. the empty attribute set of a request. */
    static byte[] contextZero(byte[]... elements) {
        return tagged(CONTEXT_0_CONSTRUCTED, concat(elements));
    }

    /** @param dotted an object identifier such as {@code 2.5.4.3} */
    static byte[] objectIdentifier(String dotted) {
        String[] arcs = dotted.split("\\.");
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        base128(content, Long.parseLong(arcs[0]) * 40 + Long.parseLong(arcs[1]));
        for (int i = 2; i < arcs.length; i++) {
            base128(content, Long.parseLong(arcs[i]));
        }
        return tagged(OBJECT_IDENTIFIER, content.toByteArray());
    }

    private static void base128(ByteArrayOutputStream out, long value) {
        int groups = Math.max(1, (64 - Long.numberOfLeadingZeros(value) + 6) / 7);
        for (int i = groups - 1; i >= 0; i--) {
            int group = (int) (value >>> (7 * i)) & 0x7f;
            out.write(i == 0 ? group : group | 0x80);
        }
    }

    private static byte[] tagged(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = (32 - Integer.numberOfLeadingZeros(length) + 7) / 8;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(length >>> (8 * i));
            }
        }
        out.writeBytes(content);
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
