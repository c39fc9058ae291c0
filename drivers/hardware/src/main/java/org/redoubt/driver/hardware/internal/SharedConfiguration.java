package org.redoubt.driver.hardware.internal;

import java.util.Dictionary;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.Map;

/**
 * A driver's configuration is shared: the hardware description owns the backend properties, the
 * policy agent owns others (the radios a policy disables). The description's properties are laid
 * over what Config Admin holds, and nothing else is removed.
 */
final class SharedConfiguration {

    private SharedConfiguration() {
    }

    /**
     * @param current     what Config Admin holds, or null
     * @param description the hardware description's properties for the driver
     * @return the properties to store
     */
    static Hashtable<String, Object> merged(Dictionary<String, Object> current, Map<String, Object> description) {
        Hashtable<String, Object> merged = new Hashtable<>();
        if (current != null) {
            for (Enumeration<String> keys = current.keys(); keys.hasMoreElements();) {
                String key = keys.nextElement();
                merged.put(key, current.get(key));
            }
        }
        merged.remove("service.pid");
        merged.remove("service.bundleLocation");
        merged.putAll(description);
        return merged;
    }
}
