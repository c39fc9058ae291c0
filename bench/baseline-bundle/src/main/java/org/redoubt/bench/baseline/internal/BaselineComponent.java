package org.redoubt.bench.baseline.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Marks the end of the bare-Felix baseline boot: SCR activates this immediate component as soon as
 * its bundle starts, and the boot benchmark stops its clock on the line printed here.
 */
@Component(service = {}, immediate = true)
public final class BaselineComponent {

    /** The line the boot benchmark waits for on standard output. */
    static final String ACTIVATED = "BASELINE ACTIVATED";

    /** Prints {@value #ACTIVATED}; {@code println} on {@code System.out} flushes at once. */
    @Activate
    public BaselineComponent() {
        System.out.println(ACTIVATED);
    }
}
