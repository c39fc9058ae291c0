package org.redoubt.driver.radios.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.log.Logger;
import org.osgi.util.converter.Converters;
import org.redoubt.driver.radios.Radio;
import org.redoubt.driver.radios.RadioException;
import org.redoubt.driver.radios.RadioException.Reason;
import org.redoubt.driver.radios.WifiNetwork;
import org.redoubt.driver.radios.WifiSecurity;

/**
 * Policy {@code wifi.ssidAllowlist} and {@code wifi.minSecurity} (and {@code radios.wifi}) through
 * the component's configuration, on the simulated backend with networks in range.
 */
class WifiNetworksTest {

    private static final WifiNetwork OFFICE = new WifiNetwork("Office", WifiSecurity.WPA3);
    private static final WifiNetwork CAFE = new WifiNetwork("Cafe", WifiSecurity.OPEN);
    private static final WifiNetwork HQ = new WifiNetwork("HQ", WifiSecurity.ENTERPRISE);
    private static final WifiNetwork HOME = new WifiNetwork("Home", WifiSecurity.WPA2);
    private static final WifiNetwork OLD = new WifiNetwork("Old router", WifiSecurity.WEP);
    private static final String[] IN_RANGE = {"Office:WPA3", "Cafe:OPEN", "HQ:ENTERPRISE", "Home:WPA2", "Old router:WEP"};

