package org.redoubt.shell.internal.screens;

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
import org.redoubt.store.Direction;
import org.redoubt.store.Message;
import org.redoubt.store.MessageStore;

/**
 * One thread: its messages, received on the left and sent on the right, the newest at the bottom;
 * up and down scroll. Opening it marks it read. The left soft key replies.
 */
@Component(service = Screen.class, property = Screen.ID + "=" + Screens.THREAD)
public final class ThreadScreen implements Screen {

    private final MessageStore messages;
    private final StoredList<Message> thread = new StoredList<>();
    private int first;

    /** @param messages the message store */
    @Activate
    public ThreadScreen(@Reference MessageStore messages) {
        this.messages = messages;
    }

    @Override
    public void shown(ScreenContext context) {
        String address = context.arguments().getOrDefault(Screens.ADDRESS, "");
        thread.load(() -> {
            List<Message> messagesOfThread = messages.thread(address);
            messages.markRead(address);
            return messagesOfThread;
        }, context);
        first = Math.max(0, thread.size() - 3);
    }

    @Override
    public void changed(ScreenContext context) {
        shown(context);
    }

    @Override
    public void paint(Painter painter, ScreenContext context) {
        painter.title(context.arguments().getOrDefault(Screens.ADDRESS, ""));
        if (thread.paintNone(painter, null)) {
            return;
        }
        int y = painter.lineHeight(Painter.Size.NORMAL);
        for (int i = first; i < thread.size() && y < painter.height(); i++) {
            Message message = thread.items().get(i);
            y = painter.paragraph(message.body(), y, Painter.Size.NORMAL, message.direction() == Direction.OUTGOING);
            y += painter.lineHeight(Painter.Size.SMALL) / 2;
        }
    }

    @Override
    public boolean key(Key key, ScreenContext context) {
        switch (key) {
            case UP -> first = Math.max(0, first - 1);
            case DOWN -> first = Math.min(Math.max(0, thread.size() - 1), first + 1);
            case SOFT_LEFT, OK -> context.open(Screens.COMPOSE,
                    Map.of(Screens.ADDRESS, context.arguments().getOrDefault(Screens.ADDRESS, "")));
            case SOFT_RIGHT -> context.back();
            default -> {
                return false;
            }
        }
        return true;
    }

    @Override
    public SoftKeys softKeys(ScreenContext context) {
        return new SoftKeys(context.text("soft.reply"), context.text("soft.back"));
    }
}
