package org.redoubt.shell.internal.screens;

import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.redoubt.driver.keypad.Key;
import org.redoubt.driver.radios.Radio;
import org.redoubt.driver.radios.RadioException;
import org.redoubt.driver.radios.Radios;
import org.redoubt.shell.screen.Painter;
import org.redoubt.shell.screen.Screen;
import org.redoubt.shell.screen.ScreenContext;
import org.redoubt.shell.screen.SoftKeys;

/**
 * Settings, Radios: Bluetooth, Wi-Fi, NFC and USB data, each on or off; OK switches the selected
 * one. A radio the policy disables shows as managed and cannot be switched (the driver refuses it
 * too). The radios driver may come and go; without it every row says so.
 */
@Component(service = Screen.class, property = Screen.ID + "=" + Screens.RADIOS)
public final class RadiosScreen implements Screen {

    private static final List<Radio> RADIOS = List.of(Radio.BLUETOOTH, Radio.WIFI, Radio.NFC, Radio.USB_DATA);

    private final Selection selected = new Selection();
    private volatile Radios radios;

    /** The radios driver, when there is one. */
    public RadiosScreen() {
    }

    /** @param radios the radios driver (for tests outside the framework) */
    public RadiosScreen(Radios radios) {
        this.radios = radios;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindRadios(Radios next) {
        radios = next;
    }

    void unbindRadios(Radios gone) {
        if (radios == gone) {
            radios = null;
        }
    }

    @Override
    public void shown(ScreenContext context) {
        selected.reset();
    }

    @Override
    public void paint(Painter painter, ScreenContext context) {
        painter.title(context.text("radios.title"));
        Radios current = radios;
        List<String> rows = new ArrayList<>(RADIOS.size());
        for (Radio radio : RADIOS) {
            rows.add(context.text("radios.row", context.text("radio." + radio.name()), context.text(state(current, radio))));
        }
        painter.list(rows, selected.index());
    }

    /** @return the text key of a radio's state */
    private static String state(Radios current, Radio radio) {
        if (current == null) {
            return "radio.absent";
        }
        if (!current.isAllowed(radio)) {
            return "radio.managed";
        }
        try {
            return current.isOn(radio) ? "radio.on" : "radio.off";
        } catch (RadioException e) {
            return "radio.absent";
        }
    }

    @Override
    public boolean key(Key key, ScreenContext context) {
        if (selected.move(key, RADIOS.size())) {
            return true;
        }
        switch (key) {
            case OK, SOFT_LEFT -> toggle(RADIOS.get(selected.index()), context);
            case SOFT_RIGHT -> context.back();
            default -> {
                return false;
            }
        }
        return true;
    }

    private void toggle(Radio radio, ScreenContext context) {
        Radios current = radios;
        if (current == null) {
            context.notice(context.text("radio.absent"));
            return;
        }
        if (!current.isAllowed(radio)) {
            context.notice(context.text("radio.managedNotice"));
            return;
        }
        try {
            current.set(radio, !current.isOn(radio));
        } catch (RadioException e) {
            context.notice(context.text(switch (e.reason()) {
                case DISABLED_BY_POLICY -> "radio.managedNotice";
                case UNAVAILABLE -> "radio.absent";
                default -> "radio.failed";
            }));
        }
    }

    @Override
    public SoftKeys softKeys(ScreenContext context) {
        Radios current = radios;
        Radio radio = RADIOS.get(selected.index());
        boolean switchable = current != null && current.isAllowed(radio);
        return new SoftKeys(switchable ? context.text("soft.switch") : "", context.text("soft.back"));
    }
}