    /** What the component logged, per level, one entry per call. */
    private final List<String> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<String> infos = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Logger logger = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(),
            new Class<?>[] {Logger.class}, (proxy, method, args) -> {
                if (method.getName().equals("error")) {
                    errors.add(Arrays.deepToString(args));
                } else if (method.getName().equals("info")) {
                    infos.add(Arrays.deepToString(args));
                }
                return method.getReturnType() == boolean.class ? Boolean.FALSE : null;
            });

    private static RadiosComponent.Config config(Object... keysAndValues) {
        Map<String, Object> properties = new HashMap<>(Map.of("backend", "simulated", "simulatedNetworks", IN_RANGE));
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return Converters.standardConverter().convert(properties).to(RadiosComponent.Config.class);
    }

    private RadiosComponent wifiOn(RadiosComponent.Config config) throws RadioException {
        RadiosComponent radios = new RadiosComponent(config, logger);
        radios.set(Radio.WIFI, true);
        return radios;
    }

    private static Reason refusal(RadiosComponent radios, WifiNetwork network) {
        return assertThrows(RadioException.class, () -> radios.join(network)).reason();
    }

    @Test
    void withoutAWifiPolicyEveryNetworkInRangeCanBeJoined() throws Exception {
        RadiosComponent radios = wifiOn(config());
        assertEquals(List.of(OFFICE, CAFE, HQ, HOME, OLD), radios.visible());
        for (WifiNetwork network : radios.visible()) {
            assertTrue(radios.isAllowed(network));
            radios.join(network);
            assertEquals(Optional.of(network), radios.joined(), "joining another network leaves the one before");
        }
        radios.leave();
        assertEquals(Optional.empty(), radios.joined());
        radios.leave(); // nothing joined: nothing happens
        assertTrue(errors.isEmpty(), errors.toString());
    }

    @Test
    void aNetworkOutsideThePolicyIsRefusedWithItsReasonAndTheJoinedOneStays() throws Exception {
        RadiosComponent radios = wifiOn(config("wifiSsidAllowlist", new String[] {"Office", "Cafe", "Home"},
                "wifiMinSecurity", "WPA3"));
        radios.join(OFFICE);
        RadioException notListed = assertThrows(RadioException.class, () -> radios.join(HQ));
        assertEquals(Reason.NOT_ALLOWED_BY_POLICY, notListed.reason());
        assertTrue(notListed.getMessage().contains("allowlist"), notListed.getMessage());
        RadioException tooWeak = assertThrows(RadioException.class, () -> radios.join(HOME));
        assertEquals(Reason.NOT_ALLOWED_BY_POLICY, tooWeak.reason());
        assertTrue(tooWeak.getMessage().contains("below the policy's minimum WPA3"), tooWeak.getMessage());
        assertEquals(Reason.NOT_ALLOWED_BY_POLICY, refusal(radios, CAFE), "open is below WPA3");
        assertEquals(Optional.of(OFFICE), radios.joined(), "a refused join leaves nothing");
        assertFalse(radios.isAllowed(HQ));
        assertFalse(radios.isAllowed(HOME));
        assertTrue(radios.isAllowed(OFFICE));
        assertEquals(List.of(OFFICE, CAFE, HQ, HOME, OLD), radios.visible(), "refused networks are still listed");
    }

    @Test
    void weakSecurityIsBelowEveryMinimum() throws Exception {
        RadiosComponent radios = wifiOn(config("wifiMinSecurity", "WPA2"));
        assertEquals(Reason.NOT_ALLOWED_BY_POLICY, refusal(radios, OLD), "WEP");
        assertEquals(Reason.NOT_ALLOWED_BY_POLICY, refusal(radios, CAFE), "OPEN");
        radios.join(HOME);
        radios.join(HQ);
        assertEquals(Optional.of(HQ), radios.joined());
    }

    @Test
    void claimingAStrongerSecurityThanTheNetworkHasGetsNowhere() throws Exception {
        RadiosComponent radios = wifiOn(config("wifiMinSecurity", "WPA2"));
        WifiNetwork disguised = new WifiNetwork("Cafe", WifiSecurity.WPA3);
        assertTrue(radios.isAllowed(disguised), "as claimed, it would be allowed");
        assertEquals(Reason.FAILED, refusal(radios, disguised), "but no such network is in range");
        assertEquals(Optional.empty(), radios.joined());
    }

    @Test
    void aPolicyChangeLeavesAJoinedNetworkThatIsNoLongerAllowedAndARelaxedOneAllowsItAgain() throws Exception {
        RadiosComponent radios = wifiOn(config());
        radios.join(CAFE);

        radios.modified(config("wifiSsidAllowlist", new String[] {"Office"}));
        assertEquals(Optional.empty(), radios.joined(), "left at once");
        assertTrue(infos.stream().anyMatch(line -> line.contains("left the joined Wi-Fi network") && line.contains("allowlist")),
                infos.toString());
        assertFalse(infos.toString().contains("Cafe"), "the log names no SSID");
        assertEquals(Reason.NOT_ALLOWED_BY_POLICY, refusal(radios, CAFE));
        assertTrue(radios.isOn(Radio.WIFI), "Wi-Fi itself stays on");
        radios.join(OFFICE);

        radios.modified(config("wifiSsidAllowlist", new String[] {"Office"}, "wifiMinSecurity", "ENTERPRISE"));
        assertEquals(Optional.empty(), radios.joined(), "a minimum above the joined network's security leaves it too");

        radios.modified(config("wifiSsidAllowlist", new String[] {"Office", "HQ"}, "wifiMinSecurity", "WPA3"));
        radios.join(HQ);
        radios.modified(config("wifiSsidAllowlist", new String[] {"HQ", "Cafe"}));
        assertEquals(Optional.of(HQ), radios.joined(), "a network the new policy still allows stays joined");

        radios.modified(config()); // the policy no longer restricts Wi-Fi: the properties are gone
        assertTrue(radios.isAllowed(CAFE));
        radios.join(CAFE);
        assertEquals(Optional.of(CAFE), radios.joined());
        assertTrue(errors.isEmpty(), errors.toString());
    }

    @Test
    void wifiDisabledByPolicyLeavesTheNetworkAndRefusesToJoin() throws Exception {
        RadiosComponent radios = wifiOn(config());
        radios.join(OFFICE);

        radios.modified(config("disabled", new String[] {"WIFI"}));
        assertEquals(Optional.empty(), radios.joined());
        assertFalse(radios.isOn(Radio.WIFI));
        assertTrue(infos.stream().anyMatch(line -> line.contains("the policy disables Wi-Fi")), infos.toString());
        assertEquals(Reason.DISABLED_BY_POLICY, refusal(radios, OFFICE), "before anything about the radio being off");
        assertFalse(radios.isAllowed(OFFICE));
        assertEquals(List.of(), radios.visible(), "Wi-Fi is off: nothing in range");

        radios.modified(config());
        assertTrue(radios.isAllowed(OFFICE));
        assertEquals(Reason.RADIO_OFF, refusal(radios, OFFICE), "allowed again, but nothing switched Wi-Fi on");
        radios.set(Radio.WIFI, true);
        radios.join(OFFICE);
        assertEquals(Optional.of(OFFICE), radios.joined());
    }

    @Test
    void disabledWinsOverAnAllowlistThatNamesTheNetwork() throws Exception {
        RadiosComponent radios = new RadiosComponent(config("disabled", new String[] {"WIFI"},
                "wifiSsidAllowlist", new String[] {"Office"}), logger);
        assertEquals(Reason.DISABLED_BY_POLICY, refusal(radios, OFFICE));
        assertEquals(Reason.DISABLED_BY_POLICY, refusal(radios, CAFE), "and over the allowlist refusing it");
    }

    @Test
    void switchingWifiOffLeavesTheNetworkAndJoiningNeedsWifiOn() throws Exception {
        RadiosComponent radios = new RadiosComponent(config(), logger);
        assertEquals(Reason.RADIO_OFF, refusal(radios, OFFICE), "every radio is off at start");
        radios.set(Radio.WIFI, true);
        radios.join(OFFICE);
        radios.set(Radio.WIFI, false);
        assertEquals(Optional.empty(), radios.joined());
        radios.set(Radio.WIFI, true);
        assertEquals(Optional.empty(), radios.joined(), "switching on again joins nothing by itself");
    }

    @Test
    void aWifiPolicyInTheFirstConfigurationHoldsFromTheStart() throws Exception {
        RadiosComponent radios = wifiOn(config("wifiSsidAllowlist", new String[] {"HQ"}, "wifiMinSecurity", "enterprise"));
        assertEquals(Reason.NOT_ALLOWED_BY_POLICY, refusal(radios, OFFICE));
        radios.join(HQ);
        assertTrue(errors.isEmpty(), errors.toString());
    }

    @Test
    void anUnknownMinimumIsAConfigurationErrorLoggedOnceThatRequiresEnterprise() throws Exception {
        RadiosComponent radios = wifiOn(config());
        radios.join(OFFICE);
        radios.modified(config("wifiMinSecurity", "WPA4"));
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).contains("WPA4") && errors.get(0).contains("ENTERPRISE"), errors.get(0));
        assertEquals(Optional.empty(), radios.joined(), "WPA3 is below the fail-closed minimum");
        assertEquals(Reason.NOT_ALLOWED_BY_POLICY, refusal(radios, OFFICE));
        radios.join(HQ);
        assertEquals(1, errors.size(), "logged when the configuration came, not at every use");
    }

    @Test
    void badSimulatedNetworksAreLoggedAndSkipped() throws Exception {
        RadiosComponent radios = wifiOn(config("simulatedNetworks", new String[] {"Office:WPA3", "Cafe", "Lab:WPA9"}));
        assertEquals(List.of(OFFICE), radios.visible());
        assertEquals(2, errors.size(), errors.toString());
        assertTrue(errors.get(0).contains("simulatedNetworks") && errors.get(0).contains("Cafe"), errors.get(0));
    }

    @Test
    void theWifiPolicyCarriesOverToAnotherSimulatedScene() throws Exception {
        RadiosComponent radios = wifiOn(config("wifiSsidAllowlist", new String[] {"Office"}));
        radios.join(OFFICE);
        radios.modified(config("wifiSsidAllowlist", new String[] {"Office"}, "simulatedNetworks",
                new String[] {"Office:WPA3", "Cafe:OPEN", "Mall:WPA2"}));
        assertFalse(radios.isOn(Radio.WIFI), "another backend starts with every radio off");
        assertEquals(Optional.empty(), radios.joined());
        radios.set(Radio.WIFI, true);
        assertEquals(3, radios.visible().size());
        assertEquals(Reason.NOT_ALLOWED_BY_POLICY, refusal(radios, new WifiNetwork("Mall", WifiSecurity.WPA2)));
        radios.join(OFFICE);
    }

    @Test
    void theSysfsBackendHasNoSupplicantAndSaysSo(@TempDir Path sysfs) throws Exception {
        Path rfkill = Files.createDirectories(sysfs.resolve("class/rfkill/rfkill0"));
        Files.writeString(rfkill.resolve("type"), "wlan\n");
        Files.writeString(rfkill.resolve("soft"), "0\n");
        Files.writeString(rfkill.resolve("hard"), "0\n");
        RadiosComponent radios = wifiOn(config("backend", "sysfs", "sysfs", sysfs.toString(),
                "usbDataSwitch", sysfs.resolve("usb-data").toString()));
        assertEquals(Reason.UNAVAILABLE, assertThrows(RadioException.class, radios::visible).reason());
        RadioException join = assertThrows(RadioException.class, () -> radios.join(OFFICE));
        assertEquals(Reason.UNAVAILABLE, join.reason());
        assertTrue(join.getMessage().contains("supplicant"), join.getMessage());
        assertEquals(Optional.empty(), radios.joined());
        radios.leave();
        radios.modified(config("backend", "sysfs", "sysfs", sysfs.toString(), "usbDataSwitch",
                sysfs.resolve("usb-data").toString(), "wifiSsidAllowlist", new String[] {"HQ"}));
        assertEquals(Reason.NOT_ALLOWED_BY_POLICY, refusal(radios, OFFICE), "the policy is checked first");
    }

    /**
     * A join racing with policy changes never leaves a forbidden network joined once the policy
     * that forbids it is in place: the check and the join are one step under the policy's lock.
     * (With the check taken outside the lock, this failed within 50 rounds in each of several runs.)
     */
    @Test
    void noJoinSlipsPastAPolicyThatForbidsTheNetwork() throws Exception {
        RadiosComponent radios = wifiOn(config());
        RadiosComponent.Config open = config();
        RadiosComponent.Config officeOnly = config("wifiSsidAllowlist", new String[] {"Office"});
        AtomicBoolean running = new AtomicBoolean(true);
        CompletableFuture<Void> joiner = CompletableFuture.runAsync(() -> {
            while (running.get()) {
                try {
                    radios.join(CAFE);
                } catch (RadioException e) {
                    if (e.reason() != Reason.NOT_ALLOWED_BY_POLICY) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        });
        try {
            for (int round = 0; round < 300; round++) {
                radios.modified(open);
                radios.modified(officeOnly);
                assertEquals(Optional.empty(), radios.joined(), "round " + round);
            }
        } finally {
            running.set(false);
        }
        joiner.get(10, TimeUnit.SECONDS);
        assertTrue(errors.isEmpty(), errors.toString());
    }
}
