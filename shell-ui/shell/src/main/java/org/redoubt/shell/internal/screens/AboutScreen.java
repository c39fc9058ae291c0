package org.redoubt.shell.internal.screens;

import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.redoubt.driver.keypad.Key;
import org.redoubt.shell.screen.Painter;
import org.redoubt.shell.screen.Screen;
import org.redoubt.shell.screen.ScreenContext;
import org.redoubt.shell.screen.SoftKeys;

/** What runs on the handset: the release, the hardware model, the device id, and the policy in force. */
@Component(service = Screen.class, property = Screen.ID + "=" + Screens.ABOUT)
public final class AboutScreen implements Screen {

    private final Map<String, String> facts;

    /** @param context reads the launcher's framework properties */
    @Activate
    public AboutScreen(BundleContext context) {
        this(Map.of("release", value(context, "redoubt.release"), "model", value(context, "redoubt.device.model"),
                "device", value(context, "redoubt.device.id")));
    }

    /** @param facts {@code release}, {@code model}, {@code device} */
    public AboutScreen(Map<String, String> facts) {
        this.facts = Map.copyOf(facts);
    }

    private static String value(BundleContext context, String property) {
        String value = context.getProperty(property);
        return value == null ? "—" : value;
    }

    @Override
    public void paint(Painter painter, ScreenContext context) {
        painter.title(context.text("about.title"));
        int line = painter.lineHeight(Painter.Size.NORMAL) + 4;
        painter.text(context.text("about.release", facts.getOrDefault("release", "—")), line, Painter.Size.NORMAL, false);
        painter.text(context.text("about.model", facts.getOrDefault("model", "—")), 2 * line, Painter.Size.NORMAL, false);
        painter.text(context.text("about.device", facts.getOrDefault("device", "—")), 3 * line, Painter.Size.NORMAL, false);
        painter.text(context.text("about.policy", context.text("about.noPolicy")), 4 * line, Painter.Size.NORMAL, false);
    }

    @Override
    public boolean key(Key key, ScreenContext context) {
        if (key == Key.SOFT_RIGHT || key == Key.OK) {
            context.back();
            return true;
        }
        return false;
    }

    @Override
    public SoftKeys softKeys(ScreenContext context) {
        return new SoftKeys("", context.text("soft.back"));
    }
}
