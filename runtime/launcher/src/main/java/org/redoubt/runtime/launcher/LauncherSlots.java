package org.redoubt.runtime.launcher;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.redoubt.runtime.release.ReleaseBundle;
import org.redoubt.runtime.release.ReleaseManifest;
import org.redoubt.runtime.release.ReleaseRejected;
import org.redoubt.runtime.release.ReleaseVerifier;
import org.redoubt.runtime.release.UnverifiedRelease;
import org.redoubt.runtime.slots.ReleaseContents;
import org.redoubt.runtime.slots.ReleaseSlots;
import org.redoubt.runtime.slots.SlotException;
import org.redoubt.runtime.slots.StagedBundle;
import org.redoubt.runtime.slots.StagedRelease;

/**
 * The launcher's slots and boot record, offered to the release agent. Holds the boot record of
 * this boot in memory and writes every change through {@link BootRecordStore} before it takes
 * effect; tells the resolver hook which candidate it may admit.
 */
final class LauncherSlots implements ReleaseSlots {

    private final DataDirectory data;
    private final ReleaseVerifier verifier;
    private final BootRecordStore records;
    private final AdmittedReleases admitted;
    private final SlotWriter writer = new SlotWriter();
    private final BootConsole console;
    private final Clock clock;
    private BootRecord record;
    private long running;
    private Slot runningSlot;
    private String candidateProfile;

    /**
     * @param data     the data directory and its slots
     * @param verifier verifies a release as at boot
     * @param records  where the boot record is saved
     * @param record   the boot record as this boot saved it
     * @param running  the release this boot runs
     * @param runningSlot the slot it was booted from
     * @param admitted what the resolver admits
     * @param console  one line per change
     */
    LauncherSlots(DataDirectory data, ReleaseVerifier verifier, BootRecordStore records, BootRecord record, long running,
            Slot runningSlot, AdmittedReleases admitted, BootConsole console) {
        this.runningSlot = Objects.requireNonNull(runningSlot, "runningSlot");
        this.data = Objects.requireNonNull(data, "data");
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.records = Objects.requireNonNull(records, "records");
        this.record = Objects.requireNonNull(record, "record");
        this.running = running;
        this.admitted = Objects.requireNonNull(admitted, "admitted");
        this.console = Objects.requireNonNull(console, "console");
        this.clock = Clock.systemUTC();
    }

    @Override
    public synchronized long committedRelease() {
        return record.committedRelease();
    }

    @Override
    public synchronized long runningRelease() {
        return running;
    }

    @Override
    public ReleaseContents authenticate(byte[] manifestEnvelope) throws SlotException {
        ReleaseVerifier.AuthenticManifest authentic;
        try {
            authentic = verifier.authenticate(manifestEnvelope);
        } catch (ReleaseRejected e) {
            throw new SlotException(SlotException.Reason.REJECTED, firstProblem(e), e);
        }
        long number = authentic.manifest().release();
        if (number <= committedRelease()) {
            throw new SlotException(SlotException.Reason.ROLLBACK, "release " + number
                    + " is not above the committed release " + committedRelease(), null);
        }
        if (!authentic.expires().isAfter(clock.instant())) {
            throw new SlotException(SlotException.Reason.EXPIRED, "release " + number + " expired at "
                    + authentic.expires(), null);
        }
        List<ReleaseContents.ReleaseFile> files = new ArrayList<>();
        for (ReleaseBundle bundle : authentic.manifest().bundles()) {
            files.add(new ReleaseContents.ReleaseFile(bundle.symbolicName(), bundle.file(), bundle.digest().toString(),
                    bundle.size()));
        }
        return new ReleaseContents(number, ReleaseVerifier.MANIFEST, files, authentic.signers());
    }

    @Override
    public synchronized StagedRelease running() throws SlotException {
        Path slot = data.slot(runningSlot);
        try {
            return staged(verifier.read(slot).manifest(), slot);
        } catch (ReleaseRejected e) {
            throw new SlotException(SlotException.Reason.REJECTED, "the running release's slot "
                    + runningSlot.directoryName() + " no longer verifies: " + firstProblem(e), e);
        }
    }

