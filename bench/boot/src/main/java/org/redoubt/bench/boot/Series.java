package org.redoubt.bench.boot;

/** What one timed run boots, and the series its time counts towards. */
enum Series {
    /** {@code bin/redoubt} on a fresh data directory: provisions the factory release, then boots. */
    PRODUCTION_COLD("production-cold", true, false),
    /** {@code bin/redoubt} again on the data directory of the cold run: a handset's power-on. */
    PRODUCTION_WARM("production-warm", true, false),
    /** {@link BaselineLauncher}: bare Felix, SCR, Config Admin and one component. */
    BASELINE("baseline", false, false),
    PRODUCTION_COLD_CDS("production-cold+cds", true, true),
    PRODUCTION_WARM_CDS("production-warm+cds", true, true),
    BASELINE_CDS("baseline+cds", false, true);

    private final String label;
    private final boolean production;
    private final boolean appCds;

    Series(String label, boolean production, boolean appCds) {
        this.label = label;
        this.production = production;
        this.appCds = appCds;
    }

    String label() {
        return label;
    }

    boolean production() {
        return production;
    }

    boolean appCds() {
        return appCds;
    }

    /** @return the baseline series this one is compared with (same AppCDS setting) */
    Series reference() {
        return appCds ? BASELINE_CDS : BASELINE;
    }

    /** @return the same boot without AppCDS, for the archive's effect */
    Series withoutAppCds() {
        return switch (this) {
            case PRODUCTION_COLD_CDS -> PRODUCTION_COLD;
            case PRODUCTION_WARM_CDS -> PRODUCTION_WARM;
            case BASELINE_CDS -> BASELINE;
            default -> this;
        };
    }
}
