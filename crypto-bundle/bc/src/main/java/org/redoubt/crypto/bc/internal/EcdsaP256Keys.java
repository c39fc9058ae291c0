package org.redoubt.crypto.bc.internal;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.function.Supplier;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.redoubt.crypto.api.CryptoException;
import org.redoubt.crypto.api.DistinguishingId;
import org.redoubt.crypto.api.SignatureCheck;
import org.redoubt.crypto.api.SignatureScheme;

/**
 * ECDSA over P-256 with SHA-256. Signing is deterministic (RFC 6979 nonces); signatures are DER.
 */
final class EcdsaP256Keys implements SchemeKeys {

    private final NamedCurve curve = NamedCurve.p256();
    private final PublicKeyCache verificationKeys = new PublicKeyCache(curve);
    private final Supplier<SecureRandom> random;

    /** @param random source for key generation */
    EcdsaP256Keys(Supplier<SecureRandom> random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public SignatureScheme scheme() {
        return SignatureScheme.ECDSA_P256_SHA256;
    }

    @Override
    public void validate(byte[] subjectPublicKeyInfo) throws CryptoException {
        curve.publicKey(subjectPublicKeyInfo);
    }

    @Override
    public SignatureCheck verify(byte[] subjectPublicKeyInfo, DistinguishingId id, byte[] message, byte[] signature) {
        ECPublicKeyParameters key;
        try {
            key = verificationKeys.publicKey(subjectPublicKeyInfo);
        } catch (CryptoException e) {
            return SignatureCheck.INVALID_KEY;
        }
        BigInteger[] rs = DerSignature.decode(signature, curve.domain().getN());
        if (rs == null) {
            return SignatureCheck.MALFORMED_SIGNATURE;
        }
        ECDSASigner signer = new ECDSASigner();
        signer.init(false, key);
        return signer.verifySignature(sha256(message), rs[0], rs[1])
                ? SignatureCheck.VALID : SignatureCheck.INVALID_SIGNATURE;
    }

    @Override
    public KeyMaterial generate() {
        return curve.generate(random.get());
    }

    @Override
    public KeyMaterial importPrivateKey(byte[] pkcs8) throws CryptoException {
        return curve.importPrivateKey(pkcs8);
    }

    @Override
    public byte[] sign(byte[] secret, DistinguishingId id, byte[] message) {
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, curve.privateKey(secret));
        BigInteger[] rs = signer.generateSignature(sha256(message));
        try {
            return StandardDSAEncoding.INSTANCE.encode(curve.domain().getN(), rs[0], rs[1]);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot DER-encode an ECDSA signature", e);
        }
    }

    @Override
    public byte[] encodePrivateKey(byte[] secret) {
        return curve.encodePrivateKey(secret);
    }

    private static byte[] sha256(byte[] message) {
        SHA256Digest digest = new SHA256Digest();
        digest.update(message, 0, message.length);
        byte[] hash = new byte[digest.getDigestSize()];
        digest.doFinal(hash, 0);
        return hash;
    }
}
