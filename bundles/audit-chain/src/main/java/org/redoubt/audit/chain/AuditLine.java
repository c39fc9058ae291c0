package org.redoubt.audit.chain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.redoubt.crypto.api.HashAlgorithm;
import org.redoubt.json.JsonException;
import org.redoubt.json.JsonLimits;
import org.redoubt.json.JsonObject;
import org.redoubt.json.JsonParser;
import org.redoubt.json.JsonString;
import org.redoubt.json.JsonValue;
import org.redoubt.json.JsonWriter;

/**
 * One entry of the log as its exact line (without the final {@code \n}):
 *
 * <pre>{"seq":7,"time":"2026-12-03T00:48:19.123Z","kind":"BOOT","reason":"","details":{"release":"3"},"alg":"sha256","prev":"<hex>"}</pre>
 *
 * Members in exactly this order, compact, details sorted by key, time in UTC with milliseconds,
 * {@code prev} in lower-case hex. A line is accepted only when writing what was read gives the
 * same bytes again. Immutable.
 *
 * @param sequence the entry's place in the chain, from 1
 * @param time     when it was appended (milliseconds)
 * @param kind     what happened: {@code [A-Z][A-Z0-9_]{0,47}} (a name of {@code AuditKind}; a
 *                 reader shows names it does not know as they are)
 * @param reason   a reason code ({@code [A-Z0-9_]{0,64}}) or empty
 * @param details  up to 16 facts, keys {@code [a-z][A-Za-z0-9]{0,31}}, values 0..256 printable ASCII;
 *                 the key {@value #SIGNATURE} only in a checkpoint
 * @param alg      the hash of {@code prev}
 * @param prev     the hash of the line before, or {@link #GENESIS}
 * @since 1.0
 */
