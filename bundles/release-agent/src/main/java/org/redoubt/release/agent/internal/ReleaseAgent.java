package org.redoubt.release.agent.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.redoubt.channel.FleetChannel;
import org.redoubt.channel.Subscription;
import org.redoubt.runtime.slots.ReleaseContents;
import org.redoubt.runtime.slots.ReleaseSlots;
import org.redoubt.runtime.slots.SlotException;

/**
 * Receives signed releases on {@code devices/<id>/release} and {@code fleet/release}, fetches the
 * files they list as digest-addressed chunks, and installs them live ({@link LiveRelease}),
 * acknowledging every step on {@code devices/<id>/ack}. One release at a time, on the agent's one
 * thread, in arrival order.
 *
 * <p>The same envelope again (a retained copy after a reconnection) gets the ack of how it ended,
 * nothing more. After a restart during an install, the boot record has decided (the launcher
 * booted the candidate in TESTING, or fell back); the agent reports that outcome.
 */
final class ReleaseAgent implements AutoCloseable {

    static final String PREFIX = "redoubt/v1/";
    /** How long a TESTING boot may take to become ready and be committed by the launcher. */
    private static final java.time.Duration RECONCILE_WAIT = java.time.Duration.ofSeconds(120);
    /** The states from which the launcher holds the release as the candidate. */
    private static final java.util.Set<ReleaseProgress> STAGED = java.util.EnumSet.of(ReleaseProgress.VERIFIED,
            ReleaseProgress.INSTALLING, ReleaseProgress.TESTING, ReleaseProgress.STAGED_FOR_RESTART);

    private final FleetChannel channel;
    private final ReleaseSlots slots;
    private final LiveRelease live;
    private final BlobFetch fetch;
    private final LastRelease last;
    private final Path work;
    private final Clock clock;
    private final Consumer<String> journal;
    private final java.util.function.Supplier<List<org.redoubt.policy.Policy.BundleGrant>> grants;
    private final ExecutorService thread;
    private final List<Subscription> subscriptions = new ArrayList<>();
    private final ReleaseAuditTrail audit;

    /**
     * @param channel the fleet channel
     * @param slots   the launcher's slots
     * @param live    installs a release into the running framework
     * @param fetch   fetches a listed file
     * @param last    what the agent remembers of the last release it handled
     * @param work    where release directories are assembled
     * @param clock   the time of acks
     * @param journal one line per event
     * @param grants  the policy's {@code bundles.allow} in force now (empty: every bundle allowed)
     * @param audit   records each release's outcome before it is acknowledged
     */
    ReleaseAgent(FleetChannel channel, ReleaseSlots slots, LiveRelease live, BlobFetch fetch, LastRelease last, Path work,
            Clock clock, Consumer<String> journal, java.util.function.Supplier<List<org.redoubt.policy.Policy.BundleGrant>> grants,
            ReleaseAuditTrail audit) {
        this.audit = Objects.requireNonNull(audit, "audit");
        this.grants = Objects.requireNonNull(grants, "grants");
        this.channel = Objects.requireNonNull(channel, "channel");
        this.slots = Objects.requireNonNull(slots, "slots");
        this.live = Objects.requireNonNull(live, "live");
        this.fetch = Objects.requireNonNull(fetch, "fetch");
        this.last = Objects.requireNonNull(last, "last");
        this.work = Objects.requireNonNull(work, "work");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.journal = Objects.requireNonNull(journal, "journal");
        this.thread = Executors.newSingleThreadExecutor(task -> {
            Thread worker = new Thread(task, "redoubt-release-agent");
            worker.setDaemon(true);
            return worker;
        });
    }

    /** @return whether this agent works with these services */
    boolean uses(ReleaseSlots releaseSlots, FleetChannel fleetChannel) {
        return slots == releaseSlots && channel == fleetChannel;
    }

    /** Reports how an install cut off by a restart ended, then listens for releases. */
    void start() {
        thread.execute(this::reconcile);
        for (String topic : List.of(PREFIX + "devices/" + channel.deviceId() + "/release", PREFIX + "fleet/release")) {
            subscriptions.add(channel.subscribe(topic, (arrivedOn, payload) -> thread.execute(() -> handle(payload))));
        }
    }

