package org.redoubt.audit.chain;

import java.util.HexFormat;

import org.redoubt.crypto.api.CryptoProvider;
import org.redoubt.crypto.api.HashAlgorithm;

/**
 * The {@code prev} of the line after a line.
 *
 * @since 1.0
 */
public final class LineHash {

    private LineHash() {
    }

    /**
     * @param provider the hash functions
     * @param alg      the hash of the next line
     * @param line     the exact bytes of a line, without its {@code \n}
     * @return the hash in lower-case hex
     */
    public static String of(CryptoProvider provider, HashAlgorithm alg, byte[] line) {
        return HexFormat.of().formatHex(provider.digest(alg, line));
    }
}
