package org.redoubt.release.agent.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.redoubt.audit.testing.MemoryAuditLog;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redoubt.fleet.broker.BrokerConfiguration;
import org.redoubt.fleet.broker.MosquittoProcess;
import org.redoubt.fleet.broker.TestPki;
import org.redoubt.json.JsonLimits;
import org.redoubt.json.JsonObject;
import org.redoubt.json.JsonParser;
import org.redoubt.runtime.release.TestBundles;

/**
 * Releases over a real Mosquitto on the shipped configuration, to the real agent on a real Felix
 * with the launcher's real slots: a release is fetched as chunks, installed live, health-checked
 * (an MQTT round trip included) and committed, every step acknowledged; SECURITY.md rows 1, 2, 5,
 * 6, 7 and 12 are performed over the broker and end in an ack with their reason, nothing changed.
 */
class ReleaseAgentTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String DEVICE = TestReleases.DEVICE.deviceId();

    @TempDir
    Path work;

    private TestPki pki;
    private MosquittoProcess broker;
    private MqttClient operator;
    private MqttClient handsetClient;
    private TestReleases releases;
    private HandsetFramework handset;
    private ReleaseAgent agent;
    private final BlockingQueue<JsonObject> acks = new LinkedBlockingQueue<>();
    private final MemoryAuditLog audited = new MemoryAuditLog();
    /** The policy's bundles.allow in force. */
    private final java.util.concurrent.atomic.AtomicReference<List<org.redoubt.policy.Policy.BundleGrant>> grants =
            new java.util.concurrent.atomic.AtomicReference<>(List.of());

    @BeforeEach
    void handsetAndBroker() throws Exception {
        pki = new TestPki("Redoubt test fleet CA");
        TestPki.Identity server = pki.issue("localhost", true);
        int port = MosquittoProcess.freePort();
        Path conf = new BrokerConfiguration("127.0.0.1", port, TestPki.pem(work.resolve("ca.pem"), pki.certificate()),
                TestPki.pem(work.resolve("broker.pem"), server.certificate()),
                TestPki.pem(work.resolve("broker.key"), server.keys().getPrivate()), work.resolve("broker-data"),
                List.of("operator-alice"), System.getProperty("user.name")).write(work.resolve("etc"));
        broker = MosquittoProcess.start(conf, port, work.resolve("mosquitto.log"));
        operator = client("operator-alice");
        // The array form: Paho 1.2.5's subscribe(String, int, listener) calls itself until the stack overflows.
        operator.subscribe(new org.eclipse.paho.mqttv5.common.MqttSubscription[] {
            new org.eclipse.paho.mqttv5.common.MqttSubscription("redoubt/v1/devices/" + DEVICE + "/ack", 1)},
                new org.eclipse.paho.mqttv5.client.IMqttMessageListener[] {(topic, message) -> acks.add(
                        JsonParser.parseObject(message.getPayload(), JsonLimits.DEFAULT))});
        handsetClient = client(DEVICE);
        releases = new TestReleases(work);
        handset = new HandsetFramework(work, releases.release(1, Map.of(
                "radio.jar", TestBundles.bundle("org.example.radio", "1.0.0", "driver"),
                "lib.jar", TestBundles.bundle("org.example.lib", "1.0.0", null))), releases);
        PahoTestChannel channel = new PahoTestChannel(handsetClient, DEVICE);
        handsetClient.setCallback(channel.callback(handset.said::add));
        Path state = work.resolve("data/state/release");
        LiveRelease live = new LiveRelease(handset.slots.slots(), handset.converger,
                handset.health(List.of(new EchoProbe(channel, Duration.ofSeconds(10)))),
                new InstallJournal(state.resolve("journal"), Clock.systemUTC()), "org.redoubt.release.agent");
        BlobFetch fetch = new BlobFetch(channel, state.resolve("blobs"),
                new BlobFetch.Limits(WAIT, 32 * 1024, Duration.ofSeconds(1)), System::nanoTime);
        agent = new ReleaseAgent(channel, handset.slots.slots(), live, fetch, new LastRelease(state.resolve("last.json")),
                state.resolve("work"), Clock.systemUTC(), handset.said::add, grants::get, new ReleaseAuditTrail(recorder()));
        agent.start();
    }

    @AfterEach
    void stop() throws Exception {
        agent.close();
        for (MqttClient client : new MqttClient[] {operator, handsetClient}) {
            if (client != null && client.isConnected()) {
                client.disconnect();
            }
            if (client != null) {
                client.close();
            }
        }
        handset.close();
        broker.close();
    }

    private MqttClient client(String name) throws Exception {
        MqttClient client = new MqttClient("ssl://localhost:" + broker.port(), name, new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setSocketFactory(TestPki.clientContext(pki.issue(name, false), pki.certificate()).getSocketFactory());
        options.setHttpsHostnameVerificationEnabled(true);
        client.connect(options);
        return client;
    }

    /** Publishes the listed files as retained chunks, as the fleet tool does, then the manifest. */
    private byte[] publish(Path release) throws Exception {
        try (var files = Files.list(release.resolve("bundles"))) {
            for (Path file : files.toList()) {
                publishChunks(Files.readAllBytes(file), Files.readAllBytes(file), null);
            }
        }
        return publishManifest(release);
    }

    private byte[] publishManifest(Path release) throws Exception {
        byte[] envelope = Files.readAllBytes(release.resolve(org.redoubt.runtime.release.ReleaseVerifier.MANIFEST));
        operator.publish("redoubt/v1/devices/" + DEVICE + "/release", new MqttMessage(envelope, 1, true, null));
        return envelope;
    }

    /**
     * Publishes {@code content} in chunks on the topics of {@code listed}'s digest.
     *
     * @param indexes only these chunks; {@code null}: all
     */
    private void publishChunks(byte[] listed, byte[] content, int[] indexes) throws Exception {
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(listed));
        int chunks = (content.length + BlobSpec.CHUNK_SIZE - 1) / BlobSpec.CHUNK_SIZE;
        for (int index = 0; index < chunks; index++) {
            final int chunk = index;
            if (indexes != null && Arrays.stream(indexes).noneMatch(i -> i == chunk)) {
                continue;
            }
            byte[] bytes = Arrays.copyOfRange(content, index * BlobSpec.CHUNK_SIZE,
                    Math.min(content.length, (index + 1) * BlobSpec.CHUNK_SIZE));
            operator.publish(BlobSpec.TOPIC_PREFIX + digest + "/" + index, new MqttMessage(bytes, 1, true, null));
        }
    }

    /** @return the results acknowledged for this envelope, up to and including a final one */
    private List<JsonObject> acksUntilFinal(byte[] envelope) throws Exception {
        String digest = "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(envelope));
        List<JsonObject> seen = new ArrayList<>();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonObject ack = acks.poll(100, TimeUnit.MILLISECONDS);
            if (ack == null || !ack.requireString("envelope").equals(digest)) {
                continue;
            }
            seen.add(ack);
            if (ReleaseProgress.valueOf(ack.requireString("result")).isFinal()) {
                assertAudited(ack);
                return seen;
            }
        }
        throw new AssertionError("no final ack for " + digest + "; acks so far " + seen + "; agent said " + handset.said);
    }

    private org.redoubt.audit.AuditRecorder recorder() {
        org.redoubt.audit.AuditRecorder recorder = new org.redoubt.audit.AuditRecorder(handset.said::add);
        recorder.bind(audited);
        return recorder;
    }

    /** The outcome an ack tells was in the audit log before the ack went out, with its reason. */
    private void assertAudited(JsonObject ack) throws Exception {
        String result = ack.requireString("result");
        if (result.equals("STAGED_FOR_RESTART")) {
            return; // recorded when it commits at the next start
        }
        org.redoubt.audit.AuditEvent event = audited.forEnvelope(ack.requireString("envelope"))
                .orElseThrow(() -> new AssertionError("no audit entry for " + ack));
        assertEquals("RELEASE_" + result, event.kind().name(), ack.toString());
        assertEquals(result.equals("COMMITTED") ? "" : ack.requireString("reason"), event.reason(), ack.toString());
    }

    private static List<String> results(List<JsonObject> acks) throws Exception {
        List<String> results = new ArrayList<>();
        for (JsonObject ack : acks) {
            String result = ack.requireString("result");
            if (!result.equals("DOWNLOADING")) {
                results.add(result);
            }
        }
        return results;
    }

    private static JsonObject last(List<JsonObject> acks) {
        return acks.get(acks.size() - 1);
    }

    @Test
    void aReleaseArrivesAsChunksIsInstalledLiveAndCommittedWithEveryStepAcknowledged() throws Exception {
        byte[] big = ActivatorBundles.plain("org.example.maps", "1.0.0", 300 * 1024, null);
        Path two = releases.release(2, Map.of("radio.jar", TestBundles.bundle("org.example.radio", "1.1.0", "driver"),
                "maps.jar", big));

        byte[] envelope = publish(two);
        List<JsonObject> acks = acksUntilFinal(envelope);

        assertEquals(List.of("DOWNLOAD_STARTED", "DOWNLOADED", "VERIFIED", "INSTALLING", "TESTING", "COMMITTED"),
                results(acks));
        boolean progress = false;
        for (JsonObject ack : acks) {
            progress |= ack.requireString("result").equals("DOWNLOADING") && ack.requireLong("received") < ack.requireLong("total");
        }
        assertTrue(progress, "progress during the download: " + acks);
        assertEquals(2, last(acks).requireLong("version"));
        assertEquals(Map.of("org.example.radio", "1.1.0", "org.example.maps", "1.0.0"), handset.running());
        assertEquals(2, handset.slots.slots().committedRelease());

        // The same envelope again (a retained copy after a reconnection): its outcome, nothing installed again.
        int lines = handset.said.size();
        publishManifest(two);
        assertEquals(List.of("COMMITTED"), results(acksUntilFinal(envelope)));
        assertEquals(lines, handset.said.size(), "nothing was installed again: " + handset.said);
    }

    @Test
    void rows1And7ASubstitutedOrMixedBundleAndAnUnsignedManifestAreRejectedAndNothingChanges() throws Exception {
        Map<String, String> before = handset.running();
        byte[] listed = TestBundles.bundle("org.example.radio", "1.1.0", "driver");
        Path two = releases.release(2, Map.of("radio.jar", listed));
        // Row 7: the radio of another release (same size, other bytes) on release 2's chunk topics.
        byte[] other = listed.clone();
        other[other.length / 2] ^= 1;
        publishChunks(listed, other, null);
        byte[] mixed = publishManifest(two);

        JsonObject refused = last(acksUntilFinal(mixed));
        assertEquals("REJECTED", refused.requireString("result"));
        assertEquals("DIGEST_MISMATCH", refused.requireString("reason"), refused.toString());

        // Row 1: a manifest signed by a key that is not a release key.
        Path unsigned = releases.release(3, Map.of("radio.jar", TestBundles.bundle("org.example.radio", "1.3.0", "driver")),
                releases.otherKey);
        JsonObject untrusted = last(acksUntilFinal(publish(unsigned)));
        assertEquals("REJECTED", untrusted.requireString("result"));
        assertEquals("REJECTED", untrusted.requireString("reason"));
        assertTrue(untrusted.requireString("detail").contains("THRESHOLD_NOT_MET"), untrusted.toString());
        assertEquals(before, handset.running());
        assertEquals(1, handset.slots.slots().committedRelease());
    }

    @Test
    void row2AnOlderReleaseReplayedIsRejected() throws Exception {
        Path two = releases.release(2, Map.of("radio.jar", TestBundles.bundle("org.example.radio", "1.1.0", "driver")));
        assertEquals("COMMITTED", last(acksUntilFinal(publish(two))).requireString("result"));
        Map<String, String> before = handset.running();

        Path older = releases.release(1, Map.of("radio.jar", TestBundles.bundle("org.example.radio", "0.9.0", "driver")));
        JsonObject refused = last(acksUntilFinal(publish(older)));

        assertEquals("REJECTED", refused.requireString("result"));
        assertEquals("ROLLBACK", refused.requireString("reason"), refused.toString());
        assertEquals(before, handset.running());
        assertEquals(2, handset.slots.slots().committedRelease());
    }

    @Test
    void row5MoreChunksThanListedEndTheTransfer() throws Exception {
        byte[] big = ActivatorBundles.plain("org.example.maps", "1.0.0", 200 * 1024, null);
        Path two = releases.release(2, Map.of("maps.jar", big));
        int chunks = (big.length + BlobSpec.CHUNK_SIZE - 1) / BlobSpec.CHUNK_SIZE;
        // Every chunk but the last, and one past the end of the listed size.
        int[] some = new int[chunks - 1];
        Arrays.setAll(some, i -> i);
        publishChunks(big, big, some);
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(big));
        operator.publish(BlobSpec.TOPIC_PREFIX + digest + "/" + chunks, new MqttMessage(new byte[100], 1, true, null));

        JsonObject refused = last(acksUntilFinal(publishManifest(two)));

        assertEquals("REJECTED", refused.requireString("result"));
        assertEquals("TOO_LARGE", refused.requireString("reason"), refused.toString());
        assertEquals(1, handset.slots.slots().committedRelease());
    }

    @Test
    void row6AListedBundleThatNeedsAnUnlistedOneRollsBackAndNothingStaysInstalled() throws Exception {
        Map<String, String> before = handset.running();
        Path two = releases.release(2, Map.of("radio.jar", TestBundles.bundle("org.example.radio", "1.1.0", "driver"),
                "needy.jar", ActivatorBundles.plain("org.example.needy", "1.0.0", 10, "org.example.unlisted")));

        JsonObject outcome = last(acksUntilFinal(publish(two)));

        assertEquals("ROLLED_BACK", outcome.requireString("result"));
        assertEquals("START_FAILED", outcome.requireString("reason"), outcome.toString());
        assertTrue(outcome.requireString("detail").contains("org.example.needy"), outcome.toString());
        assertEquals(before, handset.running(), "nothing of release 2 stays");
        assertEquals(1, handset.slots.slots().committedRelease());
    }

    @Test
    void row12ASlowTransferEndsInAClearFailureNotAHang() throws Exception {
        byte[] big = ActivatorBundles.plain("org.example.maps", "1.0.0", 300 * 1024, null);
        Path two = releases.release(2, Map.of("maps.jar", big));
        publishChunks(big, big, new int[] {0, 1});

        JsonObject refused = last(acksUntilFinal(publishManifest(two)));

        assertEquals("REJECTED", refused.requireString("result"));
        assertEquals("TOO_SLOW", refused.requireString("reason"), refused.toString());
        assertEquals(1, handset.slots.slots().committedRelease());
        assertTrue(new String(Files.readAllBytes(work.resolve("data/state/release/last.json")), StandardCharsets.UTF_8)
                .contains("TOO_SLOW"));
    }

    @Test
    void thePolicysBundlesAllowDecidesWhichBundlesAndSignersAReleaseMayHave() throws Exception {
        String releaseKey = releases.releaseKey.verificationKey().keyId().hex();
        String otherKey = releases.otherKey.verificationKey().keyId().hex();
        grants.set(List.of(new org.redoubt.policy.Policy.BundleGrant("org.example.radio", releaseKey),
                new org.redoubt.policy.Policy.BundleGrant("org.example.maps", otherKey)));
        Map<String, String> before = handset.running();

        // maps is granted only to a key that did not sign this release; extra has no grant at all.
        Path notGranted = releases.release(2, Map.of("radio.jar", TestBundles.bundle("org.example.radio", "1.1.0", "driver"),
                "maps.jar", ActivatorBundles.plain("org.example.maps", "1.0.0", 1000, null)));
        JsonObject refused = last(acksUntilFinal(publish(notGranted)));
        assertEquals("REJECTED", refused.requireString("result"));
        assertEquals("NOT_ALLOWED_BY_POLICY", refused.requireString("reason"), refused.toString());
        assertTrue(refused.requireString("detail").contains("org.example.maps"), refused.toString());
        assertEquals(before, handset.running());

        Path granted = releases.release(3, Map.of("radio.jar", TestBundles.bundle("org.example.radio", "1.3.0", "driver")));
        assertEquals("COMMITTED", last(acksUntilFinal(publish(granted))).requireString("result"));
        assertEquals(Map.of("org.example.radio", "1.3.0"), handset.running());
    }
}
