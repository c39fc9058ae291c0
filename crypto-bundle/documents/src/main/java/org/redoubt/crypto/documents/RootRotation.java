package org.redoubt.crypto.documents;

import java.util.EnumSet;
import java.util.Objects;

import org.redoubt.crypto.api.CryptoProvider;
import org.redoubt.crypto.documents.internal.Detail;
import org.redoubt.crypto.documents.internal.ThresholdCounter;

/**
 * Accepts root N+1 after root N. Checks, in order: size cap, envelope, payload type
 * {@value TrustRoot#PAYLOAD_TYPE}, a threshold of root N's root-role keys, the new root document
 * itself, a threshold of the new root's own root-role keys, version exactly N+1 ({@link
 * ReasonCode#ROLLBACK} when not above N, {@link ReasonCode#VERSION_SKIP} when above N+1), and
 * expiry after the time floor.
 *
 * @since 1.0
 */
public final class RootRotation {

    private final CryptoProvider provider;

    /**
     * @param provider checks signatures and keys
     */
    public RootRotation(CryptoProvider provider) {
        this.provider = Objects.requireNonNull(provider, "provider");
    }

    /**
     * Checks a root that is being provisioned, with no earlier root to chain to (the factory root
     * of a new handset): it must be signed by a threshold of its own root keys. Trust in it comes
     * from how it reached the handset (the factory image), not from this check; the check catches
     * corruption and a root whose own keys never signed it. Expiry is not checked: a handset
     * must still be able to boot, and to verify the next root, after its root expired.
     *
     * @param envelopeBytes the root envelope
     * @param maxBytes      the size cap
     * @return {@link RotationVerdict.Rotated} with every role changed, or the reason
     */
    public RotationVerdict verifyProvisioned(byte[] envelopeBytes, int maxBytes) {
        try {
            Envelope envelope = EnvelopeCodec.decode(envelopeBytes, maxBytes);
            if (!TrustRoot.PAYLOAD_TYPE.equals(envelope.payloadType())) {
                return reject(ReasonCode.WRONG_PAYLOAD_TYPE, "payload type " + Detail.quote(envelope.payloadType()));
            }
            TrustRoot root = TrustRoot.parse(envelope.payload(), provider);
            if (!ThresholdCounter.meets(envelope, root, Role.ROOT, provider)) {
                return reject(ReasonCode.THRESHOLD_NOT_MET, "not signed by a threshold of its own root keys");
            }
            return new RotationVerdict.Rotated(root, EnumSet.allOf(Role.class));
        } catch (DocumentException e) {
            return reject(e.reason(), e.getMessage());
        }
    }

    /**
     * @param current       the trusted root N
     * @param envelopeBytes the envelope of root N+1
     * @param maxBytes      the size cap, at least 1
     * @param time          the time floor (read only)
     * @return the verdict; never throws for bad input
     */
    public RotationVerdict verify(TrustRoot current, byte[] envelopeBytes, int maxBytes, TimeFloor time) {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(time, "time");
        try {
            Envelope envelope = EnvelopeCodec.decode(envelopeBytes, maxBytes);
            if (!TrustRoot.PAYLOAD_TYPE.equals(envelope.payloadType())) {
                return reject(ReasonCode.WRONG_PAYLOAD_TYPE, "payload type " + Detail.quote(envelope.payloadType()));
            }
            if (!ThresholdCounter.meets(envelope, current, Role.ROOT, provider)) {
                return reject(ReasonCode.THRESHOLD_NOT_MET, "not signed by a threshold of root v"
                        + current.version() + "'s root keys");
            }
            TrustRoot next = TrustRoot.parse(envelope.payload(), provider);
            if (!ThresholdCounter.meets(envelope, next, Role.ROOT, provider)) {
                return reject(ReasonCode.THRESHOLD_NOT_MET, "not signed by a threshold of its own root keys");
            }
            if (next.version() <= current.version()) {
                return reject(ReasonCode.ROLLBACK, "version " + next.version() + " is not above " + current.version());
            }
            if (next.version() - current.version() != 1) {
                return reject(ReasonCode.VERSION_SKIP, "version " + next.version() + " skips after " + current.version());
            }
            if (!next.expires().isAfter(time.notEarlierThan())) {
                return reject(ReasonCode.EXPIRED, "expired at " + next.expires());
            }
            return new RotationVerdict.Rotated(next, current.rolesWithChangedKeys(next));
        } catch (DocumentException e) {
            return reject(e.reason(), e.getMessage());
        }
    }

    /**
     * After the caller persisted the new root: clears the version floors of every role whose keys
     * changed (fast-forward recovery) and raises the time floor to the root's issuedAt.
     *
     * @param rotated the verdict
     * @param floors  the anti-rollback floors
     * @param time    the time floor
     */
    public void commit(RotationVerdict.Rotated rotated, VersionFloors floors, TimeFloor time) {
        for (Role role : rotated.changedRoles()) {
            floors.clear(role);
        }
        if (rotated.root().issuedAt().isAfter(time.notEarlierThan())) {
            time.raiseTo(rotated.root().issuedAt());
        }
    }

    private static RotationVerdict reject(ReasonCode reason, String detail) {
        return new RotationVerdict.Rejected(reason, detail);
    }
}
