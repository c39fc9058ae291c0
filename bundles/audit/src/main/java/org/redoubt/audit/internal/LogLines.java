package org.redoubt.audit.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Reads whole lines of the log file: the last few (backwards), or those from an offset. */
final class LogLines {

    private static final int CHUNK = 8192;

    private LogLines() {
    }

    /**
     * @param channel the log
     * @param end     where the complete lines end (after the last {@code \n})
     * @param max     how many lines at most
     * @return the last {@code max} complete lines before {@code end}, oldest first, without {@code \n}
     */
    static List<byte[]> last(FileChannel channel, long end, int max) throws IOException {
        Deque<byte[]> lines = new ArrayDeque<>();
        long lineEnd = end - 1; // the '\n' of the line being collected
        long position = lineEnd;
        ByteArrayBuilder current = new ByteArrayBuilder();
        ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
        while (position > 0 && lines.size() < max) {
            int length = (int) Math.min(CHUNK, position);
            long start = position - length;
            buffer.clear().limit(length);
            readFully(channel, buffer, start);
            for (int i = length - 1; i >= 0 && lines.size() < max; i--) {
                byte b = buffer.get(i);
                if (b == '\n') {
                    lines.addFirst(current.reversed());
                    current = new ByteArrayBuilder();
                } else {
                    current.add(b);
                }
            }
            position = start;
        }
        if (position == 0 && lines.size() < max && lineEnd > 0) {
            lines.addFirst(current.reversed());
        }
        return new ArrayList<>(lines);
    }

    /**
     * @param channel the log
     * @param end     where the log ends now
     * @return the offset just after the last {@code \n} before {@code end}; 0 when there is none
     */
    static long completeEnd(FileChannel channel, long end) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
        long position = end;
        while (position > 0) {
            int length = (int) Math.min(CHUNK, position);
            long start = position - length;
            buffer.clear().limit(length);
            readFully(channel, buffer, start);
            for (int i = length - 1; i >= 0; i--) {
                if (buffer.get(i) == '\n') {
                    return start + i + 1;
                }
            }
            position = start;
        }
        return 0;
    }

    /**
     * @param channel  the log
     * @param offset   where a line starts
     * @param end      where the complete lines end
     * @param maxLines how many lines at most
     * @param maxBytes how many bytes at most (at least one line is taken)
     * @return the complete lines from {@code offset}, each with its {@code \n}
     */
    static List<byte[]> from(FileChannel channel, long offset, long end, int maxLines, int maxBytes) throws IOException {
        List<byte[]> lines = new ArrayList<>();
        ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
        ByteArrayBuilder current = new ByteArrayBuilder();
        long position = offset;
        int bytes = 0;
        while (position < end && lines.size() < maxLines) {
            int length = (int) Math.min(CHUNK, end - position);
            buffer.clear().limit(length);
            readFully(channel, buffer, position);
            for (int i = 0; i < length; i++) {
                byte b = buffer.get(i);
                current.add(b);
                if (b == '\n') {
                    byte[] line = current.bytes();
                    if (!lines.isEmpty() && bytes + line.length > maxBytes) {
                        return lines;
                    }
                    lines.add(line);
                    bytes += line.length;
                    current = new ByteArrayBuilder();
                    if (lines.size() == maxLines) {
                        return lines;
                    }
                }
            }
            position += length;
        }
        return lines;
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, at);
            if (read < 0) {
                throw new IOException("the log ended at " + at + " while reading");
            }
            at += read;
        }
    }

    /** A growing byte array. */
    private static final class ByteArrayBuilder {
        private byte[] bytes = new byte[256];
        private int size;

        void add(byte b) {
            if (size == bytes.length) {
                bytes = java.util.Arrays.copyOf(bytes, size * 2);
            }
            bytes[size++] = b;
        }

        byte[] bytes() {
            return java.util.Arrays.copyOf(bytes, size);
        }

        byte[] reversed() {
            byte[] out = new byte[size];
            for (int i = 0; i < size; i++) {
                out[i] = bytes[size - 1 - i];
            }
            return out;
        }
    }
}
