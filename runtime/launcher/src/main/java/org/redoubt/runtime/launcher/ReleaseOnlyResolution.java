package org.redoubt.runtime.launcher;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.hooks.resolver.ResolverHook;
import org.osgi.framework.hooks.resolver.ResolverHookFactory;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;

/**
 * Nothing resolves unless it belongs to the release the launcher verified or to the candidate
 * the release agent staged through the launcher (SECURITY.md row 1, no side-loading): a bundle installed by anyone else, or updated to other content, stays
 * INSTALLED. A revision is admitted when its bundle's location is one the launcher gave a release
 * bundle ({@code redoubt:<symbolic name>}) and its symbolic name and version are that entry's.
 * The system bundle is always admitted. Registered on the system bundle's context before the
 * release is installed, so it applies from the first resolution on.
 */
final class ReleaseOnlyResolution implements ResolverHookFactory {

    /** What the release admits: the symbolic name and version of each location. */
    record Admitted(String symbolicName, String version) {
        Admitted {
            Objects.requireNonNull(symbolicName, "symbolicName");
            Objects.requireNonNull(version, "version");
        }
    }

    private final AdmittedReleases admittedReleases;
    private final Consumer<String> refusals;
    private final Set<Long> reported = ConcurrentHashMap.newKeySet();

    /**
     * @param byLocation the release's bundles by the location the launcher installs them at
     * @param refusals   told once per bundle that is kept from resolving
     */
    ReleaseOnlyResolution(Map<String, Admitted> byLocation, Consumer<String> refusals) {
        this(AdmittedReleases.of(byLocation), refusals);
    }

    /**
     * @param admittedReleases the running release's bundles and, while one is staged, the candidate's
     * @param refusals         told once per bundle that is kept from resolving
     */
    ReleaseOnlyResolution(AdmittedReleases admittedReleases, Consumer<String> refusals) {
        this.admittedReleases = Objects.requireNonNull(admittedReleases, "admittedReleases");
        this.refusals = Objects.requireNonNull(refusals, "refusals");
    }

    @Override
    public ResolverHook begin(Collection<BundleRevision> triggers) {
        return new ResolverHook() {
            @Override
            public void filterResolvable(Collection<BundleRevision> candidates) {
                candidates.removeIf(revision -> !admitted(revision));
            }

            @Override
            public void filterSingletonCollisions(BundleCapability singleton,
                    Collection<BundleCapability> collisionCandidates) {
                // The release decides which singletons run; nothing to filter here.
            }

            @Override
            public void filterMatches(BundleRequirement requirement, Collection<BundleCapability> candidates) {
                // Candidates outside the release never resolve, so they never match.
            }

            @Override
            public void end() {
                // Nothing kept between resolutions.
            }
        };
    }

    private boolean admitted(BundleRevision revision) {
        Bundle bundle = revision.getBundle();
        if (bundle.getBundleId() == Constants.SYSTEM_BUNDLE_ID) {
            return true;
        }
        boolean ok = admittedReleases.admits(bundle.getLocation(), revision.getSymbolicName(),
                revision.getVersion().toString());
        if (!ok && reported.add(bundle.getBundleId())) {
            refusals.accept("bundle " + revision.getSymbolicName() + " " + revision.getVersion() + " at "
                    + Detail.printable(bundle.getLocation()) + " is not part of the verified release; it does not resolve");
        }
        return ok;
    }

    /** Sanitises text that came from outside before it reaches the log. */
    private static final class Detail {
        static String printable(String text) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < text.length() && out.length() < 120; i++) {
                char c = text.charAt(i);
                out.append(c >= 0x20 && c < 0x7f ? c : '?');
            }
            return out.toString();
        }
    }
}
