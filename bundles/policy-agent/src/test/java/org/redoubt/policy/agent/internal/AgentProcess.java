package org.redoubt.policy.agent.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

import org.redoubt.driver.power.Battery;
import org.redoubt.driver.power.BatteryListener;
import org.redoubt.driver.power.BatteryState;
import org.osgi.util.converter.Converters;

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
     * @return an agent, not started, for the handset whose files are in {@code data}
     */
    static PolicyAgent agent(Path data, String deviceId, KeyPair keys, String brokerUri, Enforcer enforcer,
            HandsetCommands commands, Consumer<String> journal, Runnable changed) throws IOException {
        PolicyAgentComponent.Config config = Converters.standardConverter()
                .convert(Map.of("brokerUri", brokerUri, "maxReconnectSeconds", 1, "maxPolicyBytes", 16384))
                .to(PolicyAgentComponent.Config.class);
        Map<String, String> properties = Map.of("redoubt.data.dir", data.toString(), "redoubt.device.id", deviceId,
                "redoubt.device.group", "field", "redoubt.device.model", "rdt-1");
        // The battery at 73 %, no telephony and no PIN lock: what the status may then report.
        return PolicyAgentComponent.create(properties::get, config, TestFleet.PROVIDER, new TestIdentity(deviceId, keys),
                enforcer, commands, directory -> new HandsetFacts(() -> Optional.of(BATTERY), Optional::empty,
                        Optional::empty, directory), journal, changed);
    }

    /**
     * @param args the data directory, the device id, the broker URI
     */
    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        PolicyAgent agent = agent(data, args[1], keys(data), args[2], (policy, stale) -> {
        }, action -> {
        }, System.out::println, () -> {
        });
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
