package org.redoubt.runtime.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

import org.redoubt.crypto.documents.RootRotation;
import org.redoubt.crypto.documents.RotationVerdict;
import org.redoubt.crypto.documents.TrustRoot;

/**
 * The provisioned trust root in {@code DATA/trust/root.json}: the signed root document every
 * release, policy and command must chain to.
 *
 * <p>On the first boot the factory root ({@value #FACTORY_ROOT} next to the factory release's
 * manifest) is provisioned, after checking that a threshold of its own root keys signed it. From
 * then on the provisioned root is the only one that counts: it is re-checked at every boot (a
 * corrupt root stops the boot), and a factory root that differs from it is ignored, because a
 * root changes only by a signed rotation (root N+1 signed by thresholds of N and N+1), which the
 * update agent applies.
 */
final class TrustStore {

    /** The factory root's file name inside the factory release directory. */
    static final String FACTORY_ROOT = "root.json";
    private static final int MAX_ROOT_BYTES = 256 * 1024;

    private final Path file;
    private final RootRotation rotation;
    private final BootConsole console;

    /**
     * @param file     {@code DATA/trust/root.json}
     * @param rotation checks root signatures
     * @param console  where provisioning is reported
     */
    TrustStore(Path file, RootRotation rotation, BootConsole console) {
        this.file = file;
        this.rotation = rotation;
        this.console = console;
    }

    /**
     * @param factoryRelease the factory release directory, if any
     * @return the trust root of this boot
     * @throws BootFailure {@link ExitCode#TRUST_ROOT} when there is no usable root
     */
    TrustRoot establish(Optional<Path> factoryRelease) throws BootFailure {
        Optional<byte[]> provisioned = read(file);
        if (provisioned.isPresent()) {
            TrustRoot root = check(provisioned.get(), "the provisioned trust root " + file);
            Optional<byte[]> factory = factoryRelease.isEmpty() ? Optional.empty()
                    : read(factoryRelease.get().resolve(FACTORY_ROOT));
            if (factory.isPresent() && !Arrays.equals(factory.get(), provisioned.get())) {
                console.message("the factory release carries another trust root than the provisioned v"
                        + root.version() + "; it is ignored (a root changes only by signed rotation)");
            }
            return root;
        }
        Path factoryRoot = factoryRelease.map(directory -> directory.resolve(FACTORY_ROOT)).orElseThrow(
                () -> new BootFailure(ExitCode.TRUST_ROOT, "no trust root in " + file
                        + " and no factory release to provision one from (--release DIR)", null));
        byte[] bytes = read(factoryRoot).orElseThrow(() -> new BootFailure(ExitCode.TRUST_ROOT,
                "no trust root in " + file + " and none in the factory release (" + factoryRoot + ")", null));
        TrustRoot root = check(bytes, "the factory trust root " + factoryRoot);
        try {
            DurableFiles.replace(file, bytes);
        } catch (IOException e) {
            throw new BootFailure(ExitCode.DATA_DIRECTORY, "cannot write the trust root " + file + ": " + e, e);
        }
        console.message("provisioned trust root v" + root.version() + " with " + root.keys().size() + " keys");
        return root;
    }

    private TrustRoot check(byte[] envelope, String what) throws BootFailure {
        RotationVerdict verdict = rotation.verifyProvisioned(envelope, MAX_ROOT_BYTES);
        if (verdict instanceof RotationVerdict.Rejected rejected) {
            throw new BootFailure(ExitCode.TRUST_ROOT, what + " is not usable: " + rejected.reason() + ": "
                    + rejected.detail(), null);
        }
        return ((RotationVerdict.Rotated) verdict).root();
    }

    private static Optional<byte[]> read(Path path) throws BootFailure {
        try {
            if (Files.size(path) > MAX_ROOT_BYTES) {
                throw new BootFailure(ExitCode.TRUST_ROOT, path + " is larger than " + MAX_ROOT_BYTES + " bytes", null);
            }
            return Optional.of(Files.readAllBytes(path));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new BootFailure(ExitCode.TRUST_ROOT, "cannot read " + path + ": " + e, e);
        }
    }
}
