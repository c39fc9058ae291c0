package org.redoubt.telephony.internal;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which numbers calls and SMS may go to or come from, and the emergency numbers that always go
 * out. A pattern is a number with {@code *} for any digits and {@code ?} for one (e.g.
 * {@code +4930*}); with an allow-list only matching numbers pass, and the deny-list always wins
 * over it. The policy issue will drive these from signed policies; here they are configuration.
 */
final class Restrictions {

    /** The directions a rule applies to. */
    enum Direction {
        OUTGOING_CALL, INCOMING_CALL, OUTGOING_SMS, INCOMING_SMS
    }

    /** One direction's rule. */
    record Rule(List<Pattern> allow, List<Pattern> deny) {
        static final Rule OPEN = new Rule(List.of(), List.of());

        boolean permits(String number) {
            if (deny.stream().anyMatch(p -> p.matcher(number).matches())) {
                return false;
            }
            return allow.isEmpty() || allow.stream().anyMatch(p -> p.matcher(number).matches());
        }
    }

    private final Set<String> emergencyNumbers;
    private final java.util.Map<Direction, Rule> rules;

    /**
     * @param emergencyNumbers always dialable
     * @param rules            per direction; a missing one is open
     */
    Restrictions(Set<String> emergencyNumbers, java.util.Map<Direction, Rule> rules) {
        this.emergencyNumbers = Set.copyOf(emergencyNumbers);
        this.rules = java.util.Map.copyOf(rules);
    }

    /** @return whether {@code number} is an emergency number */
    boolean isEmergency(String number) {
        return emergencyNumbers.contains(number);
    }

    /** @return whether {@code number} passes in {@code direction} (emergency calls always do) */
    boolean permits(Direction direction, String number) {
        if (direction == Direction.OUTGOING_CALL && isEmergency(number)) {
            return true;
        }
        return rules.getOrDefault(direction, Rule.OPEN).permits(number);
    }

    /**
     * @param patterns patterns as configured
     * @return them compiled; a pattern with other characters than {@code 0-9 + * # ?} is rejected
     * @throws IllegalArgumentException naming the bad pattern
     */
    static List<Pattern> compile(String[] patterns) {
        if (patterns == null) {
            return List.of();
        }
        return java.util.Arrays.stream(patterns).map(String::strip).filter(p -> !p.isEmpty()).map(p -> {
            if (!p.matches("[0-9+#*?]{1,32}")) {
                throw new IllegalArgumentException("not a number pattern: '" + p + "'");
            }
            StringBuilder regex = new StringBuilder();
            for (char c : p.toCharArray()) {
                regex.append(switch (c) {
                    case '*' -> "[0-9+#*]*";
                    case '?' -> "[0-9+#*]";
                    default -> Pattern.quote(String.valueOf(c));
                });
            }
            return Pattern.compile(regex.toString());
        }).toList();
    }
}
