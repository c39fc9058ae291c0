package org.redoubt.channel;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One listener's subscription on the {@link FleetChannel}.
 *
 * @since 1.0
 */
@ProviderType
public interface Subscription extends AutoCloseable {

    /** Stops delivery to this listener; idempotent. */
    @Override
    void close();
}
