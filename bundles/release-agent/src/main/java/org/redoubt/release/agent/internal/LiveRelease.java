package org.redoubt.release.agent.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.redoubt.runtime.slots.ReleaseSlots;
import org.redoubt.runtime.slots.SlotException;
import org.redoubt.runtime.slots.StagedRelease;

/**
 * One release installed into the running handset as a transaction: the launcher verifies and
 * stages it as the candidate (from then on a power cut boots it in TESTING, and the launcher falls
 * back by itself if it never gets ready), the framework is brought to it, the health window
 * judges it, and it is committed, or the framework is brought back to the running release and the
 * candidate abandoned with the reason. Every step is journalled before it is reported.
 */
final class LiveRelease {

    /** Told each step, with a detail (the reason of a rejection or rollback). */
    @FunctionalInterface
    interface Progress {
        void reached(long release, ReleaseProgress progress, String detail);
    }

    /** How a release ended. */
    record Outcome(long release, ReleaseProgress result, String reason) {
        Outcome {
            Objects.requireNonNull(result, "result");
            Objects.requireNonNull(reason, "reason");
        }
    }

    private final ReleaseSlots slots;
    private final BundleSetConverger converger;
    private final HealthWindow health;
    private final InstallJournal journal;
    private final String agentSymbolicName;

    /**
     * @param slots             the launcher's slots
     * @param converger         brings the framework to a release
     * @param health            judges the new release
     * @param journal           where each step is recorded first
     * @param agentSymbolicName the release agent's own bundle, which is never swapped live
     */
    LiveRelease(ReleaseSlots slots, BundleSetConverger converger, HealthWindow health, InstallJournal journal,
            String agentSymbolicName) {
        this.agentSymbolicName = Objects.requireNonNull(agentSymbolicName, "agentSymbolicName");
        this.slots = Objects.requireNonNull(slots, "slots");
        this.converger = Objects.requireNonNull(converger, "converger");
        this.health = Objects.requireNonNull(health, "health");
        this.journal = Objects.requireNonNull(journal, "journal");
    }

    /**
     * @param release   the release number the signed manifest names (for reports before staging)
     * @param directory the downloaded release: its signed manifest and the files it lists
     * @param progress  told each step
     * @return how it ended
     * @throws InterruptedException when the agent is stopped during the health window; the
     *                              candidate then stays staged and the next boot tests it
     */
    Outcome install(long release, Path directory, Progress progress) throws InterruptedException {
        StagedRelease running;
        StagedRelease staged;
        try {
            running = slots.running();
            staged = slots.stage(directory);
        } catch (SlotException e) {
            return end(release, ReleaseProgress.REJECTED, e.reason() + ": " + e.getMessage(), progress);
        }
        step(release, ReleaseProgress.VERIFIED, "staged as the candidate", progress);
        if (replacesAgent(running, staged)) {
            return end(release, ReleaseProgress.STAGED_FOR_RESTART, "the release replaces the release agent; it runs"
                    + " from the next start of the runtime", progress);
        }
        step(release, ReleaseProgress.INSTALLING, "from release " + running.release(), progress);
        try {
            // Its service rules come into force with its bundles (a candidate for the next start
            // leaves the running release under its own rules until then).
            slots.installing(release);
        } catch (SlotException e) {
            return rollBack(release, running, "INSTALL_FAILED: " + e.getMessage(), progress);
        }
        List<String> problems = converger.converge(staged);
        Optional<String> failure = problems.isEmpty() ? Optional.empty() : Optional.of(problems.get(0));
        if (failure.isEmpty()) {
            step(release, ReleaseProgress.TESTING, "health window", progress);
            failure = health.judge();
        }
        if (failure.isEmpty()) {
            try {
                slots.commit(release);
                return end(release, ReleaseProgress.COMMITTED, "", progress);
            } catch (SlotException e) {
                failure = Optional.of("COMMIT_FAILED: " + e.getMessage());
            }
        }
        return rollBack(release, running, failure.get(), progress);
    }

    private boolean replacesAgent(StagedRelease running, StagedRelease staged) {
        String before = version(running);
        String after = version(staged);
        return !before.equals(after);
    }

    private String version(StagedRelease release) {
        return release.bundles().stream().filter(bundle -> bundle.symbolicName().equals(agentSymbolicName))
                .map(org.redoubt.runtime.slots.StagedBundle::version).findFirst().orElse("");
    }

    private Outcome rollBack(long release, StagedRelease running, String reason, Progress progress) {
        List<String> problems = converger.converge(running);
        String detail = problems.isEmpty() ? reason
                : reason + " (the running release did not come back whole: " + problems.get(0)
                        + "; the next boot restores it)";
        try {
            slots.abandon(release, reason);
        } catch (SlotException e) {
            detail = detail + " (the candidate could not be abandoned: " + e.getMessage() + ")";
        }
        return end(release, ReleaseProgress.ROLLED_BACK, detail, progress);
    }

    private Outcome end(long release, ReleaseProgress result, String reason, Progress progress) {
        step(release, result, reason, progress);
        return new Outcome(release, result, reason);
    }

    private void step(long release, ReleaseProgress reached, String detail, Progress progress) {
        try {
            journal.record(release, reached, detail);
        } catch (IOException e) {
            // The boot record keeps the handset safe; the journal only explains. Say so in the report.
            detail = detail + " (journal not written: " + e.getMessage() + ")";
        }
        progress.reached(release, reached, detail);
    }
}
