package org.redoubt.crypto.bc.internal;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;
import org.redoubt.crypto.api.CryptoException;
import org.redoubt.crypto.api.CryptoProvider;
import org.redoubt.crypto.api.DistinguishingId;
import org.redoubt.crypto.api.SignatureCheck;
import org.redoubt.crypto.api.SignatureScheme;
import org.redoubt.crypto.api.VerificationKey;

/**
 * SM2 signature examples. GB/T 32918.2 (GM/T 0003.2) Annex A signs over the standard's 256-bit
 * test curve, not sm2p256v1, so that example is checked at the Bouncy Castle level with the test
 * curve's parameters (the SM2Signer, SM3 and Z computation this bundle uses). An sm2p256v1
 * signature made by OpenSSL 3.0.19 is checked through the provider.
 */
class Sm2KnownAnswerTest {

    private final CryptoProvider provider = new BouncyCastleCryptoProvider();

    @Test
    void verifiesTheGbT32918Part2AnnexAExample() {
        BigInteger p = new BigInteger("8542D69E4C044F18E8B92435BF6FF7DE457283915C45517D722EDB8B08F1DFC3", 16);
        BigInteger a = new BigInteger("787968B4FA32C3FD2417842E73BBFEFF2F3C848B6831D7E0EC65228B3937E498", 16);
        BigInteger b = new BigInteger("63E4C6D3B23B0C849CF84241484BFE48F61D59A5B16BA06E6E12D1DA27C5249A", 16);
        BigInteger n = new BigInteger("8542D69E4C044F18E8B92435BF6FF7DD297720630485628D5AE74EE7C32E79B7", 16);
        ECCurve curve = new ECCurve.Fp(p, a, b, n, BigInteger.ONE);
        ECPoint g = curve.createPoint(
                new BigInteger("421DEBD61B62EAB6746434EBC3CC315E32220B3BADD50BDC4C4E6C147FEDD43D", 16),
                new BigInteger("0680512BCBB42C07D47349D2153B70C4E5D7FDFCBFA36EA1A85841B9E46E09A2", 16));
        ECDomainParameters domain = new ECDomainParameters(curve, g, n, BigInteger.ONE);
        BigInteger d = new BigInteger("128B2FA8BD433C6C068C8D803DFF79792A519A55171B1B650C23661D15897263", 16);
        ECPoint q = curve.createPoint(
                new BigInteger("0AE4C7798AA0F119471BEE11825BE46202BB79E2A5844495E97C04FF4DF2548A", 16),
                new BigInteger("7C0240F88F1CD4E16352A73C17B7F16F07353E53A176D684A9FE0C6BB798E857", 16));
        assertEquals(q, g.multiply(d).normalize(), "the annex's public key is d*G");

        BigInteger r = new BigInteger("40F1EC59F793D9F49E09DCEF49130D4194F79FB1EED2CAA55BACDB49C4E755D1", 16);
        BigInteger s = new BigInteger("6FC6DAC32C5D5CF10C77DFB20F7C2EB667A457872FB09EC56327A67EC7DEEBE7", 16);
        byte[] message = "message digest".getBytes(US_ASCII);
        byte[] id = "ALICE123@YAHOO.COM".getBytes(US_ASCII);

        assertTrue(verify(domain, q, id, message, r, s));
        assertFalse(verify(domain, q, "ALICE123@YAHOO.CON".getBytes(US_ASCII), message, r, s));
        assertFalse(verify(domain, q, id, "message digesT".getBytes(US_ASCII), r, s));
    }

    @Test
    void verifiesAnSm2p256v1SignatureMadeByOpenSsl() throws CryptoException {
        // openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:SM2; openssl dgst -sm3 -sign k.pem
        // -sigopt distid:1234567812345678 (OpenSSL 3.0.19) over "hello sm2".
        VerificationKey key = VerificationKey.of(SignatureScheme.SM2_SM3, Hex.decode(
                "3059301306072a8648ce3d020106082a811ccf5501822d0342000418e1e89583f563ffdbb908b9b8a960f5635f2687"
                        + "035d0b753a45ed2c84ac8ec6b3084808c2c453e81a62de022285cfd6095a368e08930afc25af7287508c93b9"),
                DistinguishingId.SM2_DEFAULT);
        byte[] signature = Hex.decode("30440220082967753011da43fa0eefc380dd2524788d7bce56129d5aec46ec92c0bdb16202"
                + "2003c59ce30846e71e35a41d023a347318014cfd0e318a0a266a377893a7eaaefa");
        byte[] message = "hello sm2".getBytes(US_ASCII);
        provider.validate(key);
        assertEquals(SignatureCheck.VALID, provider.verify(key, message, signature));
        VerificationKey otherId = VerificationKey.of(SignatureScheme.SM2_SM3, key.subjectPublicKeyInfo(),
                DistinguishingId.of("1234567812345679"));
        assertEquals(SignatureCheck.INVALID_SIGNATURE, provider.verify(otherId, message, signature));
        assertEquals(SignatureCheck.INVALID_SIGNATURE, provider.verify(key, "hello sm3".getBytes(US_ASCII), signature));
    }

    private static boolean verify(ECDomainParameters domain, ECPoint q, byte[] id, byte[] message,
            BigInteger r, BigInteger s) {
        SM2Signer signer = new SM2Signer(StandardDSAEncoding.INSTANCE, new SM3Digest());
        signer.init(false, new ParametersWithID(new ECPublicKeyParameters(q, domain), id));
        signer.update(message, 0, message.length);
        try {
            return signer.verifySignature(StandardDSAEncoding.INSTANCE.encode(domain.getN(), r, s));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
