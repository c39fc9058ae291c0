package org.redoubt.policy.agent.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Applies managed settings through Config Admin all or nothing: every configuration is read and
 * its new properties computed first (nothing changes if that fails); then each is updated, and if
 * one update fails, those already updated get their old properties back.
 */
final class SettingsTransaction {

    private final ConfigurationAdmin admin;

    SettingsTransaction(ConfigurationAdmin admin) {
        this.admin = Objects.requireNonNull(admin, "admin");
    }

    /**
     * @param settings per PID, the managed properties ({@code null}: remove)
     * @return how many configurations changed
     * @throws IOException when a configuration could not be read or written; all are as before
     */
    int apply(Map<String, Map<String, Object>> settings) throws IOException {
        List<Step> steps = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> entry : settings.entrySet()) {
            Configuration configuration = admin.getConfiguration(entry.getKey(), "?");
            Dictionary<String, Object> before = configuration.getProperties();
            Hashtable<String, Object> after = copy(before);
            entry.getValue().forEach((name, value) -> {
                if (value == null) {
                    after.remove(name);
                } else {
                    after.put(name, value);
                }
            });
            if (before == null && after.isEmpty()) {
                // Nothing to set where nothing was ever set: creating an empty configuration would
                // still reactivate its component (for the crypto suite, everything that holds the
                // suite, the policy agent included, in the middle of applying this policy).
                continue;
            }
            steps.add(new Step(configuration, before, after));
        }
        List<Step> done = new ArrayList<>();
        try {
            for (Step step : steps) {
                if (step.configuration().updateIfDifferent(step.after())) {
                    done.add(step);
                }
            }
            return done.size();
        } catch (IOException | RuntimeException e) {
            undo(done, e);
            throw e;
        }
    }

    private static void undo(List<Step> done, Exception cause) {
        for (Step step : done) {
            try {
                if (step.before() == null) {
                    step.configuration().delete();
                } else {
                    step.configuration().update(step.before());
                }
            } catch (IOException | RuntimeException e) {
                cause.addSuppressed(e);
            }
        }
    }

    private static Hashtable<String, Object> copy(Dictionary<String, Object> properties) {
        Hashtable<String, Object> copy = new Hashtable<>();
        if (properties != null) {
            for (Enumeration<String> keys = properties.keys(); keys.hasMoreElements();) {
                String key = keys.nextElement();
                copy.put(key, properties.get(key));
            }
        }
        // Config Admin adds these itself; passing them back would be refused or ignored.
        copy.remove("service.pid");
        copy.remove("service.bundleLocation");
        return copy;
    }

    private record Step(Configuration configuration, Dictionary<String, Object> before, Hashtable<String, Object> after) {
    }
}
