package org.redoubt.itests.process;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.Test;
import org.redoubt.audit.chain.AuditLine;
import org.redoubt.audit.chain.ChainReport;
import org.redoubt.audit.chain.ChainVerifier;
import org.redoubt.crypto.api.DistinguishingId;
import org.redoubt.crypto.api.SignatureScheme;
import org.redoubt.crypto.api.VerificationKey;
import org.redoubt.crypto.bc.internal.BouncyCastleCryptoProvider;
import org.redoubt.fleet.broker.MosquittoProcess;
import org.redoubt.fleet.broker.TestPki;
import org.redoubt.json.JsonLimits;
import org.redoubt.json.JsonParser;

/**
 * The production runtime ships its audit log through the policy agent's session to its audit
 * topic on a real Mosquitto with the shipped ACL: a checkpoint written while the broker is down
 * arrives after it is back, the next run resumes where the broker's confirmations stopped, and the
 * lines an operator collects (one per sequence number) are the handset's file byte for byte and
 * verify with its device.csr.
 */
class AuditShippingIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String OPERATOR = "operator-audit";

    private final Map<Long, byte[]> collected = new ConcurrentHashMap<>();

    @Test
    void theLogReachesTheFleetWholeAcrossABrokerRestartAndARestartOfTheHandset() throws Exception {
        Path work = Path.of(System.getProperty("redoubt.work", "target/work")).resolve(getClass().getSimpleName());
        VerifiedBootIT.deleteTree(work);
        Path data = Files.createDirectories(work.resolve("data"));
        try (RuntimeProcess runtime = RuntimeProcess.start(RuntimeProcess.distribution("production"), data)) {
            runtime.awaitReady();
            await("the CSR", () -> Files.exists(data.resolve("keys/device.csr")));
            runtime.kill();
        }
        String device = JsonParser.parseObject(Files.readAllBytes(data.resolve("device.json")), JsonLimits.DEFAULT)
                .requireString("deviceId");
        TestPki pki = new TestPki("Redoubt audit shipping CA");
        int port = MosquittoProcess.freePort();
        Path conf = FleetLink.brokerConfiguration(work, pki, port, OPERATOR);
        FleetLink.provision(data, device, pki, port);
        Path log = data.resolve("audit/log");

        MosquittoProcess broker = MosquittoProcess.start(conf, port, work.resolve("mosquitto.log"));
        MqttClient operator = collector(pki, port, device);
        try {
            try (RuntimeProcess first = RuntimeProcess.start(RuntimeProcess.distribution("production"), data)) {
                first.awaitReady();
                broker.close();
                // The handset signs its boot entries within checkpointSeconds (10), with the broker away.
                await("a checkpoint while the broker is down", () -> lastIsCheckpoint(log));
                broker = MosquittoProcess.start(conf, port, work.resolve("mosquitto.log"));
                await("the whole log at the operator after the broker is back", () -> collectedIsTheFile(log));
                assertEquals(0, first.terminate(), first.output());
            }
            try (RuntimeProcess second = RuntimeProcess.start(RuntimeProcess.distribution("production"), data)) {
                second.awaitReady();
                await("the second run's entries, signed, at the operator",
                        () -> lastIsCheckpoint(log) && collectedIsTheFile(log) && boots() == 3);
            }
        } finally {
            if (operator.isConnected()) {
                operator.disconnect();
            }
            operator.close(true);
            broker.close();
        }

        byte[] kept = collectedFile();
        PKCS10CertificationRequest request;
        try (Reader reader = Files.newBufferedReader(data.resolve("keys/device.csr"));
                PEMParser parser = new PEMParser(reader)) {
            request = (PKCS10CertificationRequest) parser.readObject();
        }
        VerificationKey identity = VerificationKey.of(SignatureScheme.ECDSA_P256_SHA256,
                request.getSubjectPublicKeyInfo().getEncoded(), DistinguishingId.NONE);
        ChainReport report = new ChainVerifier(new BouncyCastleCryptoProvider(), device, identity).verify(kept,
                Optional.empty());
        assertEquals(Optional.empty(), report.firstBreak());
        assertTrue(report.entries() > 5, "entries: " + report.entries());
    }

    private MqttClient collector(TestPki pki, int port, String device) throws Exception {
        MqttClient client = new MqttClient("ssl://localhost:" + port, OPERATOR, new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setSocketFactory(TestPki.clientContext(pki.issue(OPERATOR, false), pki.certificate()).getSocketFactory());
        options.setHttpsHostnameVerificationEnabled(true);
        // Persistent, as fleet audit collect: the broker keeps what arrives while it is away.
        options.setCleanStart(false);
        options.setSessionExpiryInterval(3600L);
        options.setAutomaticReconnect(true);
        options.setAutomaticReconnectDelay(1, 1);
        client.connect(options);
        IMqttMessageListener keep = (topic, message) -> {
            byte[] payload = message.getPayload();
            int start = 0;
            for (int i = 0; i < payload.length; i++) {
                if (payload[i] == '\n') {
                    byte[] line = Arrays.copyOfRange(payload, start, i);
                    collected.putIfAbsent(AuditLine.parse(line).sequence(), line);
                    start = i + 1;
                }
            }
        };
        client.subscribe(new MqttSubscription[] {new MqttSubscription("redoubt/v1/devices/" + device + "/audit", 1)},
                new IMqttMessageListener[] {keep});
        return client;
    }

    private boolean collectedIsTheFile(Path log) {
        try {
            return Arrays.equals(Files.readAllBytes(log), collectedFile());
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private long boots() {
        return collected.values().stream()
                .filter(line -> new String(line, StandardCharsets.UTF_8).contains("\"kind\":\"BOOT\"")).count();
    }

    private static boolean lastIsCheckpoint(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return !lines.isEmpty() && lines.get(lines.size() - 1).contains("\"kind\":\"CHECKPOINT\"");
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private byte[] collectedFile() {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        new TreeMap<>(collected).values().forEach(line -> {
            file.writeBytes(line);
            file.write('\n');
        });
        return file.toByteArray();
    }

    private void await(String what, BooleanSupplier condition) throws Exception {
        Await.until(what, WAIT, condition::getAsBoolean, () -> "collected " + collected.size() + " entries");
    }
}
