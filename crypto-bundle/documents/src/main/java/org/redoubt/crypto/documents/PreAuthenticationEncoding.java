package org.redoubt.crypto.documents;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The DSSE v1 pre-authentication encoding, the bytes a signature is over:
 * {@code "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body}, with the lengths as ASCII decimal
 * byte counts without leading zeros and the type in UTF-8.
 *
 * @since 1.0
 */
public final class PreAuthenticationEncoding {

    private static final byte SPACE = 0x20;

    private PreAuthenticationEncoding() {
    }

    /**
     * @param payloadType the payload type
     * @param body        the payload bytes (read, not kept)
     * @return the encoding
     */
    public static byte[] of(String payloadType, byte[] body) {
        byte[] type = payloadType.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 + type.length + body.length);
        out.writeBytes("DSSEv1".getBytes(StandardCharsets.US_ASCII));
        out.write(SPACE);
        out.writeBytes(Integer.toString(type.length).getBytes(StandardCharsets.US_ASCII));
        out.write(SPACE);
        out.writeBytes(type);
        out.write(SPACE);
        out.writeBytes(Integer.toString(body.length).getBytes(StandardCharsets.US_ASCII));
        out.write(SPACE);
        out.writeBytes(body);
        return out.toByteArray();
    }
}
