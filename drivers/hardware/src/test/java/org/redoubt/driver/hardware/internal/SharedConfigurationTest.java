package org.redoubt.driver.hardware.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Hashtable;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The hardware description sets its own properties and leaves the policy's alone. */
class SharedConfigurationTest {

    @Test
    void thePolicysPropertiesSurviveTheDescription() {
        Hashtable<String, Object> stored = new Hashtable<>();
        stored.put("service.pid", "org.redoubt.driver.radios");
        stored.put("backend", "sysfs");
        stored.put("disabled", new String[] {"BLUETOOTH"});

        Hashtable<String, Object> merged = SharedConfiguration.merged(stored, Map.of("backend", "simulated"));

        assertEquals("simulated", merged.get("backend"));
        assertArrayEquals(new String[] {"BLUETOOTH"}, (String[]) merged.get("disabled"));
        assertFalse(merged.containsKey("service.pid"));
    }

    @Test
    void aFirstBootTakesTheDescriptionAsItIs() {
        assertEquals(Map.of("backend", "simulated"), SharedConfiguration.merged(null, Map.of("backend", "simulated")));
    }
}
