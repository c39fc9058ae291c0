package org.redoubt.store.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.redoubt.store.Direction;
import org.redoubt.store.Message;
import org.redoubt.store.MessageStore;
import org.redoubt.store.MessageThread;
import org.redoubt.store.StoreException;

/** The {@link MessageStore} service: threads are computed from the opened messages, in memory. */
@Component(service = MessageStore.class)
public final class MessageBox implements MessageStore {

    private static final Comparator<Message> NEWEST_FIRST = Comparator.comparing(Message::time)
            .thenComparingLong(Message::id).reversed();

    private final Vault vault;

    /** @param vault the sealed database */
    @Activate
    public MessageBox(@Reference Vault vault) {
        this.vault = vault;
    }

    @Override
    public long deliver(String from, String body, Instant time) throws StoreException {
        return vault.deliver(RecordKind.MESSAGES, RecordCodec.message(Inputs.sender(from), Direction.INCOMING,
                Inputs.body(body), Inputs.present(time, "the time"), false));
    }

    @Override
    public Message addSent(String to, String body, Instant time) throws StoreException {
        String address = Inputs.number(to);
        String text = Inputs.body(body);
        Instant sent = Inputs.present(time, "the time");
        long id = vault.add(RecordKind.MESSAGES, RecordCodec.message(address, Direction.OUTGOING, text, sent, true));
        return new Message(id, address, Direction.OUTGOING, text, sent, true);
    }

    @Override
    public Optional<Message> message(long id) throws StoreException {
        byte[] plaintext = vault.open(RecordKind.MESSAGES, id);
        if (plaintext == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(RecordCodec.message(id, plaintext));
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    @Override
    public List<MessageThread> threads() throws StoreException {
        Map<String, List<Message>> byAddress = new LinkedHashMap<>();
        for (Message message : all()) {
            byAddress.computeIfAbsent(message.address(), address -> new ArrayList<>()).add(message);
        }
        List<MessageThread> threads = new ArrayList<>();
        byAddress.forEach((address, messages) -> {
            messages.sort(NEWEST_FIRST);
            int unread = (int) messages.stream().filter(m -> !m.read()).count();
            threads.add(new MessageThread(address, messages.size(), unread, messages.get(0)));
        });
        threads.sort(Comparator.comparing(MessageThread::latest, NEWEST_FIRST));
        return threads;
    }

    @Override
    public List<Message> thread(String address) throws StoreException {
        String wanted = Inputs.sender(address);
        List<Message> messages = new ArrayList<>(all().stream().filter(m -> m.address().equals(wanted)).toList());
        messages.sort(NEWEST_FIRST.reversed());
        return messages;
    }

    @Override
    public int markRead(String address) throws StoreException {
        Map<Long, byte[]> changed = new LinkedHashMap<>();
        for (Message message : thread(address)) {
            if (!message.read()) {
                changed.put(message.id(), RecordCodec.message(message.address(), message.direction(), message.body(),
                        message.time(), true));
            }
        }
        if (!changed.isEmpty()) {
            vault.replace(RecordKind.MESSAGES, changed);
        }
        return changed.size();
    }

    @Override
    public void delete(long id) throws StoreException {
        vault.delete(RecordKind.MESSAGES, id);
    }

    @Override
    public List<Message> search(String text) throws StoreException {
        String query = Inputs.query(text);
        List<Message> found = new ArrayList<>();
        vault.forEach(RecordKind.MESSAGES, (id, plaintext) -> {
            Message message = RecordCodec.message(id, plaintext);
            if (message.body().toLowerCase(Locale.ROOT).contains(query) || message.address().contains(query)) {
                found.add(message);
            }
        });
        found.sort(NEWEST_FIRST);
        return found;
    }

    private List<Message> all() throws StoreException {
        List<Message> messages = new ArrayList<>();
        vault.forEach(RecordKind.MESSAGES, (id, plaintext) -> messages.add(RecordCodec.message(id, plaintext)));
        return messages;
    }
}
