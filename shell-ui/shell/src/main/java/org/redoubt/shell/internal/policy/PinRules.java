package org.redoubt.shell.internal.policy;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The PIN rules a policy sets; each one may be left out.
 *
 * @param minLength   the shortest PIN
 * @param quality     what a PIN must be made of: {@code NUMERIC}, {@code NUMERIC_COMPLEX} or
 *                    {@code ALPHANUMERIC} (the policy's names, which the shell's texts are keyed by)
 * @param wipeAfter   wrong PINs in a row before the handset is wiped; absent or 0 = never
 */
public record PinRules(OptionalInt minLength, Optional<String> quality, OptionalInt wipeAfter) {

    /** Checks that nothing is missing. */
    public PinRules {
        Objects.requireNonNull(minLength, "minLength");
        Objects.requireNonNull(quality, "quality");
        Objects.requireNonNull(wipeAfter, "wipeAfter");
    }

    /** @return whether a PIN must have letters ({@code ALPHANUMERIC}): the PIN screens start in a letter mode */
    public boolean asksForLetters() {
        return quality.filter("ALPHANUMERIC"::equals).isPresent();
    }

    /** @return whether there is any rule to show */
    public boolean isEmpty() {
        return minLength.isEmpty() && quality.isEmpty() && (wipeAfter.isEmpty() || wipeAfter.getAsInt() == 0);
    }
}
