package org.redoubt.itests.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.Test;
import org.redoubt.fleet.broker.MosquittoProcess;
import org.redoubt.fleet.broker.TestPki;
import org.redoubt.json.JsonArray;
import org.redoubt.json.JsonLimits;
import org.redoubt.json.JsonNumber;
import org.redoubt.json.JsonObject;
import org.redoubt.json.JsonParser;
import org.redoubt.json.JsonString;
import org.redoubt.json.JsonValue;
import org.redoubt.runtime.release.ReleaseVerifier;

/**
 * SECURITY.md row 14, power loss during an update, on the real runtime: a provisioned handset
 * connected to a real Mosquitto (mutual TLS, the shipped configuration) receives signed releases
 * over MQTT as the fleet tool publishes them, and is killed with SIGKILL at a random point of each
 * install: right after a random progress ack, or after a random delay. After every restart:
 * <ul>
 * <li>the runtime boots the release that ran before or the new one, nothing else, and the slot it
 * booted from holds that release whole (every listed file with its digest and size, nothing
 * else); the launcher installs exactly that slot into an empty framework storage;</li>
 * <li>once an ack said VERIFIED or later (the launcher staged the candidate), the new release
 * boots; before that, the old one does;</li>
 * <li>the agent reports how the install ended, exactly as {@code ReleaseAgent} promises: COMMITTED
 * when the new release runs (the launcher committed the staged candidate at its TESTING boot);
 * when the old one runs, nothing had been staged, and the retained manifest arrives again: the
 * download resumes where it stopped and the release is installed live and committed after the
 * restart; the boot record agrees and holds no candidate;</li>
 * <li>the data stores are intact: a test bundle in every release ({@code store-writer}, as in
 * {@link StoreCrashIT}) writes messages as fast as it can during all of this, and at every boot
 * the store opens and holds every write it acknowledged before the kill, none twice.</li>
 * </ul>
 * {@code -Dredoubt.releaseCrashTrials=N} sets the number of trials (50); {@code -Preleasecrash} runs 300.
 */
class ReleasePowerLossIT {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final String OPERATOR = "operator-powerloss";
    /** Bundles each new release carries in a new version (never the release agent: that is staged for a restart). */
    private static final List<String> CHANGED = List.of("org.redoubt.driver.radios", "org.redoubt.driver.power");
    /** The acks after which a trial may pull the plug. */
    private static final List<String> KILL_POINTS = List.of("DOWNLOAD_STARTED", "DOWNLOADING", "DOWNLOADED", "VERIFIED",
            "INSTALLING", "TESTING");
    private static final Set<String> STAGED = Set.of("VERIFIED", "INSTALLING", "TESTING", "COMMITTED");
    private static final Set<String> FINAL = Set.of("COMMITTED", "ROLLED_BACK", "REJECTED", "STAGED_FOR_RESTART");

    private final BlockingQueue<JsonObject> acks = new LinkedBlockingQueue<>();
    private final Set<String> publishedBlobs = new HashSet<>();
    private final Set<Long> acknowledgedWrites = new TreeSet<>();
    private Path work;
    private Path data;
    private Path factory;
    private String device;
    private MqttClient operator;
    private long seed;

