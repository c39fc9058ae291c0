package org.redoubt.release.agent.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

import org.redoubt.crypto.api.CryptoProvider;
import org.redoubt.crypto.api.DistinguishingId;
import org.redoubt.crypto.api.SignatureScheme;
import org.redoubt.crypto.api.SigningKey;
import org.redoubt.crypto.documents.DeviceIdentity;
import org.redoubt.crypto.documents.Role;
import org.redoubt.crypto.documents.Target;
import org.redoubt.crypto.documents.TrustRoot;
import org.redoubt.crypto.documents.TrustRootWriter;
import org.redoubt.crypto.documents.TrustRootWriter.RoleEntry;
import org.redoubt.runtime.release.ReleaseBuilder;
import org.redoubt.runtime.release.ReleaseManifestCodec;
import org.redoubt.runtime.release.ReleaseStamp;

/** A fleet's root and release key made for one test run, and signed release directories. */
final class TestReleases {

    static final CryptoProvider PROVIDER = ServiceLoader.load(CryptoProvider.class).findFirst().orElseThrow();
    static final DeviceIdentity DEVICE = new DeviceIdentity("handset-a", "field", "rdt-1");

    final SigningKey releaseKey;
    final SigningKey otherKey;
    final TrustRoot root;
    private final Path work;
    private int made;

    /** @param work where release directories are written */
    TestReleases(Path work) throws Exception {
        this.work = work;
        releaseKey = PROVIDER.generateSigningKey(SignatureScheme.ECDSA_P256_SHA256, DistinguishingId.NONE);
        otherKey = PROVIDER.generateSigningKey(SignatureScheme.ECDSA_P256_SHA256, DistinguishingId.NONE);
        Map<Role, RoleEntry> roles = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            roles.put(role, new RoleEntry(1, List.of((role == Role.RELEASE ? releaseKey : otherKey).verificationKey())));
        }
        Instant now = Instant.now();
        root = TrustRoot.parse(TrustRootWriter.write(1, now.minusSeconds(60), now.plus(Duration.ofDays(1)), roles), PROVIDER);
    }

    /** @return release {@code number} of these jars, signed by the release key, valid for an hour */
    Path release(long number, Map<String, byte[]> jars) throws Exception {
        return release(number, jars, releaseKey);
    }

    /** @return release {@code number} of these jars, signed by {@code signer} */
    Path release(long number, Map<String, byte[]> jars, SigningKey signer) throws Exception {
        return release(number, jars, signer, org.redoubt.runtime.release.ReleaseRules.NONE);
    }

    /** @return release {@code number} of these jars with these service rules, signed by the release key */
    Path release(long number, Map<String, byte[]> jars, org.redoubt.runtime.release.ReleaseRules rules) throws Exception {
        return release(number, jars, releaseKey, rules);
    }

    private Path release(long number, Map<String, byte[]> jars, SigningKey signer,
            org.redoubt.runtime.release.ReleaseRules rules) throws Exception {
        int id = made++;
        Path directory = Files.createDirectories(work.resolve("jars-" + number + "-" + id));
        for (Map.Entry<String, byte[]> jar : jars.entrySet()) {
            Files.write(directory.resolve(jar.getKey()), jar.getValue());
        }
        Path output = work.resolve("release-" + number + "-" + id);
        ReleaseStamp stamp = new ReleaseStamp(Instant.now().minusSeconds(5), Instant.now().plusSeconds(3600),
                new Target(Optional.empty(), Optional.empty(), Optional.of(DEVICE.hardwareModel())));
        new ReleaseBuilder(new ReleaseManifestCodec()).build(directory, output, number, "production", Map.of(), rules,
                stamp, List.of(signer));
        return output;
    }
}
