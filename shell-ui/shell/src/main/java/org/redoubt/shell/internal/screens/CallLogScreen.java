package org.redoubt.shell.internal.screens;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.redoubt.driver.keypad.Key;
import org.redoubt.shell.screen.Painter;
import org.redoubt.shell.screen.Screen;
import org.redoubt.shell.screen.ScreenContext;
import org.redoubt.shell.screen.SoftKeys;
import org.redoubt.store.CallLog;
import org.redoubt.store.CallRecord;
import org.redoubt.telephony.CallControl;
import org.redoubt.telephony.TelephonyException;

/** The call log, newest first: outgoing, incoming and missed calls with their time; Call or OK calls back. */
@Component(service = Screen.class, property = Screen.ID + "=" + Screens.CALL_LOG)
public final class CallLogScreen implements Screen {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    private final CallLog log;
    private final CallControl calls;
    private final StoredList<CallRecord> records = new StoredList<>();
    private final Selection selected = new Selection();

    /**
     * @param log   the call log
     * @param calls telephony's calls
     */
    @Activate
    public CallLogScreen(@Reference CallLog log, @Reference CallControl calls) {
        this.log = log;
        this.calls = calls;
    }

    @Override
    public void shown(ScreenContext context) {
        records.load(() -> {
            List<CallRecord> newestFirst = new ArrayList<>(log.list());
            newestFirst.sort((a, b) -> b.start().compareTo(a.start()));
            return newestFirst;
        }, context);
        selected.fit(records.size());
    }

    @Override
    public void changed(ScreenContext context) {
        shown(context);
    }

    @Override
    public void paint(Painter painter, ScreenContext context) {
        painter.title(context.text("calllog.title"));
        if (records.paintNone(painter, context.text("calllog.none"))) {
            return;
        }
        ZoneId zone = context.now().getZone();
        List<String> rows = new ArrayList<>();
        for (CallRecord record : records.items()) {
            rows.add(context.text("calllog." + record.kind().name()) + " " + record.number() + "  "
                    + WHEN.format(record.start().atZone(zone)));
        }
        painter.list(rows, selected.index());
    }

    @Override
    public boolean key(Key key, ScreenContext context) {
        if (selected.move(key, records.size())) {
            return true;
        }
        switch (key) {
            case CALL, OK -> {
                if (records.size() > 0) {
                    try {
                        calls.dial(records.items().get(selected.index()).number());
                    } catch (TelephonyException e) {
                        context.notice(context.text("error." + e.reason().name()));
                    }
                }
            }
            case SOFT_RIGHT -> context.back();
            default -> {
                return false;
            }
        }
        return true;
    }

    @Override
    public SoftKeys softKeys(ScreenContext context) {
        return new SoftKeys(records.size() == 0 ? "" : context.text("soft.call"), context.text("soft.back"));
    }
}
