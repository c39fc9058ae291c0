package org.redoubt.policy.agent.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

import org.redoubt.crypto.api.CryptoProvider;
import org.redoubt.crypto.api.HashAlgorithm;
import org.redoubt.crypto.documents.RootRotation;
import org.redoubt.crypto.documents.RotationVerdict;
import org.redoubt.crypto.documents.TrustRoot;
import org.redoubt.policy.agent.internal.Ack.Result;

/**
 * The trust root in force, and its rotation over MQTT: root N+1 must carry a threshold of
 * signatures of root N's root keys and of its own (SECURITY.md rows 3 and 9). The new root is
 * written over {@code trust/root.json} (where the launcher reads it at the next boot) before the
 * floors of the roles whose keys changed are cleared (fast-forward recovery) and it is used.
 *
 * <p>Not thread-safe: the agent uses it from its one thread; {@link #current} may be read from any.
 */
final class RootKeeper {

    /** The size cap of a root envelope. */
    static final int MAX_BYTES = 256 * 1024;
    /** The document type of a root. */
    static final String DOCUMENT_TYPE = TrustRoot.DOCUMENT_TYPE;

    private final CryptoProvider provider;
    private final RootRotation rotation;
    private final StateFiles trustDirectory;
    private final String fileName;
    private final PersistentFloors floors;
    private final Clock clock;
    private volatile TrustRoot current;

    /**
     * @param provider the primitives
     * @param file     {@code trust/root.json}
     * @param current  the root read from it at start
     * @param floors   the floors cleared for rotated roles
     * @param clock    the time of acks
     */
    RootKeeper(CryptoProvider provider, Path file, TrustRoot current, PersistentFloors floors, Clock clock) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.rotation = new RootRotation(provider);
        this.trustDirectory = new StateFiles(file.toAbsolutePath().getParent());
        this.fileName = file.getFileName().toString();
        this.current = Objects.requireNonNull(current, "current");
        this.floors = Objects.requireNonNull(floors, "floors");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @return the root in force */
    TrustRoot current() {
        return current;
    }

    /**
     * @param envelope a received root envelope
     * @return the ack to publish
     */
    Ack receive(byte[] envelope) {
        byte[] digest = provider.digest(HashAlgorithm.SHA256, envelope);
        RotationVerdict verdict = rotation.verify(current, envelope, MAX_BYTES, floors);
        if (verdict instanceof RotationVerdict.Rejected rejected) {
            if (isCurrent(envelope)) {
                // The retained copy of the root already in force.
                return ack(OptionalLong.of(current.version()), digest, Result.ALREADY_APPLIED, null, null);
            }
            return ack(OptionalLong.empty(), digest, Result.REJECTED, rejected.reason().name(), rejected.detail());
        }
        RotationVerdict.Rotated rotated = (RotationVerdict.Rotated) verdict;
        try {
            trustDirectory.write(fileName, envelope);
            floors.together(() -> rotation.commit(rotated, floors, floors));
        } catch (IOException | UncheckedIOException e) {
            return ack(OptionalLong.of(rotated.root().version()), digest, Result.FAILED, "STORAGE_FAILED", e.getMessage());
        }
        current = rotated.root();
        return ack(OptionalLong.of(rotated.root().version()), digest, Result.APPLIED, null,
                "roles with new keys: " + rotated.changedRoles());
    }

    private boolean isCurrent(byte[] envelope) {
        try {
            Optional<byte[]> stored = trustDirectory.read(fileName, MAX_BYTES);
            return stored.isPresent() && Arrays.equals(stored.get(), envelope);
        } catch (IOException e) {
            return false;
        }
    }

    private Ack ack(OptionalLong version, byte[] digest, Result result, String reason, String detail) {
        return new Ack(DOCUMENT_TYPE, version, digest, result, Optional.ofNullable(reason), Optional.ofNullable(detail),
                clock.instant());
    }
}
