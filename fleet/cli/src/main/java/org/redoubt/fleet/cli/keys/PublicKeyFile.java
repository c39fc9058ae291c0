package org.redoubt.fleet.cli.keys;

import java.nio.file.Path;

import org.redoubt.crypto.api.CryptoException;
import org.redoubt.crypto.api.CryptoProvider;
import org.redoubt.crypto.api.SignatureScheme;
import org.redoubt.crypto.api.SigningKey;
import org.redoubt.crypto.api.VerificationKey;
import org.redoubt.fleet.cli.FleetException;

/**
 * A role key's public half as a file ({@code .pub}: PEM {@code PUBLIC KEY}, DER
 * SubjectPublicKeyInfo), what a key holder hands to whoever writes the root. A private key file
 * ({@code .pem}) is accepted wherever a public key is read: its public half is taken.
 */
public final class PublicKeyFile {

    private static final String LABEL = "PUBLIC KEY";

    private PublicKeyFile() {
    }

    /**
     * @param file a new file (never overwritten)
     * @param key  the public key
     * @throws FleetException when the file exists or cannot be written
     */
    public static void write(Path file, VerificationKey key) throws FleetException {
        NewFiles.createPublic(file, PemBlocks.encode(LABEL, key.subjectPublicKeyInfo()));
    }

    /**
     * @param file     a {@code .pub} file, or a private key file
     * @param provider imports a private key file's key, and checks the public key
     * @return the public key
     * @throws FleetException when the file holds no valid key of a Redoubt scheme
     */
    public static VerificationKey read(Path file, CryptoProvider provider) throws FleetException {
        if (PemBlocks.readText(file).contains("-----BEGIN PRIVATE KEY-----")) {
            try (SigningKey key = SigningKeyFile.read(file, provider)) {
                return key.verificationKey();
            }
        }
        byte[] spki = PemBlocks.read(file, LABEL);
        SignatureScheme scheme = KeySchemes.ofPublicKey(spki).orElseThrow(() -> new FleetException(
                file + " holds no ed25519, ecdsa-p256-sha256 or sm2-sm3 public key"));
        VerificationKey key = VerificationKey.of(scheme, spki, KeySchemes.distinguishingId(scheme));
        try {
            provider.validate(key);
        } catch (CryptoException e) {
            throw new FleetException(file + " is not a valid " + scheme.id() + " key: " + e.getMessage(), e);
        }
        return key;
    }
}
