package org.redoubt.fleet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.redoubt.fleet.cli.Run.fleet;
import static org.redoubt.fleet.cli.Run.ok;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redoubt.fleet.broker.BrokerConfiguration;
import org.redoubt.fleet.broker.MosquittoProcess;
import org.redoubt.fleet.cli.commands.Tool;
import org.redoubt.fleet.cli.pki.CertificateAuthority;
import org.redoubt.fleet.cli.pki.PemObjects;
import org.redoubt.policy.agent.internal.HandsetUnderTest;

/**
 * The tool against a real Mosquitto on the configuration Redoubt ships, with a PKI the tool made
 * itself, and the handset's real policy agent: keys, a root, a policy signed and co-signed by two
 * key holders, published; the handset applies exactly those bytes, its ack comes back to
 * {@code fleet publish --wait-ack}, and {@code fleet status} shows the policy in its status.
 */
class FleetEndToEndTest {

    private static final String DEVICE = "device-a";

    @TempDir
    Path work;
    private MosquittoProcess broker;
    private final List<HandsetUnderTest> handsets = new ArrayList<>();
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

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
        handsets.forEach(HandsetUnderTest::close);
        if (broker != null) {
            broker.close();
        }
    }

    /**
     * A handset as a handset gets its identity (its own key and CSR, certified with
     * {@code fleet cert issue}), running the real policy agent with the root the tool made.
     */
    private HandsetUnderTest startHandset() throws Exception {
        KeyPair keys = CertificateAuthority.p256(new SecureRandom());
        Path data = work.resolve("handset");
        Files.createDirectories(data.resolve("keys"));
        Files.createDirectories(data.resolve("trust"));
        Files.writeString(data.resolve("keys/device.csr"), PemObjects.encode(new JcaPKCS10CertificationRequestBuilder(
                new X500Name("CN=" + DEVICE), keys.getPublic()).build(
                        new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()))));
        ok("cert", "issue", "--ca-cert", p("pki/ca.crt"), "--ca-key", p("pki/ca.key"), "--csr", p("handset/keys/device.csr"),
                "--days", "1", "--out", p("handset/keys/device.crt"));
        Files.copy(work.resolve("pki/ca.crt"), data.resolve("trust/broker-ca.pem"));
        Files.copy(work.resolve("root.json"), data.resolve("trust/root.json"));
        HandsetUnderTest handset = HandsetUnderTest.start(data, DEVICE, keys, "ssl://localhost:" + broker.port());
        handsets.add(handset);
        return handset;
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
    void keysSignPublishTheHandsetAppliesAndStatusShowsIt() throws Exception {
        byte[] envelope = signedPolicy();
        HandsetUnderTest handset = startHandset();
        String[] operator = {"--broker", "ssl://localhost:" + broker.port(), "--ca", p("pki/ca.crt"), "--cert",
            p("operator/operator-alice.crt"), "--key", p("operator/operator-alice.key")};
        awaitStatus(operator, "the handset online without a policy", out -> out.contains("\"device\":\"device-a\",\"state\":\"ONLINE\""));

        Run published = ok(concat(new String[] {"publish", "--device", DEVICE, "--kind", "policy", "--wait-ack", "10"},
                operator, new String[] {p("policy.dsse")}));

        assertTrue(published.out().contains("ack: APPLIED redoubt.policy v5"), published.out());
        assertEquals(5, handset.state().orElseThrow().version());
        assertEquals(1, handset.enforced().size());
        assertEquals(org.redoubt.policy.Policy.Permission.DISABLED,
                handset.enforced().get(0).radios().get(org.redoubt.policy.Radio.BLUETOOTH));
        String board = awaitStatus(operator, "the policy in the handset's status",
                out -> out.contains("\"policyVersion\":5,\"policyState\":\"CURRENT\",\"compliant\":true"));
        assertTrue(board.startsWith("[{\"device\":\"device-a\",\"state\":\"ONLINE\",\"policyVersion\":5"), board);
        Run table = ok(concat(new String[] {"status", "--wait", "10"}, operator, new String[0]));
        assertTrue(table.out().lines().anyMatch(line -> line.matches("device-a\\s+ONLINE\\s+5\\s+CURRENT\\s+true\\s+.*")),
                table.out());
        // The agent's record: two slots written in turn, each a header and the JSON.
        StringBuilder state = new StringBuilder();
        for (String slot : new String[] {"state.a", "state.b"}) {
            Path file = work.resolve("handset/state/policy/" + slot);
            if (Files.exists(file)) {
                state.append(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        }
        assertTrue(state.toString().contains("\"" + java.util.Base64.getEncoder().encodeToString(envelope) + "\""),
                "the handset keeps exactly the signed bytes: " + state);
    }

    /** Runs {@code fleet status --json} until its output passes, within a deadline. */
    private String awaitStatus(String[] operator, String what, java.util.function.Predicate<String> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            last = ok(concat(new String[] {"status", "--json", "--wait", "2"}, operator, new String[0])).out().strip();
            if (done.test(last)) {
                return last;
            }
        }
        throw new AssertionError("not seen: " + what + "; last status " + last);
    }

    private static String[] concat(String[] a, String[] b, String[] c) {
        List<String> all = new ArrayList<>(List.of(a));
        all.addAll(List.of(b));
        all.addAll(List.of(c));
        return all.toArray(String[]::new);
    }
}
