package org.redoubt.itests.framework;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;

import javax.inject.Inject;

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
import org.redoubt.crypto.api.SignatureCheck;
import org.redoubt.crypto.api.SignatureScheme;
import org.redoubt.crypto.api.Suite;
import org.redoubt.crypto.keystore.DeviceKeystore;
import org.redoubt.crypto.sealed.RecordSealer;
import org.redoubt.crypto.sealed.SealedStorage;
import org.redoubt.crypto.sealed.SealedStorageException;
import org.redoubt.crypto.sealed.StorageState;
import org.redoubt.health.api.Readiness;

/**
 * The device keystore and sealed storage as the runtime runs them: on the first boot the identity
 * key and its certificate request exist by the time the release is ready, and sealed storage goes
 * through its life cycle with the PIN, in the framework, with the configured cost.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DeviceKeysIT {

    private static final String READY = "(" + Readiness.READY_PROPERTY + "=true)";

    @Inject
    private BundleContext context;

    @Inject
    private ConfigurationAdmin configurationAdmin;

    @Configuration
    public Option[] configuration() {
        return TestPlatform.configuration(DeviceKeysIT.class, TestPlatform.crypto(DeviceKeysIT.class));
    }

    @Test
    public void theFirstBootHasAnIdentityKeyAndARequestForItsCertificate() throws Exception {
        Await.service(context, Readiness.class, READY, Await.PLATFORM);
        ServiceReference<DeviceKeystore> reference = Await.service(context, DeviceKeystore.class, "", Await.PLATFORM);
        DeviceKeystore keystore = context.getService(reference);
        ServiceReference<CryptoProvider> providerReference = context.getServiceReference(CryptoProvider.class);
        CryptoProvider provider = context.getService(providerReference);
        try {
            assertEquals(TestPlatform.DEVICE_ID, keystore.deviceId());
            assertEquals(Suite.NIST, keystore.suite());
            assertEquals(SignatureScheme.ECDSA_P256_SHA256, keystore.identityKey().scheme());
            byte[] message = "status".getBytes(StandardCharsets.UTF_8);
            assertEquals(SignatureCheck.VALID, provider.verify(keystore.identityKey(), message, keystore.sign(message)));
            Path keys = Path.of(context.getProperty("redoubt.data.dir"), "keys");
            assertEquals(keystore.certificateRequest(), Files.readString(keys.resolve("device.csr")));
            assertTrue(Files.exists(keys.resolve("device-identity.json")));
        } finally {
            context.ungetService(reference);
            context.ungetService(providerReference);
        }
    }

    @Test
    public void aChangedSuiteKeepsTheIdentityKey() throws Exception {
        ServiceReference<DeviceKeystore> before = Await.service(context, DeviceKeystore.class, "", Await.PLATFORM);
        String keyId = context.getService(before).identityKey().keyId().hex();
        context.ungetService(before);
        Dictionary<String, Object> sm = new Hashtable<>();
        sm.put(ActiveSuite.PROPERTY, "SM");
        org.osgi.service.cm.Configuration suite = configurationAdmin.getConfiguration(ActiveSuite.PID, "?");
        suite.update(sm);
        try {
            Await.service(context, ActiveSuite.class, "(" + ActiveSuite.PROPERTY + "=SM)", Await.PLATFORM);
            Await.service(context, Readiness.class, READY, Await.PLATFORM);
            ServiceReference<DeviceKeystore> after = Await.service(context, DeviceKeystore.class, "", Await.PLATFORM);
            DeviceKeystore keystore = context.getService(after);
            assertEquals(keyId, keystore.identityKey().keyId().hex());
            assertEquals("the key keeps its own suite", Suite.NIST, keystore.suite());
            context.ungetService(after);
        } finally {
            suite.delete();
            Await.service(context, ActiveSuite.class, "(" + ActiveSuite.PROPERTY + "=NIST)", Await.PLATFORM);
        }
    }

    @Test
    public void sealedStorageGoesThroughItsLifeCycleWithThePin() throws Exception {
        Dictionary<String, Object> cheap = new Hashtable<>();
        cheap.put("pinKdf.memoryKiB", 8192);
        cheap.put("pinKdf.iterations", 1);
        org.osgi.service.cm.Configuration cost = configurationAdmin.getConfiguration("org.redoubt.crypto.sealed", "?");
        cost.update(cheap);
        try {
            ServiceReference<SealedStorage> reference = Await.service(context, SealedStorage.class,
                    "(pinKdf.memoryKiB=8192)", Await.PLATFORM);
            SealedStorage storage = context.getService(reference);
            assertEquals(StorageState.UNINITIALIZED, storage.state());
            storage.initialize("2468".toCharArray());
            RecordSealer messages = storage.sealer("messages");
            byte[] record = "meet at the north gate".getBytes(StandardCharsets.UTF_8);
            byte[] sealed = messages.seal(new byte[] {7}, record);
            storage.lock();
            try {
                storage.unlock("1357".toCharArray());
                fail("a wrong PIN unlocked sealed storage");
            } catch (SealedStorageException e) {
                assertEquals(SealedStorageException.Reason.WRONG_PIN, e.reason());
            }
            storage.unlock("2468".toCharArray());
            assertArrayEquals(record, storage.sealer("messages").open(new byte[] {7}, sealed));
            storage.cryptoErase();
            assertEquals(StorageState.UNINITIALIZED, storage.state());
            Path secrets = Path.of(context.getProperty("redoubt.data.dir"), "secrets");
            assertFalse(Files.exists(secrets.resolve("storage-kek.secret")));
            assertTrue("the identity key's secret survives a wipe of the stores",
                    Files.exists(secrets.resolve("device-identity-key.secret")));
            context.ungetService(reference);
        } finally {
            cost.delete();
        }
    }
}
