package org.redoubt.policy.agent.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

import org.redoubt.crypto.api.CryptoProvider;
import org.redoubt.crypto.api.HashAlgorithm;
import org.redoubt.crypto.documents.DeviceIdentity;
import org.redoubt.crypto.documents.DocumentVerifier;
import org.redoubt.crypto.documents.Expectation;
import org.redoubt.crypto.documents.Role;
import org.redoubt.crypto.documents.TrustRoot;
import org.redoubt.crypto.documents.Verdict;
import org.redoubt.policy.Command;
import org.redoubt.policy.CommandReader;
import org.redoubt.policy.PolicyException;
import org.redoubt.policy.agent.internal.Ack.Result;

/**
 * Signed commands (LOCK, WIPE, RESET_PIN, REBOOT): the verification pipeline with the
 * {@code command} role, the command schema, then the nonce. A command is carried out at most once:
 * its nonce and version floor are stored before it runs, so a crash or a redelivery never runs it
 * again (a REBOOT must not loop), and a replayed copy is refused with {@code REPLAYED}.
 *
 * <p>Not thread-safe: the agent runs it on its one thread.
 */
final class CommandProcessor {

    /** The size cap of a command envelope. */
    static final int MAX_BYTES = 8 * 1024;
    /** The reason code of a command that was already carried out. */
    static final String REPLAYED = "REPLAYED";

    private final CryptoProvider provider;
    private final DocumentVerifier verifier;
    private final Supplier<TrustRoot> root;
    private final Expectation expectation;
    private final PersistentFloors floors;
    private final NonceLedger nonces;
    private final HandsetCommands handset;
    private final Clock clock;

    CommandProcessor(CryptoProvider provider, Supplier<TrustRoot> root, DeviceIdentity device, PersistentFloors floors,
            NonceLedger nonces, HandsetCommands handset, Clock clock, Executor signatureChecks) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.verifier = new DocumentVerifier(provider, signatureChecks);
        this.root = Objects.requireNonNull(root, "root");
        this.expectation = new Expectation(Role.COMMAND, Command.PAYLOAD_TYPE, Command.DOCUMENT_TYPE, device, MAX_BYTES);
        this.floors = Objects.requireNonNull(floors, "floors");
        this.nonces = Objects.requireNonNull(nonces, "nonces");
        this.handset = Objects.requireNonNull(handset, "handset");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param envelope the received bytes
     * @return the ack to publish
     */
    Ack receive(byte[] envelope) {
        byte[] digest = provider.digest(HashAlgorithm.SHA256, envelope);
        Verdict verdict = verifier.verify(envelope, expectation, root.get(), floors, floors);
        if (verdict instanceof Verdict.Rejected rejected) {
            return ack(OptionalLong.empty(), digest, Result.REJECTED, rejected.reason().name(), rejected.detail());
        }
        if (verdict instanceof Verdict.AlreadyApplied again) {
            return ack(OptionalLong.of(again.header().version()), digest, Result.REJECTED, REPLAYED,
                    "command version " + again.header().version() + " was already carried out");
        }
        Verdict.Accepted accepted = (Verdict.Accepted) verdict;
        OptionalLong version = OptionalLong.of(accepted.header().version());
        Command command;
        try {
            command = CommandReader.read(accepted.body());
        } catch (PolicyException e) {
            return ack(version, digest, Result.REJECTED, e.reason().name(), e.getMessage());
        }
        if (nonces.seen(command.nonce())) {
            return ack(version, digest, Result.REJECTED, REPLAYED, "the nonce was already used");
        }
        try {
            nonces.remember(command.nonce(), accepted.header().expires(), floors.notEarlierThan());
            floors.together(() -> verifier.commit(accepted, floors, floors));
        } catch (IOException | UncheckedIOException e) {
            return ack(version, digest, Result.FAILED, "STORAGE_FAILED", e.getMessage());
        }
        try {
            handset.carryOut(command.action());
        } catch (IOException | RuntimeException e) {
            return ack(version, digest, Result.FAILED, "COMMAND_FAILED", command.action() + ": " + e.getMessage());
        }
        return ack(version, digest, Result.APPLIED, null, command.action().name());
    }

    private Ack ack(OptionalLong version, byte[] digest, Result result, String reason, String detail) {
        return new Ack(Command.DOCUMENT_TYPE, version, digest, result, Optional.ofNullable(reason),
                Optional.ofNullable(detail), clock.instant());
    }
}
