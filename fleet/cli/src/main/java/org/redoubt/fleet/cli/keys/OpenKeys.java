package org.redoubt.fleet.cli.keys;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.redoubt.crypto.api.CryptoProvider;
import org.redoubt.crypto.api.SigningKey;
import org.redoubt.fleet.cli.FleetException;

/** Private keys read from their files for one command, destroyed together when it ends. */
public final class OpenKeys implements AutoCloseable {

    private final List<SigningKey> keys;

    private OpenKeys(List<SigningKey> keys) {
        this.keys = keys;
    }

    /**
     * @param files    private key files
     * @param provider imports them
     * @return the open keys, in file order
     * @throws FleetException when a file is not a key (the keys read so far are destroyed)
     */
    public static OpenKeys read(List<Path> files, CryptoProvider provider) throws FleetException {
        List<SigningKey> keys = new ArrayList<>();
        try {
            for (Path file : files) {
                keys.add(SigningKeyFile.read(file, provider));
            }
        } catch (FleetException e) {
            keys.forEach(SigningKey::close);
            throw e;
        }
        return new OpenKeys(keys);
    }

    /** @return the keys (closed with this) */
    public List<SigningKey> keys() {
        return List.copyOf(keys);
    }

    @Override
    public void close() {
        keys.forEach(SigningKey::close);
    }
}
