package org.redoubt.shell.internal.screens;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.redoubt.driver.keypad.Key;
import org.redoubt.shell.screen.Painter;
import org.redoubt.shell.screen.Screen;
import org.redoubt.shell.screen.ScreenContext;
import org.redoubt.shell.screen.SoftKeys;

/** The home menu: the dialer and whichever of messages, contacts, call log and settings are there. A digit opens the dialer with it. */
@Component(service = Screen.class, property = Screen.ID + "=" + Screens.HOME)
public final class HomeScreen implements Screen {

    private static final List<String> ITEMS = List.of(Screens.DIALER, Screens.MESSAGES, Screens.CONTACTS,
            Screens.CALL_LOG, Screens.SETTINGS);
    private final Selection selected = new Selection();

    @Override
    public void shown(ScreenContext context) {
        selected.fit(items(context).size());
    }

    @Override
    public void paint(Painter painter, ScreenContext context) {
        painter.title(context.text("home.title"));
        painter.list(items(context).stream().map(item -> context.text("menu." + item)).toList(), selected.index());
    }

    @Override
    public boolean key(Key key, ScreenContext context) {
        List<String> items = items(context);
        char dial = Keys.dialCharacter(key);
        if (dial != 0) {
            context.open(Screens.DIALER, Map.of(Screens.DIGITS, String.valueOf(dial)));
            return true;
        }
        if (selected.move(key, items.size())) {
            return true;
        }
        switch (key) {
            case OK, SOFT_LEFT -> context.open(items.get(selected.index()), Map.of());
            case CALL -> context.open(Screens.DIALER, Map.of());
            default -> {
                return false;
            }
        }
        return true;
    }

    @Override
    public SoftKeys softKeys(ScreenContext context) {
        return new SoftKeys(context.text("soft.select"), "");
    }

    private static List<String> items(ScreenContext context) {
        List<String> items = new ArrayList<>();
        for (String item : ITEMS) {
            if (context.available(item)) {
                items.add(item);
            }
        }
        return items.isEmpty() ? List.of(Screens.DIALER) : items;
    }
}
