package org.redoubt.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.redoubt.audit.AuditEntry;
import org.redoubt.audit.AuditEvent;
import org.redoubt.audit.AuditException;
import org.redoubt.audit.AuditKind;
import org.redoubt.audit.AuditLog;
import org.redoubt.runtime.firewall.ServiceGrant;
import org.redoubt.runtime.firewall.ServiceRules;

class RedoubtCommandsTest {

    private static final ServiceRules RULES = new ServiceRules() {
        @Override
        public long release() {
            return 7;
        }

        @Override
        public List<String> guarded() {
            return List.of("org.redoubt.driver.*");
        }

        @Override
        public List<ServiceGrant> grants() {
            return List.of(new ServiceGrant("org.redoubt.telephony", List.of("org.redoubt.driver.modem.*")),
                    new ServiceGrant("org.redoubt.shell", List.of("org.redoubt.driver.keypad.*",
                            "org.redoubt.driver.display.*")));
        }

        @Override
        public boolean permits(String bundle, String name) {
            return false;
        }
    };

    /** An audit log holding {@code count} entries. */
    private static AuditLog log(int count) {
        return new AuditLog() {
            @Override
            public AuditEntry append(AuditEvent event) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<AuditEntry> tail(int max) throws AuditException {
                List<AuditEntry> entries = new ArrayList<>();
                for (long sequence = Math.max(1, count - max + 1); sequence <= count; sequence++) {
                    entries.add(new AuditEntry(sequence, Instant.parse("2026-12-03T01:00:00Z"),
                            AuditEvent.refused(AuditKind.RULE_VIOLATION, "SERVICE").with("bundle", "org.example.rogue")));
                }
                return entries;
            }
        };
    }

    @Test
    void rulesShowsTheReleaseWhatIsGuardedAndEveryGrant() {
        assertEquals("""
                release 7
                guarded org.redoubt.driver.*
                grant org.redoubt.telephony org.redoubt.driver.modem.*
                grant org.redoubt.shell org.redoubt.driver.keypad.* org.redoubt.driver.display.*""",
                new RedoubtCommands(RULES, null).rules());
    }

    @Test
    void withoutTheServicesTheCommandsSaySo() {
        RedoubtCommands commands = new RedoubtCommands(null, null);
        assertEquals("no service rules: the launcher's firewall is not running", commands.rules());
        assertEquals("no audit log in this release", commands.audit());
    }

    @Test
    void auditShowsTheNewestEntriesOldestFirst() {
        RedoubtCommands commands = new RedoubtCommands(null, log(30));
        String tail = commands.audit(2);
        assertEquals("""
                29 2026-12-03T01:00:00Z RULE_VIOLATION SERVICE bundle=org.example.rogue
                30 2026-12-03T01:00:00Z RULE_VIOLATION SERVICE bundle=org.example.rogue""", tail);
        assertEquals(RedoubtCommands.DEFAULT_TAIL, commands.audit().lines().count());
        assertEquals("the audit log is empty", new RedoubtCommands(null, log(0)).audit());
        assertEquals("give a count from 1 to 1000", commands.audit(0));
    }
}
