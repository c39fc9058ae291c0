package org.redoubt.itests.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.Test;
import org.redoubt.audit.chain.AuditLine;
import org.redoubt.audit.chain.ChainReport;
import org.redoubt.audit.chain.ChainVerifier;
import org.redoubt.crypto.api.DistinguishingId;
import org.redoubt.crypto.api.SignatureScheme;
import org.redoubt.crypto.api.VerificationKey;
import org.redoubt.crypto.api.SigningKey;
import org.redoubt.crypto.documents.EnvelopeCodec;
import org.redoubt.crypto.documents.EnvelopeSigner;
import org.redoubt.crypto.documents.Role;
import org.redoubt.fleet.broker.BrokerConfiguration;
import org.redoubt.fleet.broker.MosquittoProcess;
import org.redoubt.fleet.broker.TestPki;
import org.redoubt.json.JsonLimits;
import org.redoubt.json.JsonNumber;
import org.redoubt.json.JsonObject;
import org.redoubt.json.JsonParser;
import org.redoubt.json.JsonString;
import org.redoubt.runtime.release.DevelopmentKeys;
import org.redoubt.runtime.release.ReleaseVerifier;

/**
 * Every way the handset refuses a policy, a command, a trust root or a release leaves an entry in
 * its audit log with the reason code of the ack, written before the ack went out: the real
 * production runtime on a real Mosquitto, attacked over MQTT by an operator session, and its audit
 * log read back from the handset's data directory line by line.
 */
class EveryRejectionIsAuditedIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String OPERATOR = "operator-audit";
    private static final String POLICY_TYPE = "application/vnd.redoubt.policy+json";
    private static final String COMMAND_TYPE = "application/vnd.redoubt.command+json";
    private static final String ROOT_TYPE = "application/vnd.redoubt.root+json";

    private final BlockingQueue<JsonObject> acks = new LinkedBlockingQueue<>();
    private MqttClient operator;
    private String device;

    @Test
    void everyRejectionOfAPolicyACommandARootAndAReleaseIsAuditedWithItsReason() throws Exception {
        Path work = Path.of(System.getProperty("redoubt.work", "target/work")).resolve(getClass().getSimpleName());
        VerifiedBootIT.deleteTree(work);
        Path data = Files.createDirectories(work.resolve("data"));
        try (RuntimeProcess runtime = RuntimeProcess.start(RuntimeProcess.distribution("production"), data)) {
            runtime.awaitReady();
            awaitFile(data.resolve("keys/device.csr"));
            runtime.kill();
        }
        device = JsonParser.parseObject(Files.readAllBytes(data.resolve("device.json")), JsonLimits.DEFAULT)
                .requireString("deviceId");
        TestPki pki = new TestPki("Redoubt audit fleet CA");
        TestPki.Identity server = pki.issue("localhost", true);
        int port = MosquittoProcess.freePort();
        Path conf = new BrokerConfiguration("127.0.0.1", port, TestPki.pem(work.resolve("ca.pem"), pki.certificate()),
                TestPki.pem(work.resolve("broker.pem"), server.certificate()),
                TestPki.pem(work.resolve("broker.key"), server.keys().getPrivate()), work.resolve("broker-data"),
                List.of(OPERATOR), System.getProperty("user.name")).write(work.resolve("etc"));
        FleetLink.provision(data, device, pki, port);

        // What was refused, by envelope digest: the ack's reason code.
        Map<String, JsonObject> refused = new LinkedHashMap<>();
        try (MosquittoProcess broker = MosquittoProcess.start(conf, port, work.resolve("mosquitto.log"));
                DevelopmentKeys keys = ReleaseSigning.developmentKeys();
                RuntimeProcess runtime = RuntimeProcess.start(RuntimeProcess.distribution("production"), data)) {
            runtime.awaitReady();
            operator = FleetLink.operator(OPERATOR, pki, port, device, acks);
            SigningKey policyKey = keys.key(Role.POLICY);
            SigningKey commandKey = keys.key(Role.COMMAND);
            SigningKey releaseKey = keys.key(Role.RELEASE);
            Instant now = Instant.now();
            String me = "{\"device\":\"" + device + "\"}";

            // Policies: two applied, then every attack on them.
            expect(publishPolicy(signedPolicy(policyDocument(2, me, "{}", now), policyKey)), "APPLIED", refused);
            expect(publishPolicy(signedPolicy(policyDocument(3, me, "{\"radios\":{\"nfc\":\"DISABLED\"}}", now),
                    policyKey)), "APPLIED", refused);
            expect(publishPolicy(signedPolicy(policyDocument(2, me, "{}", now), policyKey)), "ROLLBACK", refused);
            expect(publishPolicy(signedPolicy(policyDocument(4, "{\"device\":\"handset-b\"}", "{}", now), policyKey)),
                    "WRONG_TARGET", refused);
            expect(publishPolicy(signedPolicy(policyDocument(4, me, "{}", now), releaseKey)), "THRESHOLD_NOT_MET",
                    refused);
            expect(publishPolicy(signedPolicy(policyDocument(4, me, "{}", now.minus(Duration.ofDays(60))), policyKey)),
                    "EXPIRED", refused);
            expect(publishPolicy(signedPolicy(policyDocument(4, me, "{\"camera\":\"DISABLED\"}", now), policyKey)),
                    "UNKNOWN_FIELD", refused);
            expect(publishPolicy(sign(COMMAND_TYPE, policyDocument(4, me, "{}", now), policyKey)), "WRONG_PAYLOAD_TYPE",
                    refused);
            expect(publishPolicy(sign(POLICY_TYPE, "not json", policyKey)), "MALFORMED_DOCUMENT", refused);
            expect(publishPolicy(("{\"payloadType\":\"" + POLICY_TYPE + "\",\"payload\":\"!\",\"signatures\":[]}")
                    .getBytes(StandardCharsets.UTF_8)), "MALFORMED_ENVELOPE", refused);
            byte[] huge = new byte[300_000];
            Arrays.fill(huge, (byte) '{');
            expect(publishPolicy(huge), "TOO_LARGE", refused);

            // Commands: one carried out, then replayed, mistargeted, expired and wrongly signed.
            byte[] lock = sign(COMMAND_TYPE, commandDocument(1, me, "LOCK", "00112233445566778899aabbccddeeff", now), commandKey);
            expect(publishCommand(lock), "APPLIED", refused);
            expect(publishCommand(lock), "REPLAYED", refused);
            expect(publishCommand(sign(COMMAND_TYPE, commandDocument(2, "{\"device\":\"handset-b\"}", "LOCK",
                    "10112233445566778899aabbccddeeff", now), commandKey)), "WRONG_TARGET", refused);
            expect(publishCommand(sign(COMMAND_TYPE, commandDocument(3, me, "LOCK", "20112233445566778899aabbccddeeff",
                    now.minus(Duration.ofDays(3))), commandKey)), "EXPIRED", refused);
            expect(publishCommand(sign(COMMAND_TYPE, commandDocument(4, me, "LOCK", "30112233445566778899aabbccddeeff", now),
                    policyKey)), "THRESHOLD_NOT_MET", refused);

            // A trust root signed by a policy key alone.
            expect(publish("devices/" + device + "/root", sign(ROOT_TYPE, "{\"type\":\"redoubt.root\",\"version\":2,"
                    + "\"issuedAt\":\"" + now + "\",\"expires\":\"" + now.plus(Duration.ofDays(9)) + "\",\"keys\":{},"
                    + "\"roles\":{}}", policyKey)), null, refused);

            // Releases: the factory release signed by a key that is no release key, and again as release 1.
            Path factory = work.resolve("factory");
            VerifiedBootIT.copyTree(RuntimeProcess.distribution("production").resolve("release"), factory);
            ReleaseSigning.sign(factory, document -> stamped(document, 5, now), policyKey);
            expect(publishRelease(factory), "REJECTED", refused);
            ReleaseSigning.sign(factory, document -> stamped(document, 1, now), releaseKey);
            expect(publishRelease(factory), null, refused);
            operator.disconnect();
            operator.close();
            assertEquals(0, runtime.terminate(), "a clean stop");
        }

        // Applying the policies restarted nothing: a restart of what holds the crypto suite (the
        // policy agent too) would lose the ack of the policy being applied.
        String log = Files.readString(data.resolve("log/redoubt.log"), StandardCharsets.UTF_8);
        assertTrue(!log.contains("release no longer ready"), "the release stayed ready while policies were applied:\n"
                + log.lines().filter(line -> line.contains("no longer ready")).toList());

        // The audit log, read back from the handset: one entry per refusal, with the ack's reason.
        List<AuditLine> entries = new ArrayList<>();
        for (String line : Files.readAllLines(data.resolve("audit/log"), StandardCharsets.UTF_8)) {
            entries.add(AuditLine.parse(line.getBytes(StandardCharsets.UTF_8)));
        }
        assertEquals(16, refused.size(), "every attack was refused: " + refused.keySet());
        ChainReport chain = new ChainVerifier(ReleaseSigning.PROVIDER, device, identity(data))
                .verify(Files.readAllBytes(data.resolve("audit/log")), Optional.of(Files.readAllBytes(
                        data.resolve("audit/checkpoint"))));
        assertTrue(chain.intact(), "the handset's chain verifies: " + chain);
        assertEquals(0, chain.unsigned(), "a clean stop signs the chain up to its last entry: " + chain);
        for (Map.Entry<String, JsonObject> refusal : refused.entrySet()) {
            JsonObject ack = refusal.getValue();
            String reason = ack.requireString("reason");
            Optional<AuditLine> entry = entries.stream()
                    .filter(line -> refusal.getKey().equals(line.details().get("envelope"))).reduce((a, b) -> b);
            assertTrue(entry.isPresent(), "no audit entry for " + ack + " in\n" + String.join("\n",
                    entries.stream().map(AuditLine::toString).toList()));
            assertTrue(entry.get().kind().endsWith("_REJECTED") || entry.get().kind().endsWith("_ROLLED_BACK"),
                    entry.get() + " for " + ack);
            assertEquals(reason, entry.get().reason(), entry.get() + " for " + ack);
        }
    }

    /** Publishes and waits for the final ack; a refusal is kept, and must carry {@code reason} when one is named. */
    private void expect(String envelope, String reason, Map<String, JsonObject> refused) throws Exception {
        JsonObject ack = finalAck(envelope);
        String result = ack.requireString("result");
        if (result.equals("APPLIED") || result.equals("COMMITTED")) {
            assertEquals(reason, result, ack.toString());
            return;
        }
        assertTrue(result.equals("REJECTED") || result.equals("FAILED") || result.equals("ROLLED_BACK"), ack.toString());
        if (reason != null && !reason.equals("REJECTED")) {
            assertEquals(reason, ack.requireString("reason"), ack.toString());
        }
        refused.put(envelope, ack);
    }

    private JsonObject finalAck(String envelope) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonObject ack = acks.poll(100, TimeUnit.MILLISECONDS);
            if (ack == null || !ack.requireString("envelope").equals(envelope)) {
                continue;
            }
            String result = ack.requireString("result");
            if (List.of("APPLIED", "ALREADY_APPLIED", "REJECTED", "FAILED", "COMMITTED", "ROLLED_BACK")
                    .contains(result)) {
                return ack;
            }
        }
        throw new AssertionError("no final ack for " + envelope);
    }

    private String publishPolicy(byte[] envelope) throws Exception {
        return publish("devices/" + device + "/policy", envelope);
    }

    private String publishCommand(byte[] envelope) throws Exception {
        return publish("devices/" + device + "/command", envelope);
    }

    private String publishRelease(Path release) throws Exception {
        return publish("devices/" + device + "/release", Files.readAllBytes(release.resolve(ReleaseVerifier.MANIFEST)));
    }

    private String publish(String topic, byte[] envelope) throws Exception {
        operator.publish("redoubt/v1/" + topic, new MqttMessage(envelope, 1, false, null));
        return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(envelope));
    }

    private static byte[] signedPolicy(String document, SigningKey key) {
        return sign(POLICY_TYPE, document, key);
    }

    private static String policyDocument(long version, String target, String body, Instant issuedAt) {
        return "{\"type\":\"redoubt.policy\",\"version\":" + version + ",\"issuedAt\":\"" + issuedAt.minusSeconds(60)
                + "\",\"expires\":\"" + issuedAt.plus(Duration.ofDays(30)) + "\",\"target\":" + target + ",\"body\":"
                + body + "}";
    }

    private static String commandDocument(long version, String target, String action, String nonce, Instant issuedAt) {
        return "{\"type\":\"redoubt.command\",\"version\":" + version + ",\"issuedAt\":\"" + issuedAt.minusSeconds(60)
                + "\",\"expires\":\"" + issuedAt.plus(Duration.ofDays(1)) + "\",\"target\":" + target
                + ",\"body\":{\"command\":\"" + action + "\",\"nonce\":\"" + nonce + "\"}}";
    }

    private static byte[] sign(String payloadType, String document, SigningKey key) {
        return EnvelopeCodec.encode(EnvelopeSigner.sign(payloadType, document.getBytes(StandardCharsets.UTF_8),
                List.of(key)));
    }

    private static JsonObject stamped(JsonObject document, long number, Instant now) {
        JsonObject edited = ReleaseSigning.with(document, "version", JsonNumber.of(number));
        edited = ReleaseSigning.with(edited, "issuedAt", JsonString.of(now.minusSeconds(60).toString()));
        return ReleaseSigning.with(edited, "expires", JsonString.of(now.plus(Duration.ofDays(1)).toString()));
    }

    /** @return the handset's identity key (NIST: ECDSA P-256), from the request it wrote at its first boot */
    private static VerificationKey identity(Path data) throws Exception {
        try (java.io.Reader reader = Files.newBufferedReader(data.resolve("keys/device.csr"));
                org.bouncycastle.openssl.PEMParser parser = new org.bouncycastle.openssl.PEMParser(reader)) {
            org.bouncycastle.pkcs.PKCS10CertificationRequest request =
                    (org.bouncycastle.pkcs.PKCS10CertificationRequest) parser.readObject();
            return VerificationKey.of(SignatureScheme.ECDSA_P256_SHA256, request.getSubjectPublicKeyInfo().getEncoded(),
                    DistinguishingId.NONE);
        }
    }

    private static void awaitFile(Path file) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!Files.exists(file)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + file);
            }
            Thread.sleep(50);
        }
    }
}
