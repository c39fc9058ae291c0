package org.redoubt.crypto.documents;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

import org.redoubt.crypto.api.CryptoProvider;
import org.redoubt.crypto.api.DistinguishingId;
import org.redoubt.crypto.api.SignatureScheme;
import org.redoubt.crypto.api.SigningKey;
import org.redoubt.crypto.api.VerificationKey;
import org.redoubt.json.JsonException;
import org.redoubt.json.JsonLimits;
import org.redoubt.json.JsonObject;
import org.redoubt.json.JsonParser;
import org.redoubt.json.JsonWriter;

/** Real keys from the real provider, and builders for roots and documents. */
final class Fixtures {

    static final CryptoProvider PROVIDER = ServiceLoader.load(CryptoProvider.class).findFirst()
            .orElseThrow(() -> new IllegalStateException("no CryptoProvider on the test class path"));

    static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    static final Instant ISSUED = Instant.parse("2026-05-31T00:00:00Z");
    static final Instant EXPIRES = Instant.parse("2026-07-01T00:00:00Z");

    static final DeviceIdentity DEVICE_A = new DeviceIdentity("device-a", "field-team", "rdt-1");
    static final String POLICY_TYPE = "application/vnd.redoubt.policy+json";
    static final String POLICY_DOC = "redoubt.policy";

    private Fixtures() {
    }

    static SigningKey ed25519() {
        return PROVIDER.generateSigningKey(SignatureScheme.ED25519, DistinguishingId.NONE);
    }

    static SigningKey ecdsa() {
        return PROVIDER.generateSigningKey(SignatureScheme.ECDSA_P256_SHA256, DistinguishingId.NONE);
    }

    static SigningKey sm2() {
        return PROVIDER.generateSigningKey(SignatureScheme.SM2_SM3, DistinguishingId.SM2_DEFAULT);
    }

    static String hex(SigningKey key) {
        return key.verificationKey().keyId().hex();
    }

    /** One role's keys and threshold, for building root documents. */
    record RoleSpec(List<SigningKey> keys, int threshold) {
        static RoleSpec of(int threshold, SigningKey... keys) {
            return new RoleSpec(List.of(keys), threshold);
        }
    }

    /** One role's entry of a root document, for tests that edit roots by hand. */
    static JsonObject roleEntry(RoleSpec spec) {
        org.redoubt.json.JsonArray.Builder ids = org.redoubt.json.JsonArray.builder();
        spec.keys().forEach(key -> ids.add(hex(key)));
        return JsonObject.builder().put("keyids", ids.build()).put("threshold", spec.threshold()).build();
    }

    /** A root document as JSON, listing every key of every role, as {@link TrustRootWriter} writes it. */
    static JsonObject rootJson(long version, Instant expires, Map<Role, RoleSpec> roles) {
        Map<Role, TrustRootWriter.RoleEntry> entries = new java.util.EnumMap<>(Role.class);
        roles.forEach((role, spec) -> entries.put(role, new TrustRootWriter.RoleEntry(spec.threshold(),
                spec.keys().stream().map(SigningKey::verificationKey).toList())));
        try {
            return JsonParser.parseObject(TrustRootWriter.write(version, ISSUED, expires, entries), JsonLimits.DEFAULT);
        } catch (JsonException e) {
            throw new AssertionError(e);
        }
    }

    static byte[] bytes(JsonObject json) {
        return JsonWriter.compact().writeUtf8(json);
    }

    static TrustRoot root(long version, Map<Role, RoleSpec> roles) throws DocumentException {
        return TrustRoot.parse(bytes(rootJson(version, EXPIRES, roles)), PROVIDER);
    }

    static JsonObject target(String device, String group, String model) {
        JsonObject.Builder target = JsonObject.builder();
        Optional.ofNullable(device).ifPresent(value -> target.put("device", value));
        Optional.ofNullable(group).ifPresent(value -> target.put("group", value));
        Optional.ofNullable(model).ifPresent(value -> target.put("model", value));
        return target.build();
    }

    static JsonObject.Builder policy(long version, JsonObject target, String note) {
        return JsonObject.builder()
                .put("type", POLICY_DOC)
                .put("version", version)
                .put("issuedAt", ISSUED.toString())
                .put("expires", EXPIRES.toString())
                .put("target", target)
                .put("body", JsonObject.builder().put("note", note).build());
    }

    static byte[] policyFor(long version, String note) {
        return bytes(policy(version, target("device-a", null, null), note).build());
    }

    static byte[] envelope(String payloadType, byte[] payload, SigningKey... keys) {
        return EnvelopeCodec.encode(EnvelopeSigner.sign(payloadType, payload, List.of(keys)));
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** An envelope whose signatures are those of {@code signed}, in the given order, possibly repeated. */
    static byte[] withSignatures(Envelope signed, int... order) {
        List<EnvelopeSignature> list = new ArrayList<>();
        Arrays.stream(order).forEach(index -> list.add(signed.signatures().get(index)));
        return EnvelopeCodec.encode(Envelope.of(signed.payloadType(), signed.payload(), list));
    }

    /** Floors in memory, recording every change. */
    static final class MemoryFloors implements VersionFloors {
        final Map<FloorKey, VersionFloor> floors = new HashMap<>();
        int changes;

        @Override
        public Optional<VersionFloor> floor(FloorKey key) {
            return Optional.ofNullable(floors.get(key));
        }

        @Override
        public void raise(FloorKey key, VersionFloor floor) {
            floors.put(key, floor);
            changes++;
        }

        @Override
        public void clear(Role role) {
            floors.keySet().removeIf(key -> key.role() == role);
            changes++;
        }
    }

    /** A time floor in memory, recording every change. */
    static final class MemoryTime implements TimeFloor {
        Instant floor;
        int changes;

        MemoryTime(Instant floor) {
            this.floor = floor;
        }

        @Override
        public Instant notEarlierThan() {
            return floor;
        }

        @Override
        public void raiseTo(Instant instant) {
            if (instant.isAfter(floor)) {
                floor = instant;
            }
            changes++;
        }
    }
}
