package org.redoubt.itests.framework;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.CoreOptions;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.redoubt.crypto.api.DistinguishingId;
import org.redoubt.crypto.api.KeyId;
import org.redoubt.crypto.api.SignatureScheme;
import org.redoubt.crypto.api.VerificationKey;
import org.redoubt.crypto.documents.Envelope;
import org.redoubt.crypto.documents.EnvelopeCodec;
import org.redoubt.crypto.documents.EnvelopeSignature;
import org.redoubt.crypto.documents.PreAuthenticationEncoding;
import org.redoubt.crypto.documents.Role;
import org.redoubt.crypto.documents.TrustRoot;
import org.redoubt.crypto.documents.TrustRootWriter;
import org.redoubt.crypto.documents.TrustRootWriter.RoleEntry;
import org.redoubt.driver.radios.Radio;
import org.redoubt.driver.radios.RadioException;
import org.redoubt.driver.radios.Radios;
import org.redoubt.policy.PolicyState;
import org.redoubt.policy.PolicyStatus;
import org.redoubt.store.HandsetLock;
import org.redoubt.store.StoreException;

/**
 * The policy agent in the framework with the real Config Admin and the real components that
 * enforce each field: a handset that boots with a stored, signed policy (as after a reboot without
 * network) has Bluetooth off and refused, PIN rules in the PIN lock and an idle lock for the shell,
 * and reports the policy through {@link PolicyStatus}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PolicyEnforcementIT {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @Inject
    private BundleContext context;

    @Inject
    private ConfigurationAdmin configurations;

    @Configuration
    public Option[] configuration() throws Exception {
        List<Option> options = new ArrayList<>();
        options.add(TestPlatform.crypto(PolicyEnforcementIT.class));
        // Outside the framework's working directory, which Pax Exam cleans when the framework starts.
        Path data = TestPlatform.workDirectory(PolicyEnforcementIT.class).resolveSibling("PolicyEnforcementIT-provisioned");
        provision(data);
        for (String name : List.of("eventadmin", "h2-mvstore", "store-api", "store", "hardware", "radios-api", "radios",
                // The agent reads the battery and the network for reporting.fields when they run.
                "power-api", "telephony-api", "policy-api", "policy-agent")) {
            options.add(CoreOptions.bundle(TestPlatform.bundleUrl(name)));
        }
        options.add(CoreOptions.frameworkProperty("redoubt.device.model").value("redoubt-emulator"));
        options.add(CoreOptions.frameworkProperty("redoubt.trust.root").value(data.resolve("trust/root.json").toString()));
        options.add(CoreOptions.frameworkProperty("redoubt.state.dir").value(data.resolve("state").toString()));
        return TestPlatform.configuration(PolicyEnforcementIT.class, CoreOptions.composite(options.toArray(Option[]::new)));
    }

    /** A root and a policy signed with Ed25519 keys made by the JDK here; the policy as the agent stores it. */
    private static void provision(Path data) throws GeneralSecurityException, IOException {
        if (Files.exists(data)) {
            try (var files = Files.walk(data)) {
                for (Path path : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        KeyPair root = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        KeyPair policy = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Map<Role, RoleEntry> roles = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            roles.put(role, new RoleEntry(1, List.of(key(role == Role.POLICY ? policy : root))));
        }
        byte[] rootDocument = TrustRootWriter.write(1, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)), roles);
        Files.createDirectories(data.resolve("trust"));
        Files.write(data.resolve("trust/root.json"), signed(TrustRoot.PAYLOAD_TYPE, rootDocument, root));
        String document = "{\"type\":\"redoubt.policy\",\"version\":7,\"issuedAt\":\"" + now + "\",\"expires\":\""
                + now.plus(Duration.ofDays(7)) + "\",\"target\":{\"device\":\"" + TestPlatform.DEVICE_ID + "\"},"
                + "\"body\":{\"radios\":{\"bluetooth\":\"DISABLED\"},\"password\":{\"minLength\":6},"
                + "\"lock\":{\"maxInactivity\":\"PT1M\"}}}";
        // The agent's state file as it writes it after applying the policy (see bundles/policy-agent/README.md).
        Files.createDirectories(data.resolve("state/policy"));
        Files.writeString(data.resolve("state/policy/state.json"), "{\"format\":1,\"timeFloor\":\"" + now
                + "\",\"floors\":[],\"policy\":\"" + java.util.Base64.getEncoder().encodeToString(signed(
                        "application/vnd.redoubt.policy+json", document.getBytes(StandardCharsets.UTF_8), policy)) + "\"}");
    }

    private static VerificationKey key(KeyPair keys) {
        return VerificationKey.of(SignatureScheme.ED25519, keys.getPublic().getEncoded(), DistinguishingId.NONE);
    }

    private static byte[] signed(String payloadType, byte[] payload, KeyPair keys) throws GeneralSecurityException {
        Signature signature = Signature.getInstance("Ed25519");
        signature.initSign(keys.getPrivate());
        signature.update(PreAuthenticationEncoding.of(payloadType, payload));
        return EnvelopeCodec.encode(Envelope.of(payloadType, payload, List.of(EnvelopeSignature.of(
                KeyId.of(keys.getPublic().getEncoded()).hex(), signature.sign()))));
    }

    private <T> T service(Class<T> type) throws InterruptedException {
        return Await.until(type.getSimpleName(), DEADLINE, () -> Optional.ofNullable(context.getServiceReference(type))
                .map(context::getService));
    }

    @Test
    public void theStoredPolicyIsEnforcedByEachComponentAtBoot() throws Exception {
        PolicyState state = Await.until("the policy in force", DEADLINE, () -> {
            try {
                return service(PolicyStatus.class).current();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertEquals(7, state.version());
        assertFalse(state.stale());

        Radios radios = service(Radios.class);
        Await.until("Bluetooth disabled by policy", DEADLINE, () -> radios.isAllowed(Radio.BLUETOOTH)
                ? Optional.empty() : Optional.of(true));
        try {
            radios.set(Radio.BLUETOOTH, true);
            fail("Bluetooth went on although the policy disables it");
        } catch (RadioException refused) {
            assertEquals(RadioException.Reason.DISABLED_BY_POLICY, refused.reason());
        }
        assertFalse(radios.isOn(Radio.BLUETOOTH));
        // Its driver is stopped and its service withdrawn; the radios the policy allows run theirs.
        Await.until("the Wi-Fi driver", DEADLINE, () -> radioDevice(Radio.WIFI));
        assertEquals(Optional.empty(), radioDevice(Radio.BLUETOOTH));

        HandsetLock lock = service(HandsetLock.class);
        StoreException weak = Await.until("the PIN rules in the PIN lock", DEADLINE, () -> {
            try {
                lock.setPin("1234".toCharArray());
                throw new AssertionError("a 4-digit PIN was taken under a 6-digit rule");
            } catch (StoreException e) {
                return e.reason() == StoreException.Reason.PIN_TOO_WEAK ? Optional.of(e) : Optional.empty();
            }
        });
        assertEquals(StoreException.Reason.PIN_TOO_WEAK, weak.reason());

        try {
            assertEquals(60L, configurations.getConfiguration("org.redoubt.shell", "?").getProperties().get("lockAfterSeconds"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Optional<org.redoubt.driver.radios.RadioDevice> radioDevice(Radio radio) {
        try {
            return context.getServiceReferences(org.redoubt.driver.radios.RadioDevice.class,
                    "(" + org.redoubt.driver.radios.RadioDevice.RADIO + "=" + radio.name() + ")").stream().findFirst()
                    .map(context::getService);
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
