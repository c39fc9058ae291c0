package org.redoubt.driver.modem.internal;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.redoubt.driver.modem.FinalResult;

/**
 * Decides what a line from the modem is, given the command that is waiting for its answer.
 *
 * <p>27.007 lets some results appear both as the answer to a command and on their own
 * ({@code +CREG: ...} answers {@code AT+CREG?} and also reports a registration change). A line
 * that starts with the pending command's own prefix is information; a line with a known
 * unsolicited prefix is unsolicited; any other line is information while a command waits, and
 * unsolicited when none does (including {@code NO CARRIER} after a call ends).
 *
 * <p>{@code NO CARRIER}, {@code BUSY}, {@code NO ANSWER} and {@code NO DIALTONE} are final results
 * only of the call commands ({@code D}, {@code A}, {@code O}; V.250 6.3). While any other command
 * waits they are a call ending: taking one as, say, {@code AT+CLCC}'s answer would pair every later
 * command with the answer of the one before it.
 */
final class LineClassifier {

    /** What a line is. */
    enum Kind {
        /** Part of the pending command's answer. */
        INFORMATION,
        /** The pending command's final result. */
        FINAL,
        /** Sent by the modem on its own. */
        UNSOLICITED,
        /** The modem repeating the command (echo on). */
        ECHO,
        /** A command's final result with no command waiting: the late answer to one that timed out. */
        STALE
    }

    /** Unsolicited results (27.007, 27.005 and common vendor ones) whose meaning is known. */
    private static final Set<String> UNSOLICITED = Set.of("RING", "+CRING", "+CLIP", "+CCWA", "+CMTI", "+CMT", "+CDS",
            "+CDSI", "+CBM", "+CREG", "+CGREG", "+CEREG", "+CUSD", "+CTZV", "+CTZE", "+CIEV", "+CSSU", "+CSSI",
            "+CPIN", "+CLCC");
    /** Unsolicited results followed by a second line (an SMS PDU). */
    private static final Set<String> WITH_PAYLOAD = Set.of("+CMT", "+CDS", "+CBM");

    private LineClassifier() {
    }

    /**
     * @param line    a line from the modem
     * @param pending the command waiting for its answer, if any
     * @return what it is
     */
    static Kind classify(String line, Optional<String> pending) {
        if (pending.isEmpty()) {
            return FinalResult.parse(line).map(LineClassifier::staleOrCallEnd).orElse(Kind.UNSOLICITED);
        }
        String command = pending.get();
        if (line.equalsIgnoreCase(command)) {
            return Kind.ECHO;
        }
        Optional<FinalResult> result = FinalResult.parse(line);
        if (result.isPresent()) {
            return isCallProgress(result.get()) && !isCallCommand(command) ? Kind.UNSOLICITED : Kind.FINAL;
        }
        String name = name(line);
        if (name.equalsIgnoreCase(responsePrefix(command))) {
            return Kind.INFORMATION;
        }
        return UNSOLICITED.contains(name) ? Kind.UNSOLICITED : Kind.INFORMATION;
    }

    /** NO CARRIER, BUSY, NO ANSWER without a command are the network ending a call. */
    private static Kind staleOrCallEnd(FinalResult result) {
        return isCallProgress(result) ? Kind.UNSOLICITED : Kind.STALE;
    }

    private static boolean isCallProgress(FinalResult result) {
        return switch (result.kind()) {
            case NO_CARRIER, BUSY, NO_ANSWER, NO_DIALTONE -> true;
            default -> false;
        };
    }

    /** @return whether the command sets up or resumes a call: ATD..., ATA, ATO */
    private static boolean isCallCommand(String command) {
        String upper = command.toUpperCase(Locale.ROOT);
        return upper.startsWith("ATD") || upper.equals("ATA") || upper.startsWith("ATO");
    }

    /**
     * @param line an unsolicited line
     * @return whether a payload line follows it
     */
    static boolean hasPayload(String line) {
        return WITH_PAYLOAD.contains(name(line));
    }

    /** @return {@code +CREG} for {@code AT+CREG?}, {@code AT+CREG=2} or {@code AT+CREG}; empty otherwise */
    static String responsePrefix(String command) {
        String upper = command.toUpperCase(Locale.ROOT);
        if (!upper.startsWith("AT+")) {
            return "";
        }
        int end = 3;
        while (end < upper.length() && Character.isLetterOrDigit(upper.charAt(end))) {
            end++;
        }
        return upper.substring(2, end);
    }

    private static String name(String line) {
        int colon = line.indexOf(':');
        return colon < 0 ? line : line.substring(0, colon);
    }
}
