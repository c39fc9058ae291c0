package org.redoubt.shell.internal.screens;

import java.util.List;
import java.util.Map;
import java.util.Optional;

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
import org.redoubt.telephony.CallControl;
import org.redoubt.telephony.TelephonyException;

/** One contact and what to do with it: call, message, edit, delete (OK on the option; Call calls). */
@Component(service = Screen.class, property = Screen.ID + "=" + Screens.CONTACT)
public final class ContactScreen implements Screen {

    private static final List<String> OPTIONS = List.of("contact.call", "contact.message", "contact.edit",
            "contact.delete");

    private final ContactStore contacts;
    private final CallControl calls;
    private Optional<Contact> contact = Optional.empty();
    private final Selection selected = new Selection();

    /**
     * @param contacts the contact store
     * @param calls    telephony's calls
     */
    @Activate
    public ContactScreen(@Reference ContactStore contacts, @Reference CallControl calls) {
        this.contacts = contacts;
        this.calls = calls;
    }

    @Override
    public void shown(ScreenContext context) {
        selected.reset();
        long id = Long.parseLong(context.arguments().getOrDefault(Screens.CONTACT_ID, "-1"));
        try {
            contact = contacts.list().stream().filter(c -> c.id() == id).findFirst();
        } catch (StoreException e) {
            contact = Optional.empty();
        }
    }

    @Override
    public void paint(Painter painter, ScreenContext context) {
        if (contact.isEmpty()) {
            painter.title(context.text("contacts.title"));
            painter.text(context.text("contacts.gone"), 2 * painter.lineHeight(Painter.Size.NORMAL), Painter.Size.SMALL,
                    true);
            return;
        }
        painter.title(contact.get().name());
        painter.text(contact.get().number(), painter.lineHeight(Painter.Size.LARGE), Painter.Size.LARGE, true);
        painter.list(OPTIONS.stream().map(context::text).toList(), selected.index());
    }

    @Override
    public boolean key(Key key, ScreenContext context) {
        if (contact.isEmpty()) {
            return false;
        }
        Contact current = contact.get();
        if (selected.move(key, OPTIONS.size())) {
            return true;
        }
        switch (key) {
            case CALL -> dial(current, context);
            case OK, SOFT_LEFT -> choose(current, context);
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

    private void choose(Contact current, ScreenContext context) {
        switch (OPTIONS.get(selected.index())) {
            case "contact.call" -> dial(current, context);
            case "contact.message" -> context.open(Screens.COMPOSE, Map.of(Screens.ADDRESS, current.number()));
            case "contact.edit" -> context.open(Screens.CONTACT_EDIT,
                    Map.of(Screens.CONTACT_ID, Long.toString(current.id())));
            default -> {
                try {
                    contacts.delete(current.id());
                    context.notice(context.text("contact.deleted"));
                    context.back();
                } catch (StoreException e) {
                    context.notice(context.text("store." + e.reason().name()));
                }
            }
        }
    }

    private void dial(Contact current, ScreenContext context) {
        try {
            calls.dial(current.number());
        } catch (TelephonyException e) {
            context.notice(context.text("error." + e.reason().name()));
        }
    }
}
