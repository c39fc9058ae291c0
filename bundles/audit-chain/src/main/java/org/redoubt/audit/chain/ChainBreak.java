package org.redoubt.audit.chain;

import java.util.Objects;

/**
 * The first entry of a log that does not verify.
 *
 * @param sequence the sequence number the entry has in an intact chain (its line number)
 * @param line     its line number in the file, from 1
 * @param reason   what is wrong
 * @param detail   one sentence for people
 * @since 1.0
 */
public record ChainBreak(long sequence, long line, Reason reason, String detail) {

    /** What is wrong with the entry. */
    public enum Reason {
        /** Not one canonical entry: not JSON, members missing or out of order, not the written bytes. */
        MALFORMED,
        /** Its sequence number is not the one after the entry before it. */
        SEQUENCE_GAP,
        /** Its {@code prev} is not the hash of the line before, or its bytes are not what the next line hashed. */
        BROKEN_LINK,
        /** A checkpoint whose signature, device or scheme does not verify. */
        BAD_SIGNATURE,
        /** The log ends inside this entry, or before the entry a signed checkpoint says exists. */
        TRUNCATED,
        /** The entry differs from the separately kept signed checkpoint of the same sequence number. */
        CHECKPOINT_MISMATCH
    }

    /** @throws NullPointerException when a part is null */
    public ChainBreak {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }

    /** @return e.g. {@code entry 7 (line 7): BROKEN_LINK, ...} */
    public String describe() {
        return "entry " + sequence + " (line " + line + "): " + reason + ", " + detail;
    }
}
