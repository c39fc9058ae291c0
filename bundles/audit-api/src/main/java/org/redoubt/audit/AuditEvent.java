package org.redoubt.audit;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One event to record. Immutable; build it with {@link #of} and {@link #with}.
 *
 * @param kind    what happened
 * @param reason  the reason code of a refusal or failure (upper case, digits and {@code _}), or
 *                empty
 * @param details up to {@value #MAX_DETAILS} facts, each key {@code [a-z][A-Za-z0-9]{0,31}} and each
 *                value 0..{@value #MAX_VALUE_LENGTH} printable ASCII characters; sorted by key
 * @since 1.0
 */
public record AuditEvent(AuditKind kind, String reason, Map<String, String> details) {

    /** The most details an event carries. */
    public static final int MAX_DETAILS = 16;
    /** The longest detail value. */
    public static final int MAX_VALUE_LENGTH = 256;

    private static final Pattern REASON = Pattern.compile("[A-Z0-9_]{0,64}");
    private static final Pattern KEY = Pattern.compile("[a-z][A-Za-z0-9]{0,31}");
    private static final Pattern VALUE = Pattern.compile("[\\x20-\\x7e]{0," + MAX_VALUE_LENGTH + "}");

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException when the reason, a key or a value is outside its form
     */
    public AuditEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
        if (!REASON.matcher(reason).matches()) {
            throw new IllegalArgumentException("a reason code is 0..64 of A-Z 0-9 _, got '" + reason + "'");
        }
        Objects.requireNonNull(details, "details");
        if (details.size() > MAX_DETAILS) {
            throw new IllegalArgumentException("an event carries at most " + MAX_DETAILS + " details");
        }
        TreeMap<String, String> sorted = new TreeMap<>();
        details.forEach((key, value) -> {
            if (key == null || !KEY.matcher(key).matches()) {
                throw new IllegalArgumentException("a detail key is [a-z][A-Za-z0-9]{0,31}, got '" + key + "'");
            }
            if (value == null || !VALUE.matcher(value).matches()) {
                throw new IllegalArgumentException("detail " + key + " is not 0.." + MAX_VALUE_LENGTH
                        + " printable ASCII characters");
            }
            sorted.put(key, value);
        });
        details = java.util.Collections.unmodifiableSortedMap(sorted);
    }

    /**
     * @param kind what happened
     * @return an event without reason or details
     */
    public static AuditEvent of(AuditKind kind) {
        return new AuditEvent(kind, "", Map.of());
    }

    /**
     * @param kind   what was refused or failed
     * @param reason its reason code
     * @return an event with that reason
     */
    public static AuditEvent refused(AuditKind kind, String reason) {
        return new AuditEvent(kind, reason, Map.of());
    }

    /**
     * @param key   a detail key
     * @param value its value (a value longer than {@value #MAX_VALUE_LENGTH} characters is cut
     *              there; characters outside printable ASCII become {@code ?})
     * @return this event with the detail added or replaced
     */
    public AuditEvent with(String key, String value) {
        Map<String, String> next = new TreeMap<>(details);
        String clean = Objects.requireNonNull(value, "value").codePoints()
                .map(c -> c >= 0x20 && c <= 0x7e ? c : '?')
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        next.put(key, clean.length() > MAX_VALUE_LENGTH ? clean.substring(0, MAX_VALUE_LENGTH) : clean);
        return new AuditEvent(kind, reason, next);
    }
}
