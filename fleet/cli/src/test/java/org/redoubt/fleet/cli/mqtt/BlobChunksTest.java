package org.redoubt.fleet.cli.mqtt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The chunk rule the handset's release agent reads: 65536-byte chunks, the last shorter, decimal indexes. */
class BlobChunksTest {

    private static final String DIGEST = "0123456789abcdef".repeat(4);

    @Test
    void chunksAreExactly64KiBAndTheLastIsShorterButNeverEmpty() {
        assertEquals(1, BlobChunks.count(1));
        assertEquals(1, BlobChunks.count(65536));
        assertEquals(2, BlobChunks.count(65537));
        assertEquals(3, BlobChunks.count(3 * 65536));
        byte[] content = new byte[2 * 65536 + 100];
        new Random(7).nextBytes(content);
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        for (int i = 0; i < BlobChunks.count(content.length); i++) {
            byte[] chunk = BlobChunks.chunk(content, i);
            assertEquals(i < 2 ? 65536 : 100, chunk.length);
            joined.writeBytes(chunk);
        }
        assertArrayEquals(content, joined.toByteArray());
        assertThrows(IllegalArgumentException.class, () -> BlobChunks.chunk(content, 3));
    }

    @Test
    void topicsAreTheDigestAndADecimalIndexWithoutLeadingZeros() {
        assertEquals("redoubt/v1/blobs/" + DIGEST + "/0", BlobChunks.topic(DIGEST, 0));
        assertEquals("redoubt/v1/blobs/" + DIGEST + "/10", BlobChunks.topic(DIGEST, 10));
        assertThrows(IllegalArgumentException.class, () -> BlobChunks.topic(DIGEST.toUpperCase(), 0));
        assertThrows(IllegalArgumentException.class, () -> BlobChunks.topic(DIGEST.substring(1), 0));
        assertThrows(IllegalArgumentException.class, () -> BlobChunks.topic(DIGEST, -1));
    }
}
