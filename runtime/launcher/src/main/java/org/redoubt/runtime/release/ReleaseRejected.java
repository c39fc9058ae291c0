package org.redoubt.runtime.release;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A release failed verification. It lists every problem found, each with a stable reason code and
 * the bundle or file concerned, so that an operator sees the whole picture at once.
 */
public final class ReleaseRejected extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why a release, or one of its files, was refused. */
    public enum Reason {
        /** The manifest is missing, too large, not valid JSON or violates the schema. */
        MALFORMED_MANIFEST,
        /**
         * The signed manifest does not verify against the trust root: not enough valid release
         * signatures, another document or payload type, or a target that is not this handset. The
         * detail starts with the signed-document reason code.
         */
        UNTRUSTED_MANIFEST,
        /** A listed bundle file does not exist. */
        MISSING_BUNDLE,
        /** A file in {@code bundles/} is not listed in the manifest. */
        UNLISTED_BUNDLE,
        /** A listed file has another length than the manifest says. */
        SIZE_MISMATCH,
        /** A listed file has another digest than the manifest says. */
        DIGEST_MISMATCH,
        /** A listed file declares another symbolic name or version than the manifest says. */
        IDENTITY_MISMATCH,
        /** A file could not be read. */
        UNREADABLE,
        /**
         * A bundle would offer camera or location functions, which the handset does not have
         * ({@link ForbiddenHardware}). The subject names the bundle.
         */
        FORBIDDEN_HARDWARE
    }

    /**
     * One problem with a release.
     *
     * @param reason the reason code
     * @param subject the bundle or file concerned
     * @param detail  what exactly is wrong
     */
    public record Problem(Reason reason, String subject, String detail) {
        @Override
        public String toString() {
            return reason + " " + subject + ": " + detail;
        }
    }

    private final transient List<Problem> problems;

    /**
     * @param problems at least one problem
     * @param cause    the underlying error, or {@code null}
     */
    public ReleaseRejected(List<Problem> problems, Throwable cause) {
        super(message(problems), cause);
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a rejection needs a problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** Convenience for a single problem. */
    public ReleaseRejected(Reason reason, String subject, String detail, Throwable cause) {
        this(List.of(new Problem(reason, subject, detail)), cause);
    }

    /** @return every problem, in the order found */
    public List<Problem> problems() {
        return problems;
    }

    private static String message(List<Problem> problems) {
        return "release rejected: " + problems.stream().map(Problem::toString).collect(Collectors.joining("; "));
    }
}