    @Test
    void everyBootAfterAPowerCutRunsAWholeOldOrAWholeNewRelease() throws Exception {
        work = Path.of(System.getProperty("redoubt.work", "target/work")).resolve(getClass().getSimpleName());
        VerifiedBootIT.deleteTree(work);
        factory = StoreCrashIT.releaseWithWriter(work.resolve("factory"));
        data = Files.createDirectories(work.resolve("data"));
        Files.writeString(data.resolve("store-writer.mode"), "unlocked paced");
        int trials = Integer.getInteger("redoubt.releaseCrashTrials", 50);
        seed = System.nanoTime();
        Random random = new Random(seed);

        // First boot: the device is provisioned, its identity key made, its CSR written.
        try (RuntimeProcess runtime = start()) {
            assertEquals(1, runtime.awaitReady().requireLong("release"), runtime.output());
            awaitStore(runtime, "first boot");
            awaitFile(data.resolve("keys/device.csr"), runtime);
            // Killed, not stopped: a clean stop interrupts the store writer mid-write, which it reports as a failure.
            runtime.kill();
            collectWrites(runtime);
        }
        device = JsonParser.parseObject(Files.readAllBytes(data.resolve("device.json")), JsonLimits.DEFAULT)
                .requireString("deviceId");

        TestPki pki = new TestPki("Redoubt power-loss fleet CA");
        int port = MosquittoProcess.freePort();
        Path conf = FleetLink.brokerConfiguration(work, pki, port, OPERATOR);
        FleetLink.provision(data, device, pki, port);

        Map<String, Integer> outcomes = new TreeMap<>();
        long started = System.nanoTime();
        try (MosquittoProcess broker = MosquittoProcess.start(conf, port, work.resolve("mosquitto.log"))) {
            operator = FleetLink.operator(OPERATOR, pki, port, device, acks);
            long running = 1;
            long next = 2;
            RuntimeProcess runtime = start();
            try {
                assertEquals(1, runtime.awaitReady().requireLong("release"), runtime.output());
                for (int trial = 1; trial <= trials; trial++) {
                    long candidate = next++;
                    String context = "trial " + trial + " of " + trials + ", release " + running + " -> " + candidate
                            + " (seed " + seed + ")";
                    Path release = release(candidate);
                    String envelope = publish(release);

                    // Pull the plug at a random point of the install.
                    String killPoint = random.nextBoolean() ? KILL_POINTS.get(random.nextInt(KILL_POINTS.size())) : null;
                    long delay = random.nextInt(3001);
                    List<String> before = new ArrayList<>();
                    if (killPoint != null) {
                        awaitAck(envelope, before, result -> result.equals(killPoint) || FINAL.contains(result), context);
                    } else {
                        collectAcks(envelope, before, Duration.ofMillis(delay));
                    }
                    runtime.kill();
                    collectWrites(runtime);
                    Instant killed = Instant.now();
                    collectAcks(envelope, before, Duration.ZERO);
                    context += ", killed " + (killPoint == null ? delay + " ms after publishing" : "after " + killPoint)
                            + ", acks before the kill " + before;

                    runtime = start();
                    JsonObject ready = runtime.awaitReady();
                    long booted = ready.requireLong("release");
                    context += ", booted " + booted;
                    assertTrue(booted == running || booted == candidate, context + ": a release that is neither the"
                            + " old nor the new one runs\n" + runtime.output());
                    assertSlotHoldsWholeRelease(ready.requireString("slot"), booted, context);
                    awaitStore(runtime, context);
                    if (before.stream().anyMatch(STAGED::contains)) {
                        assertEquals(candidate, booted, context + ": the candidate was staged, the new release must boot");
                    }

                    // How the agent says the install ended, after the restart.
                    List<JsonObject> after = new ArrayList<>();
                    JsonObject outcome = awaitFinal(envelope, killed, after, context, runtime);
                    String result = outcome.requireString("result");
                    List<String> afterResults = new ArrayList<>();
                    for (JsonObject ack : after) {
                        afterResults.add(ack.requireString("result"));
                    }
                    context += ", acks after the restart " + afterResults;
                    String kind;
                    if (booted == candidate) {
                        assertEquals("COMMITTED", result, context);
                        kind = "new release booted";
                    } else {
                        // Nothing was staged: the retained manifest comes again and the download resumes
                        // (only the missing chunks), then the release is installed live and committed.
                        assertEquals("COMMITTED", result, context + ": " + outcome);
                        assertEquals(List.of("DOWNLOAD_STARTED", "DOWNLOADED", "VERIFIED", "INSTALLING", "TESTING",
                                "COMMITTED"), afterResults.stream().filter(r -> !r.equals("DOWNLOADING")).toList(), context);
                        kind = before.isEmpty() ? "old release booted, retained release installed live"
                                : "old release booted, cut-off download resumed and installed live";
                    }
                    outcomes.merge(kind, 1, Integer::sum);
                    running = result.equals("COMMITTED") ? candidate : running;
                    JsonObject record = JsonParser.parseObject(Files.readAllBytes(data.resolve("boot.json")),
                            JsonLimits.DEFAULT);
                    assertEquals(running, record.requireObject("committed").requireLong("release"), context + ": " + record);
                    assertFalse(record.has("candidate"), context + ": " + record);
                }
                runtime.kill();
                collectWrites(runtime);
            } finally {
                runtime.close();
                operator.disconnect();
                operator.close();
            }
        }
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        System.out.println("ReleasePowerLossIT: " + trials + " trials in " + seconds + " s (seed " + seed + "): " + outcomes
                + "; " + acknowledgedWrites.size() + " store writes acknowledged and found again");
        if (trials >= 20) {
            assertTrue(outcomes.containsKey("new release booted") && outcomes.size() >= 2,
                    "the kill points cover both a whole old and a whole new release: " + outcomes + " (seed " + seed + ")");
        }
        assertFalse(acknowledgedWrites.isEmpty(), "the store writer wrote during the trials");
    }

