package org.redoubt.shell.internal.screens;

import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.redoubt.driver.keypad.Key;
import org.redoubt.shell.screen.Painter;
import org.redoubt.shell.screen.Screen;
import org.redoubt.shell.screen.ScreenContext;
import org.redoubt.shell.screen.SoftKeys;

/**
 * Settings: the language (OK switches between English and Simplified Chinese at once), the handset
 * PIN, the radios (where a radio the policy disables shows as managed), and what is installed.
 */
@Component(service = Screen.class, property = Screen.ID + "=" + Screens.SETTINGS)
public final class SettingsScreen implements Screen {

    private static final List<String> ITEMS = List.of("settings.language", "settings.pin", "settings.radios",
            "settings.about");
    private final Selection selected = new Selection();

    @Override
    public void paint(Painter painter, ScreenContext context) {
        painter.title(context.text("settings.title"));
        painter.list(List.of(context.text("settings.language", context.text("language." + context.language())),
                context.text("settings.pin"), context.text("settings.radios"), context.text("settings.about")),
                selected.index());
    }

    @Override
    public boolean key(Key key, ScreenContext context) {
        if (selected.move(key, ITEMS.size())) {
            return true;
        }
        switch (key) {
            case OK, SOFT_LEFT -> choose(context);
            case SOFT_RIGHT -> context.back();
            default -> {
                return false;
            }
        }
        return true;
    }

    @Override
    public SoftKeys softKeys(ScreenContext context) {
        return new SoftKeys(context.text("soft.select"), context.text("soft.back"));
    }

    private void choose(ScreenContext context) {
        switch (ITEMS.get(selected.index())) {
            case "settings.language" -> context.language("en".equals(context.language()) ? "zh-CN" : "en");
            case "settings.pin" -> context.open(Screens.CHANGE_PIN, Map.of());
            case "settings.radios" -> {
                if (context.available(Screens.RADIOS)) {
                    context.open(Screens.RADIOS, Map.of());
                }
            }
            default -> context.open(Screens.ABOUT, Map.of());
        }
    }
}
