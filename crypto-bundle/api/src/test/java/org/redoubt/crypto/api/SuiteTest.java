package org.redoubt.crypto.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.net.URLClassLoader;

import org.junit.jupiter.api.Test;

class SuiteTest {

    /** Suite and SignatureScheme name each other; neither may see the other half-initialized. */
    @Test
    void everySuiteNamesItsDeviceKeySchemeWhicheverEnumIsInitializedFirst() throws Exception {
        URL classes = Suite.class.getProtectionDomain().getCodeSource().getLocation();
        for (String first : new String[] {"org.redoubt.crypto.api.SignatureScheme", "org.redoubt.crypto.api.Suite"}) {
            try (URLClassLoader fresh = new URLClassLoader(new URL[] {classes}, null)) {
                Class.forName(first, true, fresh);
                Class<?> suite = Class.forName("org.redoubt.crypto.api.Suite", true, fresh);
                for (Object constant : suite.getEnumConstants()) {
                    Object scheme = suite.getMethod("deviceKeyScheme").invoke(constant);
                    assertEquals(constant, scheme.getClass().getMethod("suite").invoke(scheme), first + " first");
                }
            }
        }
        assertEquals(SignatureScheme.ECDSA_P256_SHA256, Suite.NIST.deviceKeyScheme());
        assertEquals(SignatureScheme.SM2_SM3, Suite.SM.deviceKeyScheme());
    }
}
