package org.redoubt.policy.agent.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.redoubt.crypto.api.CryptoProvider;
import org.redoubt.crypto.api.HashAlgorithm;
import org.redoubt.crypto.documents.DeviceIdentity;
import org.redoubt.crypto.documents.DocumentVerifier;
import org.redoubt.crypto.documents.Expectation;
import org.redoubt.crypto.documents.Role;
import org.redoubt.crypto.documents.TrustRoot;
import org.redoubt.crypto.documents.Verdict;
import org.redoubt.policy.Policy;
import org.redoubt.policy.PolicyException;
import org.redoubt.policy.PolicyReader;
import org.redoubt.policy.agent.internal.Ack.Result;

/**
 * Everything between "a policy envelope arrived" and "its ack": the verification pipeline, the
 * policy schema, enforcement all or nothing, then the policy and the floors in one forced write. Nothing changes
 * unless the whole policy is in force; a crash between enforcing and raising the floors is
 * repaired by the redelivered (retained) copy, which is then applied again with the same result.
 *
 * <p>Every decision is recorded (in the audit log) before {@link #receive} returns its ack. An
 * applied policy is recorded on the second thread while this one forces the state, so that the
 * ack waits for one force of wall time instead of two; should the state then fail to be stored,
 * the policy is taken back and the failure is recorded after the apply. A power cut between the
 * two forces leaves either an applied policy whose record is missing (its redelivery is then
 * {@code ALREADY_APPLIED}, which records nothing) or a record of an apply that the handset does
 * not remember (the redelivered copy is applied and recorded again), as it could with the forces
 * one after the other.
 *
 * <p>Not thread-safe: the agent runs it on its one processing thread.
 */
final class PolicyProcessor {

    /** The DSSE payload type of a policy. */
    static final String PAYLOAD_TYPE = "application/vnd.redoubt.policy+json";
    /** The document type of a policy. */
    static final String DOCUMENT_TYPE = "redoubt.policy";

    private final CryptoProvider provider;
    private final DocumentVerifier verifier;
    private final Supplier<TrustRoot> root;
    private final Expectation expectation;
    private final PersistentFloors floors;
    private final Enforcer enforcer;
    private final Clock clock;
    private final Executor secondThread;
    private final Consumer<Ack> record;
    private AppliedPolicy current;

    /**
     * @param provider digests and signature checks
     * @param root     the trust root in force (it changes by rotation)
     * @param device   this handset, for the target check
     * @param maxBytes the size cap of a policy envelope
     * @param floors   the anti-rollback and time floors, and the policy in force
     * @param enforcer puts a policy in force
     * @param clock    the time of acks and of the staleness check
     * @param secondThread checks a co-signed policy's other signatures while this thread checks the
     *                 first, and records an applied policy while this thread forces the state
     * @param record   records a decision durably (the audit trail); called before its ack is returned
     */
    PolicyProcessor(CryptoProvider provider, Supplier<TrustRoot> root, DeviceIdentity device, int maxBytes,
            PersistentFloors floors, Enforcer enforcer, Clock clock, Executor secondThread, Consumer<Ack> record) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.secondThread = Objects.requireNonNull(secondThread, "secondThread");
        this.record = Objects.requireNonNull(record, "record");
        this.verifier = new DocumentVerifier(provider, secondThread);
        this.root = Objects.requireNonNull(root, "root");
        this.expectation = new Expectation(Role.POLICY, PAYLOAD_TYPE, DOCUMENT_TYPE, device, maxBytes);
        this.floors = Objects.requireNonNull(floors, "floors");
        this.enforcer = Objects.requireNonNull(enforcer, "enforcer");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * At start: the policy last applied, checked again (signatures under the current root, target,
     * schema) and put in force, without any network.
     *
     * @return the policy in force, empty when there is none or the stored one no longer verifies
     * @throws IOException when the stored policy cannot be read or enforced
     */
    Optional<AppliedPolicy> restore() throws IOException {
        Optional<byte[]> stored = floors.policy();
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        Verdict verdict = verifier.authenticate(stored.get(), expectation, root.get());
        if (!(verdict instanceof Verdict.Accepted accepted)) {
            throw new IOException("the stored policy no longer verifies: " + ((Verdict.Rejected) verdict).reason());
        }
        try {
            AppliedPolicy restored = new AppliedPolicy(accepted.header(), PolicyReader.read(accepted.body()), stored.get());
            enforcer.enforce(restored.policy(), restored.staleAt(now()));
            current = restored;
            return Optional.of(restored);
        } catch (PolicyException e) {
            throw new IOException("the stored policy does not fit this release's schema: " + e.getMessage(), e);
        }
    }

