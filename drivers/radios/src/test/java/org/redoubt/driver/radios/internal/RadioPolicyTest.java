package org.redoubt.driver.radios.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.log.Logger;
import org.osgi.util.converter.Converters;
import org.redoubt.driver.radios.Radio;
import org.redoubt.driver.radios.RadioException;
import org.redoubt.driver.radios.RadioException.Reason;

/** The policy's {@code disabled} radios (policy {@code radios.*}), through the component's configuration. */
class RadioPolicyTest {

    /** What the component logged at error level, one entry per call. */
    private final List<String> errors = new ArrayList<>();
    private final Logger logger = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(),
            new Class<?>[] {Logger.class}, (proxy, method, args) -> {
                if (method.getName().equals("error")) {
                    errors.add(String.valueOf(args[0]) + " " + java.util.Arrays.deepToString(args));
                }
                return method.getReturnType() == boolean.class ? Boolean.FALSE : null;
            });

    private static RadiosComponent.Config config(Map<String, Object> properties) {
        return Converters.standardConverter().convert(properties).to(RadiosComponent.Config.class);
    }

    private static RadiosComponent.Config disabling(String... names) {
        return config(Map.of("backend", "simulated", "disabled", names));
    }

    @Test
    void aDisabledRadioIsSwitchedOffAndCannotBeSwitchedOnUntilAPolicyAllowsItAgain() throws Exception {
        RadiosComponent radios = new RadiosComponent(config(Map.of("backend", "simulated")), logger);
        radios.set(Radio.BLUETOOTH, true);
        radios.set(Radio.WIFI, true);
        assertTrue(radios.isAllowed(Radio.BLUETOOTH));

        radios.modified(disabling("BLUETOOTH"));
        assertFalse(radios.isOn(Radio.BLUETOOTH), "switched off at once");
        assertFalse(radios.isAllowed(Radio.BLUETOOTH));
        RadioException refused = assertThrows(RadioException.class, () -> radios.set(Radio.BLUETOOTH, true));
        assertEquals(Reason.DISABLED_BY_POLICY, refused.reason());
        assertFalse(radios.isOn(Radio.BLUETOOTH));
        radios.set(Radio.BLUETOOTH, false); // switching off is always fine
        assertTrue(radios.isOn(Radio.WIFI), "a radio the policy does not name is left alone");
        assertTrue(radios.isAllowed(Radio.WIFI));

        radios.modified(disabling());
        assertTrue(radios.isAllowed(Radio.BLUETOOTH));
        assertFalse(radios.isOn(Radio.BLUETOOTH), "allowed again, but nothing switched it on");
        radios.set(Radio.BLUETOOTH, true);
        assertTrue(radios.isOn(Radio.BLUETOOTH));
        assertTrue(errors.isEmpty(), errors.toString());
    }

    @Test
    void aPolicyInTheFirstConfigurationHoldsFromTheStart() throws Exception {
        RadiosComponent radios = new RadiosComponent(disabling("USB_DATA", "nfc"), logger);
        assertEquals(Reason.DISABLED_BY_POLICY, assertThrows(RadioException.class,
                () -> radios.set(Radio.USB_DATA, true)).reason());
        assertEquals(Reason.DISABLED_BY_POLICY, assertThrows(RadioException.class,
                () -> radios.set(Radio.NFC, true)).reason(), "names are read without regard to case");
        radios.set(Radio.WIFI, true);
        assertTrue(radios.isOn(Radio.WIFI));
    }

    @Test
    void anUnknownNameIsAnErrorLoggedOnceAndTheKnownNamesStillCount() throws Exception {
        RadiosComponent radios = new RadiosComponent(config(Map.of("backend", "simulated")), logger);
        radios.set(Radio.WIFI, true);
        radios.modified(disabling("WIFI", "INFRARED"));
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).contains("INFRARED"), errors.get(0));
        assertFalse(radios.isOn(Radio.WIFI));
        assertEquals(Reason.DISABLED_BY_POLICY, assertThrows(RadioException.class,
                () -> radios.set(Radio.WIFI, true)).reason());
        radios.set(Radio.BLUETOOTH, true);
        assertEquals(1, errors.size(), "logged when the configuration came, not at every use");
        assertEquals(new RadioPolicy(Set.of(Radio.WIFI), List.of("INFRARED", "null")),
                RadioPolicy.of(new String[] {"WIFI", "INFRARED", null}));
    }

    @Test
    void theSysfsBackendSwitchesADisabledRadioOffInTheKernel(@TempDir Path sysfs) throws Exception {
        Path rfkill = Files.createDirectories(sysfs.resolve("class/rfkill/rfkill0"));
        Files.writeString(rfkill.resolve("type"), "bluetooth\n");
        Files.writeString(rfkill.resolve("soft"), "0\n");
        Files.writeString(rfkill.resolve("hard"), "0\n");
        Path usb = Files.writeString(sysfs.resolve("usb-data"), "0\n");
        Map<String, Object> properties = new HashMap<>(Map.of("backend", "sysfs", "sysfs", sysfs.toString(),
                "usbDataSwitch", usb.toString()));
        RadiosComponent radios = new RadiosComponent(config(properties), logger);
        radios.set(Radio.BLUETOOTH, true);
        assertEquals("0", Files.readString(rfkill.resolve("soft")));

        properties.put("disabled", new String[] {"BLUETOOTH", "NFC"}); // this handset has no NFC: no error
        radios.modified(config(properties));
        assertEquals("1", Files.readString(rfkill.resolve("soft")));
        assertEquals(Reason.DISABLED_BY_POLICY, assertThrows(RadioException.class,
                () -> radios.set(Radio.BLUETOOTH, true)).reason());
        assertEquals("1", Files.readString(rfkill.resolve("soft")), "nothing was written for a refused switch");
        assertTrue(errors.isEmpty(), errors.toString());
    }

    @Test
    void anotherBackendStartsWithEveryRadioOffAndKeepsThePolicy(@TempDir Path sysfs) throws Exception {
        Path rfkill = Files.createDirectories(sysfs.resolve("class/rfkill/rfkill0"));
        Files.writeString(rfkill.resolve("type"), "wlan\n");
        Files.writeString(rfkill.resolve("soft"), "0\n");
        Files.writeString(rfkill.resolve("hard"), "0\n");
        Path usb = Files.writeString(sysfs.resolve("usb-data"), "1\n");
        RadiosComponent radios = new RadiosComponent(disabling("USB_DATA"), logger);
        radios.modified(config(Map.of("backend", "sysfs", "sysfs", sysfs.toString(), "usbDataSwitch",
                usb.toString(), "disabled", new String[] {"USB_DATA"})));
        assertEquals("1", Files.readString(rfkill.resolve("soft")), "Wi-Fi off on the new backend");
        assertEquals("0", Files.readString(usb));
        assertEquals(Reason.DISABLED_BY_POLICY, assertThrows(RadioException.class,
                () -> radios.set(Radio.USB_DATA, true)).reason());
        radios.set(Radio.WIFI, true);
        assertEquals("0", Files.readString(rfkill.resolve("soft")));
    }
}
