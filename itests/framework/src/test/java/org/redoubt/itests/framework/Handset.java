package org.redoubt.itests.framework;

import static org.junit.Assert.assertEquals;

import java.lang.reflect.Method;
import java.time.Duration;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.redoubt.driver.modem.InProcessModem;

/**
 * What the framework tests do to the handset from outside: find a bundle, and play the network's
 * side through the simulated modem (the Gogo command {@code modem:sim}).
 */
final class Handset {

    private Handset() {
    }

    /** @return the installed bundle with that symbolic name */
    static Bundle installed(BundleContext context, String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        throw new AssertionError("no bundle " + symbolicName);
    }

    /**
     * Runs a command of the simulated modem's network side, e.g. {@code answer} or {@code sms +4930 hi}.
     *
     * @throws AssertionError when the simulator refuses it
     */
    static void simulator(BundleContext context, Duration deadline, String... words) throws Exception {
        ServiceReference<InProcessModem> reference = Await.service(context, InProcessModem.class, "(service.id=*)",
                deadline);
        Object simulator = context.getService(reference);
        try {
            Method command = simulator.getClass().getMethod("sim", String[].class);
            assertEquals("ok", command.invoke(simulator, (Object) words));
        } finally {
            context.ungetService(reference);
        }
    }
}
