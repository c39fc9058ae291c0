package org.redoubt.runtime.release;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

/** Makes small, real bundle jars for tests. */
public final class TestBundles {

    private TestBundles() {
    }

    public static byte[] bundle(String symbolicName, String version, String tier) throws IOException {
        return bundle(symbolicName, version, tier, java.util.Map.of());
    }

    /** @param headers further manifest headers (e.g. {@code Provide-Capability}) */
    public static byte[] bundle(String symbolicName, String version, String tier, java.util.Map<String, String> headers)
            throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName + ";singleton:=true");
        main.putValue("Bundle-Version", version);
        if (tier != null) {
            main.putValue(Tier.HEADER, tier);
        }
        headers.forEach(main::putValue);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            jar.putNextEntry(new ZipEntry("data/" + symbolicName + ".txt"));
            jar.write(("content of " + symbolicName).getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }
        return bytes.toByteArray();
    }
}
