package org.redoubt.fleet.cli.mqtt;

import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * How a release's bundle files travel: each in chunks of exactly {@value #CHUNK_SIZE} bytes (the
 * last one shorter, never empty), chunk {@code i} retained on
 * {@code redoubt/v1/blobs/<sha256, 64 lower-case hex digits>/<i>}, {@code i} decimal from 0 without
 * leading zeros. This is the handset release agent's rule (its {@code BlobSpec}), written here
 * again because the tool cannot depend on that bundle's internals; the two must stay identical.
 */
public final class BlobChunks {

    /** The length of every chunk but the last. */
    public static final int CHUNK_SIZE = 65536;
    /** The topic prefix of chunks. */
    public static final String TOPIC_PREFIX = Topics.PREFIX + "blobs/";

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private BlobChunks() {
    }

    /**
     * @param sha256 the file's SHA-256 as 64 lower-case hex digits
     * @param index  the chunk's index, from 0
     * @return the chunk's topic
     * @throws IllegalArgumentException for another digest form or a negative index
     */
    public static String topic(String sha256, int index) {
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("a blob is addressed by 64 lower-case hex digits, not " + sha256);
        }
        if (index < 0) {
            throw new IllegalArgumentException("a chunk index is not negative: " + index);
        }
        return TOPIC_PREFIX + sha256 + "/" + index;
    }

    /**
     * @param size a file's length, at least 1
     * @return how many chunks carry it
     */
    public static int count(long size) {
        if (size < 1) {
            throw new IllegalArgumentException("a blob has at least one byte");
        }
        return (int) ((size + CHUNK_SIZE - 1) / CHUNK_SIZE);
    }

    /**
     * @param content the whole file
     * @param index   a chunk index below {@link #count}
     * @return that chunk's bytes
     */
    public static byte[] chunk(byte[] content, int index) {
        if (index < 0 || index >= count(content.length)) {
            throw new IllegalArgumentException("no chunk " + index + " in " + content.length + " bytes");
        }
        int from = index * CHUNK_SIZE;
        return Arrays.copyOfRange(content, from, Math.min(content.length, from + CHUNK_SIZE));
    }
}
