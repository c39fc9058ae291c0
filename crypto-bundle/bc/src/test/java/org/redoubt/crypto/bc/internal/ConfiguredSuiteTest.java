package org.redoubt.crypto.bc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.redoubt.crypto.api.Suite;

class ConfiguredSuiteTest {

    @Test
    void namesSelectTheirSuite() {
        assertEquals(Suite.NIST, ConfiguredSuite.parse("NIST"));
        assertEquals(Suite.SM, ConfiguredSuite.parse("SM"));
    }

    @Test
    void anythingElseIsRefusedNotDefaulted() {
        for (String bad : new String[] {"sm", " SM", "", "AES", "NIST,SM"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConfiguredSuite.parse(bad));
            assertEquals(true, e.getMessage().contains("no suite is active"), e.getMessage());
        }
    }
}
