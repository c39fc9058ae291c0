package org.redoubt.store.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.redoubt.store.Contact;
import org.redoubt.store.ContactStore;
import org.redoubt.store.StoreException;

/** The {@link ContactStore} service. */
@Component(service = ContactStore.class)
public final class ContactBook implements ContactStore {

    private static final Comparator<Contact> BY_NAME = Comparator.comparing((Contact c) -> c.name().toLowerCase(Locale.ROOT))
            .thenComparingLong(Contact::id);

    private final Vault vault;

    /** @param vault the sealed database */
    @Activate
    public ContactBook(@Reference Vault vault) {
        this.vault = vault;
    }

    @Override
    public Contact add(String name, String number) throws StoreException {
        String cleanName = Inputs.name(name);
        String cleanNumber = Inputs.number(number);
        long id = vault.add(RecordKind.CONTACTS, RecordCodec.contact(cleanName, cleanNumber));
        return new Contact(id, cleanName, cleanNumber);
    }

    @Override
    public void update(Contact contact) throws StoreException {
        Inputs.present(contact, "the contact");
        vault.replace(RecordKind.CONTACTS, Map.of(contact.id(),
                RecordCodec.contact(Inputs.name(contact.name()), Inputs.number(contact.number()))));
    }

    @Override
    public void delete(long id) throws StoreException {
        vault.delete(RecordKind.CONTACTS, id);
    }

    @Override
    public List<Contact> list() throws StoreException {
        List<Contact> contacts = new ArrayList<>();
        vault.forEach(RecordKind.CONTACTS, (id, plaintext) -> contacts.add(RecordCodec.contact(id, plaintext)));
        contacts.sort(BY_NAME);
        return contacts;
    }

    @Override
    public Optional<Contact> byNumber(String number) throws StoreException {
        String wanted = Inputs.number(number);
        return list().stream().filter(c -> c.number().equals(wanted)).findFirst();
    }

    @Override
    public List<Contact> search(String text) throws StoreException {
        String query = Inputs.query(text);
        return list().stream().filter(c -> c.name().toLowerCase(Locale.ROOT).contains(query) || c.number().contains(query))
                .toList();
    }
}
