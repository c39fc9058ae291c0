package org.redoubt.crypto.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.redoubt.crypto.api.SigningKey;
import org.redoubt.crypto.api.VerificationKey;
import org.redoubt.crypto.documents.TrustRootWriter.RoleEntry;

class TrustRootWriterTest {

    @Test
    void whatItWritesParsesBackWithBothSuitesInOneRoot() throws DocumentException {
        VerificationKey ed = Fixtures.ed25519().verificationKey();
        VerificationKey sm = Fixtures.sm2().verificationKey();
        VerificationKey ec = Fixtures.ecdsa().verificationKey();
        Map<Role, RoleEntry> roles = new EnumMap<>(Role.class);
        roles.put(Role.ROOT, new RoleEntry(2, List.of(ed, sm)));
        roles.put(Role.POLICY, new RoleEntry(1, List.of(ec, sm)));
        roles.put(Role.RELEASE, new RoleEntry(1, List.of(sm)));
        roles.put(Role.COMMAND, new RoleEntry(1, List.of(ec)));
        Instant issued = Instant.parse("2026-01-01T00:00:00.750Z");

        TrustRoot root = TrustRoot.parse(TrustRootWriter.write(4, issued, issued.plusSeconds(86_400), roles),
                Fixtures.PROVIDER);

        assertEquals(4, root.version());
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"), root.issuedAt(), "written in whole seconds");
        assertEquals(Set.of(ed.keyId(), sm.keyId(), ec.keyId()), root.keys().keySet(), "each key listed once");
        assertEquals(new RoleKeys(Set.of(ed.keyId(), sm.keyId()), 2), root.role(Role.ROOT));
        assertEquals(sm, root.keys().get(sm.keyId()), "the SM2 key keeps its distinguishing identifier");
        assertEquals(new RoleKeys(Set.of(ec.keyId()), 1), root.role(Role.COMMAND));
    }

    @Test
    void refusesIncompleteOrInconsistentRoots() {
        SigningKey key = Fixtures.ed25519();
        RoleEntry one = new RoleEntry(1, List.of(key.verificationKey()));
        Map<Role, RoleEntry> missingCommand = new EnumMap<>(Role.class);
        missingCommand.put(Role.ROOT, one);
        missingCommand.put(Role.POLICY, one);
        missingCommand.put(Role.RELEASE, one);
        Instant now = Fixtures.NOW;
        assertThrows(IllegalArgumentException.class, () -> TrustRootWriter.write(1, now, now, missingCommand));
        Map<Role, RoleEntry> complete = new EnumMap<>(missingCommand);
        complete.put(Role.COMMAND, one);
        assertThrows(IllegalArgumentException.class, () -> TrustRootWriter.write(0, now, now, complete));
        assertThrows(IllegalArgumentException.class, () -> TrustRootWriter.write(1, now, now.minusSeconds(1), complete));
        assertThrows(IllegalArgumentException.class, () -> new RoleEntry(2, List.of(key.verificationKey())));
        assertThrows(IllegalArgumentException.class,
                () -> new RoleEntry(1, List.of(key.verificationKey(), key.verificationKey())));
        assertThrows(IllegalArgumentException.class, () -> new RoleEntry(1, List.of()));
    }
}
