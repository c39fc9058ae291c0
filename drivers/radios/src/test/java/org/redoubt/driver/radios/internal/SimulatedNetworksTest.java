package org.redoubt.driver.radios.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.redoubt.driver.radios.WifiNetwork;
import org.redoubt.driver.radios.WifiSecurity;

/** The simulated backend's {@code simulatedNetworks} entries, read strictly. */
class SimulatedNetworksTest {

    @Test
    void wellFormedEntriesAreNetworksInOrder() {
        SimulatedNetworks parsed = SimulatedNetworks.parse(new String[] {"Office:WPA3", "Cafe:OPEN",
            "Lab:2:ENTERPRISE", "Old router:WEP", "办公室:WPA2"});
        assertEquals(List.of(new WifiNetwork("Office", WifiSecurity.WPA3), new WifiNetwork("Cafe", WifiSecurity.OPEN),
                new WifiNetwork("Lab:2", WifiSecurity.ENTERPRISE), new WifiNetwork("Old router", WifiSecurity.WEP),
                new WifiNetwork("办公室", WifiSecurity.WPA2)), parsed.networks(), "the SSID ends at the last colon");
        assertEquals(List.of(), parsed.rejected());
    }

    @Test
    void badEntriesAreRejectedWithWhyAndTheRestKept() {
        SimulatedNetworks parsed = SimulatedNetworks.parse(new String[] {"Office:WPA3", "NoSecurity", "Cafe:open",
            ":WPA2", "Home:WPA2 ", "x".repeat(33) + ":WPA2", null, "Office:WPA3", "Office:OPEN", "Guest:"});
        assertEquals(List.of(new WifiNetwork("Office", WifiSecurity.WPA3), new WifiNetwork("Office", WifiSecurity.OPEN)),
                parsed.networks(), "same SSID, other security: another network");
        assertEquals(8, parsed.rejected().size(), parsed.rejected().toString());
        assertTrue(parsed.rejected().get(0).contains("NoSecurity"), parsed.rejected().get(0));
        assertTrue(parsed.rejected().get(1).contains("names no security"), "no case folding: " + parsed.rejected().get(1));
        assertTrue(parsed.rejected().get(2).contains("no valid SSID"), parsed.rejected().get(2));
        assertTrue(parsed.rejected().get(3).contains("names no security"), "no trimming: " + parsed.rejected().get(3));
        assertTrue(parsed.rejected().get(4).contains("no valid SSID"), parsed.rejected().get(4));
        assertTrue(parsed.rejected().get(5).contains("null"), parsed.rejected().get(5));
        assertTrue(parsed.rejected().get(6).contains("twice"), parsed.rejected().get(6));
        assertTrue(parsed.rejected().get(7).contains("names no security"), parsed.rejected().get(7));
    }

    @Test
    void noEntriesNoNetworks() {
        assertEquals(List.of(), SimulatedNetworks.parse(null).networks());
        assertEquals(List.of(), SimulatedNetworks.parse(new String[0]).networks());
    }
}
