package org.redoubt.driver.power.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.log.Logger;
import org.osgi.util.converter.Converters;
import org.redoubt.driver.power.BatteryState;
import org.redoubt.driver.power.BatteryState.Charging;

/** The sysfs battery against a fake power_supply tree, and the change events. */
class BatteryTest {

    private static final Logger QUIET = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(),
            new Class<?>[] {Logger.class}, (proxy, method, args) -> method.getReturnType() == boolean.class ? Boolean.FALSE
                    : null);

    @TempDir
    Path sysfs;
    private Path battery;
    private final List<String> diagnostics = new ArrayList<>();

    @BeforeEach
    void handset() throws IOException {
        Path charger = Files.createDirectories(sysfs.resolve("class/power_supply/ac"));
        Files.writeString(charger.resolve("type"), "Mains\n");
        battery = Files.createDirectories(sysfs.resolve("class/power_supply/battery"));
        Files.writeString(battery.resolve("type"), "Battery\n");
        write(57, "Discharging");
    }

    private void write(int capacity, String status) throws IOException {
        Files.writeString(battery.resolve("capacity"), capacity + "\n");
        Files.writeString(battery.resolve("status"), status + "\n");
    }

    private BatteryMonitor monitor() throws IOException {
        return new BatteryMonitor(SysfsBattery.find(sysfs, ""), 15, diagnostics::add);
    }

    @Test
    void theFirstBatteryIsFoundAndRead() throws Exception {
        assertEquals(new BatteryState(57, Charging.DISCHARGING, false), monitor().state());
    }

    @Test
    void changesAndTheLowBatteryEventReachTheListeners() throws Exception {
        BatteryMonitor monitor = monitor();
        List<BatteryState> seen = new ArrayList<>();
        monitor.addListener((previous, current) -> seen.add(current));
        monitor.poll();
        assertEquals(List.of(), seen, "nothing changed, nothing told");

        write(15, "Discharging");
        monitor.poll();
        assertEquals(new BatteryState(15, Charging.DISCHARGING, true), seen.get(0), "low at the threshold");
        write(14, "Charging");
        monitor.poll();
        assertFalse(seen.get(1).low(), "never low on the charger");
        write(100, "Full");
        monitor.poll();
        assertEquals(Charging.FULL, seen.get(2).charging());
        assertEquals(3, seen.size());
    }

    @Test
    void aBadReadingKeepsTheLastStateAndIsReported() throws Exception {
        BatteryMonitor monitor = monitor();
        Files.writeString(battery.resolve("capacity"), "lots\n");
        monitor.poll();
        assertEquals(57, monitor.state().level());
        Files.writeString(battery.resolve("capacity"), "140\n");
        monitor.poll();
        assertEquals(57, monitor.state().level());
        assertEquals(2, diagnostics.size(), diagnostics.toString());
        Files.delete(battery.resolve("status"));
        Files.writeString(battery.resolve("capacity"), "50\n");
        monitor.poll();
        assertEquals(Charging.UNKNOWN, monitor.state().charging());
    }

    @Test
    void aHandsetWithoutABatteryFailsTheComponentWithTheReason() throws Exception {
        Files.writeString(battery.resolve("type"), "USB\n");
        IOException e = assertThrows(IOException.class, () -> new BatteryComponent(Converters.standardConverter()
                .convert(Map.of("backend", "sysfs", "sysfs", sysfs.toString())).to(BatteryComponent.Config.class), QUIET));
        assertTrue(e.getMessage().contains("no power supply of type Battery"), e.getMessage());
    }

    @Test
    void theComponentReadsTheConfiguredSupplyOrTheSimulation() throws Exception {
        BatteryComponent named = new BatteryComponent(Converters.standardConverter().convert(Map.of("backend", "sysfs",
                "sysfs", sysfs.toString(), "supply", "battery")).to(BatteryComponent.Config.class), QUIET);
        try {
            assertEquals(57, named.state().level());
        } finally {
            named.deactivate();
        }
        BatteryComponent simulated = new BatteryComponent(Converters.standardConverter().convert(Map.of())
                .to(BatteryComponent.Config.class), QUIET);
        try {
            assertEquals(new BatteryState(80, Charging.DISCHARGING, false), simulated.state());
        } finally {
            simulated.deactivate();
        }
    }

    @Test
    void theSimulatedBatteryFollowsItsSettings() throws Exception {
        SimulatedBattery simulated = new SimulatedBattery();
        BatteryMonitor monitor = new BatteryMonitor(simulated, 15, diagnostics::add);
        simulated.set(9, Charging.DISCHARGING);
        monitor.poll();
        assertTrue(monitor.state().low());
    }
}
