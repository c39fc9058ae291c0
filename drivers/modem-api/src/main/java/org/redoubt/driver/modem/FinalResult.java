package org.redoubt.driver.modem;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A final result code (V.250 and 27.007 section 9.2): it ends a command.
 *
 * @param kind the kind
 * @param line the line as the modem sent it
 * @param code the error number of {@code +CME ERROR} / {@code +CMS ERROR}, when numeric
 * @since 1.0
 */
public record FinalResult(Kind kind, String line, OptionalInt code) {

    /** The kinds of final result. */
    public enum Kind {
        /** {@code OK} */
        OK,
        /** {@code ERROR} */
        ERROR,
        /** {@code +CME ERROR: <n>} (mobile equipment error, 27.007 9.2) */
        CME_ERROR,
        /** {@code +CMS ERROR: <n>} (message service error, 27.005 3.2.5) */
        CMS_ERROR,
        /** {@code NO CARRIER} */
        NO_CARRIER,
        /** {@code BUSY} */
        BUSY,
        /** {@code NO ANSWER} */
        NO_ANSWER,
        /** {@code NO DIALTONE} */
        NO_DIALTONE,
        /** {@code CONNECT} (with an optional text) */
        CONNECT
    }

    /** @throws NullPointerException when a part is null */
    public FinalResult {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(code, "code");
    }

    /**
     * @param line a line from the modem
     * @return its final result, when it is one
     */
    public static Optional<FinalResult> parse(String line) {
        switch (line) {
            case "OK":
                return Optional.of(new FinalResult(Kind.OK, line, OptionalInt.empty()));
            case "ERROR":
                return Optional.of(new FinalResult(Kind.ERROR, line, OptionalInt.empty()));
            case "NO CARRIER":
                return Optional.of(new FinalResult(Kind.NO_CARRIER, line, OptionalInt.empty()));
            case "BUSY":
                return Optional.of(new FinalResult(Kind.BUSY, line, OptionalInt.empty()));
            case "NO ANSWER":
                return Optional.of(new FinalResult(Kind.NO_ANSWER, line, OptionalInt.empty()));
            case "NO DIALTONE":
                return Optional.of(new FinalResult(Kind.NO_DIALTONE, line, OptionalInt.empty()));
            default:
                break;
        }
        if (line.equals("CONNECT") || line.startsWith("CONNECT ")) {
            return Optional.of(new FinalResult(Kind.CONNECT, line, OptionalInt.empty()));
        }
        if (line.startsWith("+CME ERROR:")) {
            return Optional.of(new FinalResult(Kind.CME_ERROR, line, number(line.substring(11))));
        }
        if (line.startsWith("+CMS ERROR:")) {
            return Optional.of(new FinalResult(Kind.CMS_ERROR, line, number(line.substring(11))));
        }
        return Optional.empty();
    }

    private static OptionalInt number(String text) {
        String trimmed = text.trim();
        if (trimmed.isEmpty() || trimmed.length() > 6 || !trimmed.chars().allMatch(Character::isDigit)) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Integer.parseInt(trimmed));
    }
}
