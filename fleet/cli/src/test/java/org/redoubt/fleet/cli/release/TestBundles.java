package org.redoubt.fleet.cli.release;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Bundle jars made for one test: a manifest with a symbolic name and version, and incompressible filler. */
public final class TestBundles {

    private TestBundles() {
    }

    /**
     * @param directory where to write {@code <bsn>.jar}
     * @param bsn       the Bundle-SymbolicName
     * @param filler    how many random bytes the jar carries (its size is a little more)
     * @return the jar
     */
    public static Path jar(Path directory, String bsn, int filler) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", bsn);
        main.putValue("Bundle-Version", "1.0.0");
        Files.createDirectories(directory);
        Path jar = directory.resolve(bsn + ".jar");
        byte[] bytes = new byte[filler];
        new Random(bsn.hashCode()).nextBytes(bytes);
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.putNextEntry(new JarEntry("filler.bin"));
            out.write(bytes);
            out.closeEntry();
        }
        return jar;
    }
}
