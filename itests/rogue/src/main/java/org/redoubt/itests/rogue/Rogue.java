package org.redoubt.itests.rogue;

import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/**
 * A bundle in the release with no grant that wants the modem and the keypad. It asks by interface
 * name (it does not import the driver APIs: it could not wire to them), with service trackers, with
 * a service listener, and through SCR ({@link ScrRogue}), from before the drivers start. Once the runtime is ready (the health
 * bundle's readiness service says so) it prints one line on standard output with everything it
 * got: {@code ROGUE-SAW modem=0 keypad=0 allModem=0 allKeypad=0 trackedModem=0 trackedKeypad=0 events=0 scrModem=0 scrKeypad=0}.
 */
public final class Rogue implements BundleActivator {

    static final String MODEM = "org.redoubt.driver.modem.AtChannel";
    static final String KEYPAD = "org.redoubt.driver.keypad.Keypad";
    private static final String READY = "(redoubt.ready=true)";

    private final AtomicInteger events = new AtomicInteger();
    private ServiceTracker<Object, Object> modemTracker;
    private ServiceTracker<Object, Object> keypadTracker;
    private final ServiceListener counter = event -> events.incrementAndGet();
    private ServiceListener readiness;

    @Override
    public void start(BundleContext context) throws InvalidSyntaxException {
        modemTracker = new ServiceTracker<>(context, MODEM, null);
        modemTracker.open();
        keypadTracker = new ServiceTracker<>(context, context.createFilter("(objectClass=" + KEYPAD + ")"), null);
        keypadTracker.open();
        context.addServiceListener(counter, "(|(objectClass=" + MODEM + ")(objectClass=" + KEYPAD + "))");
        java.util.concurrent.atomic.AtomicBoolean told = new java.util.concurrent.atomic.AtomicBoolean();
        readiness = event -> {
            if (event.getType() != ServiceEvent.UNREGISTERING && told.compareAndSet(false, true)) {
                System.out.println(report(context));
            }
        };
        context.addServiceListener(readiness, READY);
    }

    private String report(BundleContext context) {
        try {
            return "ROGUE-SAW modem=" + count(context.getServiceReferences(MODEM, null))
                    + " keypad=" + count(context.getServiceReferences((String) null, "(objectClass=" + KEYPAD + ")"))
                    + " allModem=" + count(context.getAllServiceReferences(MODEM, null))
                    + " allKeypad=" + count(context.getAllServiceReferences(KEYPAD, null))
                    + " trackedModem=" + modemTracker.size()
                    + " trackedKeypad=" + keypadTracker.size()
                    + " events=" + events.get()
                    + " scrModem=" + ScrRogue.MODEM.get()
                    + " scrKeypad=" + ScrRogue.KEYPAD.get();
        } catch (InvalidSyntaxException e) {
            return "ROGUE-FAILED " + e;
        }
    }

    private static int count(ServiceReference<?>[] references) {
        return references == null ? 0 : references.length;
    }

    @Override
    public void stop(BundleContext context) {
        context.removeServiceListener(readiness);
        context.removeServiceListener(counter);
        keypadTracker.close();
        modemTracker.close();
    }
}
