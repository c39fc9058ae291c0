package org.redoubt.itests.driverconsumer.internal;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.redoubt.driver.display.Display;
import org.redoubt.driver.modem.AtChannel;
import org.redoubt.driver.modem.AtException;
import org.redoubt.driver.keypad.Keypad;
import org.redoubt.driver.power.Battery;
import org.redoubt.driver.radios.Radio;
import org.redoubt.driver.radios.RadioException;
import org.redoubt.driver.radios.Radios;
import org.redoubt.itests.driverconsumer.DriverWatch;

/**
 * A consumer as the platform's services will be: optional, dynamic, greedy references to the
 * drivers, so that a driver update unbinds and rebinds the service without restarting this
 * component. It records the gaps and checks that a rebound service works.
 */
@Component(immediate = true)
public final class DriverConsumer implements DriverWatch {

    private final long activation = System.nanoTime();
    private final Map<String, Long> lostAt = new ConcurrentHashMap<>();
    private final Map<String, Long> gaps = new ConcurrentHashMap<>();
    private final Map<String, Integer> binds = new ConcurrentHashMap<>();
    private final Map<String, Boolean> bound = new ConcurrentHashMap<>();
    private final Map<String, Boolean> used = new ConcurrentHashMap<>();

    /** Activated once; references come and go underneath. */
    @Activate
    public DriverConsumer() {
    }

    @Override
    public long activation() {
        return activation;
    }

    @Override
    public boolean bound(String service) {
        return bound.getOrDefault(service, false);
    }

    @Override
    public int binds(String service) {
        return binds.getOrDefault(service, 0);
    }

    @Override
    public OptionalLong lastGapNanos(String service) {
        Long gap = gaps.get(service);
        return gap == null ? OptionalLong.empty() : OptionalLong.of(gap);
    }

    @Override
    public boolean usedAfterRebind(String service) {
        return used.getOrDefault(service, false);
    }

    private void bind(String service, boolean works) {
        Long lost = lostAt.remove(service);
        if (lost != null) {
            gaps.put(service, System.nanoTime() - lost);
        }
        binds.merge(service, 1, Integer::sum);
        bound.put(service, true);
        used.put(service, works);
    }

    private void unbind(String service) {
        lostAt.put(service, System.nanoTime());
        bound.put(service, false);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindModem(AtChannel modem) {
        boolean works;
        try {
            works = modem.send("AT", Duration.ofSeconds(2)).isOk();
        } catch (AtException e) {
            works = false;
        }
        bind(AtChannel.class.getName(), works);
    }

    void unbindModem(AtChannel modem) {
        unbind(AtChannel.class.getName());
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindRadios(Radios radios) {
        boolean works;
        try {
            works = !radios.isOn(Radio.WIFI);
        } catch (RadioException e) {
            works = false;
        }
        bind(Radios.class.getName(), works);
    }

    void unbindRadios(Radios radios) {
        unbind(Radios.class.getName());
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindBattery(Battery battery) {
        bind(Battery.class.getName(), battery.state().level() >= 0);
    }

    void unbindBattery(Battery battery) {
        unbind(Battery.class.getName());
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindKeypad(Keypad keypad) {
        keypad.addListener(event -> { });
        bind(Keypad.class.getName(), true);
    }

    void unbindKeypad(Keypad keypad) {
        unbind(Keypad.class.getName());
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindDisplay(Display display) {
        bind(Display.class.getName(), display.width() > 0);
    }

    void unbindDisplay(Display display) {
        unbind(Display.class.getName());
    }
}
