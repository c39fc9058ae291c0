package org.redoubt.itests.framework;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Waiting with a deadline, inside the framework. A test never sleeps for a fixed time: it waits
 * for a service with a {@link ServiceTracker}, or, for what raises no event (a line in a file),
 * polls with a deadline. Either fails with a message that says what was awaited and what was
 * seen instead.
 */
final class Await {

    /**
     * How long the platform may take to become ready, or to follow a bundle's stop or start. It
     * takes well under a second on a developer machine; the margin is for a loaded CI machine.
     */
    static final Duration PLATFORM = Duration.ofSeconds(30);

    private static final long POLL_MILLIS = 20;

    private Await() {
    }

    /**
     * Waits until a service of the given type matches the filter, including a registered service
     * whose properties change until they match.
     *
     * @param context the test's bundle context
     * @param type    the service type
     * @param filter  an LDAP filter on the service properties, e.g. {@code (redoubt.ready=true)}
     * @param timeout the deadline
     * @return the matching service's reference
     * @throws AssertionError       when no service matched within the timeout
     * @throws InterruptedException when the test thread is interrupted
     */
    static <T> ServiceReference<T> service(BundleContext context, Class<T> type, String filter,
            Duration timeout) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, filter(type, filter), null);
        tracker.open();
        try {
            if (tracker.waitForService(timeout.toMillis()) != null) {
                ServiceReference<T> reference = tracker.getServiceReference();
                if (reference != null) {
                    return reference;
                }
            }
        } finally {
            tracker.close();
        }
        throw new AssertionError("no " + type.getSimpleName() + " service matched " + filter + " within "
                + timeout.toSeconds() + " s; services seen: " + describe(context, type));
    }

    /**
     * Polls until {@code probe} yields a value.
     *
     * @param what    what is awaited, for the failure message
     * @param timeout the deadline
     * @param probe   looks once; empty means not yet
     * @return the first value the probe yielded
     * @throws AssertionError       when the probe yielded nothing within the timeout
     * @throws InterruptedException when the test thread is interrupted
     */
    static <T> T until(String what, Duration timeout, Supplier<Optional<T>> probe) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new AssertionError("not seen within " + timeout.toSeconds() + " s: " + what);
            }
            TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
        }
    }

    private static Filter filter(Class<?> type, String filter) {
        try {
            return FrameworkUtil.createFilter("(&(objectClass=" + type.getName() + ")" + filter + ")");
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("not an LDAP filter: " + filter, e);
        }
    }

    private static String describe(BundleContext context, Class<?> type) {
        ServiceReference<?>[] references;
        try {
            references = context.getAllServiceReferences(type.getName(), null);
        } catch (InvalidSyntaxException cannotHappen) {
            throw new IllegalStateException(cannotHappen);
        }
        if (references == null) {
            return "none";
        }
        List<String> descriptions = new ArrayList<>();
        for (ServiceReference<?> reference : references) {
            StringBuilder text = new StringBuilder("{");
            for (String key : reference.getPropertyKeys()) {
                Object value = reference.getProperty(key);
                text.append(key).append('=')
                        .append(value instanceof Object[] array ? Arrays.toString(array) : String.valueOf(value))
                        .append(' ');
            }
            descriptions.add(text.toString().strip() + "}");
        }
        return String.join(", ", descriptions);
    }
}
