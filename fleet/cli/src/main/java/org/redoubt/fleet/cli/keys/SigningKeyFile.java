package org.redoubt.fleet.cli.keys;

import java.nio.file.Path;
import java.util.Arrays;

import org.redoubt.crypto.api.CryptoException;
import org.redoubt.crypto.api.CryptoProvider;
import org.redoubt.crypto.api.SignatureScheme;
import org.redoubt.crypto.api.SigningKey;
import org.redoubt.fleet.cli.FleetException;

/**
 * A role key's private key file, in the format the project uses everywhere (the build's
 * development keys too): PEM {@code PRIVATE KEY} holding DER PKCS#8, mode 0600. The scheme is read
 * from the key itself; SM2 keys always get {@link org.redoubt.crypto.api.DistinguishingId#SM2_DEFAULT}.
 */
public final class SigningKeyFile {

    private static final String LABEL = "PRIVATE KEY";

    private SigningKeyFile() {
    }

    /**
     * @param file     a new file (never overwritten)
     * @param key      the key to store
     * @throws FleetException when the file exists or cannot be written
     */
    public static void write(Path file, SigningKey key) throws FleetException {
        byte[] pkcs8 = key.encodePrivateKey();
        try {
            NewFiles.createSecret(file, PemBlocks.encode(LABEL, pkcs8));
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    /**
     * @param file     the key file
     * @param provider imports the key
     * @return the open key; the caller closes it
     * @throws FleetException when the file is missing or holds no key of a Redoubt scheme
     */
    public static SigningKey read(Path file, CryptoProvider provider) throws FleetException {
        byte[] pkcs8 = PemBlocks.read(file, LABEL);
        try {
            SignatureScheme scheme = KeySchemes.ofPrivateKey(pkcs8).orElseThrow(() -> new FleetException(
                    file + " holds no ed25519, ecdsa-p256-sha256 or sm2-sm3 private key"));
            return provider.importSigningKey(scheme, pkcs8, KeySchemes.distinguishingId(scheme));
        } catch (CryptoException e) {
            throw new FleetException(file + " is not a valid private key: " + e.getMessage(), e);
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }
}
