package org.redoubt.release.agent.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

import org.osgi.framework.BundleActivator;

/** Real bundle jars whose activator is a class of these tests, copied into the jar. */
final class ActivatorBundles {

    private ActivatorBundles() {
    }

    /**
     * @param symbolicName its symbolic name
     * @param version      its version
     * @param payload      bytes of random content it carries (to make it span chunks)
     * @param imports      its Import-Package header, or {@code null}
     * @return the jar
     */
    static byte[] plain(String symbolicName, String version, int payload, String imports) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        main.putValue("Bundle-Version", version);
        if (imports != null) {
            main.putValue("Import-Package", imports);
        }
        byte[] content = new byte[payload];
        new java.util.Random(symbolicName.hashCode() * 31L + version.hashCode()).nextBytes(content);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            ZipEntry entry = new ZipEntry("data/payload.bin");
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(content.length);
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(content);
            entry.setCrc(crc.getValue());
            jar.putNextEntry(entry);
            jar.write(content);
            jar.closeEntry();
        }
        return bytes.toByteArray();
    }

    /**
     * @param symbolicName its symbolic name
     * @param version      its version
     * @param activator    the activator, a top-level class of this package
     * @return the jar
     */
    static byte[] bundle(String symbolicName, String version, Class<? extends BundleActivator> activator)
            throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        main.putValue("Bundle-Version", version);
        main.putValue("Bundle-Activator", activator.getName());
        main.putValue("Import-Package", "org.osgi.framework, org.redoubt.health.api");
        main.putValue("Redoubt-Tier", "driver");
        String entry = activator.getName().replace('.', '/') + ".class";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest);
                InputStream in = activator.getClassLoader().getResourceAsStream(entry)) {
            jar.putNextEntry(new ZipEntry(entry));
            in.transferTo(jar);
            jar.closeEntry();
        }
        return bytes.toByteArray();
    }
}
