package org.redoubt.driver.modem;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives unsolicited results. Called on the channel's reader thread: return quickly, and never
 * call {@link AtChannel#send} from here (hand the work to another thread).
 *
 * @since 1.0
 */
@ConsumerType
@FunctionalInterface
public interface UnsolicitedListener {

    /** @param result the result */
    void unsolicited(UnsolicitedResult result);
}
