package org.redoubt.runtime.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.redoubt.runtime.firewall.ServiceGrant;
import org.redoubt.runtime.release.ReleaseRules;

/** The decisions the hooks make, with and without their caches warm. */
class FirewallRulesTest {

    private final FirewallRules rules = new FirewallRules(4, new ReleaseRules(List.of("org.example.vault.Vault"),
            List.of(new ServiceGrant("org.redoubt.telephony", List.of("org.redoubt.driver.modem.*")),
                    new ServiceGrant("org.redoubt.shell", List.of("org.redoubt.driver.keypad.Keypad")))));

    @Test
    void driverApisAndTheManifestsNamesAreGuardedEverythingElseIsNot() {
        assertEquals(List.of("org.redoubt.driver.*", "org.example.vault.Vault"), rules.guarded());
        for (int warm = 0; warm < 2; warm++) {
            assertTrue(rules.guards("org.redoubt.driver.modem.AtChannel"));
            assertTrue(rules.guards("org.redoubt.driver.modem"));
            assertTrue(rules.guards("org.example.vault.Vault"));
            assertFalse(rules.guards("org.example.vault.Vaults"));
            assertFalse(rules.guards("org.redoubt.telephony.Network"));
            assertFalse(rules.guards("org.redoubt.drivers.Fake"));
        }
    }

    @Test
    void aBundleMayUseWhatItIsGrantedAndWhatIsNotGuarded() {
        for (int warm = 0; warm < 2; warm++) {
            assertTrue(rules.permits("org.redoubt.telephony", "org.redoubt.driver.modem.AtChannel"));
            assertTrue(rules.permits("org.redoubt.telephony", "org.redoubt.driver.modem"), "the package too");
            assertFalse(rules.permits("org.redoubt.telephony", "org.redoubt.driver.keypad.Keypad"));
            assertTrue(rules.permits("org.redoubt.shell", "org.redoubt.driver.keypad.Keypad"));
            assertFalse(rules.permits("org.redoubt.shell", "org.redoubt.driver.keypad"), "an exact grant is not its package");
            assertFalse(rules.permits("org.example.rogue", "org.example.vault.Vault"));
            assertTrue(rules.permits("org.example.rogue", "org.redoubt.telephony.Network"));
        }
    }

    @Test
    void aServiceUnderSeveralInterfacesNeedsAGrantForEachGuardedOne() {
        String[] both = {"org.redoubt.driver.modem.AtChannel", "org.redoubt.driver.keypad.Keypad", "java.lang.Object"};
        assertEquals("org.redoubt.driver.keypad.Keypad", rules.denied(7, "org.redoubt.telephony", both));
        assertEquals("org.redoubt.driver.modem.AtChannel", rules.denied(8, "org.redoubt.shell", both));
        assertNull(rules.denied(7, "org.redoubt.telephony", new String[] {"org.redoubt.driver.modem.AtChannel"}));
        assertEquals("org.redoubt.driver.modem.AtChannel",
                rules.denied(9, null, new String[] {"org.redoubt.driver.modem.AtChannel"}), "no symbolic name, no grant");
        assertEquals("org.redoubt.driver.modem.AtChannel",
                rules.denied(7, "org.example.other", new String[] {"org.redoubt.driver.modem.AtChannel"}),
                "bundle id 7 now has another name (a cache keyed by id alone would say yes)");
    }
}
