package org.redoubt.crypto.bc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;
import org.redoubt.crypto.api.CryptoProvider;

/** The launcher finds the provider on a plain class path. */
class ServiceLoaderTest {

    @Test
    void serviceLoaderFindsExactlyThisProvider() {
        List<CryptoProvider> providers = ServiceLoader.load(CryptoProvider.class).stream()
                .map(ServiceLoader.Provider::get).toList();
        assertEquals(1, providers.size());
        assertEquals(BouncyCastleCryptoProvider.class, providers.get(0).getClass());
    }
}
