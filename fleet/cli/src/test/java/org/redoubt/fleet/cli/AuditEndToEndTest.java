package org.redoubt.fleet.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.redoubt.fleet.cli.Run.fleet;
import static org.redoubt.fleet.cli.Run.ok;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.pkcs.PKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.redoubt.audit.chain.AuditLine;
import org.redoubt.audit.chain.Checkpoints;
import org.redoubt.audit.chain.LineHash;
import org.redoubt.crypto.api.CryptoProvider;
import org.redoubt.crypto.api.DistinguishingId;
import org.redoubt.crypto.api.SignatureScheme;
import org.redoubt.crypto.api.SigningKey;
import org.redoubt.crypto.api.Suite;
import org.redoubt.fleet.broker.BrokerConfiguration;
import org.redoubt.fleet.broker.MosquittoProcess;
import org.redoubt.fleet.cli.commands.Tool;
import org.redoubt.fleet.cli.pki.PemObjects;
import org.redoubt.json.JsonObject;
import org.redoubt.json.JsonParser;
import org.redoubt.json.JsonLimits;

/**
 * {@code fleet audit collect} and {@code fleet audit verify} against a real Mosquitto on the shipped
 * configuration: a handset's lines arrive as it ships them (batches repeated and out of order), the
 * collector keeps each entry once in order and, on its next run, what the broker kept while it was
 * away; the collected file verifies against the handset's certificate request, and a changed byte or
 * a cut is named at its entry, in both suites.
 */
class AuditEndToEndTest {

    private static final String DEVICE = "device-a";
    private static final String TOPIC = "redoubt/v1/devices/" + DEVICE + "/audit";

    @TempDir
    Path work;
    private MosquittoProcess broker;

    private String p(String name) {
        return work.resolve(name).toString();
    }

    @BeforeEach
    void brokerAndIdentities() throws Exception {
        ok("ca", "create", "--name", "Redoubt test fleet CA", "--out", p("pki"));
        ok("cert", "issue-server", "--ca-cert", p("pki/ca.crt"), "--ca-key", p("pki/ca.key"), "--name", "localhost",
                "--ip", "127.0.0.1", "--days", "1", "--out", p("broker"));
        for (String name : List.of("operator-audit", DEVICE)) {
            ok("cert", "request", "--name", name, "--out", p("certs"));
            ok("cert", "issue", "--ca-cert", p("pki/ca.crt"), "--ca-key", p("pki/ca.key"), "--csr",
                    p("certs/" + name + ".csr"), "--days", "1", "--out", p("certs/" + name + ".crt"));
        }
        int port = MosquittoProcess.freePort();
        Path conf = new BrokerConfiguration("127.0.0.1", port, work.resolve("pki/ca.crt"),
                work.resolve("broker/localhost.crt"), work.resolve("broker/localhost.key"), work.resolve("data"),
                List.of("operator-audit"), System.getProperty("user.name")).write(work.resolve("etc"));
        broker = MosquittoProcess.start(conf, port, work.resolve("mosquitto.log"));
    }

    @AfterEach
    void stop() throws Exception {
        broker.close();
    }

    @Test
    void theCollectorKeepsEachEntryOnceInOrderAndResumesWithWhatTheBrokerKept() throws Exception {
        DeviceLog device = new DeviceLog(Tool.system().provider(), Suite.NIST);
        device.entries(4).checkpoint().entries(4).checkpoint().entries(3).checkpoint();
        List<byte[]> lines = device.lines();
        try (MqttTestClient handset = handset()) {
            // The first run makes the operator's persistent session; nothing is there yet.
            assertTrue(collect().out().contains("collected 0 new entries"));
            handset.publish(TOPIC, batch(lines, 0, 4), false);
            handset.publish(TOPIC, batch(lines, 0, 4), false);
            handset.publish(TOPIC, batch(lines, 9, 14), false);
            handset.publish(TOPIC, batch(lines, 4, 9), false);
        }

        Run first = collect();
        assertTrue(first.out().contains("collected 14 new entries"), first.toString());
        assertTrue(first.out().contains("4 repeated lines dropped"), first.toString());
        assertArrayEquals(device.bytes(14), Files.readAllBytes(work.resolve("collected.log")));

        device.entries(2).checkpoint();
        try (MqttTestClient handset = handset()) {
            handset.publish(TOPIC, batch(device.lines(), 12, 17), false);
        }
        Run second = collect();
        assertTrue(second.out().contains("collected 3 new entries"), second.toString());
        assertArrayEquals(device.bytes(17), Files.readAllBytes(work.resolve("collected.log")));

        Files.writeString(work.resolve("device.csr"), device.certificateRequest());
        Run verified = ok("audit", "verify", "--log", p("collected.log"), "--identity", p("device.csr"),
                "--checkpoint", p("collected.log.checkpoint"));
        assertTrue(verified.out().contains("intact: 17 entries of device-a, signed through entry 17"), verified.out());
    }

