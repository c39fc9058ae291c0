package org.redoubt.store.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.redoubt.store.CallKind;
import org.redoubt.store.CallLog;
import org.redoubt.store.CallRecord;
import org.redoubt.store.StoreException;
import org.redoubt.store.StoreException.Reason;

/** The {@link CallLog} service. */
@Component(service = CallLog.class)
public final class CallHistory implements CallLog {

    private final Vault vault;

    /** @param vault the sealed database */
    @Activate
    public CallHistory(@Reference Vault vault) {
        this.vault = vault;
    }

    @Override
    public long log(String number, CallKind kind, Instant start, Duration duration) throws StoreException {
        Inputs.present(duration, "the duration");
        if (duration.isNegative()) {
            throw new StoreException(Reason.INVALID_ARGUMENT, "a call lasts zero or more", null);
        }
        return vault.deliver(RecordKind.CALLS, RecordCodec.call(Inputs.number(number), Inputs.present(kind, "the kind"),
                Inputs.present(start, "the start"), duration));
    }

    @Override
    public List<CallRecord> list() throws StoreException {
        List<CallRecord> calls = new ArrayList<>();
        vault.forEach(RecordKind.CALLS, (id, plaintext) -> calls.add(RecordCodec.call(id, plaintext)));
        calls.sort(Comparator.comparing(CallRecord::start).thenComparingLong(CallRecord::id).reversed());
        return calls;
    }

    @Override
    public void delete(long id) throws StoreException {
        vault.delete(RecordKind.CALLS, id);
    }
}