    /** @return the policy in force */
    Optional<AppliedPolicy> current() {
        return Optional.ofNullable(current);
    }

    /** @return the handset's best idea of the time: the clock, but never before the time floor */
    Instant now() {
        Instant clockNow = clock.instant();
        Instant floor = floors.notEarlierThan();
        return clockNow.isAfter(floor) ? clockNow : floor;
    }

    /**
     * Enforces the policy in force again because it has just become stale (or is no longer).
     *
     * @throws IOException when it could not be enforced
     */
    void recheckStaleness() throws IOException {
        if (current != null) {
            enforcer.enforce(current.policy(), current.staleAt(now()));
        }
    }

    /**
     * @param envelope the received bytes
     * @return the ack to publish, its decision recorded
     */
    Ack receive(byte[] envelope) {
        byte[] digest = provider.digest(HashAlgorithm.SHA256, envelope);
        Verdict verdict = verifier.verify(envelope, expectation, root.get(), floors, floors);
        if (verdict instanceof Verdict.Rejected rejected) {
            return recorded(ack(OptionalLong.empty(), digest, Result.REJECTED, rejected.reason().name(), rejected.detail()));
        }
        if (verdict instanceof Verdict.AlreadyApplied again) {
            return recorded(ack(OptionalLong.of(again.header().version()), digest, Result.ALREADY_APPLIED, null, null));
        }
        Verdict.Accepted accepted = (Verdict.Accepted) verdict;
        OptionalLong version = OptionalLong.of(accepted.header().version());
        Policy policy;
        try {
            policy = PolicyReader.read(accepted.body());
        } catch (PolicyException e) {
            return recorded(ack(version, digest, Result.REJECTED, e.reason().name(), e.getMessage()));
        }
        AppliedPolicy next = new AppliedPolicy(accepted.header(), policy, envelope);
        try {
            enforcer.enforce(policy, next.staleAt(now()));
        } catch (IOException | RuntimeException e) {
            return recorded(ack(version, digest, Result.FAILED, "ENFORCEMENT_FAILED", e.getMessage()));
        }
        Ack applied = ack(version, digest, Result.APPLIED, null, null);
        Alongside recording = Alongside.start(() -> record.accept(applied), secondThread);
        try {
            floors.together(() -> {
                floors.keepPolicy(envelope);
                verifier.commit(accepted, floors, floors);
            });
        } catch (UncheckedIOException e) {
            recording.finish();
            restorePrevious(e);
            return recorded(ack(version, digest, Result.FAILED, "STORAGE_FAILED", e.getMessage()));
        }
        recording.finish();
        current = next;
        return applied;
    }

    private Ack recorded(Ack ack) {
        record.accept(ack);
        return ack;
    }

    private void restorePrevious(Exception cause) {
        try {
            if (current == null) {
                enforcer.enforce(Policy.NONE, false);
            } else {
                enforcer.enforce(current.policy(), current.staleAt(now()));
            }
        } catch (IOException | RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    private Ack ack(OptionalLong version, byte[] digest, Result result, String reason, String detail) {
        return new Ack(DOCUMENT_TYPE, version, digest, result, Optional.ofNullable(reason), Optional.ofNullable(detail),
                clock.instant());
    }
}
