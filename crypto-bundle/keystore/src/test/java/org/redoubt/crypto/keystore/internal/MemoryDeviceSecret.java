package org.redoubt.crypto.keystore.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.redoubt.crypto.api.CryptoProvider;
import org.redoubt.crypto.api.HashAlgorithm;
import org.redoubt.crypto.sealed.DeviceSecret;
import org.redoubt.crypto.sealed.SealedStorageException;
import org.redoubt.crypto.sealed.SealedStorageException.Reason;

/**
 * A device secret that lives in memory: one 32-byte secret per purpose from the provider's strong
 * random source, created on first use, and keys derived from it with HKDF. It keeps the
 * {@link DeviceSecret} contract (same purpose, same key until destroyed; distinct purposes and
 * distinct instances, unrelated keys), so one instance is one handset across "boots". The sealed
 * bundle's file-backed implementation is internal to that bundle, so the tests do not reach it.
 */
final class MemoryDeviceSecret implements DeviceSecret {

    private static final Pattern PURPOSE = Pattern.compile("[a-z0-9-]{1,32}");

    private final CryptoProvider provider;
    private final Map<String, byte[]> secrets = new HashMap<>();

    MemoryDeviceSecret(CryptoProvider provider) {
        this.provider = provider;
    }

    @Override
    public synchronized byte[] deriveKey(HashAlgorithm hash, String purpose, int length) throws SealedStorageException {
        if (!PURPOSE.matcher(purpose).matches() || length < 16 || length > 64) {
            throw new SealedStorageException(Reason.INVALID_ARGUMENT, "purpose or length out of range", null);
        }
        byte[] secret = secrets.computeIfAbsent(purpose, p -> provider.randomBytes(32));
        return provider.hkdf(hash, secret, new byte[0], ("redoubt test device secret/" + purpose)
                .getBytes(StandardCharsets.UTF_8), length);
    }

    @Override
    public synchronized void destroy(String purpose) {
        byte[] secret = secrets.remove(purpose);
        if (secret != null) {
            Arrays.fill(secret, (byte) 0);
        }
    }
}
