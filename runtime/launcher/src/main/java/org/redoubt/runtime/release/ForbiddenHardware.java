package org.redoubt.runtime.release;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.regex.Pattern;

/**
 * The handset has no camera and no location hardware, by design (DESIGN.md section 6), and no
 * release may bring software that offers them. A bundle is refused
 * ({@link ReleaseRejected.Reason#FORBIDDEN_HARDWARE}) when its manifest
 * <ul>
 * <li>exports a package with a segment {@code camera}, {@code camera<N>}, {@code location},
 * {@code positioner}, {@code gps} or {@code gnss} (e.g. {@code org.example.camera},
 * {@code javax.microedition.location}, {@code org.osgi.service.positioner}), or
 * <li>provides an {@code osgi.service} capability whose {@code objectClass} is in such a package or
 * whose simple name has one of them as a word ({@code CameraService}, {@code LocationProvider},
 * {@code GPSReceiver}; not {@code Allocation}), or
 * <li>provides a {@value #NAMESPACE} capability whose {@value #NAMESPACE} attribute names one of
 * them ({@code Provide-Capability: redoubt.hardware;redoubt.hardware=camera}).
 * </ul>
 * The launcher applies the rule when it verifies a release (boot, and every bundle the release
 * agent stages) and again in its resolver hook.
 */
public final class ForbiddenHardware {

    /** The capability namespace a bundle declares the hardware it drives in. */
    public static final String NAMESPACE = "redoubt.hardware";

    private static final Pattern SEGMENT = Pattern.compile("camera[0-9]*|location|positioner|gps|gnss");
    private static final Pattern CAMEL_CASE = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|_");

    private ForbiddenHardware() {
    }

    /** @return whether a package of that name offers camera or location functions */
    public static boolean isForbiddenPackage(String packageName) {
        for (String segment : packageName.split("\\.")) {
            if (SEGMENT.matcher(segment.toLowerCase(Locale.ROOT)).matches()) {
                return true;
            }
        }
        return false;
    }

    /** @return whether a service interface offers camera or location functions */
    public static boolean isForbiddenService(String objectClass) {
        int dot = objectClass.lastIndexOf('.');
        if (dot > 0 && isForbiddenPackage(objectClass.substring(0, dot))) {
            return true;
        }
        for (String word : CAMEL_CASE.split(objectClass.substring(dot + 1))) {
            if (SEGMENT.matcher(word.toLowerCase(Locale.ROOT)).matches()) {
                return true;
            }
        }
        return false;
    }

    /** @return whether a {@value #NAMESPACE} capability value names camera or location hardware */
    public static boolean isForbiddenHardware(String name) {
        return SEGMENT.matcher(name.trim().toLowerCase(Locale.ROOT)).matches();
    }

    /**
     * @param manifest a bundle's main manifest attributes
     * @return what it offers that the handset forbids, for the operator; empty when nothing
     */
    public static Optional<String> problem(Attributes manifest) {
        List<String> found = new ArrayList<>();
        for (HeaderClause clause : HeaderClause.parse(manifest.getValue("Export-Package"))) {
            if (isForbiddenPackage(clause.name())) {
                found.add("exports package " + clause.name());
            }
        }
        for (HeaderClause clause : HeaderClause.parse(manifest.getValue("Provide-Capability"))) {
            if (clause.name().equals("osgi.service")) {
                for (String objectClass : clause.listAttribute("objectClass")) {
                    if (isForbiddenService(objectClass)) {
                        found.add("provides service " + objectClass);
                    }
                }
            } else if (clause.name().equals(NAMESPACE)) {
                for (String hardware : clause.listAttribute(NAMESPACE)) {
                    if (isForbiddenHardware(hardware)) {
                        found.add("provides " + NAMESPACE + " " + hardware);
                    }
                }
            }
        }
        return found.isEmpty() ? Optional.empty()
                : Optional.of(String.join(", ", found) + ": the handset has no camera or location hardware");
    }
}
