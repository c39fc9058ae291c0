package org.redoubt.shell.internal.screens;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.redoubt.driver.keypad.Key;
import org.redoubt.shell.screen.Painter;
import org.redoubt.shell.screen.Screen;
import org.redoubt.shell.screen.ScreenContext;
import org.redoubt.shell.screen.SoftKeys;
import org.redoubt.telephony.Sms;
import org.redoubt.telephony.TelephonyException;
import org.redoubt.telephony.sms.SegmentCount;
import org.redoubt.telephony.sms.SmsCodec;

/**
 * Writes a message: first the number when it is a new one (digits; OK goes on), then the text by
 * multi-tap, with the input mode, and a counter of the room left and the SMS it takes, which
 * knows that a character outside the GSM alphabet makes it UCS-2. The left soft key sends.
 */
@Component(service = Screen.class, property = Screen.ID + "=" + Screens.COMPOSE)
public final class ComposeScreen implements Screen {

    private static final int MAX_NUMBER = 20;

    private final Sms sms;
    private final StringBuilder number = new StringBuilder();
    private final TextEntry text = new TextEntry(Sms.MAX_TEXT_LENGTH, PinyinIndex.loadOrNone());
    private boolean editingNumber;

    /** @param sms telephony's SMS */
    @Activate
    public ComposeScreen(@Reference Sms sms) {
        this.sms = sms;
    }

    @Override
    public void shown(ScreenContext context) {
        number.setLength(0);
        number.append(context.arguments().getOrDefault(Screens.ADDRESS, ""));
        editingNumber = number.length() == 0;
        text.clear();
    }

    @Override
    public void paint(Painter painter, ScreenContext context) {
        painter.title(context.text("compose.title"));
        int line = painter.lineHeight(Painter.Size.NORMAL);
        painter.text(context.text("compose.to", number + (editingNumber ? "_" : "")), line, Painter.Size.NORMAL, false);
        if (editingNumber) {
            return;
        }
        SegmentCount count = SmsCodec.count(text.text());
        painter.text(context.text("compose.counter", text.mode().label(), count.remaining(), count.parts()),
                2 * line + 4, Painter.Size.SMALL, false);
        int after = painter.paragraph(text.text() + "_", 3 * line + 8, Painter.Size.NORMAL, false);
        if (text.composing()) {
            painter.text(text.candidates(), after + 4, Painter.Size.NORMAL, false);
        }
    }

    @Override
    public boolean key(Key key, ScreenContext context) {
        if (editingNumber) {
            return numberKey(key, context);
        }
        if (text.key(key, context.keyNanos())) {
            return true;
        }
        switch (key) {
            case SOFT_RIGHT -> {
                if (text.isEmpty()) {
                    context.back();
                } else {
                    text.deleteLast();
                }
            }
            case SOFT_LEFT, OK -> send(context);
            case END -> context.back();
            default -> {
                return false;
            }
        }
        return true;
    }

    @Override
    public SoftKeys softKeys(ScreenContext context) {
        if (editingNumber) {
            return new SoftKeys(number.length() > 0 ? context.text("soft.next") : "",
                    context.text(number.length() > 0 ? "soft.delete" : "soft.back"));
        }
        return new SoftKeys(text.isEmpty() ? "" : context.text("soft.send"),
                context.text(text.isEmpty() ? "soft.back" : "soft.delete"));
    }

    private boolean numberKey(Key key, ScreenContext context) {
        char dial = Keys.dialCharacter(key);
        if (dial != 0) {
            if (number.length() < MAX_NUMBER) {
                number.append(dial);
            }
            return true;
        }
        switch (key) {
            case SOFT_LEFT, OK -> editingNumber = number.length() == 0;
            case SOFT_RIGHT -> {
                if (number.length() == 0) {
                    context.back();
                } else {
                    number.setLength(number.length() - 1);
                }
            }
            case END -> context.back();
            default -> {
                return false;
            }
        }
        return true;
    }

    private void send(ScreenContext context) {
        if (text.isEmpty()) {
            return;
        }
        try {
            sms.send(number.toString(), text.text(), false);
            context.notice(context.text("compose.sent"));
            context.back();
        } catch (TelephonyException e) {
            context.notice(context.text("error." + e.reason().name()));
        }
    }
}
