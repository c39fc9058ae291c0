package org.redoubt.crypto.keystore.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.DERUTF8String;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written DER against Bouncy Castle's encoder, including the edge cases of lengths and arcs. */
class DerTest {

    @ParameterizedTest
    @ValueSource(strings = {"2.5.4.3", "1.2.840.10045.4.3.2", "1.2.156.10197.1.501", "1.3.101.112", "0.0",
            "2.100.3", "2.999.1234567890123", "1.2.127.128.16383.16384"})
    void objectIdentifiers(String oid) throws Exception {
        assertArrayEquals(new ASN1ObjectIdentifier(oid).getEncoded(), Der.objectIdentifier(oid));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 127, 128, 255, 256, -1, -128, -129, Long.MAX_VALUE})
    void integers(long value) throws Exception {
        assertArrayEquals(new ASN1Integer(value).getEncoded(), Der.integer(value));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 126, 127, 128, 254, 255, 256, 65_535, 65_536, 70_000})
    void lengthsInEveryForm(int length) throws Exception {
        byte[] content = new byte[length];
        if (length > 0) {
            content[length / 2] = (byte) length;
        }
        assertArrayEquals(new DERBitString(content).getEncoded(), Der.bitString(content));
        assertArrayEquals(new DERSequence(new DERBitString(content)).getEncoded(), Der.sequence(Der.bitString(content)));
        assertArrayEquals(new DERSet(new DERBitString(content)).getEncoded(), Der.set(Der.bitString(content)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "h-0042", "x", "\u8bbe\u5907-7"})
    void utf8Strings(String text) throws Exception {
        assertArrayEquals(new DERUTF8String(text).getEncoded(), Der.utf8String(text));
    }

    @Test
    void theEmptyAttributeSetOfARequest() throws Exception {
        assertArrayEquals(new DERTaggedObject(false, 0, new DERSet(new ASN1Encodable[0])).getEncoded(), Der.contextZero());
    }
}
