package org.redoubt.policy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

import org.redoubt.crypto.api.Suite;
import org.redoubt.crypto.documents.ReasonCode;
import org.redoubt.json.JsonArray;
import org.redoubt.json.JsonException;
import org.redoubt.json.JsonObject;

/**
 * Reads a policy document's body strictly: a member the schema does not know is
 * {@code UNKNOWN_FIELD}, a missing member, a wrong type or a value out of range is
 * {@code MALFORMED_DOCUMENT}, each with the member's path. Nothing is guessed or defaulted but
 * what a field's absence means (not managed). Stateless.
 *
 * @since 1.0
 */
public final class PolicyReader {

    /** The shortest and longest PIN a policy may ask for. */
    public static final int MIN_PIN = 4;
    /** The longest PIN the handset takes. */
    public static final int MAX_PIN = 16;
    private static final int MAX_WIPE_AFTER = 100;
    private static final Duration MIN_LOCK = Duration.ofSeconds(15);
    private static final Duration MAX_LOCK = Duration.ofHours(1);
    private static final Duration MIN_REPORT = Duration.ofMinutes(1);
    private static final Duration MAX_REPORT = Duration.ofDays(1);
    private static final int MAX_PATTERNS = 256;
    private static final int MAX_SSIDS = 64;
    private static final int MAX_CAS = 8;
    private static final int MAX_CA_CHARS = 16 * 1024;
    private static final int MAX_BUNDLES = 256;
    private static final Pattern NUMBER_PATTERN = Pattern.compile("[0-9+#*?]{1,32}");
    private static final Pattern SYMBOLIC_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
    private static final Pattern KEY_ID = Pattern.compile("[0-9a-f]{64}");

    private PolicyReader() {
    }

    /**
     * @param body the verified document's {@code body}
     * @return the policy it states
     * @throws PolicyException {@code UNKNOWN_FIELD} or {@code MALFORMED_DOCUMENT}, with the path
     */
    public static Policy read(JsonObject body) throws PolicyException {
        try {
            body.requireOnly(Set.of("radios", "wifi", "password", "lock", "calls", "sms", "dataRoaming", "crypto",
                    "trust", "bundles", "reporting", "onStale"));
            return new Policy(radios(body), wifi(body), password(body), lock(body),
                    numberRule(body, "calls", "outgoing"), numberRule(body, "calls", "incoming"),
                    numberRule(body, "sms", "outgoing"), numberRule(body, "sms", "incoming"), body.optionalBoolean(
                            "dataRoaming"), suite(body), brokerCa(body), bundles(body), reporting(body),
                    optionalEnum(body, "onStale", Policy.OnStale.class));
        } catch (JsonException e) {
            throw translate(e);
        }
    }

    private static Map<Radio, Policy.Permission> radios(JsonObject body) throws JsonException {
        Optional<JsonObject> radios = body.optionalObject("radios");
        Map<Radio, Policy.Permission> permissions = new EnumMap<>(Radio.class);
        if (radios.isEmpty()) {
            return permissions;
        }
        radios.get().requireOnly(Set.of("bluetooth", "wifi", "nfc", "usbData"));
        for (Radio radio : Radio.values()) {
            optionalEnum(radios.get(), radio.field(), Policy.Permission.class).ifPresent(p -> permissions.put(radio, p));
        }
        return permissions;
    }

    private static Optional<Policy.Wifi> wifi(JsonObject body) throws JsonException {
        Optional<JsonObject> wifi = body.optionalObject("wifi");
        if (wifi.isEmpty()) {
            return Optional.empty();
        }
        wifi.get().requireOnly(Set.of("ssidAllowlist", "minSecurity"));
        List<String> ssids = strings(wifi.get(), "ssidAllowlist", MAX_SSIDS);
        for (String ssid : ssids) {
            if (ssid.isEmpty() || ssid.getBytes(StandardCharsets.UTF_8).length > 32) {
                throw wifi.get().invalid("ssidAllowlist", "an SSID is 1..32 octets");
            }
        }
        return Optional.of(new Policy.Wifi(ssids, requireEnum(wifi.get(), "minSecurity", Policy.WifiSecurity.class)));
    }

