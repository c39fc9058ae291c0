package org.redoubt.itests.process;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.redoubt.crypto.api.DistinguishingId;
import org.redoubt.crypto.api.SignatureScheme;
import org.redoubt.crypto.api.SigningKey;
import org.redoubt.crypto.api.VerificationKey;
import org.redoubt.crypto.documents.EnvelopeCodec;
import org.redoubt.crypto.documents.EnvelopeSigner;
import org.redoubt.crypto.documents.Role;
import org.redoubt.fleet.broker.MosquittoProcess;
import org.redoubt.fleet.broker.TestPki;
import org.redoubt.json.JsonLimits;
import org.redoubt.json.JsonObject;
import org.redoubt.json.JsonParser;
import org.redoubt.runtime.release.DevelopmentKeys;

/**
 * The real production runtime managed by a fleet over a real Mosquitto on the shipped
 * configuration: booted once to make its identity, provisioned with a certificate from its CSR,
 * then run beside the broker with an operator session that publishes documents signed with the
 * build's development keys and collects the handset's acks.
 */
final class ManagedHandset implements AutoCloseable {

    /** The payload types of the signed documents. */
    static final String POLICY_TYPE = "application/vnd.redoubt.policy+json";
    static final String COMMAND_TYPE = "application/vnd.redoubt.command+json";
    static final String ROOT_TYPE = "application/vnd.redoubt.root+json";

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final List<String> FINAL = List.of("APPLIED", "ALREADY_APPLIED", "REJECTED", "FAILED", "COMMITTED",
            "ROLLED_BACK");

    private final Path data;
    private final String device;
    private final MosquittoProcess broker;
    private final DevelopmentKeys keys;
    private final RuntimeProcess runtime;
    private final MqttClient operator;
    private final BlockingQueue<JsonObject> acks = new LinkedBlockingQueue<>();

    /**
     * @param work     an empty directory for the handset's data, the broker and the PKI
     * @param operator the operator's name in the shipped ACL
     */
    ManagedHandset(Path work, String operator) throws Exception {
        this.data = Files.createDirectories(work.resolve("data"));
        try (RuntimeProcess first = RuntimeProcess.start(RuntimeProcess.distribution("production"), data)) {
            first.awaitReady();
            awaitFile(data.resolve("keys/device.csr"));
            first.kill();
        }
        device = JsonParser.parseObject(Files.readAllBytes(data.resolve("device.json")), JsonLimits.DEFAULT)
                .requireString("deviceId");
        TestPki pki = new TestPki("Redoubt test fleet CA");
        int port = MosquittoProcess.freePort();
        Path conf = FleetLink.brokerConfiguration(work, pki, port, operator);
        FleetLink.provision(data, device, pki, port);
        broker = MosquittoProcess.start(conf, port, work.resolve("mosquitto.log"));
        keys = ReleaseSigning.developmentKeys();
        runtime = RuntimeProcess.start(RuntimeProcess.distribution("production"), data);
        runtime.awaitReady();
        this.operator = FleetLink.operator(operator, pki, port, device, acks);
        awaitOnline();
    }

