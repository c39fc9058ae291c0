package org.redoubt.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Mutated and random inputs: the parser either returns a value that survives a round trip or
 * throws {@link JsonException}; nothing else ever escapes. Seeds are fixed so failures repeat.
 */
class HostileInputTest {

    private static final JsonLimits LIMITS = new JsonLimits(4096, 8, 64, 32);
    private static final String SEED_DOCUMENT = "{\"release\":\"2026.1\",\"n\":-12.5e+3,\"ok\":[true,false,null],"
            + "\"s\":\"a\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\uD83D\\uDE00\u00e9\",\"o\":{\"x\":[[],{}],\"y\":0}}";
    private static final byte[] ALPHABET = "{}[]\",:\\/-+.0123456789eEtrufalsn u\t\n\r".getBytes(StandardCharsets.US_ASCII);

    @Test
    void mutatedDocumentsOnlyEverFailWithJsonException() {
        Random random = new Random(8259);
        byte[] seed = SEED_DOCUMENT.getBytes(StandardCharsets.UTF_8);
        Set<JsonException.Reason> seen = EnumSet.noneOf(JsonException.Reason.class);
        int accepted = 0;
        for (int round = 0; round < 50_000; round++) {
            byte[] input = mutate(seed, random);
            if (parsesOrRejects(input, seen)) {
                accepted++;
            }
        }
        assertTrue(accepted > 0, "some mutations are still JSON");
        assertTrue(seen.contains(JsonException.Reason.SYNTAX), seen::toString);
        assertTrue(seen.contains(JsonException.Reason.INVALID_UTF8), seen::toString);
    }

    @Test
    void randomTokenSoupOnlyEverFailsWithJsonException() {
        Random random = new Random(2026);
        Set<JsonException.Reason> seen = EnumSet.noneOf(JsonException.Reason.class);
        for (int round = 0; round < 50_000; round++) {
            byte[] input = new byte[random.nextInt(60)];
            for (int i = 0; i < input.length; i++) {
                input[i] = ALPHABET[random.nextInt(ALPHABET.length)];
            }
            parsesOrRejects(input, seen);
        }
        assertTrue(seen.size() >= 3, seen::toString);
    }

    /** @return whether the input was accepted; fails the test on anything but JsonException */
    private static boolean parsesOrRejects(byte[] input, Set<JsonException.Reason> seen) {
        try {
            JsonValue value = JsonParser.parse(input, LIMITS);
            byte[] written = JsonWriter.compact().writeUtf8(value);
            assertEquals(value, JsonParser.parse(written, LIMITS.withMaxBytes(1 << 20)));
            return true;
        } catch (JsonException e) {
            seen.add(e.reason());
            return false;
        } catch (RuntimeException | Error e) {
            fail("unexpected " + e + " for input " + new String(input, StandardCharsets.ISO_8859_1), e);
            return false;
        }
    }

    private static byte[] mutate(byte[] seed, Random random) {
        byte[] out = seed.clone();
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits; i++) {
            int at = random.nextInt(out.length);
            switch (random.nextInt(4)) {
                case 0 -> out[at] = (byte) random.nextInt(256);
                case 1 -> out[at] = ALPHABET[random.nextInt(ALPHABET.length)];
                case 2 -> out = Arrays.copyOf(out, Math.max(1, at));
                default -> {
                    byte[] longer = new byte[out.length + 1];
                    System.arraycopy(out, 0, longer, 0, at);
                    longer[at] = ALPHABET[random.nextInt(ALPHABET.length)];
                    System.arraycopy(out, at, longer, at + 1, out.length - at);
                    out = longer;
                }
            }
        }
        return out;
    }
}
