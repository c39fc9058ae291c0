package org.redoubt.fleet.cli.documents;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.redoubt.fleet.cli.FleetException;

/**
 * When a document expires, as the operator writes it: an instant ({@code 2027-01-01T00:00:00Z}),
 * an ISO-8601 duration from now ({@code P30D}, {@code PT12H}) or a short one ({@code 90d},
 * {@code 12h}, {@code 30m}, {@code 2w}). Whole seconds, always after now.
 */
public final class Expiry {

    private static final Pattern SHORT = Pattern.compile("([0-9]{1,6})([smhdw])");

    private Expiry() {
    }

    /**
     * @param text the operator's text
     * @param now  the issue time
     * @return the instant
     * @throws FleetException when the text is none of the forms above or not after {@code now}
     */
    public static Instant parse(String text, Instant now) throws FleetException {
        Instant expires;
        try {
            if (text.contains("T") && text.endsWith("Z") && !text.startsWith("P")) {
                expires = Instant.parse(text);
            } else if (text.toUpperCase(Locale.ROOT).startsWith("P")) {
                expires = now.plus(Duration.parse(text));
            } else {
                Matcher matcher = SHORT.matcher(text);
                if (!matcher.matches()) {
                    throw new FleetException("expiry \"" + text + "\": use an instant (2027-01-01T00:00:00Z), "
                            + "a duration (P30D, PT12H) or 90d, 12h, 30m, 2w");
                }
                long amount = Long.parseLong(matcher.group(1));
                expires = now.plus(switch (matcher.group(2)) {
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    case "h" -> Duration.ofHours(amount);
                    case "d" -> Duration.ofDays(amount);
                    default -> Duration.ofDays(7 * amount);
                });
            }
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new FleetException("expiry \"" + text + "\" is not a valid instant or duration", e);
        }
        expires = expires.truncatedTo(ChronoUnit.SECONDS);
        if (!expires.isAfter(now)) {
            throw new FleetException("expiry " + expires + " is not after now (" + now + ")");
        }
        return expires;
    }
}
