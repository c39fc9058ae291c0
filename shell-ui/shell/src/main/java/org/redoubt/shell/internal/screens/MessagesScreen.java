package org.redoubt.shell.internal.screens;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.redoubt.driver.keypad.Key;
import org.redoubt.shell.screen.Painter;
import org.redoubt.shell.screen.Screen;
import org.redoubt.shell.screen.ScreenContext;
import org.redoubt.shell.screen.SoftKeys;
import org.redoubt.store.MessageStore;
import org.redoubt.store.MessageThread;

/** The message threads, newest first, with their unread counts; OK opens one, the left soft key writes a new message. */
@Component(service = Screen.class, property = Screen.ID + "=" + Screens.MESSAGES)
public final class MessagesScreen implements Screen {

    private final MessageStore messages;
    private final StoredList<MessageThread> threads = new StoredList<>();
    private final Selection selected = new Selection();

    /** @param messages the message store */
    @Activate
    public MessagesScreen(@Reference MessageStore messages) {
        this.messages = messages;
    }

    @Override
    public void shown(ScreenContext context) {
        threads.load(messages::threads, context);
        selected.fit(threads.size());
    }

    @Override
    public void changed(ScreenContext context) {
        shown(context);
    }

    @Override
    public void paint(Painter painter, ScreenContext context) {
        painter.title(context.text("messages.title"));
        if (threads.paintNone(painter, context.text("messages.none"))) {
            return;
        }
        List<String> rows = new ArrayList<>();
        for (MessageThread thread : threads.items()) {
            rows.add(thread.unread() > 0 ? thread.address() + " (" + thread.unread() + ")" : thread.address());
        }
        painter.list(rows, selected.index());
    }

    @Override
    public boolean key(Key key, ScreenContext context) {
        if (selected.move(key, threads.size())) {
            return true;
        }
        switch (key) {
            case OK -> {
                if (threads.size() > 0) {
                    context.open(Screens.THREAD, Map.of(Screens.ADDRESS, threads.items().get(selected.index())
                            .address()));
                }
            }
            case SOFT_LEFT -> context.open(Screens.COMPOSE, Map.of());
            case SOFT_RIGHT -> context.back();
            default -> {
                return false;
            }
        }
        return true;
    }

    @Override
    public SoftKeys softKeys(ScreenContext context) {
        return new SoftKeys(context.text("soft.new"), context.text("soft.back"));
    }
}
