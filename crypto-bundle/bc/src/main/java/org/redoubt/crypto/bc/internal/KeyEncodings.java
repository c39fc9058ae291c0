package org.redoubt.crypto.bc.internal;

import java.io.IOException;
import java.util.Arrays;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.redoubt.crypto.api.CryptoException;

/**
 * Strict parsing of DER key containers: the bytes must be exactly the DER encoding of one
 * SubjectPublicKeyInfo or PKCS#8 PrivateKeyInfo, with nothing before or after.
 */
final class KeyEncodings {

    private KeyEncodings() {
    }

    /**
     * The key bits of a SubjectPublicKeyInfo whose bytes are exactly {@code prefix} followed by
     * {@code keyLength} bytes: the one DER encoding a key type can have when its algorithm
     * identifier is fixed. Checking the bytes directly is stricter than parsing and needs none of
     * the ASN.1 machinery, which the launcher would otherwise load just to read two keys at boot.
     * Anything else returns {@code null}, and the caller parses the structure to report what is
     * wrong (or, for other valid encodings such as compressed points, to read it).
     *
     * @param der       the encoded key
     * @param prefix    the DER bytes up to the key bits
     * @param keyLength the length of the key bits
     * @return a copy of the key bits, or {@code null}
     */
    static byte[] fixedPrefixKey(byte[] der, byte[] prefix, int keyLength) {
        if (der.length != prefix.length + keyLength
                || !Arrays.equals(der, 0, prefix.length, prefix, 0, prefix.length)) {
            return null;
        }
        return Arrays.copyOfRange(der, prefix.length, der.length);
    }

    /**
     * @param der the bytes
     * @return the parsed SubjectPublicKeyInfo
     * @throws CryptoException {@code INVALID_KEY} when the bytes are not a DER SubjectPublicKeyInfo
     */
    static SubjectPublicKeyInfo subjectPublicKeyInfo(byte[] der) throws CryptoException {
        try {
            SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(strictDer(der));
            if (info == null) {
                throw invalid("empty public key", null);
            }
            return info;
        } catch (IOException | RuntimeException e) {
            throw invalid("not a DER SubjectPublicKeyInfo", e);
        }
    }

    /**
     * @param der the bytes
     * @return the parsed PKCS#8 structure
     * @throws CryptoException {@code INVALID_KEY} when the bytes are not a DER PrivateKeyInfo
     */
    static PrivateKeyInfo privateKeyInfo(byte[] der) throws CryptoException {
        try {
            PrivateKeyInfo info = PrivateKeyInfo.getInstance(strictDer(der));
            if (info == null) {
                throw invalid("empty private key", null);
            }
            return info;
        } catch (IOException | RuntimeException e) {
            throw invalid("not a DER PKCS#8 private key", e);
        }
    }

    /**
     * @param message what was wrong
     * @param cause   the underlying error, or {@code null}
     * @return an {@code INVALID_KEY} exception
     */
    static CryptoException invalid(String message, Throwable cause) {
        return new CryptoException(CryptoException.Reason.INVALID_KEY, message, cause);
    }

    private static ASN1Primitive strictDer(byte[] der) throws IOException {
        ASN1Primitive primitive = ASN1Primitive.fromByteArray(der);
        if (primitive == null || !Arrays.equals(primitive.getEncoded(ASN1Encoding.DER), der)) {
            throw new IOException("not exactly one DER value");
        }
        return primitive;
    }
}
