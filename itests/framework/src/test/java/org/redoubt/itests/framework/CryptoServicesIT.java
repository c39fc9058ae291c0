package org.redoubt.itests.framework;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Dictionary;
import java.util.Hashtable;

import javax.inject.Inject;

import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;
import org.redoubt.crypto.api.ActiveSuite;
import org.redoubt.crypto.api.CryptoProvider;
import org.redoubt.crypto.api.DistinguishingId;
import org.redoubt.crypto.api.SignatureCheck;
import org.redoubt.crypto.api.SignatureScheme;
import org.redoubt.crypto.api.SigningKey;
import org.redoubt.crypto.api.Suite;
import org.redoubt.health.api.Readiness;

/**
 * The crypto bundles in Felix: Bouncy Castle as a bundle, the provider published as a service and
 * working across bundle boundaries, and the active suite following its configuration, with an
 * invalid suite withdrawing the service instead of falling back.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CryptoServicesIT {

    private static final String READY = "(" + Readiness.READY_PROPERTY + "=true)";

    @Inject
    private BundleContext context;

    @Inject
    private ConfigurationAdmin configurationAdmin;

    @Configuration
    public Option[] configuration() {
        return TestPlatform.configuration(CryptoServicesIT.class, TestPlatform.crypto(CryptoServicesIT.class));
    }

    @After
    public void unconfigureTheSuite() throws Exception {
        org.osgi.service.cm.Configuration suite = configurationAdmin.getConfiguration(ActiveSuite.PID, "?");
        if (suite.getProperties() != null) {
            suite.delete();
        }
        Await.service(context, ActiveSuite.class, "(" + ActiveSuite.PROPERTY + "=NIST)", Await.PLATFORM);
    }

    @Test
    public void theProviderIsAServiceOfTheBouncyCastleBundleAndSignsInBothSuites() throws Exception {
        ServiceReference<CryptoProvider> reference = Await.service(context, CryptoProvider.class, "", Await.PLATFORM);
        assertEquals("org.redoubt.crypto.bc", reference.getBundle().getSymbolicName());
        CryptoProvider provider = context.getService(reference);
        try {
            byte[] message = "inside the framework".getBytes(StandardCharsets.UTF_8);
            for (SignatureScheme scheme : SignatureScheme.values()) {
                DistinguishingId id = scheme.needsDistinguishingId() ? DistinguishingId.SM2_DEFAULT : DistinguishingId.NONE;
                try (SigningKey key = provider.generateSigningKey(scheme, id)) {
                    byte[] signature = key.sign(message);
                    assertEquals(scheme.id(), SignatureCheck.VALID, provider.verify(key.verificationKey(), message, signature));
                    message[0] ^= 1;
                    assertEquals(scheme.id(), SignatureCheck.INVALID_SIGNATURE,
                            provider.verify(key.verificationKey(), message, signature));
                    message[0] ^= 1;
                }
            }
        } finally {
            context.ungetService(reference);
        }
        Await.service(context, Readiness.class, READY, Await.PLATFORM);
    }

    @Test
    public void theSuiteIsNistUnlessConfiguredAndFollowsItsConfiguration() throws Exception {
        ServiceReference<ActiveSuite> nist = Await.service(context, ActiveSuite.class,
                "(" + ActiveSuite.PROPERTY + "=NIST)", Await.PLATFORM);
        assertEquals(Suite.NIST, context.getService(nist).suite());
        context.ungetService(nist);

        configureSuite("SM");
        ServiceReference<ActiveSuite> sm = Await.service(context, ActiveSuite.class,
                "(" + ActiveSuite.PROPERTY + "=SM)", Await.PLATFORM);
        assertEquals(Suite.SM, context.getService(sm).suite());
        context.ungetService(sm);
        Await.service(context, Readiness.class, READY, Await.PLATFORM);
    }

    @Test
    public void anUnknownSuiteWithdrawsTheServiceAndReadinessSaysSo() throws Exception {
        Await.service(context, ActiveSuite.class, "(" + ActiveSuite.PROPERTY + "=NIST)", Await.PLATFORM);
        configureSuite("AES");
        Await.until("the ActiveSuite service to go away", Await.PLATFORM,
                () -> context.getServiceReference(ActiveSuite.class) == null ? java.util.Optional.of(true)
                        : java.util.Optional.empty());
        assertNull("no silent fallback to another suite", context.getServiceReference(ActiveSuite.class));
        ServiceReference<Readiness> notReady = Await.service(context, Readiness.class,
                "(&(" + Readiness.READY_PROPERTY + "=false)(" + Readiness.WAITING_PROPERTY + "=*ConfiguredSuite*))",
                Await.PLATFORM);
        String waiting = String.join("\n", (String[]) notReady.getProperty(Readiness.WAITING_PROPERTY));
        assertTrue(waiting, waiting.contains("unknown crypto suite") || waiting.contains("ConfiguredSuite"));
    }

    /** No provider, no fallback: what needs one waits, and readiness names it. */
    @Test
    public void withoutTheProviderBundleNothingFallsBackAndReadinessSaysWhy() throws Exception {
        Await.service(context, Readiness.class, READY, Await.PLATFORM);
        org.osgi.framework.Bundle provider = java.util.Arrays.stream(context.getBundles())
                .filter(bundle -> "org.redoubt.crypto.bc".equals(bundle.getSymbolicName())).findFirst().orElseThrow();
        provider.stop();
        try {
            assertNull(context.getServiceReference(CryptoProvider.class));
            ServiceReference<Readiness> notReady = Await.service(context, Readiness.class,
                    "(&(" + Readiness.READY_PROPERTY + "=false)(" + Readiness.WAITING_PROPERTY + "=*crypto.bc*))",
                    Await.PLATFORM);
            String waiting = String.join("\n", (String[]) notReady.getProperty(Readiness.WAITING_PROPERTY));
            assertTrue(waiting, waiting.contains("org.redoubt.crypto.bc"));
            assertNull("nothing else offers a provider", context.getServiceReference(CryptoProvider.class));
        } finally {
            provider.start();
        }
        Await.service(context, Readiness.class, READY, Await.PLATFORM);
    }

    private void configureSuite(String suite) throws Exception {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(ActiveSuite.PROPERTY, suite);
        configurationAdmin.getConfiguration(ActiveSuite.PID, "?").update(properties);
    }
}
