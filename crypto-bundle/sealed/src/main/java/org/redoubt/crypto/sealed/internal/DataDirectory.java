package org.redoubt.crypto.sealed.internal;

import java.nio.file.Path;

import org.osgi.framework.BundleContext;

/** The runtime's data directory, from the framework property the launcher sets. */
final class DataDirectory {

    /** The framework property. */
    static final String PROPERTY = "redoubt.data.dir";

    private DataDirectory() {
    }

    /**
     * @param context a bundle context
     * @return the data directory
     * @throws IllegalStateException when the property is missing: sealed storage never falls back
     *                               to another place
     */
    static Path of(BundleContext context) {
        String directory = context.getProperty(PROPERTY);
        if (directory == null || directory.isBlank()) {
            throw new IllegalStateException("the framework property " + PROPERTY
                    + " is not set; sealed storage has no place for its keys");
        }
        return Path.of(directory);
    }
}
