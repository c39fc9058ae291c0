package org.redoubt.crypto.bc.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;

/**
 * Strict decoding of {@code SEQUENCE { r INTEGER, s INTEGER }} signatures (ECDSA, SM2): exactly
 * DER, and both values in 1..n-1.
 */
final class DerSignature {

    private DerSignature() {
    }

    /**
     * @param signature the bytes
     * @param order     the group order n
     * @return {@code {r, s}}, or {@code null} when the bytes are not a well-formed signature
     */
    static BigInteger[] decode(byte[] signature, BigInteger order) {
        try {
            ASN1Primitive primitive = ASN1Primitive.fromByteArray(signature);
            if (!(primitive instanceof ASN1Sequence sequence) || sequence.size() != 2
                    || !(sequence.getObjectAt(0) instanceof ASN1Integer r)
                    || !(sequence.getObjectAt(1) instanceof ASN1Integer s)
                    || !Arrays.equals(primitive.getEncoded(ASN1Encoding.DER), signature)) {
                return null;
            }
            BigInteger[] rs = {r.getValue(), s.getValue()};
            for (BigInteger value : rs) {
                if (value.signum() <= 0 || value.compareTo(order) >= 0) {
                    return null;
                }
            }
            return rs;
        } catch (IOException | RuntimeException e) {
            // Bouncy Castle reports bad DER (truncation, non-minimal integers) either way.
            return null;
        }
    }
}
