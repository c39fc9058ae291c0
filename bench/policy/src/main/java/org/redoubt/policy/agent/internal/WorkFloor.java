package org.redoubt.policy.agent.internal;

// In the agent's package for its package-private AlternatingRecord: see BenchNetwork.

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.redoubt.crypto.documents.DeviceIdentity;
import org.redoubt.crypto.documents.DocumentVerifier;
import org.redoubt.crypto.documents.Expectation;
import org.redoubt.crypto.documents.Role;
import org.redoubt.crypto.documents.TrustRoot;
import org.redoubt.crypto.documents.Verdict;

/**
 * The least a handset must do before it may answer "applied", and nothing else, for the latency
 * benchmark's floor series: check the envelope (size, both signatures, header, target: the
 * pipeline's {@code authenticate}) on the calling thread, then force the two writes the agent
 * forces, one after the other: a state record holding the envelope, written in place like the
 * agent's, and an audit-sized line appended to a log. No agent thread, no second thread, no JSON
 * state, no hash chain, no enforcer. The agent measured against this floor shows its own cost.
 *
 * <p>Not thread-safe: one Paho callback thread calls it.
 */
final class WorkFloor implements AutoCloseable {

    /** About the size of an audit line for a policy decision. */
    private static final int AUDIT_LINE_BYTES = 300;

    private final DocumentVerifier verifier = new DocumentVerifier(TestFleet.PROVIDER);
    private final Expectation expectation;
    private final TrustRoot root;
    private final AlternatingRecord state;
    private final FileChannel log;
    private final byte[] line = new byte[AUDIT_LINE_BYTES];

    /**
     * @param directory where the state record and the log go (on the disk the agents use)
     * @param root      the trust root the envelopes are checked against
     * @param device    the device the envelopes must target
     */
    WorkFloor(Path directory, TrustRoot root, String device) throws IOException {
        Files.createDirectories(directory);
        this.root = root;
        this.expectation = new Expectation(Role.POLICY, PolicyProcessor.PAYLOAD_TYPE, PolicyProcessor.DOCUMENT_TYPE,
                new DeviceIdentity(device, "", ""), 64 * 1024);
        this.state = AlternatingRecord.open(directory, "state", 1 << 20);
        this.log = FileChannel.open(directory.resolve("log"), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        java.util.Arrays.fill(line, (byte) 'a');
        line[line.length - 1] = '\n';
    }

    /**
     * @param envelope a signed policy for this floor's device
     * @param tag      what the answer starts with
     * @param size     the answer's size
     * @return the answer, once the envelope was checked and both writes were forced
     * @throws IOException when a write fails
     */
    byte[] answer(byte[] envelope, String tag, int size) throws IOException {
        Verdict verdict = verifier.authenticate(envelope, expectation, root);
        if (!(verdict instanceof Verdict.Accepted)) {
            throw new IllegalStateException("the floor refused its envelope: " + verdict);
        }
        state.write(envelope);
        ByteBuffer entry = ByteBuffer.wrap(line);
        while (entry.hasRemaining()) {
            log.write(entry);
        }
        log.force(false);
        return BenchNetwork.padded(tag, size);
    }

    @Override
    public void close() throws IOException {
        log.close();
    }
}