    private static Optional<Policy.Password> password(JsonObject body) throws JsonException {
        Optional<JsonObject> password = body.optionalObject("password");
        if (password.isEmpty()) {
            return Optional.empty();
        }
        JsonObject rules = password.get().requireOnly(Set.of("minLength", "quality", "maxFailedForWipe"));
        OptionalInt minLength = rules.optionalInt("minLength");
        if (minLength.isPresent() && (minLength.getAsInt() < MIN_PIN || minLength.getAsInt() > MAX_PIN)) {
            throw rules.invalid("minLength", "a PIN is " + MIN_PIN + ".." + MAX_PIN + " long");
        }
        OptionalInt wipe = rules.optionalInt("maxFailedForWipe");
        if (wipe.isPresent() && (wipe.getAsInt() < 0 || wipe.getAsInt() > MAX_WIPE_AFTER)) {
            throw rules.invalid("maxFailedForWipe", "0 (never) to " + MAX_WIPE_AFTER);
        }
        return Optional.of(new Policy.Password(minLength, optionalEnum(rules, "quality", Policy.Quality.class), wipe));
    }

    private static Optional<Duration> lock(JsonObject body) throws JsonException {
        Optional<JsonObject> lock = body.optionalObject("lock");
        if (lock.isEmpty()) {
            return Optional.empty();
        }
        lock.get().requireOnly(Set.of("maxInactivity"));
        return Optional.of(duration(lock.get(), "maxInactivity", MIN_LOCK, MAX_LOCK));
    }

    private static Optional<NumberRule> numberRule(JsonObject body, String service, String direction)
            throws JsonException {
        Optional<JsonObject> rules = body.optionalObject(service);
        if (rules.isEmpty()) {
            return Optional.empty();
        }
        rules.get().requireOnly(Set.of("outgoing", "incoming"));
        Optional<JsonObject> rule = rules.get().optionalObject(direction);
        if (rule.isEmpty()) {
            return Optional.empty();
        }
        rule.get().requireOnly(Set.of("mode", "patterns"));
        NumberRule.Mode mode = requireEnum(rule.get(), "mode", NumberRule.Mode.class);
        List<String> patterns = strings(rule.get(), "patterns", MAX_PATTERNS);
        for (String pattern : patterns) {
            if (!NUMBER_PATTERN.matcher(pattern).matches()) {
                throw rule.get().invalid("patterns", "a pattern is 1..32 of 0-9 + # * ?");
            }
        }
        if ((mode == NumberRule.Mode.ALLOW_ALL) != patterns.isEmpty()) {
            throw rule.get().invalid("patterns", mode == NumberRule.Mode.ALLOW_ALL ? "ALLOW_ALL takes no patterns"
                    : mode + " needs patterns");
        }
        return Optional.of(new NumberRule(mode, patterns));
    }

    private static Optional<Suite> suite(JsonObject body) throws JsonException {
        Optional<JsonObject> crypto = body.optionalObject("crypto");
        if (crypto.isEmpty()) {
            return Optional.empty();
        }
        crypto.get().requireOnly(Set.of("suite"));
        return Optional.of(requireEnum(crypto.get(), "suite", Suite.class));
    }

    private static List<String> brokerCa(JsonObject body) throws JsonException {
        Optional<JsonObject> trust = body.optionalObject("trust");
        if (trust.isEmpty()) {
            return List.of();
        }
        trust.get().requireOnly(Set.of("brokerCa"));
        List<String> pems = strings(trust.get(), "brokerCa", MAX_CAS);
        if (pems.isEmpty()) {
            throw trust.get().invalid("brokerCa", "at least one certificate: a handset must trust some broker");
        }
        for (String pem : pems) {
            if (pem.length() > MAX_CA_CHARS || !isCertificate(pem)) {
                throw trust.get().invalid("brokerCa", "each is one PEM X.509 certificate");
            }
        }
        return pems;
    }

