package org.redoubt.runtime.slots;

import java.nio.file.Path;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The release slots as the running handset sees them. Thread-safe; every change is on disk (the
 * boot record is replaced atomically) before a method returns.
 *
 * @since 1.0
 */
@ProviderType
public interface ReleaseSlots {

    /** @return the committed release's number: the anti-rollback floor of releases */
    long committedRelease();

    /** @return the release this boot runs (the committed one, or a candidate booted in TESTING) */
    long runningRelease();

    /**
     * Checks a signed release manifest that arrived before its files: size cap, signatures of the
     * release role under the current trust root, target, schema, expiry against this handset's
     * clock, and that its number is above the committed release.
     *
     * @param manifestEnvelope the manifest envelope as received
     * @return the release number and the files to fetch
     * @throws SlotException {@code REJECTED}, {@code EXPIRED} or {@code ROLLBACK}
     */
    ReleaseContents authenticate(byte[] manifestEnvelope) throws SlotException;

    /**
     * The running release as it is in its slot, verified again (the bytes a live rollback puts
     * back).
     *
     * @return the running release with its verified bytes
     * @throws SlotException {@code REJECTED} when its slot no longer verifies, {@code STORAGE}
     */
    StagedRelease running() throws SlotException;

    /**
     * Verifies a release as the launcher verifies one at boot (signature of the release role under
     * the current trust root, target, every listed file's digest and size, nothing unlisted) and
     * writes it into the slot that holds neither the committed nor the running release. It becomes
     * the candidate: from now on, a boot that does not find it committed boots it in TESTING and
     * falls back after failed boots, and the resolver admits its bundles beside the running ones.
     * Its service rules are not in force yet: the running release runs under its own rules until
     * the candidate is {@link #installing installed live} or boots.
     *
     * @param directory a release directory: the signed manifest and the files it lists
     * @return the verified release, with the bytes that were verified
     * @throws SlotException {@code REJECTED} when it does not verify, {@code ROLLBACK} when its
     *                       number is not above the committed one, {@code BUSY} while another
     *                       candidate is staged, {@code STORAGE} when it cannot be written
     */
    StagedRelease stage(Path directory) throws SlotException;

    /**
     * The staged candidate's bundles are about to go into the running framework (a live install):
     * its service rules come into force now, for the bundles of both releases, and stay when it is
     * committed; abandoning it brings the running release's rules back. A candidate that waits for
     * the next start of the runtime is not installed live, and its rules wait for that boot.
     * Calling it again for the same candidate does nothing.
     *
     * @param release the candidate's number
     * @throws SlotException {@code NO_CANDIDATE} when it is not the staged candidate
     * @since 1.1
     */
    void installing(long release) throws SlotException;

    /**
     * Makes the staged candidate the committed release: the next boot runs it, and its number is
     * the new floor. Committing the release already committed does nothing.
     *
     * @param release the candidate's number
     * @throws SlotException {@code NO_CANDIDATE} when it is not the candidate, {@code STORAGE}
     */
    void commit(long release) throws SlotException;

    /**
     * Gives the candidate up: the next boot runs the committed release, the boot record remembers
     * why, and the resolver admits only the committed release again. Abandoning a release that is
     * not the candidate does nothing.
     *
     * @param release the candidate's number
     * @param reason  why, kept for the operator
     * @throws SlotException {@code STORAGE}
     */
    void abandon(long release, String reason) throws SlotException;
}
