package org.redoubt.crypto.keystore.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;

import org.redoubt.crypto.api.CryptoProvider;
import org.redoubt.crypto.api.Suite;
import org.redoubt.crypto.keystore.KeystoreException;
import org.redoubt.crypto.sealed.DeviceSecret;

/**
 * One simulated handset for the tests: a data directory and a device secret that outlive the
 * keystore, so that each {@link #boot} is a boot of the same handset. The provider is the real
 * one, found as the launcher finds it.
 */
final class Handset {

    static final CryptoProvider PROVIDER = ServiceLoader.load(CryptoProvider.class).findFirst()
            .orElseThrow(() -> new AssertionError("no CryptoProvider on the test class path"));
    static final String DEVICE_ID = "h-0042";

    final Path keys;
    final DeviceSecret deviceSecret;
    final List<String> journal = new ArrayList<>();

    Handset(Path data) {
        this(data, new MemoryDeviceSecret(PROVIDER));
    }

    Handset(Path data, DeviceSecret deviceSecret) {
        this.keys = data.resolve("keys");
        this.deviceSecret = deviceSecret;
    }

    /** @return the keystore as this boot opens it; the caller closes it */
    SealedIdentityKey boot(Suite activeSuite) throws KeystoreException {
        return SealedIdentityKey.loadOrCreate(keys, DEVICE_ID, PROVIDER, deviceSecret, activeSuite, journal::add);
    }

    Path keyFile() {
        return keys.resolve(SealedIdentityKey.KEY_FILE);
    }

    Path requestFile() {
        return keys.resolve(SealedIdentityKey.CSR_FILE);
    }

    /**
     * @param suite the suite of the identity key
     * @return the files a healthy handset has, sorted: an SM2 identity also has its TLS transport key
     */
    static List<String> expectedFiles(Suite suite) {
        return suite == Suite.SM
                ? List.of(SealedIdentityKey.KEY_FILE, SealedIdentityKey.TRANSPORT_CSR_FILE,
                        SealedIdentityKey.TRANSPORT_KEY_FILE, SealedIdentityKey.CSR_FILE)
                : List.of(SealedIdentityKey.KEY_FILE, SealedIdentityKey.CSR_FILE);
    }

    /** @return the names in the keys directory, sorted */
    List<String> files() throws IOException {
        if (!Files.isDirectory(keys)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(keys)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
