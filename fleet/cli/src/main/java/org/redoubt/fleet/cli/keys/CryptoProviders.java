package org.redoubt.fleet.cli.keys;

import java.util.ServiceLoader;

import org.redoubt.crypto.api.CryptoProvider;

/** Finds the project's crypto provider (Bouncy Castle, {@code crypto-bc}) on the class path. */
public final class CryptoProviders {

    private CryptoProviders() {
    }

    /**
     * @return the provider
     * @throws IllegalStateException when no provider is on the class path (a broken installation,
     *                               never silently replaced by another implementation)
     */
    public static CryptoProvider load() {
        return ServiceLoader.load(CryptoProvider.class).findFirst().orElseThrow(() -> new IllegalStateException(
                "no CryptoProvider on the class path: crypto-bc is missing from this installation"));
    }
}
