package org.redoubt.audit.chain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.redoubt.audit.chain.ChainBreak.Reason;
import org.redoubt.crypto.api.CryptoProvider;
import org.redoubt.crypto.api.VerificationKey;

/**
 * Verifies a device's whole log, from its first line, and names the first entry that does not
 * verify. Checked for every line, in order: canonical form ({@code MALFORMED}), sequence number =
 * line number ({@code SEQUENCE_GAP}), {@code prev} = hash of the line before ({@code BROKEN_LINK}),
 * and for a checkpoint the device, scheme and signature ({@code BAD_SIGNATURE}). A file that does
 * not end with {@code \n} ends inside an entry ({@code TRUNCATED}). With the separately kept latest
 * checkpoint, a log that ends before it is {@code TRUNCATED} and one whose entry of that sequence
 * differs is a {@code CHECKPOINT_MISMATCH}.
 *
 * <p>Which entry a broken link blames: when entry n's {@code prev} is not the hash of entry n-1,
 * either entry n-1 was changed or entry n was. If entry n is itself vouched for (the entry after it
 * links to its bytes, or it is a checkpoint whose signature covers them), entry n-1 is the changed
 * one; otherwise entry n is. A change of any one byte of a log that ends with a checkpoint is
 * therefore reported at exactly the entry holding that byte.
 *
 * <p>Thread-safe.
 *
 * @since 1.0
 */
public final class ChainVerifier {

    private static final byte LF = '\n';

    private final CryptoProvider provider;
    private final String deviceId;
    private final VerificationKey identity;

