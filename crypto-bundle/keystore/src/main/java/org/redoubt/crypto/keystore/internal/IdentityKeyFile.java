package org.redoubt.crypto.keystore.internal;

import java.util.Arrays;
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
 * <p>Reading checks {@code format} first, so that a file a newer release wrote (a higher format,
 * possibly with members this one does not know) is reported as {@link Reason#UNSUPPORTED} and not
 * as damage. Any other deviation, including an unknown member, is {@link Reason#MALFORMED}.
 *
 * @param suite     the key's suite (its AEAD and hash seal the key)
 * @param publicKey the public key
 * @param nonce     the AEAD nonce
 * @param sealed    the sealed PKCS#8 with the AEAD tag
 */
record IdentityKeyFile(Suite suite, VerificationKey publicKey, byte[] nonce, byte[] sealed) {

    /** The format this code writes and reads. */
    static final int FORMAT = 1;
    /** The largest file read; a real one has well under 1 KiB. */
    static final int MAX_BYTES = 16 * 1024;

    private static final JsonLimits LIMITS = new JsonLimits(MAX_BYTES, 1, 4096, 16);
    private static final Set<String> MEMBERS = Set.of("format", "suite", "scheme", "distinguishingId", "publicKey",
            "nonce", "sealed");

    IdentityKeyFile {
        if (publicKey.scheme() != suite.deviceKeyScheme()) {
            throw new IllegalArgumentException("a " + publicKey.scheme().id() + " key is not a device key of suite " + suite);
        }
        nonce = nonce.clone();
        sealed = sealed.clone();
    }

    @Override
    public byte[] nonce() {
        return nonce.clone();
    }

    @Override
    public byte[] sealed() {
        return sealed.clone();
    }

    byte[] encode() {
        JsonObject.Builder json = JsonObject.builder()
                .put("format", FORMAT)
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

    /**
     * @param bytes the file's content
     * @return the file
     * @throws KeystoreException {@link Reason#UNSUPPORTED} for a format, suite or scheme this code
     *                           does not know, {@link Reason#MALFORMED} for anything else that is
     *                           not a well-formed file
     */
    static IdentityKeyFile decode(byte[] bytes) throws KeystoreException {
        try {
            JsonObject json = JsonParser.parseObject(bytes, LIMITS);
            long format = json.requireLong("format");
            if (format > FORMAT) {
                throw new KeystoreException(Reason.UNSUPPORTED, "the identity key file has format " + format
                        + ", written by a newer release; this one reads format " + FORMAT, null);
            }
            if (format != FORMAT) {
                throw malformed("format " + format, null);
            }
            json.requireOnly(MEMBERS);
            String suiteName = json.requireString("suite");
            Suite suite = known(Arrays.stream(Suite.values()).filter(s -> s.name().equals(suiteName)).findFirst(), "suite");
            SignatureScheme scheme = known(SignatureScheme.fromId(json.requireString("scheme")), "scheme");
            if (scheme != suite.deviceKeyScheme()) {
                throw malformed("a " + scheme.id() + " key is not a device key of suite " + suite, null);
            }
            Optional<String> id = json.optionalString("distinguishingId");
            // VerificationKey.of refuses an SM2 key without an identifier and any other key with one.
            VerificationKey publicKey = VerificationKey.of(scheme, Base64.getDecoder().decode(json.requireString("publicKey")),
                    id.map(DistinguishingId::of).orElse(DistinguishingId.NONE));
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

    private static <T> T known(Optional<T> value, String member) throws KeystoreException {
        return value.orElseThrow(() -> new KeystoreException(Reason.UNSUPPORTED,
                "the identity key file names a " + member + " this release does not know", null));
    }

    private static KeystoreException malformed(String detail, Throwable cause) {
        return new KeystoreException(Reason.MALFORMED, "the identity key file is not valid: " + detail, cause);
    }
}
