package org.redoubt.fleet.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redoubt.fleet.broker.BrokerConfiguration;
import org.redoubt.fleet.broker.MosquittoProcess;
import org.redoubt.fleet.cli.commands.CommandTree;
import org.redoubt.fleet.cli.commands.Tool;
import org.redoubt.fleet.cli.mqtt.Publication;
import org.redoubt.fleet.cli.mqtt.TlsIdentity;
import org.redoubt.fleet.cli.pki.CertificateAuthority;
import org.redoubt.fleet.cli.pki.PemObjects;

/**
 * The tool against a real Mosquitto on the configuration Redoubt ships, with a PKI the tool made
 * itself: a policy signed and co-signed by two key holders reaches the handset it is addressed to
 * (a Paho client with that handset's certificate), the handset's ack of exactly those bytes comes
 * back to {@code fleet publish --wait-ack}, and {@code fleet status} shows the handset's retained status.
 */
class FleetEndToEndTest {

    private static final String DEVICE = "device-a";

    @TempDir
    Path work;
    private MosquittoProcess broker;
    private final List<MqttAsyncClient> devices = new ArrayList<>();
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    /** What one run printed and returned. */
    record Run(int exitCode, String out, String err) {
    }

    private static Run fleet(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CommandTree.build(Tool.system(), new PrintWriter(out), new PrintWriter(err)).execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private static Run ok(String... args) {
        Run run = fleet(args);
        assertEquals(0, run.exitCode(), String.join(" ", args) + " -> " + run);
        return run;
    }

    private String p(String name) {
        return work.resolve(name).toString();
    }

    @BeforeEach
    void startBrokerOnAPkiTheToolMade() throws Exception {
        ok("ca", "create", "--name", "Redoubt test fleet CA", "--out", p("pki"));
        ok("cert", "issue-server", "--ca-cert", p("pki/ca.crt"), "--ca-key", p("pki/ca.key"), "--name", "localhost",
                "--ip", "127.0.0.1", "--days", "1", "--out", p("broker"));
        ok("cert", "request", "--name", "operator-alice", "--out", p("operator"));
        ok("cert", "issue", "--ca-cert", p("pki/ca.crt"), "--ca-key", p("pki/ca.key"), "--csr",
                p("operator/operator-alice.csr"), "--days", "1", "--out", p("operator/operator-alice.crt"));

        int port = MosquittoProcess.freePort();
        Path conf = new BrokerConfiguration("127.0.0.1", port, work.resolve("pki/ca.crt"),
                work.resolve("broker/localhost.crt"), work.resolve("broker/localhost.key"), work.resolve("data"),
                List.of("operator-alice"), System.getProperty("user.name")).write(work.resolve("etc"));
        broker = MosquittoProcess.start(conf, port, work.resolve("mosquitto.log"));
    }

    @AfterEach
    void stop() throws Exception {
        for (MqttAsyncClient device : devices) {
            if (device.isConnected()) {
                device.disconnectForcibly(1000);
            }
            device.close(true);
        }
        if (broker != null) {
            broker.close();
        }
    }

    /** A handset's identity as a handset gets it: its own key and CSR, certified with {@code fleet cert issue}. */
    private MqttAsyncClient connectDevice() throws Exception {
        KeyPair keys = CertificateAuthority.p256(new SecureRandom());
        Files.createDirectories(work.resolve("handset"));
        PemObjects.writePrivateKey(work.resolve("handset/device.key"), keys.getPrivate());
        Files.writeString(work.resolve("handset/device.csr"), PemObjects.encode(new JcaPKCS10CertificationRequestBuilder(
                new X500Name("CN=" + DEVICE), keys.getPublic()).build(
                        new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()))));
        ok("cert", "issue", "--ca-cert", p("pki/ca.crt"), "--ca-key", p("pki/ca.key"), "--csr", p("handset/device.csr"),
                "--days", "1", "--out", p("handset/device.crt"));

        TlsIdentity identity = TlsIdentity.fromPem(work.resolve("pki/ca.crt"), work.resolve("handset/device.crt"),
                work.resolve("handset/device.key"));
        MqttAsyncClient client = new MqttAsyncClient("ssl://localhost:" + broker.port(), DEVICE, new MemoryPersistence());
        devices.add(client);
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setSocketFactory(identity.socketFactory());
        options.setHttpsHostnameVerificationEnabled(true);
        client.connect(options).waitForCompletion(10_000);
        return client;
    }

