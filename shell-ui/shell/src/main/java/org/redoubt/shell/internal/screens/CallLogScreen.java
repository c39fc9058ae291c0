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
import org.redoubt.store.StoreException;
import org.redoubt.telephony.CallControl;
import org.redoubt.telephony.TelephonyException;

/** The call log, newest first: outgoing, incoming and missed calls with their time; Call or OK calls back. */
@Component(service = Screen.class, property = Screen.ID + "=" + Screens.CALL_LOG)
public final class CallLogScreen implements Screen {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    private final CallLog log;
    private final CallControl calls;
    private List<CallRecord> records = List.of();
    private final Selection selected = new Selection();
    private String problem = "";

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
        try {
            records = new ArrayList<>(log.list());
            records.sort((a, b) -> b.start().compareTo(a.start()));
            problem = "";
        } catch (StoreException e) {
            records = List.of();
            problem = context.text("store." + e.reason().name());
        }
        selected.fit(records.size());
    }

    @Override
    public void changed(ScreenContext context) {
        shown(context);
    }

    @Override
    public void paint(Painter painter, ScreenContext context) {
        painter.title(context.text("calllog.title"));
        if (!problem.isEmpty() || records.isEmpty()) {
            painter.text(problem.isEmpty() ? context.text("calllog.none") : problem,
                    2 * painter.lineHeight(Painter.Size.NORMAL), Painter.Size.SMALL, true);
            return;
        }
        ZoneId zone = context.now().getZone();
        List<String> rows = new ArrayList<>();
        for (CallRecord record : records) {
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
                if (!records.isEmpty()) {
                    try {
                        calls.dial(records.get(selected.index()).number());
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
        return new SoftKeys(records.isEmpty() ? "" : context.text("soft.call"), context.text("soft.back"));
    }
}
