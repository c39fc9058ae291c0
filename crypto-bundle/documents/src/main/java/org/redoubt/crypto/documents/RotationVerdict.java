package org.redoubt.crypto.documents;

import java.util.Objects;
import java.util.Set;

/**
 * The outcome of {@link RootRotation#verify}.
 *
 * @since 1.0
 */
public sealed interface RotationVerdict permits RotationVerdict.Rotated, RotationVerdict.Rejected {

    /**
     * The next root is trusted. The caller persists {@link TrustRoot#payload()} and then calls
     * {@link RootRotation#commit}, which clears the floors of {@link #changedRoles()}.
     *
     * @param root         the new root
     * @param changedRoles the roles whose keys differ from the previous root's
     */
    record Rotated(TrustRoot root, Set<Role> changedRoles) implements RotationVerdict {

        /** Copies the set. */
        public Rotated {
            Objects.requireNonNull(root, "root");
            changedRoles = Set.copyOf(changedRoles);
        }
    }

    /**
     * The new root was refused; the current root stays.
     *
     * @param reason the stable reason
     * @param detail what exactly was wrong
     */
    record Rejected(ReasonCode reason, String detail) implements RotationVerdict {

        /** @throws NullPointerException when a part is null */
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