    private byte[] signedPolicy() throws Exception {
        ok("keys", "generate", "--role", "root", "--suite", "nist", "--scheme", "ed25519", "--out", p("root-keys"));
        ok("keys", "generate", "--role", "policy", "--suite", "nist", "--out", p("alice"));
        ok("keys", "generate", "--role", "policy", "--suite", "sm", "--out", p("bob"));
        String rootKey = only("root-keys", ".pem");
        String alice = only("alice", ".pem");
        String bob = only("bob", ".pem");
        ok("root", "create", "--expires", "30d", "--role", "root=" + rootKey + ":1",
                "--role", "policy=" + only("alice", ".pub") + "," + only("bob", ".pub") + ":2",
                "--role", "release=" + rootKey + ":1", "--role", "command=" + alice + ":1",
                "--sign", rootKey, "--out", p("root.json"));
        Files.writeString(work.resolve("policy.json"), "{\"type\":\"redoubt.policy\",\"version\":5,\"issuedAt\":\""
                + now + "\",\"expires\":\"" + now.plus(Duration.ofDays(7)) + "\",\"target\":{\"device\":\"" + DEVICE
                + "\"},\"body\":{\"radios\":{\"bluetooth\":\"DISABLED\"}}}");
        ok("policy", "validate", p("policy.json"));
        ok("policy", "sign", "--key", alice, "--in", p("policy.json"), "--out", p("policy.dsse"));
        assertEquals(1, fleet("policy", "verify", "--root", p("root.json"), "--device", DEVICE, p("policy.dsse"))
                .exitCode(), "one of two policy keys is not enough");
        ok("policy", "sign", "--key", bob, "--envelope", p("policy.dsse"));
        ok("policy", "verify", "--root", p("root.json"), "--device", DEVICE, p("policy.dsse"));
        return Files.readAllBytes(work.resolve("policy.dsse"));
    }

    private String only(String directory, String suffix) throws Exception {
        try (var files = Files.list(work.resolve(directory))) {
            return files.filter(f -> f.toString().endsWith(suffix)).findFirst().orElseThrow().toString();
        }
    }

    @Test
    void aPublishedPolicyReachesItsHandsetWhoseAckAndStatusComeBack() throws Exception {
        byte[] envelope = signedPolicy();
        MqttAsyncClient device = connectDevice();
        BlockingQueue<byte[]> policies = new LinkedBlockingQueue<>();
        IMqttMessageListener handset = (topic, message) -> {
            policies.add(message.getPayload());
            String ack = "{\"document\":\"redoubt.policy\",\"version\":5,\"envelope\":\""
                    + Publication.digest(message.getPayload()) + "\",\"result\":\"APPLIED\",\"at\":\"" + Instant.now()
                    .truncatedTo(ChronoUnit.SECONDS) + "\"}";
            // Not awaited: this runs on Paho's callback thread.
            device.publish("redoubt/v1/devices/" + DEVICE + "/ack", ack.getBytes(StandardCharsets.UTF_8), 1, false);
        };
        device.subscribe(new MqttSubscription[] {new MqttSubscription("redoubt/v1/devices/" + DEVICE + "/policy", 1)},
                null, null, new IMqttMessageListener[] {handset}, new MqttProperties()).waitForCompletion(10_000);

        String[] operator = {"--broker", "ssl://localhost:" + broker.port(), "--ca", p("pki/ca.crt"), "--cert",
            p("operator/operator-alice.crt"), "--key", p("operator/operator-alice.key")};
        Run published = ok(concat(new String[] {"publish", "--device", DEVICE, "--kind", "policy", "--wait-ack", "10"},
                operator, new String[] {p("policy.dsse")}));

        byte[] received = policies.poll(10, TimeUnit.SECONDS);
        assertNotNull(received, "the handset got its policy");
        assertArrayEquals(envelope, received, "exactly the signed bytes");
        assertTrue(published.out().contains("topic redoubt/v1/devices/device-a/policy") || published.out()
                .contains("to redoubt/v1/devices/device-a/policy (retained)"), published.out());
        assertTrue(published.out().contains("ack: APPLIED redoubt.policy v5"), published.out());

        String status = "{\"state\":\"ONLINE\",\"device\":\"" + DEVICE + "\",\"policy\":{\"version\":5,\"target\":"
                + "\"device-a\",\"expires\":\"" + now.plus(Duration.ofDays(7)) + "\",\"state\":\"CURRENT\"},"
                + "\"compliant\":true,\"at\":\"" + now + "\"}";
        device.publish("redoubt/v1/devices/" + DEVICE + "/status", new MqttMessage(
                status.getBytes(StandardCharsets.UTF_8), 1, true, null)).waitForCompletion(10_000);

        Run board = ok(concat(new String[] {"status", "--json", "--wait", "10"}, operator, new String[0]));
        assertEquals("[{\"device\":\"device-a\",\"state\":\"ONLINE\",\"policyVersion\":5,\"policyState\":\"CURRENT\","
                + "\"compliant\":true,\"at\":\"" + now + "\"}]", board.out().strip());
        Run table = ok(concat(new String[] {"status", "--wait", "10"}, operator, new String[0]));
        assertTrue(table.out().lines().anyMatch(line -> line.matches("device-a\\s+ONLINE\\s+5\\s+CURRENT\\s+true\\s+.*")),
                table.out());
    }

    private static String[] concat(String[] a, String[] b, String[] c) {
        List<String> all = new ArrayList<>(List.of(a));
        all.addAll(List.of(b));
        all.addAll(List.of(c));
        return all.toArray(String[]::new);
    }
}
