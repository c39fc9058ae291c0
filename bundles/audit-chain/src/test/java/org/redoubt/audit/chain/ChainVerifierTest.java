package org.redoubt.audit.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.redoubt.audit.chain.ChainBreak.Reason;
import org.redoubt.crypto.api.Suite;
import org.redoubt.crypto.bc.internal.BouncyCastleCryptoProvider;

/**
 * The verifier against logs written as the handset writes them, in both suites (SHA-256 with an
 * ECDSA P-256 device key, SM3 with an SM2 one): every single-byte change is found at the entry
 * that holds the byte, a log cut at a line boundary or inside a line is reported truncated.
 */
class ChainVerifierTest {

    private static final BouncyCastleCryptoProvider PROVIDER = new BouncyCastleCryptoProvider();

    private static TestChain smallLog(Suite suite) {
        return new TestChain(PROVIDER, suite)
                .entry("BOOT", "", Map.of("release", "3", "profile", "production"))
                .entry("UNLOCK_FAILED", "", Map.of("failures", "1"))
                .entry("UNLOCK_SUCCEEDED", "", Map.of())
                .checkpoint()
                .entry("POLICY_REJECTED", "EXPIRED", Map.of("version", "12"))
                .entry("RULE_VIOLATION", "", Map.of("bundle", "org.example.rogue", "kind", "SERVICE",
                        "target", "org.redoubt.driver.modem.api.Modem"))
                .checkpoint();
    }

    @ParameterizedTest
    @EnumSource(Suite.class)
    void anIntactLogVerifiesWithItsCheckpointFile(Suite suite) {
        TestChain chain = smallLog(suite);

        ChainReport report = chain.verifier().verify(chain.log(), Optional.of(chain.checkpointFile()));

        assertEquals(Optional.empty(), report.firstBreak());
        assertEquals(7, report.entries());
        assertEquals(7, report.lastCheckpoint());
        assertEquals(0, report.unsigned());
    }

