package org.redoubt.policy.agent.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import org.redoubt.crypto.api.CryptoProvider;
import org.redoubt.crypto.api.DistinguishingId;
import org.redoubt.crypto.api.SignatureScheme;
import org.redoubt.crypto.api.SigningKey;
import org.redoubt.crypto.documents.EnvelopeCodec;
import org.redoubt.crypto.documents.EnvelopeSigner;
import org.redoubt.crypto.documents.Role;
import org.redoubt.crypto.documents.TrustRoot;
import org.redoubt.crypto.documents.TrustRootWriter;
import org.redoubt.crypto.documents.TrustRootWriter.RoleEntry;

/**
 * An operator's keys made for one test: a root, two policy keys (threshold 2 when asked) of a
 * chosen suite, and signed policy envelopes. The provider is the real Bouncy Castle one.
 */
final class TestFleet {

    static final CryptoProvider PROVIDER = ServiceLoader.load(CryptoProvider.class).findFirst()
            .orElseThrow(() -> new AssertionError("no CryptoProvider on the test class path"));
    static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    final SigningKey rootKey = PROVIDER.generateSigningKey(SignatureScheme.ED25519, DistinguishingId.NONE);
    final SigningKey policyKey;
    final SigningKey secondPolicyKey;
    final SigningKey stranger;
    final SigningKey commandKey = PROVIDER.generateSigningKey(SignatureScheme.ECDSA_P256_SHA256, DistinguishingId.NONE);
    final byte[] rootEnvelope;
    final TrustRoot root;

    /**
     * @param scheme    the policy keys' scheme (ECDSA P-256 for NIST, SM2 for SM)
     * @param threshold how many policy keys must sign
     */
    TestFleet(SignatureScheme scheme, int threshold) throws Exception {
        DistinguishingId id = scheme.needsDistinguishingId() ? DistinguishingId.SM2_DEFAULT : DistinguishingId.NONE;
        policyKey = PROVIDER.generateSigningKey(scheme, id);
        secondPolicyKey = PROVIDER.generateSigningKey(scheme, id);
        stranger = PROVIDER.generateSigningKey(scheme, id);
        Map<Role, RoleEntry> roles = new EnumMap<>(Role.class);
        roles.put(Role.ROOT, new RoleEntry(1, List.of(rootKey.verificationKey())));
        roles.put(Role.POLICY, new RoleEntry(threshold, List.of(policyKey.verificationKey(), secondPolicyKey.verificationKey())));
        roles.put(Role.RELEASE, new RoleEntry(1, List.of(rootKey.verificationKey())));
        roles.put(Role.COMMAND, new RoleEntry(1, List.of(commandKey.verificationKey())));
        byte[] payload = TrustRootWriter.write(1, NOW.minus(Duration.ofDays(30)), NOW.plus(Duration.ofDays(365)), roles);
        rootEnvelope = EnvelopeCodec.encode(EnvelopeSigner.sign(TrustRoot.PAYLOAD_TYPE, payload, List.of(rootKey)));
        root = TrustRoot.parse(payload, PROVIDER);
    }

    /**
     * @return root {@code version} with {@code policyKeys} as the policy role (threshold 1) and
     *         {@code rootKeys} as the root role, signed by {@code signers}
     */
    byte[] root(long version, List<SigningKey> rootKeys, List<SigningKey> policyKeys, SigningKey... signers) {
        Map<Role, RoleEntry> roles = new EnumMap<>(Role.class);
        roles.put(Role.ROOT, new RoleEntry(1, rootKeys.stream().map(SigningKey::verificationKey).toList()));
        roles.put(Role.POLICY, new RoleEntry(1, policyKeys.stream().map(SigningKey::verificationKey).toList()));
        roles.put(Role.RELEASE, new RoleEntry(1, List.of(rootKey.verificationKey())));
        roles.put(Role.COMMAND, new RoleEntry(1, List.of(commandKey.verificationKey())));
        byte[] payload = TrustRootWriter.write(version, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(365)), roles);
        return EnvelopeCodec.encode(EnvelopeSigner.sign(TrustRoot.PAYLOAD_TYPE, payload, List.of(signers)));
    }

    /** @return a signed command for {@code device}, valid one day */
    byte[] command(long version, String device, String action, String nonce) {
        String document = "{\"type\":\"redoubt.command\",\"version\":" + version + ",\"issuedAt\":\"" + NOW
                + "\",\"expires\":\"" + NOW.plus(Duration.ofDays(1)) + "\",\"target\":{\"device\":\"" + device
                + "\"},\"body\":{\"command\":\"" + action + "\",\"nonce\":\"" + nonce + "\"}}";
        return EnvelopeCodec.encode(EnvelopeSigner.sign(org.redoubt.policy.Command.PAYLOAD_TYPE,
                document.getBytes(StandardCharsets.UTF_8), List.of(commandKey)));
    }

    /** @return a policy document's JSON text */
    static String document(long version, String target, String body, Instant issuedAt, Instant expires) {
        return "{\"type\":\"redoubt.policy\",\"version\":" + version + ",\"issuedAt\":\"" + issuedAt + "\",\"expires\":\""
                + expires + "\",\"target\":" + target + ",\"body\":" + body + "}";
    }

    /** @return a policy for {@code device}, issued now, valid 30 days, signed by the policy keys */
    byte[] policy(long version, String device, String body) {
        return sign(document(version, "{\"device\":\"" + device + "\"}", body, NOW, NOW.plus(Duration.ofDays(30))),
                policyKey, secondPolicyKey);
    }

    /** @return the document signed by these keys, as a DSSE envelope */
    static byte[] sign(String document, SigningKey... keys) {
        return EnvelopeCodec.encode(EnvelopeSigner.sign(PolicyProcessor.PAYLOAD_TYPE,
                document.getBytes(StandardCharsets.UTF_8), List.of(keys)));
    }
}
