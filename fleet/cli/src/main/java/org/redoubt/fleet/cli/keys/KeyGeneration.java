package org.redoubt.fleet.cli.keys;

import java.nio.file.Path;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

import org.redoubt.crypto.api.CryptoProvider;
import org.redoubt.crypto.api.KeyId;
import org.redoubt.crypto.api.SignatureScheme;
import org.redoubt.crypto.api.SigningKey;
import org.redoubt.crypto.api.Suite;
import org.redoubt.crypto.api.VerificationKey;
import org.redoubt.crypto.documents.Role;
import org.redoubt.fleet.cli.FleetException;

/**
 * One step of the key ceremony: a new role key in a file the operator names. Writes
 * {@code <role>-<first 12 hex digits of the key id>.<scheme>.pem} (the private key, 0600) and the
 * same name with {@code .pub} (the public key, to hand to whoever writes the root).
 */
public final class KeyGeneration {

    /** How many hex digits of the key id go into the file name. */
    static final int KEY_ID_PREFIX = 12;

    private final CryptoProvider provider;

    /** @param provider generates the key */
    public KeyGeneration(CryptoProvider provider) {
        this.provider = Objects.requireNonNull(provider, "provider");
    }

    /**
     * A generated key: where it went and who it is.
     *
     * @param privateKeyFile the PKCS#8 file
     * @param publicKeyFile  the SPKI file
     * @param scheme         its scheme
     * @param keyId          its key id
     * @param publicKey      its DER SubjectPublicKeyInfo, base64
     */
    public record GeneratedKey(Path privateKeyFile, Path publicKeyFile, SignatureScheme scheme, KeyId keyId,
            String publicKey) {
    }

    /**
     * @param suite  NIST or SM
     * @param scheme the scheme asked for, or empty for the suite's default
     * @return the scheme: ecdsa-p256-sha256 for NIST unless ed25519 is asked for, sm2-sm3 for SM
     * @throws FleetException when the scheme is not of the suite
     */
    public static SignatureScheme scheme(Suite suite, Optional<SignatureScheme> scheme) throws FleetException {
        SignatureScheme chosen = scheme.orElse(suite.deviceKeyScheme());
        if (chosen.suite() != suite) {
            throw new FleetException(chosen.id() + " is not a scheme of the " + suite.name().toLowerCase(java.util.Locale.ROOT)
                    + " suite");
        }
        return chosen;
    }

    /**
     * @param role      the role the key is for (only its name goes into the file name)
     * @param scheme    the scheme
     * @param directory where to write
     * @return what was written
     * @throws FleetException when a file exists or cannot be written
     */
    public GeneratedKey generate(Role role, SignatureScheme scheme, Path directory) throws FleetException {
        try (SigningKey key = provider.generateSigningKey(scheme, KeySchemes.distinguishingId(scheme))) {
            VerificationKey publicKey = key.verificationKey();
            String base = role.id() + "-" + publicKey.keyId().hex().substring(0, KEY_ID_PREFIX) + "." + scheme.id();
            Path privateFile = directory.resolve(base + ".pem");
            Path publicFile = directory.resolve(base + ".pub");
            SigningKeyFile.write(privateFile, key);
            PublicKeyFile.write(publicFile, publicKey);
            return new GeneratedKey(privateFile, publicFile, scheme, publicKey.keyId(),
                    Base64.getEncoder().encodeToString(publicKey.subjectPublicKeyInfo()));
        }
    }
}
