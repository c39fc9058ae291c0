package org.redoubt.runtime.release;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;

import org.redoubt.crypto.documents.Verdict;
import org.redoubt.runtime.release.ReleaseRejected.Problem;
import org.redoubt.runtime.release.ReleaseRejected.Reason;

/**
 * Verifies a release directory before anything of it is installed.
 *
 * <p>First the signed manifest: it must verify against the trust root ({@link
 * ManifestAuthenticator}) before any of its content is even parsed as a release. Then every listed
 * file must exist, have the listed size and digest, declare the listed symbolic name and version,
 * and offer no camera or location functions ({@link ForbiddenHardware}); {@code bundles/} must
 * hold nothing else. All problems are collected
 * and reported together. Files are read with a cap of their listed size, so an oversized file
 * cannot exhaust memory.
 */
public final class ReleaseVerifier {

    /** The signed manifest's file name inside a release directory: a DSSE envelope. */
    public static final String MANIFEST = "release.dsse";
    /** The bundle directory's name inside a release directory. */
    public static final String BUNDLES = "bundles";

    private final ReleaseManifestCodec codec;
    private final ManifestAuthenticator authenticator;

    /**
     * @param codec         reads the manifest's body
     * @param authenticator checks the manifest's signatures against the trust root
     */
    public ReleaseVerifier(ReleaseManifestCodec codec, ManifestAuthenticator authenticator) {
        this.codec = codec;
        this.authenticator = authenticator;
    }

    /**
     * Reads and verifies a release directory in one go.
     *
     * @param releaseDirectory a directory with {@value #MANIFEST} and {@code bundles/}
     * @return the release with the verified bytes of every bundle
     * @throws ReleaseRejected listing every problem found
     */
    public VerifiedRelease verify(Path releaseDirectory) throws ReleaseRejected {
        return verify(read(releaseDirectory));
    }

    /**
     * Reads the signed manifest and checks its signatures; the bundles are not checked yet.
     *
     * @param releaseDirectory a directory with {@value #MANIFEST} and {@code bundles/}
     * @return the release with an authentic manifest, its bundles not verified yet
     * @throws ReleaseRejected when the manifest is missing, unreadable, untrusted or malformed
     */
    public UnverifiedRelease read(Path releaseDirectory) throws ReleaseRejected {
        byte[] manifestBytes = readManifest(releaseDirectory.resolve(MANIFEST));
        Verdict.Accepted document = authenticator.authenticate(manifestBytes);
        return new UnverifiedRelease(releaseDirectory, manifestBytes,
                codec.decode(document.header().version(), document.body()));
    }

    /**
     * Checks a signed manifest that arrived on its own (over the air, before its files): size cap,
     * signatures of the release role, target, schema.
     *
     * @param manifestBytes the manifest envelope
     * @return the authentic manifest and when it expires
     * @throws ReleaseRejected when it is too large, untrusted or malformed
     */
    public AuthenticManifest authenticate(byte[] manifestBytes) throws ReleaseRejected {
        if (manifestBytes.length > ReleaseManifestCodec.MAX_ENVELOPE_BYTES) {
            throw new ReleaseRejected(Reason.MALFORMED_MANIFEST, MANIFEST, "the manifest envelope is larger than "
                    + ReleaseManifestCodec.MAX_ENVELOPE_BYTES + " bytes", null);
        }
        Verdict.Accepted document = authenticator.authenticate(manifestBytes);
        return new AuthenticManifest(codec.decode(document.header().version(), document.body()),
                document.header().expires(), authenticator.signers(manifestBytes));
    }

    /**
     * A manifest whose signatures, target and schema passed.
     *
     * @param manifest the manifest
     * @param expires  when the signed document stops being valid
     * @param signers  the hex key ids of the release keys that signed it validly
     */
    public record AuthenticManifest(ReleaseManifest manifest, java.time.Instant expires, java.util.Set<String> signers) {
        /** Checks that nothing is missing and copies the set. */
        public AuthenticManifest {
            java.util.Objects.requireNonNull(manifest, "manifest");
            java.util.Objects.requireNonNull(expires, "expires");
            signers = java.util.Set.copyOf(signers);
        }
    }

