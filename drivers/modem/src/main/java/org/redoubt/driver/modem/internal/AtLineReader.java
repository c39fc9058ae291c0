package org.redoubt.driver.modem.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Splits the modem's byte stream into lines (ended by CR, LF or both; empty lines dropped) and
 * recognizes the {@code "> "} prompt, which has no line end. A line longer than the limit is
 * dropped up to its end and reported as {@link Line.Kind#OVERLONG}; bytes outside printable ASCII
 * make the line {@link Line.Kind#GARBAGE}. Neither stops the reader.
 */
final class AtLineReader {

    /**
     * One item from the stream.
     *
     * @param kind what it is
     * @param text the line (empty for a prompt or an overlong line)
     */
    record Line(Kind kind, String text) {
        /** What was read. */
        enum Kind {
            /** A line of printable ASCII. */
            TEXT,
            /** The {@code "> "} prompt for a payload. */
            PROMPT,
            /** A line over the length limit, dropped. */
            OVERLONG,
            /** A line with bytes outside printable ASCII, dropped. */
            GARBAGE
        }
    }

    private final InputStream in;
    private final int maxLength;
    private final byte[] line;
    private int length;
    private boolean overlong;
    private boolean garbage;

    AtLineReader(InputStream in, int maxLength) {
        this.in = in;
        this.maxLength = maxLength;
        this.line = new byte[maxLength];
    }

    /**
     * @return the next item, or {@code null} at the end of the stream
     * @throws IOException when reading fails
     */
    Line next() throws IOException {
        while (true) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            if (b == '\r' || b == '\n') {
                Line done = finish();
                if (done != null) {
                    return done;
                }
                continue;
            }
            if (length == 1 && line[0] == '>' && b == ' ' && !overlong && !garbage) {
                length = 0;
                return new Line(Line.Kind.PROMPT, "");
            }
            if (b < 0x20 || b > 0x7e) {
                garbage = true;
            }
            if (length == maxLength) {
                overlong = true;
            } else if (!overlong) {
                line[length++] = (byte) b;
            }
        }
    }

    private Line finish() {
        try {
            if (overlong) {
                return new Line(Line.Kind.OVERLONG, "");
            }
            if (garbage) {
                return new Line(Line.Kind.GARBAGE, "");
            }
            if (length == 0) {
                return null;
            }
            return new Line(Line.Kind.TEXT, new String(line, 0, length, StandardCharsets.US_ASCII));
        } finally {
            length = 0;
            overlong = false;
            garbage = false;
        }
    }
}
