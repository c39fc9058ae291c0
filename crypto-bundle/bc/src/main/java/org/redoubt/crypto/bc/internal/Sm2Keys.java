package org.redoubt.crypto.bc.internal;

import java.security.SecureRandom;
import java.util.Objects;
import java.util.function.Supplier;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.redoubt.crypto.api.CryptoException;
import org.redoubt.crypto.api.DistinguishingId;
import org.redoubt.crypto.api.SignatureCheck;
import org.redoubt.crypto.api.SignatureScheme;

/**
 * SM2 with SM3 over sm2p256v1 (GB/T 32918). The distinguishing identifier is always passed to
 * Bouncy Castle explicitly, never left to its default. Signatures are DER.
 */
final class Sm2Keys implements SchemeKeys {

    private final NamedCurve curve = NamedCurve.sm2();
    private final PublicKeyCache verificationKeys = new PublicKeyCache(curve);
    private final Supplier<SecureRandom> random;

    /** @param random source for key generation and signature nonces */
    Sm2Keys(Supplier<SecureRandom> random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public SignatureScheme scheme() {
        return SignatureScheme.SM2_SM3;
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
        if (id.isNone()) {
            return SignatureCheck.INVALID_KEY;
        }
        if (DerSignature.decode(signature, curve.domain().getN()) == null) {
            return SignatureCheck.MALFORMED_SIGNATURE;
        }
        SM2Signer signer = new SM2Signer(StandardDSAEncoding.INSTANCE, new SM3Digest());
        signer.init(false, new ParametersWithID(key, id.bytes()));
        signer.update(message, 0, message.length);
        return signer.verifySignature(signature) ? SignatureCheck.VALID : SignatureCheck.INVALID_SIGNATURE;
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
        if (id.isNone()) {
            throw new IllegalArgumentException("SM2 needs an explicit distinguishing identifier");
        }
        SM2Signer signer = new SM2Signer(StandardDSAEncoding.INSTANCE, new SM3Digest());
        signer.init(true, new ParametersWithID(new ParametersWithRandom(curve.privateKey(secret), random.get()), id.bytes()));
        signer.update(message, 0, message.length);
        try {
            return signer.generateSignature();
        } catch (org.bouncycastle.crypto.CryptoException e) {
            throw new IllegalStateException("SM2 signing failed", e);
        }
    }

    @Override
    public byte[] encodePrivateKey(byte[] secret) {
        return curve.encodePrivateKey(secret);
    }
}
