package org.redoubt.itests.process;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import java.util.concurrent.BlockingQueue;

import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.redoubt.fleet.broker.BrokerConfiguration;
import org.redoubt.fleet.broker.MosquittoProcess;
import org.redoubt.fleet.broker.TestPki;
import org.redoubt.json.JsonLimits;
import org.redoubt.json.JsonObject;
import org.redoubt.json.JsonParser;

/**
 * What a process-level test needs to put a real runtime on a real broker: the handset provisioned
 * as an operator would (a certificate from its CSR, the broker CA, the policy agent's broker URI)
 * and an operator session that collects the handset's acks.
 */
final class FleetLink {

    private FleetLink() {
    }

    /**
     * Writes the shipped Mosquitto configuration for a broker on localhost with a server
     * certificate from the fleet CA.
     *
     * @param work      where the configuration, keys and broker data go
     * @param pki       the fleet CA
     * @param port      the broker's port
     * @param operators the operators the ACL knows
     * @return the configuration file, for {@link MosquittoProcess#start}
     */
    static Path brokerConfiguration(Path work, TestPki pki, int port, String... operators) throws Exception {
        TestPki.Identity server = pki.issue("localhost", true);
        return new BrokerConfiguration("127.0.0.1", port, TestPki.pem(work.resolve("ca.pem"), pki.certificate()),
                TestPki.pem(work.resolve("broker.pem"), server.certificate()),
                TestPki.pem(work.resolve("broker.key"), server.keys().getPrivate()), work.resolve("broker-data"),
                List.of(operators), System.getProperty("user.name")).write(work.resolve("etc"));
    }

    /**
     * Provisions the handset in {@code data} (booted once, so its CSR exists) for the broker on {@code port}.
     *
     * @param data   the runtime's data directory
     * @param device the device id
     * @param pki    the fleet CA, which also issued the broker's certificate
     * @param port   the broker's port on localhost
     */
    static void provision(Path data, String device, TestPki pki, int port) throws Exception {
        PublicKey key;
        try (Reader reader = Files.newBufferedReader(data.resolve("keys/device.csr"));
                PEMParser parser = new PEMParser(reader)) {
            key = new JcaPKCS10CertificationRequest((PKCS10CertificationRequest) parser.readObject()).getPublicKey();
        }
        TestPki.pem(data.resolve("keys/device.crt"), pki.issue(device, key));
        TestPki.pem(Files.createDirectories(data.resolve("trust")).resolve("broker-ca.pem"), pki.certificate());
        // Felix Config Admin's file persistence (felix.cm.dir = <data>/state/config): one file per PID.
        Path config = Files.createDirectories(data.resolve("state/config/org/redoubt/policy")).resolve("agent.config");
        Files.writeString(config, "service.pid=\"org.redoubt.policy.agent\"\n"
                + "brokerUri=\"ssl://localhost:" + port + "\"\n"
                + "maxReconnectSeconds=L\"1\"\n");
    }

    /**
     * @param name   the operator's identity (a user of the shipped ACL)
     * @param pki    the fleet CA
     * @param port   the broker's port on localhost
     * @param device the handset whose acks to collect
     * @param acks   where each ack goes
     * @return the operator's connected session
     */
    static MqttClient operator(String name, TestPki pki, int port, String device, BlockingQueue<JsonObject> acks)
            throws Exception {
        MqttClient client = new MqttClient("ssl://localhost:" + port, name, new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setSocketFactory(TestPki.clientContext(pki.issue(name, false), pki.certificate()).getSocketFactory());
        options.setHttpsHostnameVerificationEnabled(true);
        client.connect(options);
        // The array form: Paho 1.2.5's subscribe(String, int, listener) calls itself until the stack overflows.
        client.subscribe(new MqttSubscription[] {new MqttSubscription("redoubt/v1/devices/" + device + "/ack", 1)},
                new IMqttMessageListener[] {(topic, message) -> acks.add(
                        JsonParser.parseObject(message.getPayload(), JsonLimits.DEFAULT))});
        return client;
    }
}