    private RuntimeProcess start() throws IOException {
        return RuntimeProcess.start(RuntimeProcess.distribution("production"), data, "--release", factory.toString());
    }

    /**
     * Release {@code number}: the factory release with the {@link #CHANGED} bundles in a version of
     * this release, a fresh stamp, signed with the development release key.
     */
    private Path release(long number) throws Exception {
        Path release = work.resolve("releases/" + number);
        VerifiedBootIT.deleteTree(release);
        VerifiedBootIT.copyTree(factory, release);
        Map<String, JsonObject> replaced = new TreeMap<>();
        JsonObject document = ReleaseSigning.document(release.resolve(ReleaseVerifier.MANIFEST));
        for (JsonObject entry : document.requireObject("body").requireArray("bundles").requireObjects()) {
            String name = entry.requireString("symbolicName");
            if (!CHANGED.contains(name)) {
                continue;
            }
            String version = "0.1.0.release" + number;
            Path old = release.resolve(entry.requireString("file"));
            byte[] jar = withBundleVersion(Files.readAllBytes(old), version);
            String file = ReleaseVerifier.BUNDLES + "/" + name + "-" + version + ".jar";
            Files.delete(old);
            Files.write(release.resolve(file), jar);
            replaced.put(name, JsonObject.builder().put("symbolicName", name).put("version", version).put("file", file)
                    .put("digest", "sha256:" + sha256(jar)).put("size", jar.length)
                    .put("startLevel", entry.requireLong("startLevel")).build());
        }
        assertEquals(CHANGED.size(), replaced.size(), "the factory release lists " + CHANGED);
        Instant now = Instant.now();
        ReleaseSigning.resign(release, signed -> {
            try {
                JsonObject body = signed.requireObject("body");
                List<JsonValue> bundles = new ArrayList<>();
                for (JsonObject entry : body.requireArray("bundles").requireObjects()) {
                    bundles.add(replaced.getOrDefault(entry.requireString("symbolicName"), entry));
                }
                JsonObject edited = ReleaseSigning.with(signed, "version", JsonNumber.of(number));
                edited = ReleaseSigning.with(edited, "issuedAt", JsonString.of(now.minusSeconds(60).toString()));
                edited = ReleaseSigning.with(edited, "expires", JsonString.of(now.plus(Duration.ofDays(1)).toString()));
                return ReleaseSigning.with(edited, "body", ReleaseSigning.with(body, "bundles", JsonArray.of(bundles)));
            } catch (org.redoubt.json.JsonException e) {
                throw new IllegalStateException(e);
            }
        });
        return release;
    }

