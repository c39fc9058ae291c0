package org.redoubt.release.agent.internal;

import java.util.regex.Pattern;

/**
 * One bundle file as a signed release lists it, and how it travels: digest-addressed chunks of a
 * fixed size on {@code redoubt/v1/blobs/<digest>/<index>} (retained), the last one shorter.
 *
 * @param digest    the file's SHA-256, lower-case hex: its address and its check
 * @param size      the file's length in bytes, as listed (the cap while receiving)
 * @param chunkSize the length of every chunk but the last
 */
record BlobSpec(String digest, long size, int chunkSize) {

    /** The topic prefix of blob chunks. */
    static final String TOPIC_PREFIX = "redoubt/v1/blobs/";
    /** The chunk size of the wire protocol: the fleet tool publishes every file in chunks of this length. */
    static final int CHUNK_SIZE = 65536;
    /** The largest file a release may list (runtime/README.md, release manifest). */
    static final long MAX_SIZE = 64L << 20;
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    BlobSpec {
        if (digest == null || !SHA256.matcher(digest).matches()) {
            throw new IllegalArgumentException("a digest is 64 lower-case hex digits");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size out of range: " + size);
        }
        if (chunkSize < 1024 || chunkSize > (1 << 20)) {
            throw new IllegalArgumentException("chunk size out of range: " + chunkSize);
        }
    }

    /** @return how many chunks carry the file */
    int chunks() {
        return (int) ((size + chunkSize - 1) / chunkSize);
    }

    /** @return the exact length of chunk {@code index} */
    int lengthOf(int index) {
        return index < chunks() - 1 ? chunkSize : (int) (size - (long) (chunks() - 1) * chunkSize);
    }

    /** @return the topic of chunk {@code index} */
    String topic(int index) {
        return TOPIC_PREFIX + digest + "/" + index;
    }

    /** @return the filter that matches every chunk of this file */
    String filter() {
        return TOPIC_PREFIX + digest + "/+";
    }

    /**
     * @param topic a topic a chunk arrived on
     * @return its index, or -1 when the topic is not one of this file's chunk topics (any number,
     *         also beyond the last chunk, is returned: the caller decides that it is too many)
     */
    int indexOf(String topic) {
        String prefix = TOPIC_PREFIX + digest + "/";
        if (!topic.startsWith(prefix) || topic.length() == prefix.length() || topic.length() > prefix.length() + 9) {
            return -1;
        }
        String number = topic.substring(prefix.length());
        for (int i = 0; i < number.length(); i++) {
            if (number.charAt(i) < '0' || number.charAt(i) > '9') {
                return -1;
            }
        }
        return number.length() > 1 && number.charAt(0) == '0' ? -1 : Integer.parseInt(number);
    }
}
