package org.redoubt.shell.internal.screens;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.redoubt.driver.keypad.Key;
import org.redoubt.shell.screen.Painter;
import org.redoubt.shell.screen.Screen;
import org.redoubt.shell.screen.ScreenContext;
import org.redoubt.shell.screen.SoftKeys;
import org.redoubt.store.Contact;
import org.redoubt.store.ContactStore;
import org.redoubt.store.StoreException;

/** Adds a contact, or edits one: the name by multi-tap, the number in digits; Up and Down move between them; the left soft key saves. */
@Component(service = Screen.class, property = Screen.ID + "=" + Screens.CONTACT_EDIT)
public final class ContactEditScreen implements Screen {

    private static final int MAX_NUMBER = 32;

    private final ContactStore contacts;
    private final TextEntry name = new TextEntry(64, PinyinIndex.loadOrNone());
    private final StringBuilder number = new StringBuilder();
    private long editing = -1;
    private boolean onNumber;

    /** @param contacts the contact store */
    @Activate
    public ContactEditScreen(@Reference ContactStore contacts) {
        this.contacts = contacts;
    }

    @Override
    public void shown(ScreenContext context) {
        name.clear();
        number.setLength(0);
        onNumber = false;
        editing = Long.parseLong(context.arguments().getOrDefault(Screens.CONTACT_ID, "-1"));
        if (editing >= 0) {
            try {
                contacts.list().stream().filter(c -> c.id() == editing).findFirst().ifPresent(contact -> {
                    name.set(contact.name());
                    number.append(contact.number());
                });
            } catch (StoreException e) {
                context.notice(context.text("store." + e.reason().name()));
            }
        }
    }

    @Override
    public void paint(Painter painter, ScreenContext context) {
        painter.title(context.text(editing >= 0 ? "contact.editTitle" : "contact.addTitle"));
        int line = painter.lineHeight(Painter.Size.NORMAL);
        painter.text(context.text("contact.name") + (onNumber ? "" : " (" + name.mode().label() + ")"), line,
                Painter.Size.SMALL, false);
        painter.text(name.text() + (onNumber ? "" : "_"), 2 * line, Painter.Size.NORMAL, false);
        painter.text(context.text("contact.number"), 3 * line + 8, Painter.Size.SMALL, false);
        painter.text(number + (onNumber ? "_" : ""), 4 * line + 8, Painter.Size.NORMAL, false);
        if (!onNumber && name.composing()) {
            painter.text(name.candidates(), 5 * line + 12, Painter.Size.NORMAL, false);
        }
    }

    @Override
    public boolean key(Key key, ScreenContext context) {
        switch (key) {
            case UP, DOWN -> {
                if (!name.composing()) {
                    onNumber = !onNumber;
                }
                return true;
            }
            case SOFT_LEFT, OK -> {
                if (!onNumber && name.key(key, context.keyNanos())) {
                    return true; // OK took a Chinese candidate
                }
                save(context);
                return true;
            }
            case SOFT_RIGHT -> {
                if (onNumber && number.length() > 0) {
                    number.setLength(number.length() - 1);
                } else if (!onNumber && !name.isEmpty()) {
                    name.deleteLast();
                } else {
                    context.back();
                }
                return true;
            }
            default -> {
                if (onNumber) {
                    char dial = Keys.dialCharacter(key);
                    if (dial != 0 && number.length() < MAX_NUMBER) {
                        number.append(dial);
                    }
                    return dial != 0;
                }
                return name.key(key, context.keyNanos());
            }
        }
    }

    @Override
    public SoftKeys softKeys(ScreenContext context) {
        return new SoftKeys(context.text("soft.save"), context.text("soft.back"));
    }

    private void save(ScreenContext context) {
        try {
            if (editing >= 0) {
                contacts.update(new Contact(editing, name.text(), number.toString()));
            } else {
                contacts.add(name.text(), number.toString());
            }
            context.notice(context.text("contact.saved"));
            context.back();
        } catch (StoreException e) {
            context.notice(context.text("store." + e.reason().name()));
        }
    }
}
