package org.redoubt.driver.keypad.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.Optional;

import org.redoubt.driver.keypad.Key;
import org.redoubt.driver.keypad.KeyEvent;
import org.redoubt.driver.keypad.KeyEvent.Action;

/**
 * Decodes Linux {@code struct input_event} records as a 64-bit handset kernel writes them to
 * {@code /dev/input/event<n>}: {@code struct timeval} (two 64-bit fields), {@code __u16 type},
 * {@code __u16 code}, {@code __s32 value}, little-endian, 24 bytes. Only {@code EV_KEY} events of
 * known key codes become {@link KeyEvent}s; everything else (EV_SYN, EV_MSC, unknown keys,
 * out-of-range values) is skipped.
 */
final class EvdevDecoder {

    /** One record's size. */
    static final int RECORD = 24;
    private static final int EV_KEY = 1;

    /** Linux input-event-codes.h codes of the handset's keys (phone keypads use the NUMERIC_ ones). */
    private static final Map<Integer, Key> CODES = Map.ofEntries(
            Map.entry(11, Key.DIGIT_0), Map.entry(2, Key.DIGIT_1), Map.entry(3, Key.DIGIT_2), Map.entry(4, Key.DIGIT_3),
            Map.entry(5, Key.DIGIT_4), Map.entry(6, Key.DIGIT_5), Map.entry(7, Key.DIGIT_6), Map.entry(8, Key.DIGIT_7),
            Map.entry(9, Key.DIGIT_8), Map.entry(10, Key.DIGIT_9),
            Map.entry(0x200, Key.DIGIT_0), Map.entry(0x201, Key.DIGIT_1), Map.entry(0x202, Key.DIGIT_2),
            Map.entry(0x203, Key.DIGIT_3), Map.entry(0x204, Key.DIGIT_4), Map.entry(0x205, Key.DIGIT_5),
            Map.entry(0x206, Key.DIGIT_6), Map.entry(0x207, Key.DIGIT_7), Map.entry(0x208, Key.DIGIT_8),
            Map.entry(0x209, Key.DIGIT_9), Map.entry(0x20a, Key.STAR), Map.entry(0x20b, Key.POUND),
            Map.entry(103, Key.UP), Map.entry(108, Key.DOWN), Map.entry(105, Key.LEFT), Map.entry(106, Key.RIGHT),
            Map.entry(352, Key.OK), Map.entry(28, Key.OK), Map.entry(139, Key.SOFT_LEFT), Map.entry(158, Key.SOFT_RIGHT),
            Map.entry(231, Key.CALL), Map.entry(107, Key.END), Map.entry(116, Key.POWER));

    private EvdevDecoder() {
    }

    /**
     * @param record exactly {@value #RECORD} bytes
     * @return the key event it holds, if any
     */
    static Optional<KeyEvent> decode(byte[] record) {
        if (record.length != RECORD) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(record).order(ByteOrder.LITTLE_ENDIAN);
        long seconds = buffer.getLong(0);
        long micros = buffer.getLong(8);
        int type = Short.toUnsignedInt(buffer.getShort(16));
        int code = Short.toUnsignedInt(buffer.getShort(18));
        int value = buffer.getInt(20);
        Key key = CODES.get(code);
        if (type != EV_KEY || key == null || value < 0 || value > 2 || micros < 0 || micros >= 1_000_000) {
            return Optional.empty();
        }
        Action action = value == 0 ? Action.RELEASED : value == 1 ? Action.PRESSED : Action.REPEATED;
        return Optional.of(new KeyEvent(key, action, seconds * 1_000_000_000L + micros * 1_000L));
    }
}
