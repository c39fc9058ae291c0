package org.redoubt.crypto.keystore.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.redoubt.crypto.keystore.internal.Handset.PROVIDER;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redoubt.crypto.api.SignatureCheck;
import org.redoubt.crypto.api.Suite;
import org.redoubt.crypto.keystore.KeystoreException;
import org.redoubt.crypto.keystore.KeystoreException.Reason;
import org.redoubt.crypto.sealed.DeviceSecret;

/** The component as DS runs it, through its test constructor: the framework properties and the life cycle. */
class DeviceKeystoreComponentTest {

    @TempDir
    Path data;

    private final DeviceSecret deviceSecret = new MemoryDeviceSecret(PROVIDER);
    private final List<String> journal = new ArrayList<>();
    private final Map<String, String> properties = new HashMap<>();

    private DeviceKeystoreComponent activate(Suite activeSuite) throws KeystoreException {
        return new DeviceKeystoreComponent(properties::get, PROVIDER, deviceSecret, activeSuite, journal::add);
    }

    @Test
    void theKeyLivesInTheKeysDirectoryOfTheDataDirectoryAndDiesWithTheComponent() throws Exception {
        properties.put("redoubt.data.dir", data.toString());
        properties.put("redoubt.device.id", "rdb-7f3a");
        DeviceKeystoreComponent first = activate(Suite.SM);
        String keyId = first.identityKey().keyId().hex();
        assertEquals("rdb-7f3a", first.deviceId());
        assertEquals(Suite.SM, first.suite());
        assertEquals(first.certificateRequest(), Files.readString(data.resolve("keys/device.csr")));
        byte[] message = "ack".getBytes(StandardCharsets.UTF_8);
        assertEquals(SignatureCheck.VALID, PROVIDER.verify(first.identityKey(), message, first.sign(message)));
        first.deactivate();
        assertThrows(IllegalStateException.class, () -> first.sign(message), "deactivation destroys the private key");

        DeviceKeystoreComponent again = activate(Suite.NIST);
        assertEquals(keyId, again.identityKey().keyId().hex(), "reactivated with another suite, the same key");
        assertEquals(Suite.SM, again.suite());
        again.deactivate();
        assertTrue(journal.stream().anyMatch(line -> line.contains("generated")), journal.toString());
        assertTrue(journal.stream().noneMatch(line -> line.contains("PRIVATE")), journal.toString());
    }

    @Test
    void withoutADataDirectoryThereIsNoKeystore() {
        properties.put("redoubt.device.id", "rdb-7f3a");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> activate(Suite.NIST));
        assertTrue(e.getMessage().contains("redoubt.data.dir"), e.getMessage());
    }

    @Test
    void withoutADeviceIdThereIsNoKeystoreAndNoFile() {
        properties.put("redoubt.data.dir", data.toString());
        KeystoreException e = assertThrows(KeystoreException.class, () -> activate(Suite.NIST));
        assertEquals(Reason.INVALID_DEVICE_ID, e.reason());
        assertTrue(e.getMessage().contains("redoubt.device.id is not set"), e.getMessage());
        assertFalse(Files.exists(data.resolve("keys")));
    }

    @Test
    void anInvalidDeviceIdIsNamedButNotRepeated() {
        properties.put("redoubt.data.dir", data.toString());
        properties.put("redoubt.device.id", "rdb-1\nREDOUBT READY");
        KeystoreException e = assertThrows(KeystoreException.class, () -> activate(Suite.NIST));
        assertEquals(Reason.INVALID_DEVICE_ID, e.reason());
        assertTrue(e.getMessage().contains("redoubt.device.id is not a valid device id"), e.getMessage());
        assertFalse(e.getMessage().contains("READY"), "a log line cannot be forged through the id");
        assertFalse(Files.exists(data.resolve("keys")));
    }
}
