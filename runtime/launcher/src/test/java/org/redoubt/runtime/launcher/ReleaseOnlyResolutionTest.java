package org.redoubt.runtime.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.hooks.resolver.ResolverHookFactory;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/** In a real Felix: only the verified release's bundles resolve; a side-loaded or swapped bundle stays INSTALLED. */
class ReleaseOnlyResolutionTest {

    @TempDir
    Path storage;

    private Framework framework;
    private final List<String> refusals = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeEach
    void framework() throws BundleException {
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst().orElseThrow();
        framework = factory.newFramework(Map.of(Constants.FRAMEWORK_STORAGE, storage.toString(),
                Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT));
        framework.init();
        framework.getBundleContext().registerService(ResolverHookFactory.class, new ReleaseOnlyResolution(
                Map.of("redoubt:org.example.radio", new ReleaseOnlyResolution.Admitted("org.example.radio", "1.0.0")),
                refusals::add), null);
        framework.start();
    }

    @AfterEach
    void stop() throws Exception {
        framework.stop();
        framework.waitForStop(10_000);
    }

    private static ByteArrayInputStream bundle(String symbolicName, String version) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue(Constants.BUNDLE_MANIFESTVERSION, "2");
        main.putValue(Constants.BUNDLE_SYMBOLICNAME, symbolicName);
        main.putValue(Constants.BUNDLE_VERSION, version);
        ByteArrayOutputStream jar = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(jar, manifest)) {
            out.flush();
        }
        return new ByteArrayInputStream(jar.toByteArray());
    }

    @Test
    void aReleaseBundleResolvesAndStarts() throws Exception {
        Bundle radio = framework.getBundleContext().installBundle("redoubt:org.example.radio",
                bundle("org.example.radio", "1.0.0"));
        radio.start();
        assertEquals(Bundle.ACTIVE, radio.getState());
        assertTrue(refusals.isEmpty(), refusals.toString());
    }

    @Test
    void aSideLoadedBundleDoesNotResolve() throws Exception {
        Bundle rogue = framework.getBundleContext().installBundle("file:/tmp/rogue.jar", bundle("org.example.rogue", "1.0.0"));

        assertThrows(BundleException.class, rogue::start);
        assertEquals(Bundle.INSTALLED, rogue.getState());
        assertEquals(1, refusals.size(), refusals.toString());
        assertTrue(refusals.get(0).contains("org.example.rogue"), refusals.toString());
    }

    @Test
    void aBundleAtAReleaseLocationWithOtherContentDoesNotResolve() throws Exception {
        Bundle impostor = framework.getBundleContext().installBundle("redoubt:org.example.radio",
                bundle("org.example.modem", "1.0.0"));
        assertThrows(BundleException.class, impostor::start);

        impostor.update(bundle("org.example.radio", "2.0.0"));
        assertThrows(BundleException.class, impostor::start, "another version than the release's");
        assertEquals(Bundle.INSTALLED, impostor.getState());
    }
}