public record AuditLine(long sequence, Instant time, String kind, String reason, SortedMap<String, String> details,
        HashAlgorithm alg, String prev) {

    /** The {@code prev} of the first line: 64 zeros. */
    public static final String GENESIS = "0".repeat(64);
    /** The kind of a line signed by the device key. */
    public static final String CHECKPOINT = "CHECKPOINT";
    /** The detail holding a checkpoint's signature; no other entry has a detail of that name. */
    public static final String SIGNATURE = "sig";
    /** The longest line a log holds, in bytes. */
    public static final int MAX_LENGTH = 8192;

    private static final List<String> MEMBERS = List.of("seq", "time", "kind", "reason", "details", "alg", "prev");
    private static final Pattern KIND = Pattern.compile("[A-Z][A-Z0-9_]{0,47}");
    private static final Pattern REASON = Pattern.compile("[A-Z0-9_]{0,64}");
    private static final Pattern KEY = Pattern.compile("[a-z][A-Za-z0-9]{0,31}");
    private static final Pattern VALUE = Pattern.compile("[\\x20-\\x7e]{0,256}");
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final JsonLimits LIMITS = JsonLimits.DEFAULT.withMaxBytes(MAX_LENGTH).withMaxDepth(2)
            .withMaxStringLength(512).withMaxMembers(16);

    /**
     * Checks every part and copies the details.
     *
     * @throws IllegalArgumentException when a part is outside its form
     */
    public AuditLine {
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence numbers start at 1, got " + sequence);
        }
        time = Objects.requireNonNull(time, "time").truncatedTo(ChronoUnit.MILLIS);
        if (time.getEpochSecond() < 0 || time.getEpochSecond() > 253402300799L) {
            throw new IllegalArgumentException("time outside years 1970..9999: " + time);
        }
        require(KIND, kind, "kind");
        require(REASON, reason, "reason");
        Objects.requireNonNull(details, "details");
        if (details.size() > 16) {
            throw new IllegalArgumentException("at most 16 details, got " + details.size());
        }
        TreeMap<String, String> copy = new TreeMap<>();
        details.forEach((key, value) -> {
            require(KEY, key, "detail key");
            require(VALUE, value, "detail " + key);
            copy.put(key, value);
        });
        if (copy.containsKey(SIGNATURE) && !CHECKPOINT.equals(kind)) {
            // Reserved, so that a checkpoint whose kind was changed cannot pass as an unsigned entry.
            throw new IllegalArgumentException("only a checkpoint has a detail named " + SIGNATURE);
        }
        details = Collections.unmodifiableSortedMap(copy);
        Objects.requireNonNull(alg, "alg");
        require(HEX, prev, "prev");
    }

    /**
     * @param sequence the entry's place
     * @param time     when
     * @param kind     what happened
     * @param reason   the reason code or empty
     * @param details  the facts
     * @param alg      the hash of the chain
     * @param prev     the hash of the line before
     * @return the line
     * @throws IllegalArgumentException when a part is outside its form
     */
    public static AuditLine of(long sequence, Instant time, String kind, String reason, Map<String, String> details,
            HashAlgorithm alg, String prev) {
        return new AuditLine(sequence, time, kind, reason, new TreeMap<>(details), alg, prev);
    }

    /** @return whether this is a checkpoint */
    public boolean isCheckpoint() {
        return CHECKPOINT.equals(kind);
    }

    /** @return this line with one detail replaced (or added) */
    public AuditLine withDetail(String key, String value) {
        TreeMap<String, String> next = new TreeMap<>(details);
        next.put(key, value);
        return new AuditLine(sequence, time, kind, reason, next, alg, prev);
    }

    /** @return the canonical bytes of the line, without the final {@code \n} */
    public byte[] bytes() {
        JsonObject.Builder details = JsonObject.builder();
        this.details.forEach(details::put);
        JsonObject line = JsonObject.builder().put("seq", sequence).put("time", TIME.format(time)).put("kind", kind)
                .put("reason", reason).put("details", details.build()).put("alg", alg.id()).put("prev", prev)
                .build();
        return JsonWriter.compact().writeUtf8(line);
    }

    /**
     * @param line the bytes of one line, without its {@code \n}
     * @return the entry
     * @throws MalformedLineException when the bytes are not exactly the canonical form of an entry
     */
    public static AuditLine parse(byte[] line) throws MalformedLineException {
        if (line.length > MAX_LENGTH) {
            throw new MalformedLineException("longer than " + MAX_LENGTH + " bytes");
        }
        AuditLine parsed;
        try {
            JsonObject object = JsonParser.parseObject(line, LIMITS);
            object.requireOnly(Set.copyOf(MEMBERS));
            if (!List.copyOf(object.names()).equals(MEMBERS)) {
                throw new MalformedLineException("members not exactly " + MEMBERS + " in this order");
            }
            JsonObject detailObject = object.requireObject("details");
            TreeMap<String, String> details = new TreeMap<>();
            for (Map.Entry<String, JsonValue> detail : detailObject.members().entrySet()) {
                if (!(detail.getValue() instanceof JsonString value)) {
                    throw new MalformedLineException("detail " + detail.getKey() + " is not a string");
                }
                details.put(detail.getKey(), value.value());
            }
            HashAlgorithm alg = HashAlgorithm.fromId(object.requireString("alg"))
                    .orElseThrow(() -> new MalformedLineException("unknown alg " + quoted(object, "alg")));
            parsed = new AuditLine(object.requireLong("seq"), Instant.parse(object.requireString("time")),
                    object.requireString("kind"), object.requireString("reason"), details, alg,
                    object.requireString("prev"));
        } catch (JsonException | IllegalArgumentException | DateTimeParseException e) {
            throw new MalformedLineException(e.getMessage());
        }
        if (!Arrays.equals(parsed.bytes(), line)) {
            throw new MalformedLineException("not in canonical form");
        }
        return parsed;
    }

    /** @return the line as text */
    @Override
    public String toString() {
        return new String(bytes(), StandardCharsets.UTF_8);
    }

    private static String quoted(JsonObject object, String name) {
        return object.get(name).map(Object::toString).orElse("?");
    }

    private static void require(Pattern pattern, String value, String what) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " is not of the form " + pattern.pattern() + ": '" + value + "'");
        }
    }
}