    @Override
    public synchronized StagedRelease stage(Path directory) throws SlotException {
        if (record.candidate().isPresent()) {
            throw new SlotException(SlotException.Reason.BUSY, "release " + record.candidate().get().release()
                    + " is the candidate already", null);
        }
        UnverifiedRelease release;
        try {
            release = verifier.read(directory);
            long number = release.manifest().release();
            if (number <= record.committedRelease()) {
                throw new SlotException(SlotException.Reason.ROLLBACK, "release " + number
                        + " is not above the committed release " + record.committedRelease(), null);
            }
            verifier.checkNothingUnlisted(release);
        } catch (ReleaseRejected e) {
            throw new SlotException(SlotException.Reason.REJECTED, firstProblem(e), e);
        }
        Slot slot = record.committedSlot().other();
        BootRecord staged = record.stage(slot, release.manifest().release());
        try {
            // Bundle by bundle, each checked as it is written: a handset's heap does not hold a
            // whole release beside the running one.
            writer.write(release.manifestBytes(), release.manifest().bundles(),
                    bundle -> verifier.readBundle(directory, bundle), data.slot(slot));
            records.save(staged);
        } catch (ReleaseRejected e) {
            throw new SlotException(SlotException.Reason.REJECTED, firstProblem(e), e);
        } catch (IOException | BootFailure e) {
            throw new SlotException(SlotException.Reason.STORAGE, "cannot stage release " + release.manifest().release()
                    + " in slot " + slot.directoryName() + ": " + e.getMessage(), e);
        }
        record = staged;
        candidateProfile = release.manifest().profile();
        admitted.admitCandidate(FrameworkBoot.admitted(release.manifest().bundles()),
                FirewallRules.of(release.manifest()));
        console.message("staged release " + release.manifest().release() + " in slot " + slot.directoryName()
                + " as the candidate");
        return staged(release.manifest(), data.slot(slot));
    }

    @Override
    public synchronized void commit(long release) throws SlotException {
        if (record.candidate().isEmpty() && record.committedRelease() == release) {
            return;
        }
        if (record.candidate().isEmpty() || record.candidate().get().release() != release) {
            throw new SlotException(SlotException.Reason.NO_CANDIDATE, "release " + release + " is not the candidate",
                    null);
        }
        // A TESTING boot runs the candidate itself: the resolver already admits exactly its bundles.
        boolean booted = running == release && runningSlot == record.candidate().get().slot();
        BootRecord committed = record.commitCandidate();
        save(committed);
        record = committed;
        running = release;
        runningSlot = committed.committedSlot();
        if (!booted) {
            admitted.candidateCommitted();
        }
        if (candidateProfile != null) {
            // Committed live: the bundles (the About screen, the status) see the release they run now.
            System.setProperty(Boot.RELEASE_PROPERTY, Long.toString(release));
            System.setProperty(Boot.PROFILE_PROPERTY, candidateProfile);
            candidateProfile = null;
        }
        console.message("committed release " + release + " in slot " + committed.committedSlot().directoryName());
    }

    @Override
    public synchronized void installing(long release) throws SlotException {
        if (record.candidate().isEmpty() || record.candidate().get().release() != release) {
            throw new SlotException(SlotException.Reason.NO_CANDIDATE, "release " + release + " is not the candidate",
                    null);
        }
        // A TESTING boot runs the candidate itself, under its rules already.
        boolean booted = running == release && runningSlot == record.candidate().get().slot();
        if (!booted) {
            admitted.candidateInstalling();
        }
    }

    @Override
    public synchronized void abandon(long release, String reason) throws SlotException {
        if (record.candidate().isEmpty() || record.candidate().get().release() != release) {
            return;
        }
        BootRecord abandoned = record.rollBack(reason);
        save(abandoned);
        record = abandoned;
        admitted.candidateAbandoned();
        console.message("abandoned the candidate release " + release + ": " + reason);
    }

    private void save(BootRecord next) throws SlotException {
        try {
            records.save(next);
        } catch (BootFailure e) {
            throw new SlotException(SlotException.Reason.STORAGE, "cannot save the boot record: " + e.getMessage(), e);
        }
    }

    /** The release in {@code slot}, each bundle read and checked again when it is needed. */
    private StagedRelease staged(ReleaseManifest manifest, Path slot) {
        List<StagedBundle> bundles = new ArrayList<>();
        for (ReleaseBundle entry : manifest.bundles()) {
            bundles.add(new StagedBundle(entry.symbolicName(), entry.version(), entry.startLevel(),
                    FrameworkBoot.LOCATION_PREFIX + entry.symbolicName(), entry.digest().toString(),
                    () -> readBundle(slot, entry)));
        }
        return new StagedRelease(manifest.release(), manifest.profile(), bundles);
    }

    private byte[] readBundle(Path slot, ReleaseBundle entry) throws SlotException {
        try {
            return verifier.readBundle(slot, entry);
        } catch (ReleaseRejected e) {
            throw new SlotException(SlotException.Reason.REJECTED, firstProblem(e), e);
        }
    }

    private static String firstProblem(ReleaseRejected rejected) {
        return rejected.problems().isEmpty() ? rejected.getMessage() : rejected.problems().get(0).toString();
    }
}