    /**
     * @param provider hashes and signature checks
     * @param deviceId the device whose log it is (checkpoints must name it)
     * @param identity the device's identity key (checkpoints must verify with it)
     */
    public ChainVerifier(CryptoProvider provider, String deviceId, VerificationKey identity) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
        this.identity = Objects.requireNonNull(identity, "identity");
    }

    /**
     * @param log        the log file's bytes
     * @param checkpoint the separately kept latest checkpoint (its line, with or without the final
     *                   {@code \n}), if there is one
     * @return what was found
     */
    public ChainReport verify(byte[] log, Optional<byte[]> checkpoint) {
        List<byte[]> lines = split(log);
        boolean tornTail = log.length > 0 && log[log.length - 1] != LF;
        byte[] torn = tornTail ? lines.remove(lines.size() - 1) : null;
        Walk walk = new Walk(lines);
        Optional<ChainBreak> found = walk.run();
        if (found.isEmpty() && checkpoint.isPresent()) {
            found = compare(lines, checkpoint.get());
        }
        if (found.isEmpty() && torn != null) {
            found = Optional.of(new ChainBreak(lines.size() + 1, lines.size() + 1, Reason.TRUNCATED,
                    "the log ends inside this entry (" + torn.length + " bytes without a line end)"));
        }
        return new ChainReport(lines.size(), walk.lastCheckpoint, walk.unsigned, found);
    }

    /** The separately kept checkpoint against the log. */
    private Optional<ChainBreak> compare(List<byte[]> lines, byte[] file) {
        byte[] bytes = file.length > 0 && file[file.length - 1] == LF ? Arrays.copyOf(file, file.length - 1) : file;
        AuditLine kept;
        try {
            kept = AuditLine.parse(bytes);
        } catch (MalformedLineException e) {
            return Optional.of(new ChainBreak(0, 0, Reason.MALFORMED, "the checkpoint file: " + e.getMessage()));
        }
        String problem = kept.isCheckpoint() ? Checkpoints.check(kept, deviceId, identity, provider)
                : "the checkpoint file holds a " + kept.kind() + " entry";
        if (problem != null) {
            return Optional.of(new ChainBreak(kept.sequence(), 0, Reason.BAD_SIGNATURE, "the checkpoint file: " + problem));
        }
        if (kept.sequence() > lines.size()) {
            return Optional.of(new ChainBreak(lines.size() + 1, lines.size() + 1, Reason.TRUNCATED,
                    "the log ends after entry " + lines.size() + " but the device signed checkpoint " + kept.sequence()));
        }
        int index = (int) kept.sequence() - 1;
        if (!Arrays.equals(lines.get(index), bytes)) {
            return Optional.of(new ChainBreak(kept.sequence(), kept.sequence(), Reason.CHECKPOINT_MISMATCH,
                    "differs from the device's signed checkpoint of the same sequence number"));
        }
        return Optional.empty();
    }

    /** The line-by-line check. */
    private final class Walk {

        private final List<byte[]> lines;
        private final AuditLine[] parsed;
        private long lastCheckpoint;
        private long unsigned;

        Walk(List<byte[]> lines) {
            this.lines = lines;
            this.parsed = new AuditLine[lines.size()];
        }

        Optional<ChainBreak> run() {
            for (int i = 0; i < lines.size(); i++) {
                long number = i + 1L;
                AuditLine line = parse(i);
                if (line == null) {
                    return broken(number, Reason.MALFORMED, problemOf(i));
                }
                if (line.sequence() != number) {
                    return broken(number, Reason.SEQUENCE_GAP, "sequence " + line.sequence() + " where " + number
                            + " follows");
                }
                if (!line.prev().equals(expectedPrev(i, line))) {
                    return i > 0 && vouched(i)
                            ? broken(i, Reason.BROKEN_LINK, "its bytes are not what entry " + number
                                    + " recorded as its predecessor: the entry was changed")
                            : broken(number, Reason.BROKEN_LINK, i == 0 ? "the first entry's prev is not the genesis value"
                                    : "its prev is not the hash of entry " + i);
                }
                if (line.isCheckpoint()) {
                    String problem = Checkpoints.check(line, deviceId, identity, provider);
                    if (problem != null) {
                        return broken(number, Reason.BAD_SIGNATURE, problem);
                    }
                    lastCheckpoint = number;
                    unsigned = 0;
                } else {
                    unsigned++;
                }
            }
            return Optional.empty();
        }

        private Optional<ChainBreak> broken(long number, Reason reason, String detail) {
            if (number <= lastCheckpoint) {
                // The break is in an entry a checkpoint already counted; it vouches for nothing now.
                lastCheckpoint = 0;
                unsigned = 0;
            }
            return Optional.of(new ChainBreak(number, number, reason, detail));
        }

        private String expectedPrev(int index, AuditLine line) {
            return index == 0 ? AuditLine.GENESIS : LineHash.of(provider, line.alg(), lines.get(index - 1));
        }

        /** Whether what comes after entry {@code index} (or its own signature) confirms its bytes. */
        private boolean vouched(int index) {
            AuditLine line = parse(index);
            if (line.isCheckpoint()) {
                return Checkpoints.check(line, deviceId, identity, provider) == null;
            }
            if (index + 1 >= lines.size()) {
                return false;
            }
            AuditLine next = parse(index + 1);
            return next != null && next.prev().equals(LineHash.of(provider, next.alg(), lines.get(index)));
        }

        private AuditLine parse(int index) {
            if (parsed[index] == null) {
                try {
                    parsed[index] = AuditLine.parse(lines.get(index));
                } catch (MalformedLineException e) {
                    return null;
                }
            }
            return parsed[index];
        }

        private String problemOf(int index) {
            try {
                AuditLine.parse(lines.get(index));
                return "unreadable";
            } catch (MalformedLineException e) {
                return e.getMessage();
            }
        }
    }

    /** @return the lines, without their {@code \n}; a last line without one is included */
    static List<byte[]> split(byte[] log) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < log.length; i++) {
            if (log[i] == LF) {
                lines.add(Arrays.copyOfRange(log, start, i));
                start = i + 1;
            }
        }
        if (start < log.length) {
            lines.add(Arrays.copyOfRange(log, start, log.length));
        }
        return lines;
    }
}