    /**
     * Checks every bundle the manifest lists, and that nothing else is there.
     *
     * @param release a release whose manifest has been read
     * @return the release with the verified bytes of every bundle
     * @throws ReleaseRejected listing every problem found
     */
    public VerifiedRelease verify(UnverifiedRelease release) throws ReleaseRejected {
        Path releaseDirectory = release.directory();
        ReleaseManifest manifest = release.manifest();
        List<Problem> problems = new ArrayList<>(unlistedFiles(releaseDirectory, manifest));
        Map<String, byte[]> contents = new HashMap<>();
        for (ReleaseBundle bundle : manifest.bundles()) {
            byte[] content = check(releaseDirectory, bundle, problems);
            if (content != null) {
                contents.put(bundle.symbolicName(), content);
            }
        }
        if (!problems.isEmpty()) {
            throw new ReleaseRejected(problems, null);
        }
        return new VerifiedRelease(manifest, release.manifestBytes(), contents);
    }

    private static byte[] readManifest(Path file) throws ReleaseRejected {
        try {
            return BoundedFiles.read(file, ReleaseManifestCodec.MAX_ENVELOPE_BYTES);
        } catch (NoSuchFileException e) {
            throw new ReleaseRejected(Reason.MALFORMED_MANIFEST, MANIFEST, "no manifest at " + file, e);
        } catch (BoundedFiles.TooLarge e) {
            throw new ReleaseRejected(Reason.MALFORMED_MANIFEST, MANIFEST, e.getMessage(), e);
        } catch (IOException e) {
            throw new ReleaseRejected(Reason.UNREADABLE, MANIFEST, e.toString(), e);
        }
    }

    private static List<Problem> unlistedFiles(Path releaseDirectory, ReleaseManifest manifest) throws ReleaseRejected {
        Set<String> listed = new HashSet<>();
        manifest.bundles().forEach(bundle -> listed.add(bundle.file()));
        List<Problem> problems = new ArrayList<>();
        Path bundles = releaseDirectory.resolve(BUNDLES);
        if (!Files.isDirectory(bundles, LinkOption.NOFOLLOW_LINKS)) {
            throw new ReleaseRejected(Reason.MISSING_BUNDLE, BUNDLES, "no bundle directory at " + bundles, null);
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(bundles)) {
            for (Path entry : entries) {
                String relative = BUNDLES + "/" + entry.getFileName();
                if (!listed.contains(relative)) {
                    problems.add(new Problem(Reason.UNLISTED_BUNDLE, relative,
                            "file is in the release directory but not in the manifest"));
                }
            }
        } catch (IOException e) {
            throw new ReleaseRejected(Reason.UNREADABLE, BUNDLES, e.toString(), e);
        }
        return problems;
    }

    /**
     * Checks that a release directory holds no file its manifest does not list.
     *
     * @param release a release whose manifest has been read
     * @throws ReleaseRejected naming every unlisted file
     */
    public void checkNothingUnlisted(UnverifiedRelease release) throws ReleaseRejected {
        List<Problem> problems = unlistedFiles(release.directory(), release.manifest());
        if (!problems.isEmpty()) {
            throw new ReleaseRejected(problems, null);
        }
    }

    /**
     * Reads one listed bundle and checks it as {@link #verify} does (size, digest, identity): for a
     * caller that needs one bundle's verified bytes at a time.
     *
     * @param releaseDirectory the release directory
     * @param bundle           the bundle as its authentic manifest lists it
     * @return the verified bytes
     * @throws ReleaseRejected when the file is missing, unreadable or not the listed one
     */
    public byte[] readBundle(Path releaseDirectory, ReleaseBundle bundle) throws ReleaseRejected {
        List<Problem> problems = new ArrayList<>();
        byte[] content = check(releaseDirectory, bundle, problems);
        if (content == null) {
            throw new ReleaseRejected(problems, null);
        }
        return content;
    }

