package org.redoubt.driver.hardware.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.redoubt.json.JsonBoolean;
import org.redoubt.json.JsonException;
import org.redoubt.json.JsonLimits;
import org.redoubt.json.JsonNumber;
import org.redoubt.json.JsonObject;
import org.redoubt.json.JsonParser;
import org.redoubt.json.JsonString;
import org.redoubt.json.JsonValue;

/**
 * What one hardware model's drivers are configured with: for each driver's configuration PID, its
 * properties (strings, integers, booleans). Only driver PIDs ({@value #DRIVER_PID_PREFIX}...) may
 * appear, so a hardware description cannot reach the crypto, policy or other platform settings.
 *
 * @param model          the hardware model, as the device record names it
 * @param configurations per PID, its properties, in file order
 */
record HardwareDescription(String model, Map<String, Map<String, Object>> configurations) {

    /** The prefix every PID in a description must have. */
    static final String DRIVER_PID_PREFIX = "org.redoubt.driver.";
    /** What a model name may look like (it becomes a file name). */
    static final Pattern MODEL = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern PID = Pattern.compile("[a-z0-9]+(\\.[a-z0-9-]+)+");
    private static final Pattern PROPERTY = Pattern.compile("[A-Za-z][A-Za-z0-9.]{0,63}");
    private static final JsonLimits LIMITS = JsonLimits.DEFAULT.withMaxBytes(64 * 1024).withMaxDepth(4);

    HardwareDescription {
        configurations = Collections.unmodifiableMap(new LinkedHashMap<>(configurations));
    }

    /**
     * @param json     the description file
     * @param expected the model it must describe (the file is named after it)
     * @return the description
     * @throws JsonException when it is not a valid description of that model; the message names the
     *                       offending member
     */
    static HardwareDescription parse(byte[] json, String expected) throws JsonException {
        JsonObject root = JsonParser.parseObject(json, LIMITS).requireOnly(Set.of("model", "description", "configurations"));
        String model = root.requireString("model");
        if (!model.equals(expected)) {
            throw root.invalid("model", "describes '" + model + "', expected '" + expected + "'");
        }
        root.optionalString("description");
        JsonObject pids = root.requireObject("configurations");
        Map<String, Map<String, Object>> configurations = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> entry : pids.members().entrySet()) {
            String pid = entry.getKey();
            if (!PID.matcher(pid).matches() || !pid.startsWith(DRIVER_PID_PREFIX)) {
                throw pids.invalid(pid, "is not a driver configuration PID (" + DRIVER_PID_PREFIX + "...)");
            }
            JsonObject properties = pids.requireObject(pid);
            Map<String, Object> values = new LinkedHashMap<>();
            for (Map.Entry<String, JsonValue> property : properties.members().entrySet()) {
                if (!PROPERTY.matcher(property.getKey()).matches()) {
                    throw properties.invalid(property.getKey(), "is not a property name");
                }
                values.put(property.getKey(), value(properties, property.getKey(), property.getValue()));
            }
            configurations.put(pid, values);
        }
        return new HardwareDescription(model, configurations);
    }

    private static Object value(JsonObject owner, String name, JsonValue value) throws JsonException {
        if (value instanceof JsonString string) {
            return string.value();
        }
        if (value instanceof JsonBoolean bool) {
            return bool.value();
        }
        if (value instanceof JsonNumber number) {
            long exact = number.longValueExact();
            if (exact == (int) exact) {
                return Integer.valueOf((int) exact); // not a ?: expression: that would widen to Long
            }
            return Long.valueOf(exact);
        }
        throw owner.invalid(name, "must be a string, an integer or a boolean");
    }
}
