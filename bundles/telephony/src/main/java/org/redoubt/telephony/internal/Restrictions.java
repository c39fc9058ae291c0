package org.redoubt.telephony.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Which numbers calls and SMS may go to or come from, and the emergency numbers that always go
 * out (policy {@code calls.outgoing}, {@code calls.incoming}, {@code sms.outgoing},
 * {@code sms.incoming}, and {@code onStale = RESTRICT} as emergency-only). A pattern is a number
 * with {@code *} for any digits and {@code ?} for one (e.g. {@code +4930*}). Each direction has a
 * {@link Mode}; emergency-only refuses every outgoing call but the emergency numbers and every
 * outgoing SMS, and leaves what comes in alone. An emergency number is always dialed, whatever the
 * mode. Thread-safe: a new configuration replaces the whole set at once ({@link #update}).
 */
final class Restrictions {

    /** The directions a rule applies to. */
    enum Direction {
        OUTGOING_CALL, INCOMING_CALL, OUTGOING_SMS, INCOMING_SMS
    }

    /** How a direction's patterns are read. */
    enum Mode {
        /** Configured as {@code ""}: the allow-list when it is not empty, and the deny-list always. */
        DEFAULT,
        /** Everything passes; the patterns are not used. */
        ALLOW_ALL,
        /** Only numbers on the allow-list pass, none when it is empty; the deny-list still wins. */
        ALLOWLIST,
        /** Everything but the deny-list passes; the allow-list is not used. */
        DENYLIST;

        /**
         * @param configured a mode as configured ({@code ""} or null for {@link #DEFAULT}, case ignored)
         * @param errors     told about a name that is no mode, which is read as {@link #ALLOWLIST}
         *                   (fail closed: only what is named passes)
         * @return the mode
         */
        static Mode of(String configured, Consumer<String> errors) {
            String name = configured == null ? "" : configured.strip().toUpperCase(Locale.ROOT);
            if (name.isEmpty()) {
                return DEFAULT;
            }
            for (Mode mode : values()) {
                if (mode != DEFAULT && mode.name().equals(name)) {
                    return mode;
                }
            }
            errors.accept("'" + configured + "' is no mode (ALLOW_ALL, ALLOWLIST, DENYLIST or empty); read as ALLOWLIST");
            return ALLOWLIST;
        }
    }

    /** One direction's rule. */
    record Rule(Mode mode, List<Pattern> allow, List<Pattern> deny) {
        static final Rule OPEN = new Rule(List.of(), List.of());

        Rule {
            Objects.requireNonNull(mode, "mode");
            allow = List.copyOf(allow);
            deny = List.copyOf(deny);
        }

        /** A rule as before modes: the allow-list when not empty, the deny-list always. */
        Rule(List<Pattern> allow, List<Pattern> deny) {
            this(Mode.DEFAULT, allow, deny);
        }

        boolean permits(String number) {
            return switch (mode) {
                case ALLOW_ALL -> true;
                case DENYLIST -> !matches(deny, number);
                case ALLOWLIST -> matches(allow, number) && !matches(deny, number);
                case DEFAULT -> !matches(deny, number) && (allow.isEmpty() || matches(allow, number));
            };
        }

        private static boolean matches(List<Pattern> patterns, String number) {
            return patterns.stream().anyMatch(p -> p.matcher(number).matches());
        }
    }

    /**
     * Everything the restrictions hold, replaced as one.
     *
     * @param emergencyNumbers always dialable
     * @param rules            per direction; a missing one is open
     * @param emergencyOnly    whether only emergency numbers may be dialed and no SMS sent
     */
    record Settings(Set<String> emergencyNumbers, Map<Direction, Rule> rules, boolean emergencyOnly) {
        Settings {
            emergencyNumbers = Set.copyOf(emergencyNumbers);
            rules = Map.copyOf(rules);
        }
    }

    private volatile Settings settings;

    /**
     * @param emergencyNumbers always dialable
     * @param rules            per direction; a missing one is open
     */
    Restrictions(Set<String> emergencyNumbers, Map<Direction, Rule> rules) {
        this(new Settings(emergencyNumbers, rules, false));
    }

    /** @param settings what holds from now on */
    Restrictions(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** @param next what holds from now on, for every call and SMS that is checked after this returns */
    void update(Settings next) {
        this.settings = Objects.requireNonNull(next, "next");
    }

    /** @return whether {@code number} is an emergency number */
    boolean isEmergency(String number) {
        return settings.emergencyNumbers().contains(number);
    }

    /** @return whether {@code number} passes in {@code direction} (emergency calls always do) */
    boolean permits(Direction direction, String number) {
        Settings now = settings;
        if (direction == Direction.OUTGOING_CALL && now.emergencyNumbers().contains(number)) {
            return true;
        }
        if (now.emergencyOnly() && (direction == Direction.OUTGOING_CALL || direction == Direction.OUTGOING_SMS)) {
            return false;
        }
        return now.rules().getOrDefault(direction, Rule.OPEN).permits(number);
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
        return Arrays.stream(patterns).map(String::strip).filter(p -> !p.isEmpty()).map(p -> {
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
