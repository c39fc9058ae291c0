package org.redoubt.crypto.documents;

import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The persisted anti-rollback state the caller keeps: the highest accepted version per
 * {@link FloorKey}. Only {@link DocumentVerifier#commit} and {@link RootRotation#commit} change it.
 *
 * @since 1.0
 */
@ConsumerType
public interface VersionFloors {

    /**
     * @param key where the floor is kept
     * @return the floor, empty when nothing was accepted there yet
     */
    Optional<VersionFloor> floor(FloorKey key);

    /**
     * Persists a new floor (durably, before returning).
     *
     * @param key   where the floor is kept
     * @param floor the new floor, higher than the current one
     */
    void raise(FloorKey key, VersionFloor floor);

    /**
     * Forgets every floor of a role, after a root rotation replaced its keys (fast-forward
     * recovery: a huge version signed by a revoked key must not block the new keys).
     *
     * @param role the role
     */
    void clear(Role role);
}
