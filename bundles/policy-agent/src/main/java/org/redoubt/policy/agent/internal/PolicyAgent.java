package org.redoubt.policy.agent.internal;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.redoubt.channel.FleetChannel;
import org.redoubt.policy.Policy;
import org.redoubt.policy.PolicyState;
import org.redoubt.policy.agent.internal.Ack.Result;

/**
 * The handset's policy agent: enforces the stored policy at start (no network needed), then keeps
 * one broker session, processes every policy that arrives, acknowledges each, and reports its
 * status when it changes and every reporting interval. It notices when the policy in force
 * expires (onStale) and re-enforces it then.
 *
 * <p>All work happens on one thread, in arrival order. With a broker, the session is also offered
 * to other bundles as a {@link FleetChannel} whose listeners run on that same thread.
 */
final class PolicyAgent implements AutoCloseable {

    /** Makes the TLS context of a connection. */
    @FunctionalInterface
    interface TlsFactory {
        /**
         * @param policyBrokerCa the broker CAs the policy in force names (PEM); empty: the provisioned ones
         * @return the context
         * @throws IOException when it cannot be made
         */
        javax.net.ssl.SSLContext context(List<String> policyBrokerCa) throws IOException;
    }

    /** Where and how to reach the broker. */
    record Connection(String uri, TlsFactory tls, Duration maxBackoff) {
        Connection {
            Objects.requireNonNull(uri, "uri");
            Objects.requireNonNull(tls, "tls");
            Objects.requireNonNull(maxBackoff, "maxBackoff");
        }
    }

    /** How long after a change its status is published. */
    static final Duration STATUS_DELAY = Duration.ofMillis(500);

    /** Status reports when the policy says nothing about reporting. */
    static final Duration DEFAULT_REPORTING = Duration.ofMinutes(15);

    private final Topics topics;
    private final PolicyProcessor processor;
    private final CommandProcessor commands;
    private final RootKeeper roots;
    private final SecondThread secondThread;
    private final StatusFacts facts;
    private final java.util.function.Supplier<java.util.OptionalLong> release;
    private final Consumer<String> journal;
    private final ScheduledExecutorService executor;
    private final BrokerLink link;
    private final HandsetChannel channel;
    private boolean compliant = true;
    private ScheduledFuture<?> staleCheck;
    private ScheduledFuture<?> report;
    private ScheduledFuture<?> pendingStatus;
    private Duration reporting;
    private List<String> brokerCa = List.of();
    private final Runnable changed;
    private final AuditTrail audit;
    private volatile Optional<PolicyState> state = Optional.empty();