    @Test
    void linesWaitingForAGapAreNotAcknowledgedSoTheNextRunStillGetsThem() throws Exception {
        DeviceLog device = new DeviceLog(Tool.system().provider(), Suite.NIST);
        device.entries(6).checkpoint().entries(6).checkpoint();
        List<byte[]> lines = device.lines();
        assertTrue(collect().out().contains("collected 0 new entries"));
        try (MqttTestClient handset = handset()) {
            handset.publish(TOPIC, batch(lines, 0, 4), false);
            handset.publish(TOPIC, batch(lines, 8, 14), false);
        }

        Run gap = fleet("audit", "collect", "--device", DEVICE, "--out", p("collected.log"), "--idle", "2",
                "--broker", "ssl://localhost:" + broker.port(), "--ca", p("pki/ca.crt"),
                "--cert", p("certs/operator-audit.crt"), "--key", p("certs/operator-audit.key"));
        assertEquals(1, gap.exitCode(), gap.toString());
        assertTrue(gap.err().contains("entries 5..8 of device-a never arrived"), gap.err());
        assertArrayEquals(device.bytes(4), Files.readAllBytes(work.resolve("collected.log")));

        try (MqttTestClient handset = handset()) {
            handset.publish(TOPIC, batch(lines, 4, 8), false);
        }
        Run filled = collect();
        assertTrue(filled.out().contains("collected 10 new entries"), filled.toString());
        assertArrayEquals(device.bytes(14), Files.readAllBytes(work.resolve("collected.log")));
    }

    @ParameterizedTest
    @EnumSource(Suite.class)
    void verifyNamesTheEntryOfAChangedByteAndATruncation(Suite suite) throws Exception {
        DeviceLog device = new DeviceLog(Tool.system().provider(), suite);
        device.entries(3).checkpoint().entries(2).checkpoint();
        byte[] log = device.bytes(7);
        Files.write(work.resolve("audit.log"), log);
        Files.write(work.resolve("checkpoint"), device.lastCheckpoint());
        Files.writeString(work.resolve("device.csr"), device.certificateRequest());
        ok("audit", "verify", "--log", p("audit.log"), "--identity", p("device.csr"), "--checkpoint", p("checkpoint"));

        int inFifth = device.offsetOf(5) + 20;
        byte[] tampered = log.clone();
        tampered[inFifth] ^= 0x01;
        Files.write(work.resolve("tampered.log"), tampered);
        Run broken = fleet("audit", "verify", "--log", p("tampered.log"), "--identity", p("device.csr"),
                "--checkpoint", p("checkpoint"), "--json");
        assertEquals(1, broken.exitCode(), broken.toString());
        assertTrue(broken.err().contains("broken at entry 5 (line 5)"), broken.err());
        JsonObject report = JsonParser.parseObject(broken.out().trim(), JsonLimits.DEFAULT);
        assertEquals(5, report.requireObject("firstBreak").requireLong("sequence"));

        Files.write(work.resolve("cut.log"), Arrays.copyOf(log, device.offsetOf(7)));
        Run cut = fleet("audit", "verify", "--log", p("cut.log"), "--identity", p("device.csr"), "--checkpoint",
                p("checkpoint"));
        assertEquals(1, cut.exitCode());
        assertTrue(cut.err().contains("entry 7 (line 7): TRUNCATED"), cut.err());

        Files.write(work.resolve("torn.log"), Arrays.copyOf(log, device.offsetOf(4) + 10));
        Run torn = fleet("audit", "verify", "--log", p("torn.log"), "--identity", p("device.csr"));
        assertEquals(1, torn.exitCode());
        assertTrue(torn.err().contains("entry 4 (line 4): TRUNCATED"), torn.err());

        DeviceLog other = new DeviceLog(Tool.system().provider(), suite);
        Files.writeString(work.resolve("other.csr"), other.certificateRequest());
        Run stranger = fleet("audit", "verify", "--log", p("audit.log"), "--identity", p("other.csr"));
        assertEquals(1, stranger.exitCode());
        assertTrue(stranger.err().contains("entry 4 (line 4): BAD_SIGNATURE"), stranger.err());
    }

