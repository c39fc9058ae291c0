package org.redoubt.runtime.release;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import org.redoubt.runtime.firewall.ServiceGrant;

/**
 * The service rules a release carries (SECURITY.md row 16): the guarded service interfaces and
 * driver API packages, and which bundle may use which of them. A name is an exact Java name
 * ({@code org.redoubt.driver.modem.AtChannel}) or a prefix pattern ending in {@code .*}
 * ({@code org.redoubt.driver.modem.*}), which matches the prefix itself (the package) and every
 * name below it (its interfaces and sub-packages).
 *
 * <p>Default deny for drivers: {@link #DRIVER_APIS} are guarded whatever a manifest says, so a
 * manifest that omits them, or an old one without rules, still hides every driver service from
 * every bundle without a grant.
 *
 * @param guarded what the manifest guards beyond {@link #DRIVER_APIS}, in its order
 * @param grants  one grant per bundle, in the manifest's order
 */
public record ReleaseRules(List<String> guarded, List<ServiceGrant> grants) {

    /** Guarded in every release: the driver API packages and their service interfaces. */
    public static final List<String> DRIVER_APIS = List.of("org.redoubt.driver.*");
    /** The most guarded names a manifest may list. */
    public static final int MAX_GUARDED = 256;
    /** The most grants a manifest may list. */
    public static final int MAX_GRANTS = ReleaseManifest.MAX_BUNDLES;
    /** The most names one grant may list. */
    public static final int MAX_GRANTED = 64;

    private static final Pattern NAME = Pattern.compile(
            "[A-Za-z_$][A-Za-z0-9_$]{0,63}(\\.[A-Za-z_$][A-Za-z0-9_$]{0,63}){0,31}(\\.\\*)?");
    private static final Pattern SYMBOLIC_NAME = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+){0,31}");

    /** A release without rules of its own: only {@link #DRIVER_APIS} are guarded, nobody is granted. */
    public static final ReleaseRules NONE = new ReleaseRules(List.of(), List.of());

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException on a malformed name or pattern, a pattern that guards
     *                                  nothing specific (fewer than two segments before {@code .*}),
     *                                  a duplicate, a bundle granted twice, or too many entries
     */
    public ReleaseRules {
        guarded = List.copyOf(Objects.requireNonNull(guarded, "guarded"));
        grants = List.copyOf(Objects.requireNonNull(grants, "grants"));
        if (guarded.size() > MAX_GUARDED) {
            throw new IllegalArgumentException("more than " + MAX_GUARDED + " guarded names");
        }
        if (grants.size() > MAX_GRANTS) {
            throw new IllegalArgumentException("more than " + MAX_GRANTS + " grants");
        }
        checkNames("guarded", guarded);
        Set<String> bundles = new HashSet<>();
        for (ServiceGrant grant : grants) {
            if (!SYMBOLIC_NAME.matcher(grant.bundle()).matches()) {
                throw new IllegalArgumentException("invalid bundle name '" + printable(grant.bundle()) + "' in a grant");
            }
            if (!bundles.add(grant.bundle())) {
                throw new IllegalArgumentException("bundle " + grant.bundle() + " is granted twice");
            }
            if (grant.services().isEmpty() || grant.services().size() > MAX_GRANTED) {
                throw new IllegalArgumentException("the grant of " + grant.bundle() + " lists 1.." + MAX_GRANTED
                        + " names, got " + grant.services().size());
            }
            checkNames("the grant of " + grant.bundle(), grant.services());
        }
    }

    /** @return what is guarded in force: {@link #DRIVER_APIS} and the manifest's, without repeats */
    public List<String> effectiveGuarded() {
        Set<String> all = new LinkedHashSet<>(DRIVER_APIS);
        all.addAll(guarded);
        return List.copyOf(all);
    }

    /**
     * @param pattern an exact name or a prefix pattern ending in {@code .*}
     * @param name    a service interface or package name
     * @return whether the pattern covers the name
     */
    public static boolean matches(String pattern, String name) {
        if (pattern.endsWith(".*")) {
            int prefix = pattern.length() - 2;
            return name.startsWith(pattern.substring(0, prefix))
                    && (name.length() == prefix || name.charAt(prefix) == '.');
        }
        return pattern.equals(name);
    }

    private static void checkNames(String where, List<String> names) {
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            Objects.requireNonNull(name, where);
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("invalid name '" + printable(name) + "' in " + where
                        + " (a Java name, or a prefix ending in .*)");
            }
            if (name.endsWith(".*") && name.indexOf('.') == name.length() - 2) {
                throw new IllegalArgumentException("pattern '" + name + "' in " + where + " is too broad");
            }
            if (!seen.add(name)) {
                throw new IllegalArgumentException("'" + name + "' is listed twice in " + where);
            }
        }
    }

    private static String printable(String text) {
        List<String> out = new ArrayList<>();
        text.codePoints().limit(80).forEach(c -> out.add(c >= 0x20 && c < 0x7f ? Character.toString(c) : "?"));
        return String.join("", out);
    }
}
