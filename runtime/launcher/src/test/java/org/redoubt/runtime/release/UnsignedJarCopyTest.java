package org.redoubt.runtime.release;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's copy of Bouncy Castle: the real signed jar in, an unsigned but otherwise equal jar out. */
class UnsignedJarCopyTest {

    @TempDir
    Path temp;

    @Test
    void theCopyOfTheRealBouncyCastleJarIsUnsignedAndOtherwiseTheSame() throws Exception {
        Path signed = Path.of(org.bouncycastle.crypto.Digest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path copy = temp.resolve("bcprov.jar");

        UnsignedJarCopy.copy(signed, copy);

        try (JarFile original = new JarFile(signed.toFile()); JarFile unsigned = new JarFile(copy.toFile())) {
            assertTrue(signatureFiles(original).size() >= 2, "the test needs a signed original");
            assertEquals(List.of(), signatureFiles(unsigned));
            assertEquals(0, unsigned.getManifest().getEntries().size(), "no per-entry digests");
            assertEquals(original.getManifest().getMainAttributes(), unsigned.getManifest().getMainAttributes());
            for (JarEntry entry : Collections.list(original.entries())) {
                if (entry.getName().startsWith("META-INF/") && !entry.getName().contains("/versions/")
                        && !entry.getName().contains("/services/")) {
                    continue;
                }
                JarEntry same = unsigned.getJarEntry(entry.getName());
                assertNotNull(same, entry.getName());
                assertArrayEquals(original.getInputStream(entry).readAllBytes(), unsigned.getInputStream(same).readAllBytes(),
                        entry.getName());
            }
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {copy.toUri().toURL()}, null)) {
            Class<?> digest = loader.loadClass("org.bouncycastle.crypto.digests.SM3Digest");
            assertNull(digest.getProtectionDomain().getCodeSource().getCodeSigners(), "classes load unsigned");
        }
    }

    private static List<String> signatureFiles(JarFile jar) {
        return Collections.list(jar.entries()).stream().map(JarEntry::getName)
                .filter(name -> name.matches("META-INF/[^/]+\\.(SF|DSA|RSA|EC)")).toList();
    }
}
