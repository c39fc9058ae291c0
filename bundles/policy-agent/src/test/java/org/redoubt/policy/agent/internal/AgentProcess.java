package org.redoubt.policy.agent.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

import org.redoubt.audit.AuditRecorder;
import org.redoubt.driver.power.Battery;
import org.redoubt.driver.power.BatteryListener;
import org.redoubt.driver.power.BatteryState;
import org.osgi.util.converter.Converters;
import org.redoubt.fleet.broker.TestPki;

/**
 * A handset's agent in a JVM of its own, so that a test can kill it the way a handset vanishes
 * (battery pulled, out of coverage) and watch the broker publish its last will. Also the one place
 * the tests make an agent outside the framework.
 */
public final class AgentProcess {

    /** The battery of every agent made here. */
    static final Battery BATTERY = new Battery() {
        @Override
        public BatteryState state() {
            return new BatteryState(73, BatteryState.Charging.DISCHARGING, false);
        }

        @Override
        public void addListener(BatteryListener listener) {
        }

        @Override
        public void removeListener(BatteryListener listener) {
        }
    };

    private AgentProcess() {
    }

    /**
     * Provisions a handset's data directory: the root, the broker CA, its certificate and (for a
     * child JVM) its key.
     *
     * @param data         the handset's data directory
     * @param deviceId     its id, the common name of its certificate
     * @param pki          the fleet CA that issues the certificate
     * @param rootEnvelope the fleet's trust root
     * @param brokerCa     the PEM file of the broker's CA
     * @return the handset's key pair
     */
    static KeyPair provision(Path data, String deviceId, TestPki pki, byte[] rootEnvelope, Path brokerCa)
            throws Exception {
        Files.createDirectories(data.resolve("trust"));
        Files.createDirectories(data.resolve("keys"));
        Files.write(data.resolve("trust/root.json"), rootEnvelope);
        Files.copy(brokerCa, data.resolve("trust/broker-ca.pem"));
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = generator.generateKeyPair();
        TestPki.pem(data.resolve("keys/device.crt"), pki.issue(deviceId, keys.getPublic()));
        TestPki.pem(data.resolve("keys/test-only-device.key"), keys.getPrivate());
        return keys;
    }

    /**
     * @return an agent, not started, for the handset whose files are in {@code data}
     */
    static PolicyAgent agent(Path data, String deviceId, KeyPair keys, String brokerUri, Enforcer enforcer,
            HandsetCommands commands, Consumer<String> journal, Runnable changed, AuditRecorder audit) throws IOException {
        PolicyAgentComponent.Config config = Converters.standardConverter()
                .convert(Map.of("brokerUri", brokerUri, "maxReconnectSeconds", 1, "maxPolicyBytes", 16384))
                .to(PolicyAgentComponent.Config.class);
        Map<String, String> properties = Map.of("redoubt.data.dir", data.toString(), "redoubt.device.id", deviceId,
                "redoubt.device.group", "field", "redoubt.device.model", "rdt-1", "redoubt.release", "7");
        // The battery at 73 %, no telephony and no PIN lock: what the status may then report.
        return PolicyAgentComponent.create(properties::get, config, TestFleet.PROVIDER, new TestIdentity(deviceId, keys),
                enforcer, commands, directory -> new HandsetFacts(() -> Optional.of(BATTERY), Optional::empty,
                        Optional::empty, directory), journal, changed, audit);
    }

    /**
     * @param args the data directory, the device id, the broker URI
     */
    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        PolicyAgent agent = agent(data, args[1], keys(data), args[2], (policy, stale) -> {
        }, action -> {
        }, System.out::println, () -> {
        }, new AuditRecorder(System.out::println));
        agent.start();
        new CountDownLatch(1).await();
    }

    private static KeyPair keys(Path data) throws IOException, GeneralSecurityException {
        X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(Files.newInputStream(data.resolve("keys/device.crt")));
        String pem = Files.readString(data.resolve("keys/test-only-device.key"), StandardCharsets.US_ASCII)
                .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return new KeyPair(certificate.getPublicKey(),
                KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem))));
    }
}
