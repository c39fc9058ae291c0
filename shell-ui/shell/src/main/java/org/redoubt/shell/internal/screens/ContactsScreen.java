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
import org.redoubt.store.Contact;
import org.redoubt.store.ContactStore;
import org.redoubt.telephony.CallControl;
import org.redoubt.telephony.TelephonyException;

/**
 * The contacts, by name. Typing (multi-tap) searches; Call dials the selected contact; OK opens
 * its options; the left soft key adds a contact.
 */
@Component(service = Screen.class, property = Screen.ID + "=" + Screens.CONTACTS)
public final class ContactsScreen implements Screen {

    private final ContactStore contacts;
    private final CallControl calls;
    private final TextEntry search = new TextEntry(32);
    private final StoredList<Contact> shownContacts = new StoredList<>();
    private final Selection selected = new Selection();

    /**
     * @param contacts the contact store
     * @param calls    telephony's calls
     */
    @Activate
    public ContactsScreen(@Reference ContactStore contacts, @Reference CallControl calls) {
        this.contacts = contacts;
        this.calls = calls;
    }

    @Override
    public void shown(ScreenContext context) {
        reload(context);
    }

    @Override
    public void changed(ScreenContext context) {
        reload(context);
    }

    @Override
    public void paint(Painter painter, ScreenContext context) {
        painter.title(search.isEmpty() ? context.text("contacts.title")
                : context.text("contacts.search", search.text()));
        if (shownContacts.paintNone(painter, context.text("contacts.none"))) {
            return;
        }
        List<String> rows = new ArrayList<>();
        for (Contact contact : shownContacts.items()) {
            rows.add(contact.name());
        }
        painter.list(rows, selected.index());
    }

    @Override
    public boolean key(Key key, ScreenContext context) {
        if (Keys.digit(key) >= 0 || key == Key.POUND) {
            search.key(key, context.keyNanos());
            reload(context);
            return true;
        }
        if (selected.move(key, shownContacts.size())) {
            return true;
        }
        switch (key) {
            case CALL -> selectedContact().ifPresent(contact -> dial(contact, context));
            case OK -> selectedContact().ifPresent(contact -> context.open(Screens.CONTACT,
                    Map.of(Screens.CONTACT_ID, Long.toString(contact.id()))));
            case SOFT_LEFT -> context.open(Screens.CONTACT_EDIT, Map.of());
            case SOFT_RIGHT -> {
                if (search.isEmpty()) {
                    context.back();
                } else {
                    search.deleteLast();
                    reload(context);
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    @Override
    public SoftKeys softKeys(ScreenContext context) {
        return new SoftKeys(context.text("soft.add"), context.text(search.isEmpty() ? "soft.back" : "soft.delete"));
    }

    private java.util.Optional<Contact> selectedContact() {
        return shownContacts.size() == 0 ? java.util.Optional.empty()
                : java.util.Optional.of(shownContacts.items().get(selected.index()));
    }

    private void dial(Contact contact, ScreenContext context) {
        try {
            calls.dial(contact.number());
        } catch (TelephonyException e) {
            context.notice(context.text("error." + e.reason().name()));
        }
    }

    private void reload(ScreenContext context) {
        shownContacts.load(() -> search.isEmpty() ? contacts.list() : contacts.search(search.text()), context);
        selected.fit(shownContacts.size());
    }
}
