package org.redoubt.fleet.cli.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.redoubt.crypto.api.CryptoProvider;
import org.redoubt.crypto.api.DistinguishingId;
import org.redoubt.crypto.api.SignatureScheme;
import org.redoubt.crypto.api.SigningKey;
import org.redoubt.crypto.api.Suite;
import org.redoubt.crypto.documents.Role;
import org.redoubt.fleet.cli.FleetException;

class KeyGenerationTest {

    private static final CryptoProvider PROVIDER = CryptoProviders.load();

    @TempDir
    Path directory;

    @ParameterizedTest
    @EnumSource(SignatureScheme.class)
    void aKeyFileReadsBackAsTheSameKeyOfItsScheme(SignatureScheme scheme) throws Exception {
        KeyGeneration.GeneratedKey key = new KeyGeneration(PROVIDER).generate(Role.POLICY, scheme, directory);

        assertEquals("policy-" + key.keyId().hex().substring(0, 12) + "." + scheme.id() + ".pem",
                key.privateKeyFile().getFileName().toString());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key.privateKeyFile())));
        try (SigningKey read = SigningKeyFile.read(key.privateKeyFile(), PROVIDER)) {
            assertEquals(key.keyId(), read.verificationKey().keyId());
            assertEquals(scheme, read.verificationKey().scheme());
            assertEquals(scheme == SignatureScheme.SM2_SM3 ? DistinguishingId.SM2_DEFAULT : DistinguishingId.NONE,
                    read.verificationKey().distinguishingId());
        }
        assertEquals(key.keyId(), PublicKeyFile.read(key.publicKeyFile(), PROVIDER).keyId());
        assertEquals(key.keyId(), PublicKeyFile.read(key.privateKeyFile(), PROVIDER).keyId(),
                "a private key file stands for its public key");
    }

    @Test
    void suitesHaveTheirDefaultSchemesAndRefuseTheOtherSuites() throws Exception {
        assertEquals(SignatureScheme.ECDSA_P256_SHA256, KeyGeneration.scheme(Suite.NIST, Optional.empty()));
        assertEquals(SignatureScheme.ED25519, KeyGeneration.scheme(Suite.NIST, Optional.of(SignatureScheme.ED25519)));
        assertEquals(SignatureScheme.SM2_SM3, KeyGeneration.scheme(Suite.SM, Optional.empty()));
        assertThrows(FleetException.class, () -> KeyGeneration.scheme(Suite.SM, Optional.of(SignatureScheme.ED25519)));
    }

    @Test
    void anExistingKeyFileIsNeverOverwritten() throws Exception {
        try (SigningKey key = PROVIDER.generateSigningKey(SignatureScheme.ED25519, DistinguishingId.NONE)) {
            Path file = directory.resolve("root.pem");
            Files.writeString(file, "precious");
            FleetException refused = assertThrows(FleetException.class, () -> SigningKeyFile.write(file, key));
            assertTrue(refused.getMessage().contains("exists already"), refused.getMessage());
            assertEquals("precious", Files.readString(file));
        }
    }

    @Test
    void aFileThatIsNoKeyIsRefusedWithAReason() throws Exception {
        Path file = Files.writeString(directory.resolve("x.pem"), "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
        assertThrows(FleetException.class, () -> SigningKeyFile.read(file, PROVIDER));
        assertThrows(FleetException.class, () -> SigningKeyFile.read(directory.resolve("missing.pem"), PROVIDER));
    }
}
