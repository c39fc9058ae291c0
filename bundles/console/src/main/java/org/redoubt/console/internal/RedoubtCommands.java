package org.redoubt.console.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.redoubt.audit.AuditEntry;
import org.redoubt.audit.AuditException;
import org.redoubt.audit.AuditLog;
import org.redoubt.runtime.firewall.ServiceGrant;
import org.redoubt.runtime.firewall.ServiceRules;

/**
 * Gogo commands for engineers, in the engineering profile only:
 * <ul>
 * <li>{@code redoubt:rules} - the service rules in force: the release they come from, what is
 * guarded, and each bundle's grants;
 * <li>{@code redoubt:audit [n]} - the newest {@code n} audit entries (default 20), oldest first.
 * </ul>
 * Both services are optional: a command says so when its service is missing, and works as soon as
 * it comes. Read-only: nothing here changes the rules (only a signed release does) or the log.
 */
@Component(service = RedoubtCommands.class, property = {"osgi.command.scope=redoubt",
    "osgi.command.function=rules", "osgi.command.function=audit"})
public final class RedoubtCommands {

    /** How many audit entries {@code redoubt:audit} shows without an argument. */
    static final int DEFAULT_TAIL = 20;
    /** The most entries one call shows. */
    static final int MAX_TAIL = 1000;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ServiceRules rules;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AuditLog audit;

    /** For SCR. */
    public RedoubtCommands() {
    }

    /** For tests: with these services, either may be {@code null}. */
    RedoubtCommands(ServiceRules rules, AuditLog audit) {
        this.rules = rules;
        this.audit = audit;
    }

    /** @return the service rules in force, one line each */
    public String rules() {
        ServiceRules current = rules;
        if (current == null) {
            return "no service rules: the launcher's firewall is not running";
        }
        List<String> lines = new ArrayList<>();
        lines.add("release " + current.release());
        lines.add("guarded " + String.join(" ", current.guarded()));
        if (current.grants().isEmpty()) {
            lines.add("no grants: no bundle may use a guarded service");
        }
        for (ServiceGrant grant : current.grants()) {
            lines.add("grant " + grant.bundle() + " " + String.join(" ", grant.services()));
        }
        return String.join("\n", lines);
    }

    /** @return the newest {@value #DEFAULT_TAIL} audit entries */
    public String audit() {
        return audit(DEFAULT_TAIL);
    }

    /**
     * @param count how many of the newest entries, 1 to {@value #MAX_TAIL}
     * @return them, oldest first, one line each
     */
    public String audit(int count) {
        if (count < 1 || count > MAX_TAIL) {
            return "give a count from 1 to " + MAX_TAIL;
        }
        AuditLog log = audit;
        if (log == null) {
            return "no audit log in this release";
        }
        List<AuditEntry> entries;
        try {
            entries = log.tail(count);
        } catch (AuditException e) {
            return "the audit log cannot be read: " + e.getMessage();
        }
        if (entries.isEmpty()) {
            return "the audit log is empty";
        }
        List<String> lines = new ArrayList<>();
        for (AuditEntry entry : entries) {
            lines.add(line(entry));
        }
        return String.join("\n", lines);
    }

    private static String line(AuditEntry entry) {
        StringBuilder line = new StringBuilder().append(entry.sequence()).append(' ').append(entry.time()).append(' ')
                .append(entry.event().kind());
        if (entry.event().reason() != null && !entry.event().reason().isEmpty()) {
            line.append(' ').append(entry.event().reason());
        }
        for (Map.Entry<String, String> detail : entry.event().details().entrySet()) {
            line.append(' ').append(detail.getKey()).append('=').append(detail.getValue());
        }
        return line.toString();
    }
}
