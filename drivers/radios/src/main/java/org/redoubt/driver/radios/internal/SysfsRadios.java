package org.redoubt.driver.radios.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.redoubt.driver.radios.Radio;
import org.redoubt.driver.radios.RadioException;
import org.redoubt.driver.radios.RadioException.Reason;

/**
 * Radios of a Linux handset: Bluetooth, Wi-Fi and NFC through rfkill
 * ({@code <sysfs>/class/rfkill/rfkill<n>/{type,soft,hard}}; every switch of a type moves together),
 * USB data through one sysfs attribute that holds {@code 1} (data on) or {@code 0}, which the
 * platform maps to its USB controller (for example a gadget's enable attribute). A radio is on
 * only when none of its switches is blocked, soft or hard.
 *
 * <p>Wi-Fi networks: this OS has no supplicant yet, so the Wi-Fi switch is all there is; scanning
 * and joining networks are {@code UNAVAILABLE} ({@link NoSupplicantStation}) and no network is
 * ever joined.
 */
final class SysfsRadios implements RadioSwitches {

    private static final Map<Radio, String> RFKILL_TYPES = new EnumMap<>(Map.of(
            Radio.BLUETOOTH, "bluetooth", Radio.WIFI, "wlan", Radio.NFC, "nfc"));

    private final Path sysfs;
    private final Path usbData;
    private final WifiStation wifi = new NoSupplicantStation();

    /**
     * @param sysfs   the sysfs root, {@code /sys} on a handset
     * @param usbData the USB data attribute
     */
    SysfsRadios(Path sysfs, Path usbData) {
        this.sysfs = Objects.requireNonNull(sysfs, "sysfs");
        this.usbData = Objects.requireNonNull(usbData, "usbData");
    }

    @Override
    public synchronized boolean isOn(Radio radio) throws RadioException {
        if (radio == Radio.USB_DATA) {
            return flag(usbData, radio);
        }
        for (Path rfkill : switches(radio)) {
            if (flag(rfkill.resolve("soft"), radio) || flag(rfkill.resolve("hard"), radio)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public synchronized void set(Radio radio, boolean on) throws RadioException {
        if (radio == Radio.USB_DATA) {
            if (!Files.isRegularFile(usbData)) {
                throw new RadioException(Reason.UNAVAILABLE, "this handset has no USB data switch at " + usbData, null);
            }
            write(usbData, on ? "1" : "0", radio);
        } else {
            for (Path rfkill : switches(radio)) {
                write(rfkill.resolve("soft"), on ? "0" : "1", radio);
            }
        }
        if (isOn(radio) != on) {
            throw new RadioException(Reason.FAILED, radio + " did not switch " + (on ? "on" : "off")
                    + (on ? " (hard-blocked?)" : ""), null);
        }
    }

    @Override
    public WifiStation wifi() {
        return wifi;
    }

    /** The rfkill switches of a radio; at least one, or UNAVAILABLE. */
    private List<Path> switches(Radio radio) throws RadioException {
        List<Path> found = new ArrayList<>();
        Path rfkill = sysfs.resolve("class").resolve("rfkill");
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(rfkill, "rfkill*")) {
            for (Path entry : entries) {
                Path type = entry.resolve("type");
                if (Files.isRegularFile(type) && Files.readString(type, StandardCharsets.US_ASCII).trim()
                        .equals(RFKILL_TYPES.get(radio))) {
                    found.add(entry);
                }
            }
        } catch (IOException e) {
            throw new RadioException(Reason.UNAVAILABLE, "cannot list " + rfkill, e);
        }
        if (found.isEmpty()) {
            throw new RadioException(Reason.UNAVAILABLE, "this handset has no " + radio + " (no rfkill switch of type "
                    + RFKILL_TYPES.get(radio) + ")", null);
        }
        found.sort(null);
        return found;
    }

    /** @return whether the attribute holds 1; 0 is false; anything else is UNAVAILABLE */
    private static boolean flag(Path attribute, Radio radio) throws RadioException {
        String value;
        try {
            value = Files.readString(attribute, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            throw new RadioException(Reason.UNAVAILABLE, "cannot read " + attribute + " for " + radio, e);
        }
        return switch (value) {
            case "1" -> true;
            case "0" -> false;
            default -> throw new RadioException(Reason.UNAVAILABLE, attribute + " holds '" + value + "', not 0 or 1", null);
        };
    }

    private static void write(Path attribute, String value, Radio radio) throws RadioException {
        try {
            // Never CREATE: a missing attribute is a missing radio, not a file to make.
            Files.writeString(attribute, value, StandardCharsets.US_ASCII, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new RadioException(Reason.FAILED, "cannot write " + attribute + " for " + radio, e);
        }
    }
}
