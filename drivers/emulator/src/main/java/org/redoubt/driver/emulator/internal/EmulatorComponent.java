package org.redoubt.driver.emulator.internal;

import java.awt.GraphicsEnvironment;
import java.util.Dictionary;
import java.util.Hashtable;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.redoubt.driver.display.Display;
import org.redoubt.driver.keypad.Keypad;

/**
 * The emulator window, when configured (PID {@value #PID}) on a machine with a desktop: it is
 * registered as a {@link Display} ranked above the display driver's, so the shell draws into the
 * window, and as a {@link Keypad} next to the keypad driver's. On a machine without a desktop
 * (a server, CI) the component stays active without services and says so once: the display
 * driver's PNG snapshots and the scripted keypad are the handset there. The services are
 * registered by hand for that reason.
 */
@Component(service = {}, immediate = true, configurationPid = EmulatorComponent.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = EmulatorComponent.Config.class)
public final class EmulatorComponent {

    /** The configuration PID. */
    public static final String PID = "org.redoubt.driver.emulator";
    /** The window's display ranks above the display driver's (ranking 0). */
    static final int RANKING = 100;

    /** The window. */
    @ObjectClassDefinition(id = PID, name = "Redoubt emulator window", description = "Screen size and zoom.")
    public @interface Config {
        /** @return screen width */
        int width() default Display.DEFAULT_WIDTH;

        /** @return screen height */
        int height() default Display.DEFAULT_HEIGHT;

        /** @return zoom factor */
        @AttributeDefinition(min = "1", max = "4")
        int scale() default 2;
    }

    private final EmulatorWindow window;
    private final ServiceRegistration<?> registration;

    /**
     * @param config  the window
     * @param context registers the window's services
     * @param logger  says when there is no desktop
     * @throws Exception when a desktop exists but the window cannot open
     */
    @Activate
    public EmulatorComponent(Config config, BundleContext context,
            @Reference(service = LoggerFactory.class) Logger logger) throws Exception {
        if (GraphicsEnvironment.isHeadless()) {
            logger.info("No desktop: the emulator window is not shown (the display driver's snapshots are the screen)");
            this.window = null;
            this.registration = null;
            return;
        }
        this.window = new EmulatorWindow(config.width(), config.height(), config.scale(), "Redoubt handset");
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(Constants.SERVICE_RANKING, RANKING);
        properties.put(Constants.SERVICE_DESCRIPTION, "Redoubt emulator window");
        this.registration = context.registerService(new String[] {Display.class.getName(), Keypad.class.getName()},
                window, properties);
    }

    /** Withdraws the services and closes the window. */
    @Deactivate
    void deactivate() {
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException e) {
                // already gone with the bundle
            }
        }
        if (window != null) {
            window.close();
        }
    }
}
