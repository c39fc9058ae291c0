/**
 * The launcher's A/B release slots, offered to the release agent as a framework service
 * ({@link org.redoubt.runtime.slots.ReleaseSlots}) from the system bundle. The launcher stays the
 * one owner of the slots and the boot record: the agent hands it a downloaded release to verify and
 * stage as the candidate, then commits or abandons it after its live health window. Whatever the
 * agent does to the running framework is undone by the next boot, which installs exactly the
 * release the boot record names; so a power cut at any point leaves a whole old or a whole new
 * release.
 *
 * <p>1.1: {@link org.redoubt.runtime.slots.ReleaseSlots#installing}: a staged candidate's service
 * rules come into force when it is installed live, not when it is staged.
 *
 * @since 1.0
 */
@Export
@Version("1.1.0")
package org.redoubt.runtime.slots;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
