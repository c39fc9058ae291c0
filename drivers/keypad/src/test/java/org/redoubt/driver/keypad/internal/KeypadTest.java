package org.redoubt.driver.keypad.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.log.Logger;
import org.osgi.util.converter.Converters;
import org.redoubt.driver.keypad.Key;
import org.redoubt.driver.keypad.KeyEvent;
import org.redoubt.driver.keypad.KeyEvent.Action;

/** The evdev backend against a recording of input_event records, and scripted input. */
class KeypadTest {

    private static final Logger QUIET = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(),
            new Class<?>[] {Logger.class}, (proxy, method, args) -> method.getReturnType() == boolean.class ? Boolean.FALSE
                    : null);

    @TempDir
    Path temp;

    /**
     * What a handset kernel writes when the user presses 5, holds Call, and the driver meets a
     * scan code, sync reports, a key the handset does not have, a bad value and a cut-off record.
     */
    private static byte[] recording() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(record(100, 5, 4, 4, 0x70022)); // EV_MSC MSC_SCAN
        out.writeBytes(record(100, 5, 1, 0x205, 1)); // KEY_NUMERIC_5 down
        out.writeBytes(record(100, 5, 0, 0, 0)); // EV_SYN
        out.writeBytes(record(100, 90_005, 1, 0x205, 0)); // KEY_NUMERIC_5 up
        out.writeBytes(record(101, 0, 1, 231, 1)); // KEY_SEND down
        out.writeBytes(record(101, 500_000, 1, 231, 2)); // KEY_SEND repeat
        out.writeBytes(record(101, 700_000, 1, 231, 0)); // KEY_SEND up
        out.writeBytes(record(102, 0, 1, 30, 1)); // KEY_A: not on this keypad
        out.writeBytes(record(102, 0, 1, 0x20a, 7)); // KEY_NUMERIC_STAR with a value no kernel sends
        out.writeBytes(record(103, 0, 1, 116, 1)); // KEY_POWER down
        out.writeBytes(new byte[10]); // the recording was cut off mid-record
        return out.toByteArray();
    }

    private static byte[] record(long seconds, long micros, int type, int code, int value) {
        return ByteBuffer.allocate(EvdevDecoder.RECORD).order(ByteOrder.LITTLE_ENDIAN)
                .putLong(seconds).putLong(micros).putShort((short) type).putShort((short) code).putInt(value).array();
    }

    private static final List<KeyEvent> EXPECTED = List.of(
            new KeyEvent(Key.DIGIT_5, Action.PRESSED, 100_000_005_000L),
            new KeyEvent(Key.DIGIT_5, Action.RELEASED, 100_090_005_000L),
            new KeyEvent(Key.CALL, Action.PRESSED, 101_000_000_000L),
            new KeyEvent(Key.CALL, Action.REPEATED, 101_500_000_000L),
            new KeyEvent(Key.CALL, Action.RELEASED, 101_700_000_000L),
            new KeyEvent(Key.POWER, Action.PRESSED, 103_000_000_000L));

    @Test
    void aRecordingDecodesToTheKeyEventsOnly() throws Exception {
        List<KeyEvent> events = new ArrayList<>();
        assertEquals(10, EvdevReader.read(new ByteArrayInputStream(recording()), events::add));
        assertEquals(EXPECTED, events);
    }

    /** The device is a FIFO here, so that events arrive after the listener is there, as on a handset. */
    @Test
    void theEvdevBackendReadsItsDevice() throws Exception {
        Path device = temp.resolve("event3");
        Process mkfifo = new ProcessBuilder("mkfifo", device.toString()).inheritIO().start();
        assertEquals(0, mkfifo.waitFor());
        KeypadComponent keypad = new KeypadComponent(config(Map.of("backend", "evdev", "device", device.toString())),
                QUIET);
        BlockingQueue<KeyEvent> events = new LinkedBlockingQueue<>();
        keypad.addListener(events::add);
        try {
            Files.write(device, recording());
            List<KeyEvent> seen = new ArrayList<>();
            for (int i = 0; i < EXPECTED.size(); i++) {
                KeyEvent event = events.poll(5, TimeUnit.SECONDS);
                if (event == null) {
                    throw new AssertionError("only " + seen + " arrived");
                }
                seen.add(event);
            }
            assertEquals(EXPECTED, seen);
        } finally {
            keypad.deactivate();
        }
    }

    @Test
    void aMissingDeviceFailsTheComponent() {
        assertThrows(NoSuchFileException.class, () -> new KeypadComponent(config(Map.of("backend", "evdev",
                "device", temp.resolve("event9").toString())), QUIET));
        assertThrows(IllegalArgumentException.class, () -> new KeypadComponent(config(Map.of("backend", "usb")), QUIET));
    }

    @Test
    void scriptedInputPressesAndReleases() throws Exception {
        KeypadComponent keypad = new KeypadComponent(config(Map.of()), QUIET);
        BlockingQueue<KeyEvent> events = new LinkedBlockingQueue<>();
        keypad.addListener(events::add);
        keypad.addListener(event -> {
            throw new IllegalStateException("a broken consumer");
        });
        keypad.press(Key.STAR);
        KeyEvent pressed = events.poll(1, TimeUnit.SECONDS);
        assertEquals(Key.STAR, pressed.key());
        assertEquals(Action.PRESSED, pressed.action());
        assertEquals(Action.RELEASED, events.poll(1, TimeUnit.SECONDS).action(), "a failing listener stops no one");
        keypad.deactivate();
    }

    private static KeypadComponent.Config config(Map<String, Object> properties) {
        return Converters.standardConverter().convert(properties).to(KeypadComponent.Config.class);
    }
}
