package org.redoubt.runtime.launcher;

import java.nio.file.Path;
import java.util.Optional;

import org.redoubt.runtime.release.ReleaseRejected;
import org.redoubt.runtime.release.ReleaseVerifier;
import org.redoubt.runtime.release.UnverifiedRelease;

/**
 * Decides which release a boot runs. The factory release is taken on the first boot, or when its
 * number is higher than the committed one (a newer distribution was installed); it then goes into
 * the slot that is not committed. Otherwise the committed slot runs, and its manifest must carry
 * the number the boot record commits. A factory release that cannot even be read never stops a
 * handset that has a committed release.
 */
final class ReleaseSelection {

    private final Optional<Path> factory;
    private final ReleaseVerifier verifier;
    private final BootConsole console;

    ReleaseSelection(Optional<Path> factory, ReleaseVerifier verifier, BootConsole console) {
        this.factory = factory;
        this.verifier = verifier;
        this.console = console;
    }

    /**
     * @param data    the data directory
     * @param current the boot record, empty before the first boot
     * @return the plan for this boot
     * @throws BootFailure {@link ExitCode#NO_RELEASE} without any release,
     *                     {@link ExitCode#RELEASE_REJECTED} when the chosen manifest is unusable
     */
    BootPlan choose(DataDirectory data, Optional<BootRecord> current) throws BootFailure {
        if (current.isEmpty()) {
            Path directory = factory.orElseThrow(() -> new BootFailure(ExitCode.NO_RELEASE,
                    "no release in " + data.root() + " and no factory release given (--release DIR)", null));
            UnverifiedRelease release = read(directory, "factory release");
            return new BootPlan(release, Slot.A, true, new BootRecord(Slot.A, release.manifest().release(), 1),
                    "factory release");
        }
        BootRecord record = current.get();
        Optional<UnverifiedRelease> newer = newerFactoryRelease(record);
        if (newer.isPresent()) {
            Slot slot = record.committedSlot().other();
            return new BootPlan(newer.get(), slot, true,
                    record.commit(slot, newer.get().manifest().release()).nextBoot(), "factory release");
        }
        if (record.candidate().isPresent()) {
            BootRecord.Candidate candidate = record.candidate().get();
            String reason = null;
            UnverifiedRelease release = null;
            if (candidate.attempts() >= BootRecord.MAX_ATTEMPTS) {
                reason = candidate.attempts() + " boots without a commit";
            } else {
                try {
                    release = verifier.read(data.slot(candidate.slot()));
                    if (release.manifest().release() != candidate.release()) {
                        reason = "slot " + candidate.slot().directoryName() + " holds release "
                                + release.manifest().release();
                    }
                } catch (ReleaseRejected e) {
                    reason = "unreadable: " + e.getMessage();
                }
            }
            if (reason == null) {
                // Counted before it runs: a crash or a hang during this boot counts.
                console.message("booting the candidate release " + candidate.release() + " from slot "
                        + candidate.slot().directoryName() + " in TESTING (attempt " + (candidate.attempts() + 1)
                        + " of " + BootRecord.MAX_ATTEMPTS + ")");
                return new BootPlan(release, candidate.slot(), false, record.candidateAttempt().nextBoot(),
                        "candidate release in slot " + candidate.slot().directoryName(), true);
            }
            console.message("rolling back the candidate release " + candidate.release() + " (" + reason
                    + "); booting the committed release " + record.committedRelease());
            record = record.rollBack(reason);
        }
        String origin = "release in slot " + record.committedSlot().directoryName();
        UnverifiedRelease committed = read(data.slot(record.committedSlot()), origin);
        if (committed.manifest().release() != record.committedRelease()) {
            throw new BootFailure(ExitCode.RELEASE_REJECTED, "slot " + record.committedSlot().directoryName()
                    + " holds release " + committed.manifest().release() + " but the boot record commits release "
                    + record.committedRelease(), null);
        }
        return new BootPlan(committed, record.committedSlot(), false, record.nextBoot(), origin);
    }

    private Optional<UnverifiedRelease> newerFactoryRelease(BootRecord record) {
        if (factory.isEmpty()) {
            return Optional.empty();
        }
        try {
            UnverifiedRelease release = verifier.read(factory.get());
            return release.manifest().release() > record.committedRelease() ? Optional.of(release) : Optional.empty();
        } catch (ReleaseRejected e) {
            console.message("ignoring the factory release in " + factory.get() + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private UnverifiedRelease read(Path directory, String origin) throws BootFailure {
        try {
            return verifier.read(directory);
        } catch (ReleaseRejected e) {
            throw refused(origin, directory, e);
        }
    }

    /** The failure for a release that did not pass verification, every problem on its own line. */
    static BootFailure refused(String origin, Path directory, ReleaseRejected rejected) {
        StringBuilder text = new StringBuilder("boot refused: the " + origin + " (" + directory
                + ") failed verification");
        for (ReleaseRejected.Problem problem : rejected.problems()) {
            text.append("\n  ").append(problem);
        }
        return new BootFailure(ExitCode.RELEASE_REJECTED, text.toString(), rejected);
    }
}
