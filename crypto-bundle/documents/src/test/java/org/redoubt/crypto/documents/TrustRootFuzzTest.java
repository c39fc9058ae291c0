package org.redoubt.crypto.documents;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ServiceLoader;

import org.redoubt.crypto.api.CryptoProvider;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Trust-root parsing from untrusted bytes, against the real provider: any input either yields a
 * consistent root or is rejected with a {@link DocumentException} carrying a reason code; every
 * other throwable is a finding.
 *
 * <p>The normal build runs only the committed inputs in {@code TrustRootFuzzTestInputs/parse}
 * (regression mode); {@code -Pfuzz} fuzzes (README, "Fuzzing").
 */
class TrustRootFuzzTest {

    private static final CryptoProvider PROVIDER = ServiceLoader.load(CryptoProvider.class).findFirst()
            .orElseThrow(() -> new IllegalStateException("no CryptoProvider on the test class path"));

    @FuzzTest(maxDuration = "5m")
    void parse(byte[] input) {
        TrustRoot root;
        try {
            root = TrustRoot.parse(input, PROVIDER);
        } catch (DocumentException e) {
            assertNotNull(e.reason(), "a rejection without a reason code");
            return;
        }
        assertTrue(root.version() >= 1, "version below 1");
        assertTrue(!root.expires().isBefore(root.issuedAt()), "expires before issuedAt");
        for (Role role : Role.values()) {
            assertTrue(root.keys().keySet().containsAll(root.keysOf(role).keySet()), "unlisted key in " + role);
        }
        assertArrayEquals(input, root.payload());
    }
}
