package org.redoubt.runtime.launcher;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.redoubt.runtime.firewall.ServiceGrant;
import org.redoubt.runtime.firewall.ServiceRules;
import org.redoubt.runtime.release.ReleaseManifest;
import org.redoubt.runtime.release.ReleaseRules;

/**
 * The service rules of one release, precomputed for the lookup path: which names are guarded
 * (remembered per name) and what each bundle is granted (remembered per bundle id and name).
 * Immutable apart from those caches; a new release makes a new instance, so nothing is ever
 * invalidated. Thread-safe.
 */
final class FirewallRules implements ServiceRules {

    /** The most names or bundles remembered; past that, decisions are computed every time. */
    private static final int MAX_CACHED = 4096;

    private final long release;
    private final List<String> guarded;
    private final List<ServiceGrant> grants;
    private final Map<String, List<String>> grantsByBundle;
    private final ConcurrentHashMap<String, Boolean> guardedNames = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, BundleGrants> bundles = new ConcurrentHashMap<>();

    FirewallRules(long release, ReleaseRules rules) {
        this.release = release;
        this.guarded = rules.effectiveGuarded();
        this.grants = rules.grants();
        Map<String, List<String>> byBundle = new HashMap<>();
        for (ServiceGrant grant : grants) {
            byBundle.put(grant.bundle(), grant.services());
        }
        this.grantsByBundle = Map.copyOf(byBundle);
    }

    /** @return the rules a manifest carries */
    static FirewallRules of(ReleaseManifest manifest) {
        return new FirewallRules(manifest.release(), manifest.rules());
    }

    @Override
    public long release() {
        return release;
    }

    @Override
    public List<String> guarded() {
        return guarded;
    }

    @Override
    public List<ServiceGrant> grants() {
        return grants;
    }

    @Override
    public boolean permits(String bundle, String name) {
        Objects.requireNonNull(bundle, "bundle");
        return !guards(name) || granted(grantsByBundle.get(bundle), name);
    }

    /** @return whether a service interface or package is guarded */
    boolean guards(String name) {
        Boolean known = guardedNames.get(name);
        if (known != null) {
            return known;
        }
        boolean matched = matchesAny(guarded, name);
        if (guardedNames.size() < MAX_CACHED) {
            guardedNames.put(name, matched);
        }
        return matched;
    }

    /** @return whether any of a service's interfaces is guarded */
    boolean guardsAny(String[] objectClass) {
        for (String name : objectClass) {
            if (guards(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param bundleId     the asking bundle's id (the cache key)
     * @param symbolicName its symbolic name, or {@code null}
     * @param objectClass  a service's interfaces
     * @return the first guarded interface the bundle is not granted; {@code null} when it may use them all
     */
    String denied(long bundleId, String symbolicName, String[] objectClass) {
        BundleGrants bundle = null;
        for (String name : objectClass) {
            if (!guards(name)) {
                continue;
            }
            if (bundle == null) {
                bundle = grantsOf(bundleId, symbolicName);
            }
            if (!bundle.granted(name)) {
                return name;
            }
        }
        return null;
    }

    /** @return whether that bundle is granted a guarded name */
    boolean granted(long bundleId, String symbolicName, String name) {
        return grantsOf(bundleId, symbolicName).granted(name);
    }

    private BundleGrants grantsOf(long bundleId, String symbolicName) {
        BundleGrants known = bundles.get(bundleId);
        if (known != null && Objects.equals(known.symbolicName, symbolicName)) {
            return known;
        }
        BundleGrants made = new BundleGrants(symbolicName,
                symbolicName == null ? List.of() : grantsByBundle.getOrDefault(symbolicName, List.of()));
        if (bundles.size() < MAX_CACHED) {
            bundles.put(bundleId, made);
        }
        return made;
    }

    private static boolean granted(List<String> patterns, String name) {
        return patterns != null && matchesAny(patterns, name);
    }

    private static boolean matchesAny(List<String> patterns, String name) {
        for (String pattern : patterns) {
            if (ReleaseRules.matches(pattern, name)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        List<String> lines = new ArrayList<>();
        grants.forEach(grant -> lines.add(grant.bundle() + " " + grant.services()));
        return "release " + release + " guards " + guarded + ", grants " + lines;
    }

    /** What one bundle is granted, with its decisions remembered. */
    private static final class BundleGrants {
        private final String symbolicName;
        private final List<String> patterns;
        private final ConcurrentHashMap<String, Boolean> decisions = new ConcurrentHashMap<>();

        BundleGrants(String symbolicName, List<String> patterns) {
            this.symbolicName = symbolicName;
            this.patterns = patterns;
        }

        boolean granted(String name) {
            Boolean known = decisions.get(name);
            if (known != null) {
                return known;
            }
            boolean granted = FirewallRules.granted(patterns, name);
            if (decisions.size() < MAX_CACHED) {
                decisions.put(name, granted);
            }
            return granted;
        }
    }
}
