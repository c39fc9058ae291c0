package org.redoubt.runtime.launcher;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the resolver admits right now: the bundles of the release this boot runs and, while one is
 * staged, those of the candidate, each by the location the launcher gives it; and the service
 * rules in force (the running release's, or the candidate's once it is being installed live: a
 * candidate brings its own rules, a candidate staged for the next boot leaves the running ones in
 * force, and abandoning it restores them). Thread-safe: the resolver and the service hooks read
 * it while the release agent stages, installs, commits or abandons.
 */
final class AdmittedReleases {

    private volatile Map<String, ReleaseOnlyResolution.Admitted> running;
    private volatile Optional<Map<String, ReleaseOnlyResolution.Admitted>> candidate = Optional.empty();
    private volatile FirewallRules runningRules;
    private volatile FirewallRules rules;
    private FirewallRules candidateRules;

    /** @param running the running release's bundles by location; only the driver APIs guarded */
    AdmittedReleases(Map<String, ReleaseOnlyResolution.Admitted> running) {
        this(running, new FirewallRules(0, org.redoubt.runtime.release.ReleaseRules.NONE));
    }

    /**
     * @param running the running release's bundles by location
     * @param rules   the running release's service rules
     */
    AdmittedReleases(Map<String, ReleaseOnlyResolution.Admitted> running, FirewallRules rules) {
        this.running = Map.copyOf(running);
        this.runningRules = Objects.requireNonNull(rules, "rules");
        this.rules = rules;
    }

    /** @return the service rules in force: the candidate's while one is installed live, else the running release's */
    FirewallRules rules() {
        return rules;
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
        admitCandidate(bundles, runningRules);
    }

    /**
     * @param bundles        the candidate's bundles by location, admitted beside the running ones
     * @param candidateRules the candidate's service rules, in force once it is {@link #candidateInstalling installed}
     */
    synchronized void admitCandidate(Map<String, ReleaseOnlyResolution.Admitted> bundles,
            FirewallRules candidateRules) {
        candidate = Optional.of(Map.copyOf(bundles));
        this.candidateRules = Objects.requireNonNull(candidateRules, "candidateRules");
    }

    /** The candidate's bundles go into the running framework: its rules are in force from now on. */
    synchronized void candidateInstalling() {
        if (candidate.isEmpty()) {
            throw new IllegalStateException("no candidate is staged");
        }
        rules = candidateRules;
    }

    /** The candidate now runs as the committed release: only its bundles are admitted, its rules stay. */
    synchronized void candidateCommitted() {
        Map<String, ReleaseOnlyResolution.Admitted> staged = candidate.orElseThrow();
        running = staged;
        runningRules = candidateRules;
        rules = candidateRules;
        candidate = Optional.empty();
        candidateRules = null;
    }

    /** The candidate is given up: only the running release is admitted again, under its own rules. */
    synchronized void candidateAbandoned() {
        candidate = Optional.empty();
        candidateRules = null;
        rules = runningRules;
    }

    private static boolean matches(ReleaseOnlyResolution.Admitted admitted, String symbolicName, String version) {
        return admitted != null && admitted.symbolicName().equals(symbolicName) && admitted.version().equals(version);
    }

    static AdmittedReleases of(Map<String, ReleaseOnlyResolution.Admitted> running) {
        return new AdmittedReleases(Objects.requireNonNull(running, "running"));
    }

    static AdmittedReleases of(Map<String, ReleaseOnlyResolution.Admitted> running, FirewallRules rules) {
        return new AdmittedReleases(Objects.requireNonNull(running, "running"), rules);
    }
}
