package org.redoubt.crypto.documents;

import java.util.Optional;

/**
 * The roles of the trust root; each has its own keys and threshold.
 *
 * @since 1.0
 */
public enum Role {
    /** Signs new roots. */
    ROOT("root"),
    /** Signs device policies. */
    POLICY("policy"),
    /** Signs release manifests. */
    RELEASE("release"),
    /** Signs commands (lock, wipe, ...). */
    COMMAND("command");

    private final String id;

    Role(String id) {
        this.id = id;
    }

    /** @return the name used in the root document, e.g. {@code policy} */
    public String id() {
        return id;
    }

    /**
     * @param id a role name from a document
     * @return the role, empty for an unknown name
     */
    public static Optional<Role> fromId(String id) {
        for (Role role : values()) {
            if (role.id.equals(id)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
