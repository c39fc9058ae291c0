package org.redoubt.crypto.keystore.internal;

import java.util.Base64;
import java.util.Optional;
import java.util.Set;

import org.redoubt.crypto.api.AeadAlgorithm;
import org.redoubt.crypto.api.DistinguishingId;
import org.redoubt.crypto.api.SignatureScheme;
import org.redoubt.crypto.api.Suite;
import org.redoubt.crypto.api.VerificationKey;
import org.redoubt.crypto.keystore.KeystoreException;
import org.redoubt.crypto.keystore.KeystoreException.Reason;
import org.redoubt.json.JsonException;
import org.redoubt.json.JsonLimits;
import org.redoubt.json.JsonObject;
import org.redoubt.json.JsonParser;
import org.redoubt.json.JsonWriter;

/**
 * {@code device-identity.json}: the identity key's public half in the clear and its PKCS#8 sealed
 * with the suite's AEAD under a key from the device secret.
 *
 * <pre>
 * { "format": 1, "suite": "NIST", "scheme": "ecdsa-p256-sha256", "publicKey": "...",
 *   "nonce": "...", "sealed": "..." }          (SM2 keys add "distinguishingId")
 * </pre>
 *
 * @param suite     the key's suite (its AEAD and hash seal the key)
 * @param publicKey the public key
 * @param nonce     the AEAD nonce
 * @param sealed    the sealed PKCS#8
 */
record IdentityKeyFile(Suite suite, VerificationKey publicKey, byte[] nonce, byte[] sealed) {

    private static final JsonLimits LIMITS = new JsonLimits(64 * 1024, 2, 4096, 16);
    private static final Set<String> MEMBERS = Set.of("format", "suite", "scheme", "distinguishingId", "publicKey",
            "nonce", "sealed");

    byte[] encode() {
        JsonObject.Builder json = JsonObject.builder()
                .put("format", 1)
                .put("suite", suite.name())
                .put("scheme", publicKey.scheme().id());
        if (!publicKey.distinguishingId().isNone()) {
            json.put("distinguishingId", publicKey.distinguishingId().toString());
        }
        return JsonWriter.indented().writeUtf8(json
                .put("publicKey", Base64.getEncoder().encodeToString(publicKey.subjectPublicKeyInfo()))
                .put("nonce", Base64.getEncoder().encodeToString(nonce))
                .put("sealed", Base64.getEncoder().encodeToString(sealed))
                .build());
    }

    static IdentityKeyFile decode(byte[] bytes) throws KeystoreException {
        try {
            JsonObject json = JsonParser.parseObject(bytes, LIMITS).requireOnly(MEMBERS);
            if (json.requireInt("format") != 1) {
                throw malformed("unsupported format " + json.requireInt("format"), null);
            }
            Suite suite = Suite.valueOf(json.requireString("suite"));
            SignatureScheme scheme = SignatureScheme.fromId(json.requireString("scheme"))
                    .orElseThrow(() -> malformed("unknown signature scheme", null));
            if (scheme != suite.deviceKeyScheme()) {
                throw malformed("a " + scheme.id() + " key is not a device key of suite " + suite, null);
            }
            Optional<String> id = json.optionalString("distinguishingId");
            DistinguishingId distinguishingId = id.map(DistinguishingId::of).orElse(DistinguishingId.NONE);
            VerificationKey publicKey = VerificationKey.of(scheme, Base64.getDecoder().decode(json.requireString("publicKey")),
                    distinguishingId);
            byte[] nonce = Base64.getDecoder().decode(json.requireString("nonce"));
            byte[] sealed = Base64.getDecoder().decode(json.requireString("sealed"));
            if (nonce.length != AeadAlgorithm.NONCE_LENGTH || sealed.length <= AeadAlgorithm.TAG_LENGTH) {
                throw malformed("nonce or sealed key of the wrong size", null);
            }
            return new IdentityKeyFile(suite, publicKey, nonce, sealed);
        } catch (JsonException | IllegalArgumentException e) {
            throw malformed(e.getMessage(), e);
        }
    }

    private static KeystoreException malformed(String detail, Throwable cause) {
        return new KeystoreException(Reason.MALFORMED, "the identity key file is not valid: " + detail, cause);
    }
}
