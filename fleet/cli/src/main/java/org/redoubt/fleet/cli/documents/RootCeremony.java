package org.redoubt.fleet.cli.documents;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.redoubt.crypto.api.CryptoProvider;
import org.redoubt.crypto.api.KeyId;
import org.redoubt.crypto.api.SigningKey;
import org.redoubt.crypto.documents.DocumentException;
import org.redoubt.crypto.documents.EnvelopeCodec;
import org.redoubt.crypto.documents.EnvelopeSigner;
import org.redoubt.crypto.documents.ReasonCode;
import org.redoubt.crypto.documents.Role;
import org.redoubt.crypto.documents.RootRotation;
import org.redoubt.crypto.documents.RotationVerdict;
import org.redoubt.crypto.documents.TrustRoot;
import org.redoubt.crypto.documents.TrustRootWriter;
import org.redoubt.crypto.documents.TrustRootWriter.RoleEntry;
import org.redoubt.fleet.cli.FleetException;

/**
 * Writes trust roots: the first root of a fleet, and root N+1 after root N. Every root is checked
 * by {@link RootRotation} exactly as a handset checks it before it is handed out, and a root the
 * handset would refuse is never returned. A root that lacks only signatures (k-of-n with key
 * holders in other places) is returned when asked for as partial: the other holders add theirs
 * with {@link Cosigning#addSignature}, and {@link #check} says when it is complete.
 */
public final class RootCeremony {

    private final CryptoProvider provider;
    private final RootRotation rotation;

    /** @param provider signs and checks */
    public RootCeremony(CryptoProvider provider) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.rotation = new RootRotation(provider);
    }

    /**
     * A root envelope.
     *
     * @param envelope   its bytes
     * @param root       the root it holds
     * @param incomplete why a handset would not take it yet (only {@code THRESHOLD_NOT_MET}), empty when complete
     */
    public record Result(byte[] envelope, TrustRoot root, Optional<String> incomplete) {
    }

    /**
     * @param version  the root's version, usually 1
     * @param issuedAt now
     * @param expires  after now
     * @param roles    every role
     * @param signers  root keys of this root, each once
     * @param partial  whether a root that lacks only signatures may be returned
     * @return the root
     * @throws FleetException when a role is missing, a signer repeats, or a handset would refuse the root
     */
    public Result create(long version, Instant issuedAt, Instant expires, Map<Role, RoleEntry> roles,
            List<SigningKey> signers, boolean partial) throws FleetException {
        byte[] envelope = sign(write(version, issuedAt, expires, roles), signers);
        return result(envelope, rotation.verifyProvisioned(envelope, DocumentKind.MAX_ENVELOPE_BYTES), partial);
    }

    /**
     * @param current  the root handsets trust now (N)
     * @param version  the new root's version (N+1; anything else is refused)
     * @param issuedAt now
     * @param expires  after now
     * @param changes  the roles that change; every other role is carried over from {@code current}
     * @param signers  root keys of N and of N+1, each once
     * @param partial  whether a root that lacks only signatures may be returned
     * @return root N+1
     * @throws FleetException when a signer repeats or a handset holding {@code current} would refuse it
     */
    public Result rotate(TrustRoot current, long version, Instant issuedAt, Instant expires,
            Map<Role, RoleEntry> changes, List<SigningKey> signers, boolean partial) throws FleetException {
        Map<Role, RoleEntry> roles = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            roles.put(role, new RoleEntry(current.role(role).threshold(), new ArrayList<>(current.keysOf(role).values())));
        }
        roles.putAll(changes);
        byte[] envelope = sign(write(version, issuedAt, expires, roles), signers);
        return result(envelope, rotation.verify(current, envelope, DocumentKind.MAX_ENVELOPE_BYTES,
                new RecordedTime(issuedAt)), partial);
    }

    /**
     * @param current  the root handsets trust now, or empty for a first root
     * @param envelope a root envelope
     * @param now      the time floor
     * @return what a handset would say
     */
    public RotationVerdict check(Optional<TrustRoot> current, byte[] envelope, Instant now) {
        return current.isPresent()
                ? rotation.verify(current.get(), envelope, DocumentKind.MAX_ENVELOPE_BYTES, new RecordedTime(now))
                : rotation.verifyProvisioned(envelope, DocumentKind.MAX_ENVELOPE_BYTES);
    }

    private static byte[] write(long version, Instant issuedAt, Instant expires, Map<Role, RoleEntry> roles)
            throws FleetException {
        for (Role role : Role.values()) {
            if (!roles.containsKey(role)) {
                throw new FleetException("a root names every role: " + role.id() + " is missing");
            }
        }
        if (version < 1) {
            throw new FleetException("a root's version is at least 1");
        }
        return TrustRootWriter.write(version, issuedAt, expires, roles);
    }

    private static byte[] sign(byte[] payload, List<SigningKey> signers) throws FleetException {
        if (signers.isEmpty()) {
            throw new FleetException("a root needs at least one signing key (--sign)");
        }
        Set<KeyId> seen = new HashSet<>();
        for (SigningKey signer : signers) {
            if (!seen.add(signer.verificationKey().keyId())) {
                throw new FleetException("key " + signer.verificationKey().keyId() + " is given twice to sign");
            }
        }
        return EnvelopeCodec.encode(EnvelopeSigner.sign(TrustRoot.PAYLOAD_TYPE, payload, signers));
    }

    private Result result(byte[] envelope, RotationVerdict verdict, boolean partial) throws FleetException {
        if (verdict instanceof RotationVerdict.Rotated rotated) {
            return new Result(envelope, rotated.root(), Optional.empty());
        }
        RotationVerdict.Rejected rejected = (RotationVerdict.Rejected) verdict;
        if (partial && rejected.reason() == ReasonCode.THRESHOLD_NOT_MET) {
            try {
                TrustRoot root = TrustRoot.parse(EnvelopeCodec.decode(envelope, DocumentKind.MAX_ENVELOPE_BYTES).payload(),
                        provider);
                return new Result(envelope, root, Optional.of(rejected.detail()));
            } catch (DocumentException e) {
                throw new FleetException("refusing to write a root a handset would reject: " + e.reason() + " "
                        + e.getMessage(), e);
            }
        }
        throw new FleetException("refusing to write a root a handset would reject: " + rejected.reason() + " "
                + rejected.detail());
    }
}
