package org.redoubt.driver.radios.internal;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.redoubt.audit.AuditEvent;
import org.redoubt.audit.AuditKind;
import org.redoubt.audit.AuditRecorder;
import org.redoubt.driver.radios.Radio;
import org.redoubt.driver.radios.Radios;
import org.redoubt.driver.radios.WifiNetworks;

/**
 * Runs one {@link RadioDriver} per radio the handset has and the policy allows, and publishes it;
 * a radio the policy disables has its driver stopped and its services withdrawn (the policy has
 * switched it off already). Each start and stop is recorded in the audit log.
 */
final class RadioDrivers implements AutoCloseable {

    /** Publishes a driver's services. */
    @FunctionalInterface
    interface Publisher {
        /**
         * @param driver   the driver to publish
         * @param networks for Wi-Fi, its networks, to publish with it
         * @return what withdraws its services
         */
        Withdrawal publish(RadioDriver driver, Optional<WifiNetworks> networks);
    }

    /** Withdraws a driver's services. */
    @FunctionalInterface
    interface Withdrawal {
        void withdraw();
    }

    /** Publishes nowhere: for a component used outside a framework (tests, tools). */
    static final Publisher NOWHERE = (driver, networks) -> () -> { };

    private record Running(RadioDriver driver, Withdrawal withdrawal) {
    }

    private final Radios switches;
    private final WifiNetworks networks;
    private final Publisher publisher;
    private final AuditRecorder audit;
    private final Consumer<String> journal;
    private final Map<Radio, Running> running = new EnumMap<>(Radio.class); // guarded by this

    /**
     * @param switches  the switches behind the policy, which each driver uses
     * @param networks  the Wi-Fi networks, published with the Wi-Fi driver
     * @param publisher where drivers are published
     * @param audit     where starts and stops are recorded
     * @param journal   one line per start or stop
     */
    RadioDrivers(Radios switches, WifiNetworks networks, Publisher publisher, AuditRecorder audit,
            Consumer<String> journal) {
        this.switches = Objects.requireNonNull(switches, "switches");
        this.networks = Objects.requireNonNull(networks, "networks");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.journal = Objects.requireNonNull(journal, "journal");
    }

    /**
     * Starts the driver of every radio that is present and allowed and is not running, and stops
     * every running one that is not.
     *
     * @param present  the radios the handset has
     * @param disabled the radios the policy disables
     */
    synchronized void follow(Set<Radio> present, Set<Radio> disabled) {
        for (Radio radio : Radio.values()) {
            boolean wanted = present.contains(radio) && !disabled.contains(radio);
            Running now = running.get(radio);
            if (wanted && now == null) {
                RadioDriver driver = new RadioDriver(radio, switches);
                running.put(radio, new Running(driver,
                        publisher.publish(driver, radio == Radio.WIFI ? Optional.of(networks) : Optional.empty())));
                record(AuditKind.DRIVER_ENABLED, radio);
            } else if (!wanted && now != null) {
                stop(radio, now);
                record(AuditKind.DRIVER_DISABLED, radio);
            }
        }
    }

    /** @return the radios whose drivers run */
    synchronized Set<Radio> running() {
        return Set.copyOf(running.keySet());
    }

    /** Stops every driver: the component goes away (not a policy decision, so nothing is recorded). */
    @Override
    public synchronized void close() {
        for (Radio radio : Set.copyOf(running.keySet())) {
            stop(radio, running.get(radio));
        }
    }

    private void stop(Radio radio, Running now) {
        now.driver().stop();
        running.remove(radio);
        try {
            now.withdrawal().withdraw();
        } catch (IllegalStateException e) {
            // Already withdrawn: the bundle is stopping and the framework took the services.
        }
    }

    private void record(AuditKind kind, Radio radio) {
        String driver = radio.name().toLowerCase(Locale.ROOT);
        journal.accept((kind == AuditKind.DRIVER_ENABLED ? "started" : "stopped") + " the " + driver + " driver");
        audit.record(AuditEvent.of(kind).with("driver", driver));
    }
}
