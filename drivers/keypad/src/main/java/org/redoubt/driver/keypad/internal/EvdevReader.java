package org.redoubt.driver.keypad.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

import org.redoubt.driver.keypad.KeyEvent;

/**
 * Reads an evdev stream record by record and hands each key event on. A short final record (the
 * stream ended mid-record) is dropped.
 */
final class EvdevReader {

    private EvdevReader() {
    }

    /**
     * @param in     the device (or a recording of it)
     * @param events receives each key event
     * @return how many records were read
     * @throws IOException when reading fails
     */
    static long read(InputStream in, Consumer<KeyEvent> events) throws IOException {
        long records = 0;
        byte[] record = new byte[EvdevDecoder.RECORD];
        while (in.readNBytes(record, 0, record.length) == record.length) {
            records++;
            EvdevDecoder.decode(record).ifPresent(events);
        }
        return records;
    }
}
