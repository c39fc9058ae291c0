package org.redoubt.runtime.release;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Build-time tool: copies a signed jar without its signature, for the launcher's class path.
 *
 * <p>Bouncy Castle's jar is signed for the JCE, which Redoubt does not use (it calls the
 * lightweight API directly). On a plain class path the JDK verifies that signature when the first
 * class loads: it parses an 800 KB manifest and an 800 KB signature file, which costs the launcher
 * about 100 ms and several MiB before it can check a single release signature. The launcher's
 * integrity rests on the distribution it ships in, not on that signature, so its copy drops the
 * signature files and the per-entry digests and keeps everything else byte for byte (entry order,
 * times, the manifest's main attributes). Inside the framework the release's own digests pin the
 * unmodified bundle.
 */
public final class UnsignedJarCopy {

    private UnsignedJarCopy() {
    }

    /**
     * @param source the signed jar
     * @param target the copy to write
     * @throws IOException when reading or writing fails
     */
    public static void copy(Path source, Path target) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        try (ZipFile in = new ZipFile(source.toFile()); OutputStream file = Files.newOutputStream(target);
                ZipOutputStream out = new ZipOutputStream(file)) {
            Enumeration<? extends ZipEntry> entries = in.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (isSignatureFile(entry.getName())) {
                    continue;
                }
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(entry.getTime());
                out.putNextEntry(copy);
                try (InputStream content = in.getInputStream(entry)) {
                    if (entry.getName().equalsIgnoreCase("META-INF/MANIFEST.MF")) {
                        out.write(mainAttributesOnly(content));
                    } else {
                        content.transferTo(out);
                    }
                }
                out.closeEntry();
            }
        }
    }

    private static boolean isSignatureFile(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return upper.startsWith("META-INF/") && upper.indexOf('/', "META-INF/".length()) < 0
                && (upper.endsWith(".SF") || upper.endsWith(".DSA") || upper.endsWith(".RSA") || upper.endsWith(".EC"));
    }

    private static byte[] mainAttributesOnly(InputStream content) throws IOException {
        Manifest manifest = new Manifest(new ByteArrayInputStream(content.readAllBytes()));
        manifest.getEntries().clear();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        manifest.write(bytes);
        return bytes.toByteArray();
    }

    /**
     * Build-time entry point: {@code UnsignedJarCopy SOURCE_JAR TARGET_JAR}.
     *
     * @param args the arguments above
     * @throws IOException on any failure (the build fails with it)
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: UnsignedJarCopy SOURCE_JAR TARGET_JAR");
        }
        copy(Path.of(args[0]), Path.of(args[1]));
    }
}
