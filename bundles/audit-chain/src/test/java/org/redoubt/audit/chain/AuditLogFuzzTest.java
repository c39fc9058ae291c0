package org.redoubt.audit.chain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.redoubt.crypto.api.Suite;
import org.redoubt.crypto.bc.internal.BouncyCastleCryptoProvider;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * A collected audit log comes through the broker: untrusted bytes. Parsing a line throws nothing
 * but {@link MalformedLineException} and accepts only bytes it writes back identically; verifying a
 * whole log never throws, and a log it calls intact really is one chain.
 *
 * <p>The normal build runs only the committed inputs in {@code AuditLogFuzzTestInputs/}
 * (regression mode); {@code -Pfuzz} fuzzes (crypto-bundle/documents/README.md, "Fuzzing").
 */
class AuditLogFuzzTest {

    private static final TestChain DEVICE = new TestChain(new BouncyCastleCryptoProvider(), Suite.NIST);

    @FuzzTest(maxDuration = "5m")
    void parse(byte[] input) {
        AuditLine line;
        try {
            line = AuditLine.parse(input);
        } catch (MalformedLineException e) {
            assertNotNull(e.getMessage());
            return;
        }
        assertArrayEquals(input, line.bytes(), "an accepted line is exactly its canonical form");
    }

    @FuzzTest(maxDuration = "5m")
    void verify(byte[] input) {
        ChainReport report = DEVICE.verifier().verify(input, Optional.empty());
        if (report.intact()) {
            assertTrue(input.length == 0 || input[input.length - 1] == '\n', "an intact log ends with a whole line");
        } else {
            ChainBreak found = report.firstBreak().get();
            assertTrue(found.line() >= 1 && found.line() <= report.entries() + 1, found.describe());
        }
    }
}
