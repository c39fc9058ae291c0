package org.redoubt.crypto.bc.internal;

import java.util.Arrays;
import java.util.Locale;

import org.redoubt.crypto.api.CryptoException;
import org.redoubt.crypto.api.CryptoProvider;
import org.redoubt.crypto.api.PinKdfParameters;

/**
 * Run by hand (not a test) to choose the handset's Argon2id cost:
 * {@code java -cp target/classes:target/test-classes:<crypto-api.jar>:<bcprov.jar>
 * org.redoubt.crypto.bc.internal.PinKdfTiming}. Prints the median of a few derivations per
 * parameter set after a warm-up; the table in README.md comes from here.
 */
public final class PinKdfTiming {

    private static final int WARM_UP = 2;
    private static final int RUNS = 5;

    private PinKdfTiming() {
    }

    public static void main(String[] args) throws CryptoException {
        CryptoProvider provider = new BouncyCastleCryptoProvider();
        byte[] salt = provider.randomBytes(16);
        int[][] sets = {
            {16 * 1024, 3, 1}, {32 * 1024, 3, 1}, {32 * 1024, 16, 1}, {46 * 1024, 1, 1},
            {64 * 1024, 1, 1}, {64 * 1024, 3, 1}, {64 * 1024, 6, 1}, {64 * 1024, 8, 1},
            {64 * 1024, 9, 1}, {64 * 1024, 9, 2}, {64 * 1024, 9, 4}, {64 * 1024, 10, 1}, {64 * 1024, 12, 1},
        };
        System.out.printf(Locale.ROOT, "%-10s %-3s %-3s %10s%n", "memory", "t", "p", "median ms");
        for (int[] set : sets) {
            PinKdfParameters parameters = new PinKdfParameters(set[0], set[1], set[2]);
            long[] millis = new long[RUNS];
            for (int i = -WARM_UP; i < RUNS; i++) {
                long start = System.nanoTime();
                byte[] key = provider.derivePinKey("493817".toCharArray(), salt, parameters, 32);
                long elapsed = (System.nanoTime() - start) / 1_000_000;
                Arrays.fill(key, (byte) 0);
                if (i >= 0) {
                    millis[i] = elapsed;
                }
            }
            Arrays.sort(millis);
            System.out.printf(Locale.ROOT, "%-10s %-3d %-3d %10d%n", set[0] / 1024 + " MiB", set[1], set[2], millis[RUNS / 2]);
        }
    }
}