    @Override
    public void close() {
        subscriptions.forEach(Subscription::close);
        thread.shutdownNow();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * An install the runtime did not finish. When this boot runs that release, the launcher staged
     * it before the cut and booted it in TESTING: it commits it once the release is ready, and the
     * outcome is reported once it did. When the release had been staged and the committed one runs
     * again, the candidate failed its boots: rolled back. When the cut came during the download,
     * nothing was staged: the retained manifest arrives again and the download resumes where it
     * stopped (only the missing chunks).
     */
    private void reconcile() {
        LastRelease.Entry entry = last.read().orElse(null);
        if (entry == null || entry.state().isFinal() || entry.release() == 0) {
            return;
        }
        if (slots.runningRelease() != entry.release()) {
            if (STAGED.contains(entry.state())) {
                finish(entry.release(), entry.envelope(), ReleaseProgress.ROLLED_BACK, "RESTARTED: the runtime restarted"
                        + " during the install and release " + slots.runningRelease() + " runs");
            } else {
                journal.accept("release " + entry.release() + ": the download was cut off; it resumes when the"
                        + " release arrives again");
            }
            return;
        }
        long deadline = System.nanoTime() + RECONCILE_WAIT.toNanos();
        try {
            while (slots.committedRelease() != entry.release() && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (slots.committedRelease() == entry.release()) {
            finish(entry.release(), entry.envelope(), ReleaseProgress.COMMITTED,
                    "committed at boot after the runtime restarted during the install");
        }
    }

    private void handle(byte[] envelope) {
        String digest = "sha256:" + sha256(envelope);
        LastRelease.Entry previous = last.read().orElse(null);
        if (previous != null && previous.envelope().equals(digest)
                && (previous.state().isFinal() || previous.state() == ReleaseProgress.STAGED_FOR_RESTART)) {
            ack(previous.release(), digest, previous.state(), previous.detail());
            return;
        }
        ReleaseContents contents;
        try {
            contents = slots.authenticate(envelope);
        } catch (SlotException e) {
            if (e.reason() == SlotException.Reason.ROLLBACK && previous != null && previous.envelope().equals(digest)) {
                // This release was committed (at a TESTING boot) before its outcome was written down.
                if (slots.committedRelease() >= previous.release()) {
                    finish(previous.release(), digest, ReleaseProgress.COMMITTED, "committed");
                }
                return;
            }
            finish(0, digest, ReleaseProgress.REJECTED, e.reason() + ": " + e.getMessage());
            return;
        }
        long release = contents.release();
        java.util.Optional<String> refused = BundleAllowance.refusal(contents, grants.get());
        if (refused.isPresent()) {
            finish(release, digest, ReleaseProgress.REJECTED, refused.get());
            return;
        }
        remember(release, digest, ReleaseProgress.DOWNLOAD_STARTED, "");
        ack(release, digest, ReleaseProgress.DOWNLOAD_STARTED, contents.files().size() + " files");
        Path directory = work.resolve("release-" + release);
        try {
            assemble(release, digest, contents, envelope, directory);
        } catch (TransferFailure e) {
            finish(release, digest, ReleaseProgress.REJECTED, e.reason() + ": " + e.getMessage());
            return;
        } catch (IOException e) {
            finish(release, digest, ReleaseProgress.REJECTED, "IO_FAILURE: " + e.getMessage());
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        ack(release, digest, ReleaseProgress.DOWNLOADED, "");
        try {
            LiveRelease.Outcome outcome = live.install(release, directory, (number, reached, detail) -> {
                if (reached == ReleaseProgress.VERIFIED || reached == ReleaseProgress.INSTALLING
                        || reached == ReleaseProgress.TESTING) {
                    remember(number, digest, reached, detail);
                    ack(number, digest, reached, detail);
                }
            });
            finish(release, digest, outcome.result(), outcome.reason());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            deleteTree(directory);
        }
    }

    /** Fetches every listed file and lays out a release directory for the launcher. */
    private void assemble(long release, String digest, ReleaseContents contents, byte[] envelope, Path directory)
            throws TransferFailure, IOException, InterruptedException {
        deleteTree(directory);
        Files.createDirectories(directory);
        Files.write(directory.resolve(contents.manifest()), envelope);
        long total = contents.files().stream().mapToLong(ReleaseContents.ReleaseFile::size).sum();
        long done = 0;
        int[] quarter = {0};
        for (ReleaseContents.ReleaseFile file : contents.files()) {
            if (!file.digest().startsWith("sha256:")) {
                throw new TransferFailure(TransferFailure.Reason.MALFORMED_CHUNK, file.file()
                        + " is listed with a digest the blob topics cannot address: " + file.digest(), null);
            }
            BlobSpec spec = new BlobSpec(file.digest().substring("sha256:".length()), file.size(), BlobSpec.CHUNK_SIZE);
            long before = done;
            Path blob = fetch.fetch(spec, staged -> {
                long now = before + staged;
                int reached = (int) (now * 4 / Math.max(1, total));
                if (reached > quarter[0] && reached < 4) {
                    quarter[0] = reached;
                    ack(release, digest, ReleaseProgress.DOWNLOADING, "", OptionalLong.of(now), OptionalLong.of(total));
                }
            });
            done += file.size();
            Path target = directory.resolve(file.file()).normalize();
            if (!target.startsWith(directory)) {
                throw new IOException("the manifest names a file outside the release: " + file.file());
            }
            Files.createDirectories(target.getParent());
            Files.copy(blob, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void finish(long release, String digest, ReleaseProgress state, String detail) {
        remember(release, digest, state, detail);
        // Said before it is acknowledged, like every step: whoever sees the ack finds the line already there.
        journal.accept("release " + release + ": " + state + (detail.isEmpty() ? "" : " (" + detail + ")"));
        audit.finished(release, digest, state, detail); // durable before the operator hears of the outcome
        ack(release, digest, state, detail);
    }

    private void remember(long release, String digest, ReleaseProgress state, String detail) {
        try {
            last.write(new LastRelease.Entry(release, digest, state, detail));
        } catch (IOException e) {
            journal.accept("the release state cannot be written: " + e.getMessage());
        }
    }

    private void ack(long release, String digest, ReleaseProgress state, String detail) {
        ack(release, digest, state, detail, OptionalLong.empty(), OptionalLong.empty());
    }

    private void ack(long release, String digest, ReleaseProgress state, String detail, OptionalLong received,
            OptionalLong total) {
        channel.publish(PREFIX + "devices/" + channel.deviceId() + "/ack",
                ReleaseAck.json(release, digest, state, detail, received, total, clock.instant()), false);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static void deleteTree(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (var files = Files.walk(directory)) {
            for (Path path : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // Left for the next release, which empties it first.
        }
    }
}