    /**
     * Waits for the handset's retained ONLINE status, which its agent publishes once its
     * subscriptions are in place: a document published before that would reach no one.
     */
    private void awaitOnline() throws Exception {
        BlockingQueue<String> states = new LinkedBlockingQueue<>();
        operator.subscribe(new MqttSubscription[] {new MqttSubscription("redoubt/v1/devices/" + device + "/status", 1)},
                new IMqttMessageListener[] {(topic, message) -> states.add(
                        JsonParser.parseObject(message.getPayload(), JsonLimits.DEFAULT).requireString("state"))});
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if ("ONLINE".equals(states.poll(100, TimeUnit.MILLISECONDS))) {
                return;
            }
        }
        throw new AssertionError("the handset did not come online\n" + runtime.output());
    }

    Path data() {
        return data;
    }

    String device() {
        return device;
    }

    /** @return the handset's own target, as a document's {@code target} member */
    String target() {
        return "{\"device\":\"" + device + "\"}";
    }

    RuntimeProcess runtime() {
        return runtime;
    }

    /** @return the development key of a role */
    SigningKey key(Role role) {
        return keys.key(role);
    }

    /**
     * Publishes to one of the handset's topics.
     *
     * @param topic    after {@code redoubt/v1/devices/<id>/}: {@code policy}, {@code command}, ...
     * @param envelope the bytes
     * @return the envelope's digest, as acks name it
     */
    String publish(String topic, byte[] envelope) throws Exception {
        operator.publish("redoubt/v1/devices/" + device + "/" + topic, new MqttMessage(envelope, 1, false, null));
        return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(envelope));
    }

    /** @return the first final ack for the envelope */
    JsonObject finalAck(String envelope) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonObject ack = acks.poll(100, TimeUnit.MILLISECONDS);
            if (ack != null && ack.requireString("envelope").equals(envelope)
                    && FINAL.contains(ack.requireString("result"))) {
                return ack;
            }
        }
        throw new AssertionError("no final ack for " + envelope + "\n" + runtime.output());
    }

    /** @return the handset's identity key (NIST: ECDSA P-256), from the request it wrote at its first boot */
    VerificationKey identity() throws Exception {
        try (java.io.Reader reader = Files.newBufferedReader(data.resolve("keys/device.csr"));
                org.bouncycastle.openssl.PEMParser parser = new org.bouncycastle.openssl.PEMParser(reader)) {
            org.bouncycastle.pkcs.PKCS10CertificationRequest request =
                    (org.bouncycastle.pkcs.PKCS10CertificationRequest) parser.readObject();
            return VerificationKey.of(SignatureScheme.ECDSA_P256_SHA256, request.getSubjectPublicKeyInfo().getEncoded(),
                    DistinguishingId.NONE);
        }
    }

    /** @return a policy document, valid from a minute ago for 30 days */
    static String policy(long version, String target, String body, Instant issuedAt) {
        return "{\"type\":\"redoubt.policy\",\"version\":" + version + ",\"issuedAt\":\"" + issuedAt.minusSeconds(60)
                + "\",\"expires\":\"" + issuedAt.plus(Duration.ofDays(30)) + "\",\"target\":" + target + ",\"body\":"
                + body + "}";
    }

    /** @return a command document, valid from a minute ago for a day */
    static String command(long version, String target, String action, String nonce, Instant issuedAt) {
        return "{\"type\":\"redoubt.command\",\"version\":" + version + ",\"issuedAt\":\"" + issuedAt.minusSeconds(60)
                + "\",\"expires\":\"" + issuedAt.plus(Duration.ofDays(1)) + "\",\"target\":" + target
                + ",\"body\":{\"command\":\"" + action + "\",\"nonce\":\"" + nonce + "\"}}";
    }

    /** @return the document signed by one key, as a DSSE envelope */
    static byte[] sign(String payloadType, String document, SigningKey key) {
        return EnvelopeCodec.encode(EnvelopeSigner.sign(payloadType, document.getBytes(StandardCharsets.UTF_8),
                List.of(key)));
    }

    /** Stops the runtime cleanly (SIGTERM), so that its audit log is signed to its last entry. */
    int stop() throws Exception {
        if (operator.isConnected()) {
            operator.disconnect();
        }
        return runtime.terminate();
    }

    @Override
    public void close() throws Exception {
        try {
            if (operator.isConnected()) {
                operator.disconnect();
            }
            operator.close();
        } finally {
            try {
                runtime.close();
            } finally {
                try {
                    keys.close();
                } finally {
                    broker.close();
                }
            }
        }
    }

    private static void awaitFile(Path file) throws Exception {
        Await.until(file.toString(), WAIT, () -> Files.exists(file), () -> "");
    }
}
