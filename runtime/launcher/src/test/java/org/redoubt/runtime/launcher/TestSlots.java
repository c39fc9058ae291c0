package org.redoubt.runtime.launcher;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

import org.osgi.framework.hooks.resolver.ResolverHookFactory;
import org.redoubt.crypto.api.CryptoProvider;
import org.redoubt.crypto.documents.DeviceIdentity;
import org.redoubt.crypto.documents.DocumentVerifier;
import org.redoubt.crypto.documents.TrustRoot;
import org.redoubt.runtime.release.ManifestAuthenticator;
import org.redoubt.runtime.release.ReleaseManifestCodec;
import org.redoubt.runtime.release.ReleaseRejected;
import org.redoubt.runtime.release.ReleaseVerifier;
import org.redoubt.runtime.release.VerifiedRelease;
import org.redoubt.runtime.slots.ReleaseSlots;

/**
 * For other modules' tests: the launcher's real slots and resolver hook over a data directory in
 * which a committed release was provisioned into slot A, as the launcher does at a first boot.
 */
public final class TestSlots implements AutoCloseable {

    private final DataDirectory directory;
    private final ReleaseSlots slots;
    private final ResolverHookFactory resolver;
    private final VerifiedRelease committed;
    private final org.redoubt.runtime.firewall.ServiceRules rules;

    private TestSlots(DataDirectory directory, ReleaseSlots slots, ResolverHookFactory resolver,
            VerifiedRelease committed, org.redoubt.runtime.firewall.ServiceRules rules) {
        this.directory = directory;
        this.slots = slots;
        this.resolver = resolver;
        this.committed = committed;
        this.rules = rules;
    }

    /** @return the service rules in force, as the launcher offers them from the system bundle */
    public org.redoubt.runtime.firewall.ServiceRules rules() {
        return rules;
    }

    /** @return the slots service, as the launcher registers it */
    public ReleaseSlots slots() {
        return slots;
    }

    /** @return the resolver hook, to register in the test's framework */
    public ResolverHookFactory resolver() {
        return resolver;
    }

    /** @return the provisioned release, verified */
    public VerifiedRelease committed() {
        return committed;
    }

    /**
     * @param data      the data directory (created)
     * @param release   a signed release directory, provisioned as committed release in slot A
     * @param root      the trust root
     * @param device    this handset
     * @param provider  signature checks
     * @param refusals  told about bundles kept from resolving
     * @return the slots
     * @throws IOException when the release does not verify or cannot be written
     */
    public static TestSlots provision(Path data, Path release, TrustRoot root, DeviceIdentity device,
            CryptoProvider provider, Consumer<String> refusals) throws IOException {
        try {
            DataDirectory directory = DataDirectory.open(data);
            ReleaseVerifier verifier = new ReleaseVerifier(new ReleaseManifestCodec(),
                    new ManifestAuthenticator(new DocumentVerifier(provider), root, device));
            VerifiedRelease committed = verifier.verify(release);
            new SlotWriter().write(committed, directory.slot(Slot.A));
            BootRecordStore records = new BootRecordStore(directory.bootRecord());
            BootRecord record = new BootRecord(Slot.A, committed.manifest().release(), 1);
            records.save(record);
            AdmittedReleases admitted = AdmittedReleases.of(FrameworkBoot.admitted(committed),
                    FirewallRules.of(committed.manifest()));
            LauncherSlots slots = new LauncherSlots(directory, verifier, records, record,
                    committed.manifest().release(), Slot.A, admitted, new BootConsole(System.out, System.err));
            return new TestSlots(directory, slots, new ReleaseOnlyResolution(admitted, refusals), committed,
                    new RulesInForce(admitted));
        } catch (BootFailure | ReleaseRejected e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** Releases the data directory's lock. */
    @Override
    public void close() throws IOException {
        directory.close();
    }
}
