package org.redoubt.itests.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.redoubt.json.JsonArray;
import org.redoubt.json.JsonLimits;
import org.redoubt.json.JsonNumber;
import org.redoubt.json.JsonObject;
import org.redoubt.json.JsonParser;

/**
 * A candidate release staged in the other slot boots in TESTING: committed once it is ready,
 * rolled back by the launcher itself after three boots that never got there, and never run at all
 * when it fails verification. The committed release is untouched throughout.
 */
class CandidateReleaseIT {

    private Path work;
    private Path data;

    @BeforeEach
    void provisioned(TestInfo test) throws Exception {
        work = Path.of(System.getProperty("redoubt.work", "target/work"))
                .resolve(getClass().getSimpleName() + "-" + test.getTestMethod().orElseThrow().getName());
        VerifiedBootIT.deleteTree(work);
        data = work.resolve("data");
        try (RuntimeProcess runtime = RuntimeProcess.start(RuntimeProcess.distribution("production"), data)) {
            assertEquals(1, runtime.awaitReady().requireLong("release"));
            assertEquals(0, runtime.terminate(), runtime.output());
        }
    }

    /** Release 2 in slot b, a copy of release 1 with {@code edit}; boot.json names it the candidate. */
    private void stageCandidate(java.util.function.UnaryOperator<JsonObject> edit) throws Exception {
        Path candidate = data.resolve("slots/b");
        VerifiedBootIT.deleteTree(candidate);
        VerifiedBootIT.copyTree(data.resolve("slots/a"), candidate);
        ReleaseSigning.resign(candidate, document -> edit.apply(ReleaseSigning.with(document, "version", JsonNumber.of(2))));
        JsonObject record = bootRecord();
        Files.writeString(data.resolve("boot.json"), "{\"schema\":1,\"committed\":{\"slot\":\"a\",\"release\":1},"
                + "\"bootCount\":" + record.requireLong("bootCount")
                + ",\"candidate\":{\"slot\":\"b\",\"release\":2,\"attempts\":0}}");
    }

    private JsonObject bootRecord() throws Exception {
        return JsonParser.parseObject(Files.readAllBytes(data.resolve("boot.json")), JsonLimits.DEFAULT);
    }

    @Test
    void aCandidateThatBecomesReadyIsCommitted() throws Exception {
        stageCandidate(document -> document);

        try (RuntimeProcess runtime = RuntimeProcess.start(RuntimeProcess.distribution("production"), data)) {
            JsonObject ready = runtime.awaitReady();
            assertEquals(2, ready.requireLong("release"));
            assertEquals("b", ready.requireString("slot"));
            assertEquals(0, runtime.terminate(), runtime.output());
        }
        JsonObject record = bootRecord();
        assertEquals("b", record.requireObject("committed").requireString("slot"));
        assertEquals(2, record.requireObject("committed").requireLong("release"));
        assertFalse(record.has("candidate"), record.toString());
    }

    @Test
    void aCandidateThatNeverBecomesReadyIsRolledBackAfterThreeBoots() throws Exception {
        // Without the device keystore the policy agent never becomes satisfied: the release is never ready.
        stageCandidate(document -> withoutBundle(document, "org.redoubt.crypto.keystore"));
        try (Stream<Path> files = Files.list(data.resolve("slots/b/bundles"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("org.redoubt.crypto.keystore-")).toList()) {
                Files.delete(file);
            }
        }

        for (int attempt = 1; attempt <= 3; attempt++) {
            try (RuntimeProcess runtime = RuntimeProcess.start(RuntimeProcess.distribution("production"), data,
                    "--ready-timeout", "3")) {
                JsonObject notReady = runtime.awaitEvent("NOT-READY", RuntimeProcess.BOOT_DEADLINE)
                        .orElseThrow(() -> new AssertionError(runtime.output()));
                assertEquals(2, notReady.requireLong("release"));
                assertTrue(runtime.stderr().contains("TESTING (attempt " + attempt + " of 3)"), runtime.stderr());
                assertEquals(0, runtime.terminate(), runtime.output());
            }
        }
        try (RuntimeProcess runtime = RuntimeProcess.start(RuntimeProcess.distribution("production"), data)) {
            JsonObject ready = runtime.awaitReady();
            assertEquals(1, ready.requireLong("release"));
            assertEquals("a", ready.requireString("slot"));
            assertTrue(runtime.stderr().contains("rolling back the candidate release 2 (3 boots without a commit)"),
                    runtime.stderr());
            assertEquals(0, runtime.terminate(), runtime.output());
        }
        JsonObject record = bootRecord();
        assertEquals(1, record.requireObject("committed").requireLong("release"));
        assertFalse(record.has("candidate"), record.toString());
        assertEquals(2, record.requireObject("rolledBack").requireLong("release"));
    }

    @Test
    void aTamperedCandidateNeverRunsAndTheCommittedReleaseBoots() throws Exception {
        stageCandidate(document -> document);
        Path bundle;
        try (Stream<Path> files = Files.list(data.resolve("slots/b/bundles"))) {
            bundle = files.filter(f -> f.getFileName().toString().startsWith("org.redoubt.health-")).findFirst().orElseThrow();
        }
        byte[] content = Files.readAllBytes(bundle);
        content[content.length / 2] ^= 0x20;
        Files.write(bundle, content);

        try (RuntimeProcess runtime = RuntimeProcess.start(RuntimeProcess.distribution("production"), data)) {
            JsonObject ready = runtime.awaitReady();
            assertEquals(1, ready.requireLong("release"));
            assertEquals("a", ready.requireString("slot"));
            assertEquals(0, runtime.terminate(), runtime.output());
        }
        JsonObject record = bootRecord();
        assertFalse(record.has("candidate"), record.toString());
        assertTrue(record.requireObject("rolledBack").requireString("reason").startsWith("failed verification"),
                record.toString());
    }

    private static JsonObject withoutBundle(JsonObject document, String symbolicName) {
        try {
            JsonObject body = document.requireObject("body");
            JsonArray.Builder kept = JsonArray.builder();
            for (JsonObject entry : body.requireArray("bundles").requireObjects()) {
                if (!entry.requireString("symbolicName").equals(symbolicName)) {
                    kept.add(entry);
                }
            }
            return ReleaseSigning.with(document, "body", ReleaseSigning.with(body, "bundles", kept.build()));
        } catch (org.redoubt.json.JsonException e) {
            throw new IllegalStateException(e);
        }
    }
}
