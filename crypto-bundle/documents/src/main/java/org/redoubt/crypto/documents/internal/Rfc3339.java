package org.redoubt.crypto.documents.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/** RFC 3339 timestamps in UTC with a {@code Z} suffix and an optional fraction, nothing else. */
public final class Rfc3339 {

    private static final Pattern UTC = Pattern.compile(
            "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?Z");

    private Rfc3339() {
    }

    /**
     * @param text the timestamp
     * @return the instant, or empty when the text is not a valid UTC RFC 3339 timestamp
     */
    public static Optional<Instant> parse(String text) {
        if (!UTC.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException invalidDate) {
            return Optional.empty();
        }
    }
}