    private static byte[] check(Path releaseDirectory, ReleaseBundle bundle, List<Problem> problems) {
        String subject = bundle.displayName() + " (" + bundle.file() + ")";
        Path file = releaseDirectory.resolve(bundle.file());
        byte[] content;
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                problems.add(new Problem(Reason.MISSING_BUNDLE, subject, "listed file is missing"));
                return null;
            }
            content = BoundedFiles.read(file, bundle.size());
        } catch (BoundedFiles.TooLarge e) {
            problems.add(new Problem(Reason.SIZE_MISMATCH, subject, "file is larger than the listed " + bundle.size()
                    + " bytes"));
            return null;
        } catch (IOException e) {
            problems.add(new Problem(Reason.UNREADABLE, subject, e.toString()));
            return null;
        }
        if (content.length != bundle.size()) {
            problems.add(new Problem(Reason.SIZE_MISMATCH, subject,
                    "file has " + content.length + " bytes, the manifest lists " + bundle.size()));
            return null;
        }
        if (!bundle.digest().matches(content)) {
            problems.add(new Problem(Reason.DIGEST_MISMATCH, subject, "file content does not match "
                    + bundle.digest() + " (tampered or corrupt)"));
            return null;
        }
        Attributes headers;
        BundleIdentity identity;
        try {
            headers = BundleIdentity.headers(content);
            identity = BundleIdentity.of(headers);
        } catch (IOException e) {
            problems.add(new Problem(Reason.IDENTITY_MISMATCH, subject, "not a readable bundle: " + e.getMessage()));
            return null;
        }
        if (!bundle.symbolicName().equals(identity.symbolicName()) || !bundle.version().equals(identity.version())) {
            problems.add(new Problem(Reason.IDENTITY_MISMATCH, subject,
                    "file declares " + identity.symbolicName() + " " + identity.version()));
            return null;
        }
        java.util.Optional<String> forbidden = ForbiddenHardware.problem(headers);
        if (forbidden.isPresent()) {
            problems.add(new Problem(Reason.FORBIDDEN_HARDWARE, subject, forbidden.get()));
            return null;
        }
        return content;
    }

    /**
     * The identity a bundle file declares in its manifest.
     *
     * @param symbolicName its Bundle-SymbolicName without directives
     * @param version      its Bundle-Version as written, {@code 0.0.0} when absent
     * @param tier         its {@value Tier#HEADER} header, or {@code null}
     */
    public record BundleIdentity(String symbolicName, String version, String tier) {

        /**
         * @param jar the bundle file's bytes
         * @return what it declares
         * @throws IOException when it is not a jar or has no symbolic name
         */
        public static BundleIdentity read(byte[] jar) throws IOException {
            return of(headers(jar));
        }

        static Attributes headers(byte[] jar) throws IOException {
            try (InputStream in = new ByteArrayInputStream(jar); JarInputStream stream = new JarInputStream(in, false)) {
                Manifest manifest = stream.getManifest();
                if (manifest == null) {
                    throw new IOException("no META-INF/MANIFEST.MF");
                }
                return manifest.getMainAttributes();
            }
        }

        static BundleIdentity of(Attributes main) throws IOException {
            String name = main.getValue("Bundle-SymbolicName");
            if (name == null) {
                throw new IOException("no Bundle-SymbolicName");
            }
            int directives = name.indexOf(';');
            String version = main.getValue("Bundle-Version");
            return new BundleIdentity((directives < 0 ? name : name.substring(0, directives)).trim(),
                    version == null ? "0.0.0" : version.trim(), main.getValue(Tier.HEADER));
        }
    }
}