    /** The jar with another Bundle-Version in its manifest, every other entry as it was. */
    private static byte[] withBundleVersion(byte[] jar, String version) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(jar.length + 256);
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(jar));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            Manifest manifest = null;
            List<Map.Entry<String, byte[]>> entries = new ArrayList<>();
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                if (entry.getName().equals(JarFile.MANIFEST_NAME)) {
                    manifest = new Manifest(new java.io.ByteArrayInputStream(content));
                } else {
                    entries.add(Map.entry(entry.getName(), content));
                }
            }
            if (manifest == null) {
                throw new IOException("no manifest in the bundle");
            }
            manifest.getMainAttributes().put(new Attributes.Name("Bundle-Version"), version);
            zip.putNextEntry(new ZipEntry(JarFile.MANIFEST_NAME));
            manifest.write(zip);
            zip.closeEntry();
            for (Map.Entry<String, byte[]> entry : entries) {
                if (entry.getKey().equals("META-INF/")) {
                    continue;
                }
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /**
     * Publishes as the fleet tool does: each listed file as retained QoS 1 chunks on its digest's
     * topics (once: they stay retained), then the manifest envelope retained on the device's topic.
     *
     * @return {@code sha256:<hex>} of the envelope, as the acks name it
     */
    private String publish(Path release) throws Exception {
        JsonObject document = ReleaseSigning.document(release.resolve(ReleaseVerifier.MANIFEST));
        for (JsonObject entry : document.requireObject("body").requireArray("bundles").requireObjects()) {
            String digest = entry.requireString("digest").substring("sha256:".length());
            if (!publishedBlobs.add(digest)) {
                continue;
            }
            byte[] content = Files.readAllBytes(release.resolve(entry.requireString("file")));
            for (int index = 0; index * 65536 < content.length; index++) {
                byte[] chunk = Arrays.copyOfRange(content, index * 65536, Math.min(content.length, (index + 1) * 65536));
                operator.publish("redoubt/v1/blobs/" + digest + "/" + index, new MqttMessage(chunk, 1, true, null));
            }
        }
        byte[] envelope = Files.readAllBytes(release.resolve(ReleaseVerifier.MANIFEST));
        operator.publish("redoubt/v1/devices/" + device + "/release", new MqttMessage(envelope, 1, true, null));
        return "sha256:" + sha256(envelope);
    }

    /** Collects the results acked for {@code envelope} until one matches. */
    private void awaitAck(String envelope, List<String> results, java.util.function.Predicate<String> wanted,
            String context) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonObject ack = acks.poll(100, TimeUnit.MILLISECONDS);
            if (ack != null && ack.requireString("envelope").equals(envelope)) {
                results.add(ack.requireString("result"));
                if (wanted.test(results.get(results.size() - 1))) {
                    return;
                }
            }
        }
        throw new AssertionError(context + ": no such ack within " + WAIT + "; acks " + results);
    }

    /** Collects the results acked for {@code envelope} during {@code period} (the random delay before a kill). */
    private void collectAcks(String envelope, List<String> results, Duration period) throws Exception {
        long end = System.nanoTime() + period.toNanos();
        while (true) {
            long left = end - System.nanoTime();
            JsonObject ack = left > 0 ? acks.poll(left, TimeUnit.NANOSECONDS) : acks.poll();
            if (ack == null) {
                if (left <= 0) {
                    return;
                }
                continue;
            }
            if (ack.requireString("envelope").equals(envelope)) {
                results.add(ack.requireString("result"));
            }
        }
    }

    /**
     * @param after the acks for {@code envelope} sent after {@code killed} (the new process's), in order
     * @return the first final one
     */
    private JsonObject awaitFinal(String envelope, Instant killed, List<JsonObject> after, String context,
            RuntimeProcess runtime) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonObject ack = acks.poll(100, TimeUnit.MILLISECONDS);
            if (ack == null || !ack.requireString("envelope").equals(envelope)) {
                continue;
            }
            if (!Instant.parse(ack.requireString("at")).isAfter(killed)) {
                continue; // sent by the killed process, delivered late
            }
            after.add(ack);
            if (FINAL.contains(ack.requireString("result"))) {
                return ack;
            }
        }
        throw new AssertionError(context + ": no final ack after the restart within " + WAIT + "; acks " + after + "\n"
                + runtime.output() + "\nlog:\n" + logTail());
    }

    /** The slot the runtime booted from holds release {@code number} whole: every listed file, its digest and size, nothing else. */
    private void assertSlotHoldsWholeRelease(String slot, long number, String context) throws Exception {
        Path directory = data.resolve("slots").resolve(slot);
        JsonObject document = ReleaseSigning.document(directory.resolve(ReleaseVerifier.MANIFEST));
        assertEquals(number, document.requireLong("version"), context + ": slot " + slot);
        Set<Path> listed = new TreeSet<>();
        for (JsonObject entry : document.requireObject("body").requireArray("bundles").requireObjects()) {
            Path file = directory.resolve(entry.requireString("file"));
            listed.add(file);
            byte[] content = Files.readAllBytes(file);
            assertEquals(entry.requireLong("size"), content.length, context + ": " + file);
            assertEquals(entry.requireString("digest"), "sha256:" + sha256(content), context + ": " + file);
            if (CHANGED.contains(entry.requireString("symbolicName"))) {
                assertEquals(number == 1 ? "0.1.0.SNAPSHOT" : "0.1.0.release" + number, entry.requireString("version"),
                        context);
            }
        }
        try (Stream<Path> files = Files.list(directory.resolve(ReleaseVerifier.BUNDLES))) {
            assertEquals(listed, new TreeSet<>(files.toList()), context + ": slot " + slot + " holds exactly the listed files");
        }
    }

    /** The store opens at this boot and holds every write acknowledged before, none twice. */
    private void awaitStore(RuntimeProcess runtime, String context) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            for (String line : runtime.stdoutLines()) {
                assertFalse(line.startsWith("STORE-FAILED") || line.startsWith("STORE-DUPLICATE"),
                        context + ": " + line + "\n" + runtime.output());
                if (line.startsWith("STORE-CONTENT")) {
                    Set<Long> stored = new TreeSet<>();
                    String list = line.substring("STORE-CONTENT".length()).strip();
                    if (!list.isEmpty()) {
                        for (String number : list.split(",")) {
                            stored.add(Long.parseLong(number));
                        }
                    }
                    Set<Long> missing = new TreeSet<>(acknowledgedWrites);
                    missing.removeAll(stored);
                    assertTrue(missing.isEmpty(), context + ": acknowledged store writes are missing: " + missing);
                    return;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(context + ": the store did not open within " + WAIT + "\n" + runtime.output());
            }
            Thread.sleep(20);
        }
    }

    private void collectWrites(RuntimeProcess runtime) {
        for (String line : runtime.stdoutLines()) {
            assertFalse(line.startsWith("STORE-FAILED") || line.startsWith("STORE-DUPLICATE"),
                    line + " (seed " + seed + ")\n" + runtime.output());
            if (line.startsWith("STORE-ACK ")) {
                acknowledgedWrites.add(Long.parseLong(line.substring("STORE-ACK ".length())));
            }
        }
    }

    private static void awaitFile(Path file, RuntimeProcess runtime) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!Files.isRegularFile(file)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + file + " within " + WAIT + "\n" + runtime.output());
            }
            Thread.sleep(50);
        }
    }

    private String logTail() {
        try (Stream<Path> files = Files.list(data.resolve("log"))) {
            StringBuilder text = new StringBuilder();
            for (Path file : files.sorted().toList()) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                text.append(String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()))).append('\n');
            }
            return text.toString();
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
