package org.redoubt.itests.process;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.redoubt.json.JsonArray;
import org.redoubt.json.JsonObject;
import org.redoubt.json.JsonValue;

/**
 * Crash safety of the stores in the real runtime: a release with a test bundle that writes
 * messages and calls as fast as it can is killed with SIGKILL at a random moment, again and again,
 * half of the rounds while the handset is locked (the writes go to the inboxes). After every
 * restart the store opens, every acknowledged write is there exactly once, and the writer goes on.
 * At the end no file under the data directory holds any message text.
 * {@code -Pcrash} runs 200 rounds instead of 12.
 */
class StoreCrashIT {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final String WRITER = "org.redoubt.itests.storewriter";

    @Test
    void everyAcknowledgedWriteSurvivesKillNine() throws Exception {
        Path work = Path.of(System.getProperty("redoubt.work", "target/work")).resolve(getClass().getSimpleName());
        VerifiedBootIT.deleteTree(work);
        Path factory = releaseWithWriter(work.resolve("factory"));
        Path data = Files.createDirectories(work.resolve("data"));
        int rounds = Integer.getInteger("redoubt.crashIterations", 12);
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Set<Long> acknowledged = new TreeSet<>();

        for (int round = 0; round <= rounds; round++) {
            boolean last = round == rounds;
            Files.writeString(data.resolve("store-writer.mode"), round % 2 == 1 ? "locked" : "unlocked");
            try (RuntimeProcess runtime = RuntimeProcess.start(RuntimeProcess.distribution("production"), data,
                    "--release", factory.toString())) {
                String content = awaitLine(runtime, line -> line.startsWith("STORE-CONTENT"), "STORE-CONTENT");
                Set<Long> stored = numbers(content.substring("STORE-CONTENT".length()).strip());
                String context = "round " + round + " of " + rounds + " (seed " + seed + ")";
                assertTrue(stored.containsAll(acknowledged), context + ": acknowledged writes are missing: "
                        + difference(acknowledged, stored));
                awaitLine(runtime, line -> line.startsWith("STORE-WRITING"), "STORE-WRITING");
                if (last) {
                    assertFalse(runtime.output().contains("STORE-DUPLICATE"), runtime.output());
                    assertFalse(runtime.output().contains("STORE-FAILED"), runtime.output());
                    break;
                }
                int acks = 1 + random.nextInt(40);
                awaitLine(runtime, ackCount(acks), acks + " acknowledged writes");
                runtime.kill();
                for (String line : runtime.stdoutLines()) {
                    if (line.startsWith("STORE-ACK ")) {
                        acknowledged.add(Long.parseLong(line.substring("STORE-ACK ".length())));
                    }
                    assertFalse(line.startsWith("STORE-DUPLICATE") || line.startsWith("STORE-FAILED"),
                            context + ": " + line + "\n" + runtime.output());
                }
            }
        }
        assertTrue(acknowledged.size() >= rounds, "every round acknowledged writes: " + acknowledged.size());
        assertNoPlaintextUnder(data);
    }

    /** Every byte of every file the runtime left (database, keys, logs, slots): no message text in any encoding. */
    private static void assertNoPlaintextUnder(Path data) throws java.io.IOException {
        List<Path> files;
        try (java.util.stream.Stream<Path> walk = Files.walk(data)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertTrue(files.stream().anyMatch(file -> file.getFileName().toString().equals("handset.mv.db")), files.toString());
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1)
                    + new String(bytes, java.nio.charset.StandardCharsets.UTF_16LE)
                    + new String(bytes, java.nio.charset.StandardCharsets.UTF_16BE);
            assertFalse(text.contains("crash-test-"), "message text is readable in " + file);
        }
    }

    /** The production factory release plus the writer bundle, signed again with the development release key. */
    static Path releaseWithWriter(Path factory) throws Exception {
        VerifiedBootIT.copyTree(RuntimeProcess.distribution("production").resolve("release"), factory);
        Path jar = Path.of(System.getProperty("redoubt.storeWriter", "../store-writer/target/store-writer-0.1.0-SNAPSHOT.jar"));
        String file = "bundles/" + WRITER + "-0.1.0.jar";
        Files.copy(jar, factory.resolve(file));
        byte[] bytes = Files.readAllBytes(jar);
        JsonObject entry = JsonObject.builder()
                .put("symbolicName", WRITER)
                .put("version", "0.1.0.SNAPSHOT")
                .put("file", file)
                .put("digest", "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)))
                .put("size", bytes.length)
                .put("startLevel", 5)
                .build();
        ReleaseSigning.resign(factory, document -> {
            JsonObject body = (JsonObject) document.members().get("body");
            JsonArray bundles = (JsonArray) body.members().get("bundles");
            List<JsonValue> more = new java.util.ArrayList<>(bundles.elements());
            more.add(entry);
            return ReleaseSigning.with(document, "body", ReleaseSigning.with(body, "bundles", JsonArray.of(more)));
        });
        return factory;
    }

    private static Predicate<String> ackCount(int wanted) {
        int[] seen = {0};
        return line -> line.startsWith("STORE-ACK ") && ++seen[0] >= wanted;
    }

    private static String awaitLine(RuntimeProcess runtime, Predicate<String> wanted, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        int checked = 0;
        while (true) {
            List<String> lines = runtime.stdoutLines();
            for (; checked < lines.size(); checked++) {
                if (wanted.test(lines.get(checked))) {
                    return lines.get(checked);
                }
            }
            Optional<String> failure = lines.stream().filter(l -> l.startsWith("STORE-FAILED")).findFirst();
            if (failure.isPresent()) {
                throw new AssertionError(failure.get() + "\n" + runtime.output());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + what + " within " + DEADLINE + "\n" + runtime.output());
            }
            Thread.sleep(5);
        }
    }

    private static Set<Long> numbers(String list) {
        Set<Long> numbers = new TreeSet<>();
        if (!list.isEmpty()) {
            for (String number : list.split(",")) {
                numbers.add(Long.parseLong(number));
            }
        }
        return numbers;
    }

    private static Set<Long> difference(Set<Long> wanted, Set<Long> found) {
        Set<Long> missing = new TreeSet<>(wanted);
        missing.removeAll(found);
        return missing;
    }
}
