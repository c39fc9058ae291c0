package org.redoubt.runtime.release;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Reads files with an upper bound, so that a file larger than expected cannot exhaust memory. */
final class BoundedFiles {

    /** The file holds more bytes than allowed. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(Path file, long limit) {
            super(file.getFileName() + " is larger than " + limit + " bytes");
        }
    }

    private BoundedFiles() {
    }

    /**
     * @param file  a regular file (symbolic links are not followed)
     * @param limit the most bytes allowed
     * @return its content
     * @throws TooLarge    when it holds more than {@code limit} bytes
     * @throws IOException when it cannot be read
     */
    static byte[] read(Path file, long limit) throws IOException {
        try (InputStream in = Files.newInputStream(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            byte[] content = in.readNBytes((int) Math.min(limit, Integer.MAX_VALUE - 8));
            if (in.read() != -1) {
                throw new TooLarge(file, limit);
            }
            return content;
        }
    }
}
