package org.redoubt.runtime.firewall;

import java.util.List;
import java.util.Objects;

/**
 * What one bundle may use beyond what everybody may.
 *
 * @param bundle   the bundle's symbolic name
 * @param services the guarded service interfaces and driver API packages it may use: exact names
 *                 or a prefix ending in {@code .*} (e.g. {@code org.redoubt.driver.modem.*})
 * @since 1.0
 */
public record ServiceGrant(String bundle, List<String> services) {

    /** Copies; @throws NullPointerException when a part is null */
    public ServiceGrant {
        Objects.requireNonNull(bundle, "bundle");
        services = List.copyOf(services);
    }
}
