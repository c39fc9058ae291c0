package org.redoubt.runtime.release;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a release is: its number, the profile it was built for and every bundle it runs.
 *
 * @param release the release number; strictly increasing over the releases a handset accepts
 * @param profile the build profile, e.g. {@code production} or {@code engineering}
 * @param bundles every bundle of the release, in install order
 * @param rules   which bundle may use which guarded service interfaces and driver API packages
 */
public record ReleaseManifest(long release, String profile, List<ReleaseBundle> bundles, ReleaseRules rules) {

    /** The most bundles a release may list. */
    public static final int MAX_BUNDLES = 512;

    /** Validates and copies; duplicate names or files make a malformed manifest. */
    public ReleaseManifest {
        if (release < 1) {
            throw new IllegalArgumentException("release number must be positive, got " + release);
        }
        if (profile == null || !profile.matches("[a-z][a-z0-9-]{0,31}")) {
            throw new IllegalArgumentException("invalid profile '" + profile + "'");
        }
        bundles = List.copyOf(Objects.requireNonNull(bundles, "bundles"));
        Objects.requireNonNull(rules, "rules");
        if (bundles.isEmpty() || bundles.size() > MAX_BUNDLES) {
            throw new IllegalArgumentException("a release lists 1.." + MAX_BUNDLES + " bundles, got " + bundles.size());
        }
        Set<String> names = new HashSet<>();
        Set<String> files = new HashSet<>();
        for (ReleaseBundle bundle : bundles) {
            if (!names.add(bundle.symbolicName())) {
                throw new IllegalArgumentException("bundle " + bundle.symbolicName() + " is listed twice");
            }
            if (!files.add(bundle.file())) {
                throw new IllegalArgumentException("file " + bundle.file() + " is listed twice");
            }
        }
    }

    /**
     * A release without rules of its own ({@link ReleaseRules#NONE}: driver APIs guarded, nobody granted).
     *
     * @param release the release number
     * @param profile the build profile
     * @param bundles every bundle, in install order
     */
    public ReleaseManifest(long release, String profile, List<ReleaseBundle> bundles) {
        this(release, profile, bundles, ReleaseRules.NONE);
    }

    /** @return the start level the framework must reach to start every bundle */
    public int frameworkStartLevel() {
        return bundles.stream().mapToInt(ReleaseBundle::startLevel).max().orElse(1);
    }
}
