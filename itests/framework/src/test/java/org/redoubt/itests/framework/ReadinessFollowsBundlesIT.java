package org.redoubt.itests.framework;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.util.Arrays;
import java.util.List;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.ServiceReference;
import org.redoubt.health.api.Readiness;
import org.redoubt.health.api.ReadinessReport;

/**
 * Readiness follows the framework: a platform bundle that stops withdraws readiness and the
 * waiting lines name it; started again, the release is ready again.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ReadinessFollowsBundlesIT {

    private static final String LOG_SINK = "org.redoubt.log.sink";
    private static final String READY = "(" + Readiness.READY_PROPERTY + "=true)";
    /**
     * Not ready, and a published waiting line names the log sink bundle as stopped. (While it
     * stops, readiness may first publish it as STOPPING; the test waits for the settled state.)
     */
    private static final String WAITING_FOR_LOG_SINK = "(&(" + Readiness.READY_PROPERTY + "=false)("
            + Readiness.WAITING_PROPERTY + "=bundle " + LOG_SINK + " is RESOLVED*))";

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() {
        return TestPlatform.configuration(ReadinessFollowsBundlesIT.class);
    }

    @Test
    public void stoppingTheLogSinkWithdrawsReadinessUntilItStartsAgain() throws Exception {
        Await.service(context, Readiness.class, READY, Await.PLATFORM);
        Bundle logSink = bundle(LOG_SINK);
        try {
            logSink.stop();

            ServiceReference<Readiness> waiting =
                    Await.service(context, Readiness.class, WAITING_FOR_LOG_SINK, Await.PLATFORM);
            List<String> published = Arrays.asList((String[]) waiting.getProperty(Readiness.WAITING_PROPERTY));
            assertTrue("a waiting line names " + LOG_SINK + ": " + published,
                    published.stream().anyMatch(line -> line.contains(LOG_SINK)));
            ReadinessReport stopped = report(waiting);
            assertFalse(stopped.ready());
            assertTrue(stopped.waitingFor().toString(),
                    stopped.waitingFor().stream().anyMatch(line -> line.contains(LOG_SINK)));

            logSink.start();

            ServiceReference<Readiness> ready = Await.service(context, Readiness.class, READY, Await.PLATFORM);
            assertEquals(List.of(), report(ready).waitingFor());
            assertEquals(Bundle.ACTIVE, logSink.getState());
        } finally {
            startIfStopped(logSink);
        }
    }

    private ReadinessReport report(ServiceReference<Readiness> reference) {
        Readiness readiness = context.getService(reference);
        assertNotNull("the Readiness service went away", readiness);
        try {
            return readiness.report();
        } finally {
            context.ungetService(reference);
        }
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        throw new AssertionError(symbolicName + " is not installed");
    }

    /** Leaves the framework as the test found it even when an assertion failed half way. */
    private static void startIfStopped(Bundle bundle) throws BundleException {
        if (bundle.getState() == Bundle.RESOLVED) {
            bundle.start();
        }
    }
}