    @ParameterizedTest
    @EnumSource(Suite.class)
    void everyChangedByteIsReportedAtTheEntryThatHoldsIt(Suite suite) {
        TestChain chain = smallLog(suite);
        byte[] log = chain.log();
        byte[] checkpoint = chain.checkpointFile();
        ChainVerifier verifier = chain.verifier();
        int[] lineOf = lineNumbers(log);

        for (int at = 0; at < log.length; at++) {
            for (int flip : new int[] {0x01, 0x20}) {
                byte[] tampered = log.clone();
                tampered[at] ^= flip;
                ChainReport report = verifier.verify(tampered, Optional.of(checkpoint));
                int position = at;
                assertTrue(report.firstBreak().isPresent(), () -> "byte " + position + " changed, not detected");
                ChainBreak found = report.firstBreak().get();
                assertEquals(lineOf[at], found.line(), () -> "byte " + position + " (line " + lineOf[position]
                        + ") changed, reported " + found.describe());
                assertEquals(lineOf[at], found.sequence());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Suite.class)
    void withoutTheCheckpointFileEveryChangedByteIsStillFoundAtItsEntry(Suite suite) {
        TestChain chain = smallLog(suite);
        byte[] log = chain.log();
        int[] lineOf = lineNumbers(log);

        for (int at = 0; at < log.length; at++) {
            byte[] tampered = log.clone();
            tampered[at] ^= 0x04;
            ChainReport report = chain.verifier().verify(tampered, Optional.empty());
            int position = at;
            assertEquals(lineOf[at], report.firstBreak().map(ChainBreak::line).orElse(-1L),
                    () -> "byte " + position + " changed: " + report.firstBreak());
        }
    }

    @ParameterizedTest
    @EnumSource(Suite.class)
    void aLogCutAtALineBoundaryIsTruncatedAgainstTheCheckpointFile(Suite suite) {
        TestChain chain = smallLog(suite);
        byte[] log = chain.log();
        List<Integer> ends = lineEnds(log);

        for (int keep = 0; keep < ends.size() - 1; keep++) {
            byte[] cut = Arrays.copyOf(log, ends.get(keep) + 1);
            ChainReport report = chain.verifier().verify(cut, Optional.of(chain.checkpointFile()));
            assertEquals(Optional.of(Reason.TRUNCATED), report.firstBreak().map(ChainBreak::reason), "kept " + (keep + 1));
            assertEquals(keep + 2, report.firstBreak().get().sequence());
        }
        ChainReport empty = chain.verifier().verify(new byte[0], Optional.of(chain.checkpointFile()));
        assertEquals(Optional.of(Reason.TRUNCATED), empty.firstBreak().map(ChainBreak::reason));
    }

    @ParameterizedTest
    @EnumSource(Suite.class)
    void aLogCutInsideALineIsTruncatedThereEvenWithoutTheCheckpointFile(Suite suite) {
        TestChain chain = smallLog(suite);
        byte[] log = chain.log();
        int[] lineOf = lineNumbers(log);

        for (int length = 1; length < log.length; length++) {
            if (log[length - 1] == '\n') {
                continue;
            }
            byte[] cut = Arrays.copyOf(log, length);
            ChainReport report = chain.verifier().verify(cut, Optional.empty());
            ChainBreak found = report.firstBreak().orElseThrow();
            assertEquals(Reason.TRUNCATED, found.reason(), found.describe());
            assertEquals(lineOf[length - 1], found.line());
        }
    }

    @ParameterizedTest
    @EnumSource(Suite.class)
    void entriesAfterTheLastCheckpointAreCountedAsUnsigned(Suite suite) {
        TestChain chain = smallLog(suite).entry("WIPE", "", Map.of("trigger", "COMMAND"));

        ChainReport report = chain.verifier().verify(chain.log(), Optional.of(chain.checkpointFile()));

        assertTrue(report.intact());
        assertEquals(7, report.lastCheckpoint());
        assertEquals(1, report.unsigned());
    }

    @ParameterizedTest
    @EnumSource(Suite.class)
    void aCheckpointOfAnotherKeyIsABadSignature(Suite suite) {
        TestChain chain = smallLog(suite);
        TestChain stranger = new TestChain(PROVIDER, suite);

        ChainReport report = stranger.verifier().verify(chain.log(), Optional.empty());

        assertEquals(new ChainBreak(4, 4, Reason.BAD_SIGNATURE, report.firstBreak().get().detail()),
                report.firstBreak().get());
    }

    @ParameterizedTest
    @EnumSource(Suite.class)
    void aRemovedEntryIsAGap(Suite suite) {
        TestChain chain = smallLog(suite);
        byte[] log = chain.log();
        List<Integer> ends = lineEnds(log);
        byte[] withoutSecond = concat(Arrays.copyOf(log, ends.get(0) + 1), Arrays.copyOfRange(log, ends.get(1) + 1, log.length));

        ChainReport report = chain.verifier().verify(withoutSecond, Optional.empty());

        assertEquals(Reason.SEQUENCE_GAP, report.firstBreak().get().reason());
        assertEquals(2, report.firstBreak().get().line());
        assertFalse(report.intact());
    }

    @ParameterizedTest
    @EnumSource(Suite.class)
    void linesRoundTripAndNonCanonicalFormsAreRefused(Suite suite) throws Exception {
        TestChain chain = smallLog(suite);
        byte[] first = Arrays.copyOf(chain.log(), lineEnds(chain.log()).get(0));
        AuditLine line = AuditLine.parse(first);
        assertEquals("BOOT", line.kind());
        assertEquals(Map.of("profile", "production", "release", "3"), line.details());

        String text = new String(first, StandardCharsets.UTF_8);
        for (String variant : List.of(text.replace("{\"seq\":1,", "{\"seq\":1 ,"),
                text.replace("\"seq\":1", "\"seq\":01"),
                text.replace("\"details\":{\"profile\":\"production\",\"release\":\"3\"}",
                        "\"details\":{\"release\":\"3\",\"profile\":\"production\"}"),
                text.replace(".008Z", "Z"))) {
            assertTrue(!variant.equals(text), variant);
            org.junit.jupiter.api.Assertions.assertThrows(MalformedLineException.class,
                    () -> AuditLine.parse(variant.getBytes(StandardCharsets.UTF_8)), variant);
        }
    }

    private static int[] lineNumbers(byte[] log) {
        int[] lineOf = new int[log.length];
        int line = 1;
        for (int i = 0; i < log.length; i++) {
            lineOf[i] = line;
            if (log[i] == '\n') {
                line++;
            }
        }
        return lineOf;
    }

    private static List<Integer> lineEnds(byte[] log) {
        List<Integer> ends = new java.util.ArrayList<>();
        for (int i = 0; i < log.length; i++) {
            if (log[i] == '\n') {
                ends.add(i);
            }
        }
        return ends;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
