package org.redoubt.driver.radios.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.log.Logger;
import org.osgi.util.converter.Converters;
import org.redoubt.driver.radios.Radio;
import org.redoubt.driver.radios.RadioException;
import org.redoubt.driver.radios.RadioException.Reason;

/** Both backends, the Linux one against a fake sysfs tree as a handset kernel lays it out. */
class RadiosTest {

    private static final Logger QUIET = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(),
            new Class<?>[] {Logger.class}, (proxy, method, args) -> method.getReturnType() == boolean.class ? Boolean.FALSE
                    : null);

    @TempDir
    Path sysfs;
    private Path usb;

    @BeforeEach
    void handsetWithEverythingOn() throws IOException {
        rfkill(0, "bluetooth", "0", "0");
        rfkill(1, "wlan", "0", "0");
        rfkill(2, "bluetooth", "0", "0"); // a second Bluetooth switch (hci0 and the chip)
        rfkill(3, "nfc", "0", "0");
        usb = Files.createDirectories(sysfs.resolve("kernel/config/usb_gadget/redoubt")).resolve("enabled");
        Files.writeString(usb, "1\n");
    }

    private RadiosComponent component(String backend) throws RadioException {
        return new RadiosComponent(Converters.standardConverter().convert(Map.of("backend", backend,
                "sysfs", sysfs.toString(), "usbDataSwitch", usb.toString())).to(RadiosComponent.Config.class), QUIET);
    }

    @Test
    void startingTheDriverSwitchesEveryRadioOff() throws Exception {
        RadiosComponent radios = component("sysfs");
        for (Radio radio : Radio.values()) {
            assertFalse(radios.isOn(radio), radio.name());
        }
        assertEquals("1", Files.readString(sysfs.resolve("class/rfkill/rfkill0/soft")));
        assertEquals("1", Files.readString(sysfs.resolve("class/rfkill/rfkill2/soft")), "every switch of the type");
        assertEquals("0", Files.readString(usb));
    }

    @Test
    void aRadioSwitchesOnAndOffAgain() throws Exception {
        RadiosComponent radios = component("sysfs");
        radios.set(Radio.WIFI, true);
        assertTrue(radios.isOn(Radio.WIFI));
        assertEquals("0", Files.readString(sysfs.resolve("class/rfkill/rfkill1/soft")));
        assertFalse(radios.isOn(Radio.BLUETOOTH), "only the one asked for");
        radios.set(Radio.USB_DATA, true);
        assertTrue(radios.isOn(Radio.USB_DATA));
        radios.set(Radio.WIFI, false);
        assertFalse(radios.isOn(Radio.WIFI));
    }

    @Test
    void aHardBlockedRadioCannotBeSwitchedOn() throws Exception {
        RadiosComponent radios = component("sysfs");
        Files.writeString(sysfs.resolve("class/rfkill/rfkill3/hard"), "1");
        RadioException e = assertThrows(RadioException.class, () -> radios.set(Radio.NFC, true));
        assertEquals(Reason.FAILED, e.reason());
        assertFalse(radios.isOn(Radio.NFC));
    }

    @Test
    void aHandsetWithoutNfcStartsAndSaysSo() throws Exception {
        deleteTree(sysfs.resolve("class/rfkill/rfkill3"));
        RadiosComponent radios = component("sysfs");
        assertEquals(Reason.UNAVAILABLE, assertThrows(RadioException.class, () -> radios.isOn(Radio.NFC)).reason());
        assertEquals(Reason.UNAVAILABLE, assertThrows(RadioException.class, () -> radios.set(Radio.NFC, true)).reason());
        assertFalse(radios.isOn(Radio.WIFI));
        assertFalse(Files.exists(sysfs.resolve("class/rfkill/rfkill3")), "nothing is created for a missing radio");
    }

    @Test
    void aRadioThatCannotBeSwitchedOffFailsTheDriver() throws Exception {
        Path soft = sysfs.resolve("class/rfkill/rfkill1/soft");
        Files.delete(soft);
        Files.createDirectory(soft); // unwritable as a file
        RadioException e = assertThrows(RadioException.class, () -> component("sysfs"));
        assertEquals(Reason.FAILED, e.reason());
    }

    @Test
    void unexpectedSwitchContentIsUnavailableNotGuessed() throws Exception {
        RadiosComponent radios = component("sysfs");
        Files.writeString(sysfs.resolve("class/rfkill/rfkill1/soft"), "maybe");
        assertEquals(Reason.UNAVAILABLE, assertThrows(RadioException.class, () -> radios.isOn(Radio.WIFI)).reason());
    }

    @Test
    void theSimulatedRadiosStartOffToo() throws Exception {
        RadiosComponent radios = component("simulated");
        for (Radio radio : Radio.values()) {
            assertFalse(radios.isOn(radio));
        }
        radios.set(Radio.BLUETOOTH, true);
        assertTrue(radios.isOn(Radio.BLUETOOTH));
        assertThrows(IllegalArgumentException.class, () -> component("bluetooth-stack"));
    }

    private void rfkill(int index, String type, String soft, String hard) throws IOException {
        Path directory = Files.createDirectories(sysfs.resolve("class/rfkill/rfkill" + index));
        Files.writeString(directory.resolve("type"), type + "\n");
        Files.writeString(directory.resolve("soft"), soft + "\n");
        Files.writeString(directory.resolve("hard"), hard + "\n");
    }

    private static void deleteTree(Path root) throws IOException {
        try (var walk = Files.walk(root)) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