    private Run collect() {
        return ok("audit", "collect", "--device", DEVICE, "--out", p("collected.log"), "--idle", "2",
                "--broker", "ssl://localhost:" + broker.port(), "--ca", p("pki/ca.crt"),
                "--cert", p("certs/operator-audit.crt"), "--key", p("certs/operator-audit.key"));
    }

    private MqttTestClient handset() throws Exception {
        return MqttTestClient.connect("ssl://localhost:" + broker.port(), work.resolve("pki/ca.crt"),
                work.resolve("certs/" + DEVICE + ".crt"), work.resolve("certs/" + DEVICE + ".key"));
    }

    private static String batch(List<byte[]> lines, int from, int to) {
        StringBuilder batch = new StringBuilder();
        for (byte[] line : lines.subList(from, to)) {
            batch.append(new String(line, StandardCharsets.US_ASCII)).append('\n');
        }
        return batch.toString();
    }

    /** A handset's log as the audit bundle writes it, with a real identity key of one suite. */
    private static final class DeviceLog {

        private final CryptoProvider provider;
        private final SigningKey key;
        private final Suite suite;
        private final List<byte[]> lines = new ArrayList<>();
        private byte[] lastCheckpoint;
        private Instant time = Instant.parse("2026-12-03T01:00:00Z");

        DeviceLog(CryptoProvider provider, Suite suite) {
            this.provider = provider;
            this.suite = suite;
            SignatureScheme scheme = suite.deviceKeyScheme();
            this.key = provider.generateSigningKey(scheme,
                    scheme.needsDistinguishingId() ? DistinguishingId.SM2_DEFAULT : DistinguishingId.NONE);
        }

        DeviceLog entries(int count) {
            for (int i = 0; i < count; i++) {
                add(AuditLine.of(lines.size() + 1, time = time.plusMillis(11), "UNLOCK_FAILED", "",
                        Map.of("failures", Integer.toString(i)), suite.hash(), prev()));
            }
            return this;
        }

        DeviceLog checkpoint() {
            AuditLine signed = Checkpoints.sign(AuditLine.of(lines.size() + 1, time = time.plusMillis(11),
                    AuditLine.CHECKPOINT, "", Map.of("device", DEVICE, "scheme", key.verificationKey().scheme().id(),
                            "sig", ""), suite.hash(), prev()), key::sign);
            add(signed);
            lastCheckpoint = (signed + "\n").getBytes(StandardCharsets.US_ASCII);
            return this;
        }

        private String prev() {
            return lines.isEmpty() ? AuditLine.GENESIS : LineHash.of(provider, suite.hash(), lines.get(lines.size() - 1));
        }

        private void add(AuditLine line) {
            lines.add(line.bytes());
        }

        List<byte[]> lines() {
            return List.copyOf(lines);
        }

        byte[] bytes(int count) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (byte[] line : lines.subList(0, count)) {
                out.writeBytes(line);
                out.write('\n');
            }
            return out.toByteArray();
        }

        int offsetOf(int sequence) {
            return bytes(sequence - 1).length;
        }

        byte[] lastCheckpoint() {
            return lastCheckpoint.clone();
        }

        /** The handset's keys/device.csr: CN=device id, the identity key, signed by it. */
        String certificateRequest() throws Exception {
            SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(key.verificationKey().subjectPublicKeyInfo());
            AlgorithmIdentifier algorithm = new AlgorithmIdentifier(new ASN1ObjectIdentifier(
                    suite == Suite.SM ? "1.2.156.10197.1.501" : "1.2.840.10045.4.3.2"));
            ByteArrayOutputStream signed = new ByteArrayOutputStream();
            ContentSigner signer = new ContentSigner() {
                @Override
                public AlgorithmIdentifier getAlgorithmIdentifier() {
                    return algorithm;
                }

                @Override
                public OutputStream getOutputStream() {
                    return signed;
                }

                @Override
                public byte[] getSignature() {
                    return key.sign(signed.toByteArray());
                }
            };
            return PemObjects.encode(new PKCS10CertificationRequestBuilder(new X500Name("CN=" + DEVICE), spki).build(signer));
        }
    }
}
