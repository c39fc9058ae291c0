package org.redoubt.driver.radios.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.service.log.Logger;
import org.osgi.util.converter.Converters;
import org.redoubt.audit.testing.MemoryAuditLog;
import org.redoubt.driver.radios.Radio;
import org.redoubt.driver.radios.RadioDevice;
import org.redoubt.driver.radios.RadioException;
import org.redoubt.driver.radios.RadioException.Reason;
import org.redoubt.driver.radios.WifiNetworks;

/**
 * Radio lockdown in a real framework's service registry: a policy that disables a radio stops its
 * driver and withdraws its services; one that allows it again brings them back; each is audited.
 */
class RadioLockdownTest {

    @TempDir
    Path storage;

    private Framework framework;
    private BundleContext context;
    private final MemoryAuditLog audited = new MemoryAuditLog();
    private final Logger logger = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(),
            new Class<?>[] {Logger.class}, (proxy, method, args) -> method.getReturnType() == boolean.class ? Boolean.FALSE : null);

    @BeforeEach
    void framework() throws Exception {
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst().orElseThrow();
        framework = factory.newFramework(Map.of(Constants.FRAMEWORK_STORAGE, storage.toString(),
                Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT,
                Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, "org.redoubt.driver.radios;version=1.3.0"));
        framework.start();
        context = framework.getBundleContext();
    }

    @AfterEach
    void stop() throws Exception {
        framework.stop();
        framework.waitForStop(10_000);
    }

    private static RadiosComponent.Config disabling(String... names) {
        return Converters.standardConverter().convert(Map.of("backend", "simulated", "disabled", names))
                .to(RadiosComponent.Config.class);
    }

    private TreeSet<String> published() throws Exception {
        TreeSet<String> radios = new TreeSet<>();
        Collection<ServiceReference<RadioDevice>> references = context.getServiceReferences(RadioDevice.class, null);
        for (ServiceReference<RadioDevice> reference : references) {
            radios.add((String) reference.getProperty(RadioDevice.RADIO));
        }
        return radios;
    }

    private RadioDevice device(Radio radio) throws Exception {
        Collection<ServiceReference<RadioDevice>> references = context.getServiceReferences(RadioDevice.class,
                "(" + RadioDevice.RADIO + "=" + radio.name() + ")");
        return references.isEmpty() ? null : context.getService(references.iterator().next());
    }

    private List<String> audit() {
        List<String> lines = new ArrayList<>();
        audited.tail(100).forEach(entry -> lines.add(entry.event().kind() + " " + entry.event().details().get("driver")));
        return lines;
    }

    @Test
    void turningBluetoothOffByPolicyStopsItsDriverAndWithdrawsItsServiceAndOnAgainRestoresIt() throws Exception {
        RadiosComponent radios = new RadiosComponent(context, disabling(), logger);
        radios.bindAuditLog(audited);
        assertEquals(new TreeSet<>(List.of("BLUETOOTH", "NFC", "USB_DATA", "WIFI")), published());
        RadioDevice bluetooth = device(Radio.BLUETOOTH);
        bluetooth.set(true);
        assertTrue(radios.isOn(Radio.BLUETOOTH));

        radios.modified(disabling("BLUETOOTH"));

        assertEquals(new TreeSet<>(List.of("NFC", "USB_DATA", "WIFI")), published(), "the service disappeared");
        assertNull(device(Radio.BLUETOOTH));
        assertFalse(radios.isOn(Radio.BLUETOOTH), "switched off");
        RadioException stopped = assertThrows(RadioException.class, () -> bluetooth.set(true),
                "a consumer that kept the object cannot reach the radio");
        assertEquals(Reason.DISABLED_BY_POLICY, stopped.reason());
        assertFalse(radios.isOn(Radio.BLUETOOTH));

        radios.modified(disabling());

        assertEquals(new TreeSet<>(List.of("BLUETOOTH", "NFC", "USB_DATA", "WIFI")), published(), "restored");
        RadioDevice restarted = device(Radio.BLUETOOTH);
        assertNotSame(bluetooth, restarted, "a new driver, not the stopped one");
        restarted.set(true);
        assertTrue(restarted.isOn());
        assertEquals(List.of("DRIVER_ENABLED bluetooth", "DRIVER_ENABLED wifi", "DRIVER_ENABLED nfc",
                "DRIVER_ENABLED usb_data", "DRIVER_DISABLED bluetooth", "DRIVER_ENABLED bluetooth"), audit());
    }

    @Test
    void wifiDisabledWithdrawsItsNetworksWithItsDriverAndDeactivationWithdrawsEverything() throws Exception {
        RadiosComponent radios = new RadiosComponent(context, disabling("WIFI", "NFC"), logger);
        assertEquals(new TreeSet<>(List.of("BLUETOOTH", "USB_DATA")), published());
        assertNull(context.getServiceReference(WifiNetworks.class));

        radios.modified(disabling("NFC"));
        assertTrue(context.getServiceReference(WifiNetworks.class) != null, "Wi-Fi allowed: its networks are back");
        radios.modified(disabling("NFC", "WIFI"));
        assertNull(context.getServiceReference(WifiNetworks.class));

        radios.deactivate();
        assertEquals(new TreeSet<>(), published());
    }
}
