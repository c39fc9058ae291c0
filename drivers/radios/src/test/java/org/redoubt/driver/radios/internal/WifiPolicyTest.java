package org.redoubt.driver.radios.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.redoubt.driver.radios.WifiNetwork;
import org.redoubt.driver.radios.WifiSecurity;

/** The admission rule of policy {@code wifi.ssidAllowlist} and {@code wifi.minSecurity}. */
class WifiPolicyTest {

    private static final String[] ANY = {};

    /**
     * Every minimum against every security, written out: {@code +} admitted, {@code -} refused,
     * in the order OPEN, WEP, WPA2, WPA3, ENTERPRISE.
     */
    @ParameterizedTest(name = "minimum ''{0}'': {1}")
    @CsvSource({
        "'',         +++++",
        "WPA2,       --+++",
        "WPA3,       ---++",
        "ENTERPRISE, ----+",
        "wpa2,       --+++", // case and surrounding blanks ignored, as for the disabled radios
        "' WPA3 ',   ---++",
        "'   ',      +++++", // blank is no minimum, like empty
    })
    void eachSecurityAgainstEachMinimum(String minimum, String expected) {
        WifiPolicy policy = WifiPolicy.of(ANY, minimum);
        assertEquals(List.of(), policy.errors());
        StringBuilder actual = new StringBuilder();
        for (String security : List.of("OPEN", "WEP", "WPA2", "WPA3", "ENTERPRISE")) {
            actual.append(policy.admits(new WifiNetwork("Office", WifiSecurity.valueOf(security))) ? '+' : '-');
        }
        assertEquals(expected, actual.toString());
    }

    @Test
    void noMinimumAndNoAllowlistAdmitEveryNetwork() {
        for (WifiPolicy policy : List.of(WifiPolicy.of(ANY, ""), WifiPolicy.of(null, null), WifiPolicy.NONE)) {
            for (WifiSecurity security : WifiSecurity.values()) {
                assertTrue(policy.admits(new WifiNetwork("Any network", security)), policy + " " + security);
            }
            assertTrue(policy.errors().isEmpty());
        }
    }

    @Test
    void aNonEmptyAllowlistAdmitsExactlyItsSsids() {
        WifiPolicy policy = WifiPolicy.of(new String[] {"Office", "Lab 2"}, "");
        assertTrue(policy.admits(new WifiNetwork("Office", WifiSecurity.WPA2)));
        assertTrue(policy.admits(new WifiNetwork("Lab 2", WifiSecurity.OPEN)), "no minimum: open is fine");
        assertFalse(policy.admits(new WifiNetwork("Cafe", WifiSecurity.ENTERPRISE)), "not on the list");
        assertFalse(policy.admits(new WifiNetwork("office", WifiSecurity.WPA2)), "SSIDs are compared with case");
        assertFalse(policy.admits(new WifiNetwork("Office ", WifiSecurity.WPA2)), "and with blanks");
        assertFalse(policy.admits(new WifiNetwork("Lab", WifiSecurity.WPA2)), "no prefix match");
        assertEquals("its SSID is not on the policy's Wi-Fi allowlist",
                policy.why(new WifiNetwork("Cafe", WifiSecurity.WPA3)));
        assertTrue(policy.errors().isEmpty());
    }

    @Test
    void theAllowlistAndTheMinimumMustBothHold() {
        WifiPolicy policy = WifiPolicy.of(new String[] {"Office"}, "WPA3");
        assertTrue(policy.admits(new WifiNetwork("Office", WifiSecurity.WPA3)));
        assertTrue(policy.admits(new WifiNetwork("Office", WifiSecurity.ENTERPRISE)));
        assertFalse(policy.admits(new WifiNetwork("Office", WifiSecurity.WPA2)), "on the list, too weak");
        assertFalse(policy.admits(new WifiNetwork("Cafe", WifiSecurity.ENTERPRISE)), "strong enough, not on the list");
        assertEquals("its security WPA2 is below the policy's minimum WPA3",
                policy.why(new WifiNetwork("Office", WifiSecurity.WPA2)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"WPA1", "WPA4", "OPEN", "WEP", "none", "WPA2-PSK", "ENTERPRISE!"})
    void anUnknownMinimumIsAnErrorAndFailsClosedToEnterprise(String unknown) {
        WifiPolicy policy = WifiPolicy.of(ANY, unknown);
        assertEquals(WifiSecurity.ENTERPRISE, policy.minimum());
        assertEquals(1, policy.errors().size(), policy.errors().toString());
        assertTrue(policy.errors().get(0).contains("'" + unknown + "'"), policy.errors().get(0));
        assertFalse(policy.admits(new WifiNetwork("Office", WifiSecurity.WPA3)));
        assertFalse(policy.admits(new WifiNetwork("Office", WifiSecurity.OPEN)));
        assertTrue(policy.admits(new WifiNetwork("Office", WifiSecurity.ENTERPRISE)));
    }

    @Test
    void anAllowlistEntryThatCanBeNoSsidIsAnErrorAndTheAllowlistStillRestricts() {
        String tooLong = "x".repeat(WifiNetwork.MAX_SSID_BYTES + 1);
        WifiPolicy policy = WifiPolicy.of(new String[] {"", null, tooLong}, "");
        assertFalse(policy.anySsid(), "a non-empty allowlist never turns into 'any'");
        assertEquals(Set.of(), policy.ssids());
        assertEquals(3, policy.errors().size(), policy.errors().toString());
        assertFalse(policy.errors().toString().contains(tooLong), "entries are named by index");
        for (WifiSecurity security : WifiSecurity.values()) {
            assertFalse(policy.admits(new WifiNetwork("Office", security)));
        }
        WifiPolicy mixed = WifiPolicy.of(new String[] {"Office", ""}, "");
        assertTrue(mixed.admits(new WifiNetwork("Office", WifiSecurity.OPEN)), "the good entries still count");
        assertEquals(1, mixed.errors().size());
    }
}
