package org.redoubt.runtime.launcher;

import java.util.Locale;

/** The two release slots of the A/B scheme: one holds the committed release, the other a candidate. */
enum Slot {
    A, B;

    /** @return the directory name under {@code slots/} */
    String directoryName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the other slot */
    Slot other() {
        return this == A ? B : A;
    }

    /**
     * @param name {@code a} or {@code b}
     * @return the slot
     * @throws IllegalArgumentException for anything else
     */
    static Slot named(String name) {
        return switch (name) {
            case "a" -> A;
            case "b" -> B;
            default -> throw new IllegalArgumentException("unknown slot '" + name + "'");
        };
    }
}
