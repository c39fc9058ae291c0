package org.redoubt.driver.power.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.redoubt.driver.power.BatteryState.Charging;

/**
 * The battery of a Linux handset: {@code <sysfs>/class/power_supply/<name>/{type,capacity,status}},
 * the first supply of type {@code Battery} unless one is named.
 */
final class SysfsBattery implements BatterySource {

    private final Path supply;

    private SysfsBattery(Path supply) {
        this.supply = supply;
    }

    /**
     * @param sysfs the sysfs root
     * @param name  a supply's name, or empty for the first battery
     * @return the battery
     * @throws IOException when there is no such battery
     */
    static SysfsBattery find(Path sysfs, String name) throws IOException {
        Path supplies = sysfs.resolve("class").resolve("power_supply");
        if (!name.isEmpty()) {
            Path named = supplies.resolve(name);
            if (!Files.isDirectory(named)) {
                throw new IOException("no power supply " + named);
            }
            return new SysfsBattery(named);
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(supplies)) {
            for (Path entry : entries) {
                Path type = entry.resolve("type");
                if (Files.isRegularFile(type) && Files.readString(type, StandardCharsets.US_ASCII).trim().equals("Battery")) {
                    return new SysfsBattery(entry);
                }
            }
        }
        throw new IOException("no power supply of type Battery under " + supplies);
    }

    @Override
    public BatteryReading read() throws IOException {
        String capacity = Files.readString(supply.resolve("capacity"), StandardCharsets.US_ASCII).trim();
        int level;
        try {
            level = Integer.parseInt(capacity);
        } catch (NumberFormatException e) {
            throw new IOException(supply.resolve("capacity") + " holds '" + capacity + "'", e);
        }
        if (level < 0 || level > 100) {
            throw new IOException(supply.resolve("capacity") + " holds " + level + ", outside 0..100");
        }
        Path status = supply.resolve("status");
        Charging charging = Files.isRegularFile(status)
                ? charging(Files.readString(status, StandardCharsets.US_ASCII).trim()) : Charging.UNKNOWN;
        return new BatteryReading(level, charging);
    }

    private static Charging charging(String status) {
        return switch (status) {
            case "Charging" -> Charging.CHARGING;
            case "Discharging" -> Charging.DISCHARGING;
            case "Full" -> Charging.FULL;
            case "Not charging" -> Charging.NOT_CHARGING;
            default -> Charging.UNKNOWN;
        };
    }
}
