package org.redoubt.runtime.launcher;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the resolver admits right now: the bundles of the release this boot runs and, while one is
 * staged, those of the candidate, each by the location the launcher gives it. Thread-safe: the
 * resolver reads it while the release agent stages, commits or abandons.
 */
final class AdmittedReleases {

    private volatile Map<String, ReleaseOnlyResolution.Admitted> running;
    private volatile Optional<Map<String, ReleaseOnlyResolution.Admitted>> candidate = Optional.empty();

    /** @param running the running release's bundles by location */
    AdmittedReleases(Map<String, ReleaseOnlyResolution.Admitted> running) {
        this.running = Map.copyOf(running);
    }

    /**
     * @param location     a bundle's location
     * @param symbolicName its revision's symbolic name
     * @param version      its revision's version
     * @return whether the running release or the candidate has that bundle at that location
     */
    boolean admits(String location, String symbolicName, String version) {
        Optional<Map<String, ReleaseOnlyResolution.Admitted>> staged = candidate;
        return matches(running.get(location), symbolicName, version)
                || staged.map(map -> matches(map.get(location), symbolicName, version)).orElse(false);
    }

    /** @param bundles the candidate's bundles by location, admitted beside the running ones */
    void admitCandidate(Map<String, ReleaseOnlyResolution.Admitted> bundles) {
        candidate = Optional.of(Map.copyOf(bundles));
    }

    /** The candidate now runs as the committed release: only its bundles are admitted. */
    void candidateCommitted() {
        Map<String, ReleaseOnlyResolution.Admitted> staged = candidate.orElseThrow();
        running = staged;
        candidate = Optional.empty();
    }

    /** The candidate is given up: only the running release is admitted again. */
    void candidateAbandoned() {
        candidate = Optional.empty();
    }

    private static boolean matches(ReleaseOnlyResolution.Admitted admitted, String symbolicName, String version) {
        return admitted != null && admitted.symbolicName().equals(symbolicName) && admitted.version().equals(version);
    }

    static AdmittedReleases of(Map<String, ReleaseOnlyResolution.Admitted> running) {
        return new AdmittedReleases(Objects.requireNonNull(running, "running"));
    }
}
