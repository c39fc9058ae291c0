package org.redoubt.fleet.cli.documents;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.redoubt.crypto.api.CryptoProvider;
import org.redoubt.crypto.api.SignatureScheme;
import org.redoubt.crypto.api.SigningKey;
import org.redoubt.crypto.api.VerificationKey;
import org.redoubt.crypto.documents.Role;
import org.redoubt.crypto.documents.TrustRootWriter.RoleEntry;
import org.redoubt.fleet.cli.keys.CryptoProviders;
import org.redoubt.fleet.cli.keys.KeySchemes;

/** Keys generated for one test (never committed) and a root over them. */
final class TestKeys {

    static final CryptoProvider PROVIDER = CryptoProviders.load();
    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private TestKeys() {
    }

    static SigningKey key(SignatureScheme scheme) {
        return PROVIDER.generateSigningKey(scheme, KeySchemes.distinguishingId(scheme));
    }

    static RoleEntry entry(int threshold, SigningKey... keys) {
        return new RoleEntry(threshold, java.util.Arrays.stream(keys).map(SigningKey::verificationKey).toList());
    }

    /** Every role: {@code root} as given, the others one fresh key each unless given. */
    static Map<Role, RoleEntry> roles(RoleEntry root, RoleEntry policy) {
        Map<Role, RoleEntry> roles = new EnumMap<>(Role.class);
        roles.put(Role.ROOT, root);
        roles.put(Role.POLICY, policy);
        roles.put(Role.RELEASE, new RoleEntry(1, List.of(key(SignatureScheme.ED25519).verificationKey())));
        roles.put(Role.COMMAND, new RoleEntry(1, List.<VerificationKey>of(key(SignatureScheme.SM2_SM3).verificationKey())));
        return roles;
    }

    static RootCeremony.Result root(Map<Role, RoleEntry> roles, List<SigningKey> signers) throws Exception {
        return new RootCeremony(PROVIDER).create(1, NOW, NOW.plus(Duration.ofDays(365)), roles, signers, false);
    }
}