    private static boolean isCertificate(String pem) {
        if (!pem.strip().startsWith("-----BEGIN CERTIFICATE-----")) {
            return false;
        }
        try {
            return CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))).size() == 1;
        } catch (CertificateException e) {
            return false;
        }
    }

    private static List<Policy.BundleGrant> bundles(JsonObject body) throws JsonException {
        Optional<JsonObject> bundles = body.optionalObject("bundles");
        if (bundles.isEmpty()) {
            return List.of();
        }
        bundles.get().requireOnly(Set.of("allow"));
        JsonArray allow = bundles.get().requireArray("allow");
        if (allow.isEmpty() || allow.size() > MAX_BUNDLES) {
            throw bundles.get().invalid("allow", "1.." + MAX_BUNDLES + " bundles");
        }
        List<Policy.BundleGrant> grants = new ArrayList<>();
        for (int i = 0; i < allow.size(); i++) {
            JsonObject grant = allow.requireObject(i).requireOnly(Set.of("bsn", "signerKeyId"));
            String name = grant.requireString("bsn");
            String keyId = grant.requireString("signerKeyId");
            if (!SYMBOLIC_NAME.matcher(name).matches()) {
                throw grant.invalid("bsn", "not a bundle symbolic name");
            }
            if (!KEY_ID.matcher(keyId).matches()) {
                throw grant.invalid("signerKeyId", "a key id is 64 lower-case hex digits");
            }
            grants.add(new Policy.BundleGrant(name, keyId));
        }
        return grants;
    }

    private static Optional<Policy.Reporting> reporting(JsonObject body) throws JsonException {
        Optional<JsonObject> reporting = body.optionalObject("reporting");
        if (reporting.isEmpty()) {
            return Optional.empty();
        }
        reporting.get().requireOnly(Set.of("interval", "fields"));
        Duration interval = duration(reporting.get(), "interval", MIN_REPORT, MAX_REPORT);
        Set<Policy.ReportField> fields = EnumSet.noneOf(Policy.ReportField.class);
        for (String field : strings(reporting.get(), "fields", Policy.ReportField.values().length)) {
            fields.add(parseEnum(reporting.get(), "fields", field, Policy.ReportField.class));
        }
        return Optional.of(new Policy.Reporting(interval, fields));
    }

    private static Duration duration(JsonObject object, String name, Duration min, Duration max) throws JsonException {
        String text = object.requireString(name);
        Duration duration;
        try {
            duration = Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw object.invalid(name, "an ISO-8601 duration such as PT5M");
        }
        if (duration.compareTo(min) < 0 || duration.compareTo(max) > 0) {
            throw object.invalid(name, "from " + min + " to " + max);
        }
        return duration;
    }

    private static List<String> strings(JsonObject object, String name, int max) throws JsonException {
        JsonArray array = object.requireArray(name);
        if (array.size() > max) {
            throw object.invalid(name, "at most " + max);
        }
        List<String> strings = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            strings.add(array.requireString(i));
        }
        return strings;
    }

    private static <E extends Enum<E>> E requireEnum(JsonObject object, String name, Class<E> type)
            throws JsonException {
        return parseEnum(object, name, object.requireString(name), type);
    }

    private static <E extends Enum<E>> Optional<E> optionalEnum(JsonObject object, String name, Class<E> type)
            throws JsonException {
        Optional<String> text = object.optionalString(name);
        return text.isEmpty() ? Optional.empty() : Optional.of(parseEnum(object, name, text.get(), type));
    }

    private static <E extends Enum<E>> E parseEnum(JsonObject object, String name, String text, Class<E> type)
            throws JsonException {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(text)) {
                return constant;
            }
        }
        throw object.invalid(name, "one of " + java.util.Arrays.toString(type.getEnumConstants()).toUpperCase(Locale.ROOT));
    }

    static PolicyException translate(JsonException e) {
        ReasonCode reason = e.reason() == JsonException.Reason.UNKNOWN_MEMBER ? ReasonCode.UNKNOWN_FIELD
                : ReasonCode.MALFORMED_DOCUMENT;
        return new PolicyException(reason, e.path().orElse("$"), e.getMessage(), e);
    }
}