    /**
     * @param topics     the handset's topics
     * @param processor  verifies and enforces policies
     * @param commands   verifies and carries out commands
     * @param roots      the trust root and its rotation
     * @param secondThread the processors' second thread, closed with the agent
     * @param facts      what the status says about the handset, as the policy's reporting.fields asks
     * @param release    the release the handset runs now (it changes with a live install)
     * @param connection the broker, or empty to work without one (only the stored policy)
     * @param journal    one line per event; never secrets
     * @param changed    runs (on the agent's thread) after the policy in force or how it stands changed
     * @param audit      records each command and root decision before its ack goes out (the policy
     *                   processor records its own)
     */
    PolicyAgent(Topics topics, PolicyProcessor processor, CommandProcessor commands, RootKeeper roots,
            SecondThread secondThread, StatusFacts facts, java.util.function.Supplier<java.util.OptionalLong> release,
            Optional<Connection> connection, Consumer<String> journal, Runnable changed, AuditTrail audit) {
        this.audit = Objects.requireNonNull(audit, "audit");
        this.release = Objects.requireNonNull(release, "release");
        this.facts = Objects.requireNonNull(facts, "facts");
        this.secondThread = Objects.requireNonNull(secondThread, "secondThread");
        this.commands = Objects.requireNonNull(commands, "commands");
        this.roots = Objects.requireNonNull(roots, "roots");
        this.changed = Objects.requireNonNull(changed, "changed");
        this.topics = Objects.requireNonNull(topics, "topics");
        this.processor = Objects.requireNonNull(processor, "processor");
        this.journal = Objects.requireNonNull(journal, "journal");
        ScheduledThreadPoolExecutor thread = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread worker = new Thread(runnable, "redoubt-policy-agent");
            worker.setDaemon(true);
            return worker;
        });
        // On close, what is queued now (the goodbye to the broker) runs; timers (staleness, reports) do not.
        thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        thread.setRemoveOnCancelPolicy(true);
        this.executor = thread;
        ChannelRoutes routes = new ChannelRoutes(journal);
        this.link = connection.map(c -> new BrokerLink(c.uri(), topics, () -> c.tls().context(brokerCa), c.maxBackoff(), executor,
                this::arrived, StatusReport.offline(topics.deviceId()), this::publishStatus, journal, routes)).orElse(null);
        this.channel = link == null ? null : new HandsetChannel(topics.deviceId(), executor, link, routes);
    }

    /**
     * Enforces the stored policy on the caller's thread (the handset is never without it), then
     * starts the broker session in the background.
     *
     * @throws IOException when the stored policy cannot be enforced
     */
    void start() throws IOException {
        Future.await(executor.submit(() -> {
            Optional<AppliedPolicy> restored = processor.restore();
            restored.ifPresent(policy -> journal.accept("policy version " + policy.header().version() + " restored"));
            followPolicy();
            return null;
        }));
        if (link != null) {
            link.start();
        }
    }

    /** @return the broker session for other bundles; empty without a broker (any thread) */
    Optional<FleetChannel> channel() {
        return Optional.ofNullable(channel);
    }

    /** @return the policy in force (agent thread) */
    Optional<AppliedPolicy> current() {
        return processor.current();
    }

    /** @return the policy in force and how it stands (any thread) */
    Optional<PolicyState> state() {
        return state;
    }

    /** @return the broker CAs of the policy in force; empty when it names none (agent thread) */
    List<String> brokerCa() {
        return brokerCa;
    }

    @Override
    public void close() {
        if (link != null) {
            link.close();
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        } finally {
            secondThread.close();
        }
    }

    private void arrived(String topic, byte[] payload) {
        if (topic.equals(topics.command())) {
            answer(AuditTrail.Document.COMMAND, commands.receive(payload));
        } else if (topic.equals(topics.root()) || topic.equals(Topics.FLEET_ROOT)) {
            answer(AuditTrail.Document.ROOT, roots.receive(payload));
        } else if (topic.equals(topics.policy()) || topic.equals(Topics.FLEET_POLICY)) {
            policyArrived(payload);
        } else {
            journal.accept("ignored a message on " + topic);
        }
    }

    private void answer(AuditTrail.Document kind, Ack ack) {
        audit.decided(kind, ack); // durable before the operator hears of the decision
        journal.accept(kind.name().toLowerCase(java.util.Locale.ROOT) + " " + ack.envelope() + " " + ack.result() + ack.reason().map(r -> " " + r).orElse(""));
        link.publish(topics.ack(), ack.toJson(), false);
    }

    private void policyArrived(byte[] payload) {
        Ack ack = processor.receive(payload); // its decision durable in the audit log before the operator hears of it
        journal.accept("policy " + ack.envelope() + " " + ack.result() + ack.reason().map(r -> " " + r).orElse(""));
        if (ack.result() == Result.FAILED) {
            compliant = false;
            refreshState();
        } else if (ack.result() == Result.APPLIED) {
            compliant = true;
            followPolicy();
        }
        link.publish(topics.ack(), ack.toJson(), false);
        if (ack.result() != Result.ALREADY_APPLIED) {
            statusSoon();
        }
    }

    /**
     * Publishes the status a moment after a change, once for several changes: the ack is what the
     * operator waits for, and when a whole group applies a policy at once the statuses do not
     * compete with the acks.
     */
    private void statusSoon() {
        if (pendingStatus == null || pendingStatus.isDone()) {
            pendingStatus = executor.schedule(this::publishStatus, STATUS_DELAY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void refreshState() {
        Instant now = processor.now();
        state = processor.current().map(applied -> new PolicyState(applied.header().version(), applied.header().expires(),
                applied.staleAt(now), compliant && !applied.staleAt(now), applied.policy()));
        changed.run();
    }

    /** Takes over what the agent itself enforces: reporting, staleness, broker trust. */
    private void followPolicy() {
        refreshState();
        Optional<AppliedPolicy> current = processor.current();
        Policy policy = current.map(AppliedPolicy::policy).orElse(Policy.NONE);
        Duration interval = policy.reporting().map(Policy.Reporting::interval).orElse(DEFAULT_REPORTING);
        if (!interval.equals(reporting)) {
            reporting = interval;
            if (report != null) {
                report.cancel(false);
            }
            report = executor.scheduleAtFixedRate(this::publishStatus, interval.toMillis(), interval.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
        if (staleCheck != null) {
            staleCheck.cancel(false);
        }
        current.ifPresent(applied -> {
            Duration untilStale = Duration.between(processor.now(), applied.header().expires());
            if (!untilStale.isNegative()) {
                staleCheck = executor.schedule(this::becameStale, untilStale.toMillis() + 1, TimeUnit.MILLISECONDS);
            }
        });
        if (!policy.brokerCa().equals(brokerCa)) {
            boolean changed = !brokerCa.isEmpty() || !policy.brokerCa().isEmpty();
            brokerCa = policy.brokerCa();
            if (changed && link != null && link.isConnected()) {
                journal.accept("broker trust anchors changed by policy; reconnecting");
                link.reconnect();
            }
        }
    }

    private void becameStale() {
        try {
            processor.recheckStaleness();
            journal.accept("the policy in force has expired");
        } catch (IOException | RuntimeException e) {
            compliant = false;
            journal.accept("the expired policy's onStale could not be enforced: " + e.getMessage());
        }
        refreshState();
        publishStatus();
    }

    private void publishStatus() {
        if (link == null) {
            return;
        }
        Instant now = processor.now();
        Optional<AppliedPolicy> current = processor.current();
        boolean stale = current.map(policy -> policy.staleAt(now)).orElse(false);
        Set<Policy.ReportField> fields = current.flatMap(policy -> policy.policy().reporting())
                .map(Policy.Reporting::fields).orElse(Set.of());
        link.publish(topics.status(), StatusReport.online(topics.deviceId(), current, stale, compliant && !stale, reporting,
                release.get(), facts.read(fields), now), true);
    }

    /** Waits for a task of the agent's thread and passes on its failure. */
    private static final class Future {
        static void await(java.util.concurrent.Future<?> task) throws IOException {
            try {
                task.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while the stored policy was enforced", e);
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                throw new IOException("the stored policy could not be enforced", e.getCause());
            }
        }
    }
}
