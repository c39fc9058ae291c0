package org.redoubt.driver.emulator.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.redoubt.driver.display.Display;
import org.redoubt.driver.display.DisplayException;
import org.redoubt.driver.keypad.KeyListener;
import org.redoubt.driver.keypad.Keypad;

/**
 * The emulator window as the handset's {@link Display} and {@link Keypad}, when configured (PID
 * {@value #PID}) on a machine with a desktop. Without one (a headless server) activation fails
 * with the reason; use the display driver's PNG snapshots and the scripted keypad there.
 */
@Component(service = {Display.class, Keypad.class}, configurationPid = EmulatorComponent.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = EmulatorComponent.Config.class)
public final class EmulatorComponent implements Display, Keypad {

    /** The configuration PID. */
    public static final String PID = "org.redoubt.driver.emulator";

    /** The window. */
    @ObjectClassDefinition(id = PID, name = "Redoubt emulator window", description = "Screen size and zoom.")
    public @interface Config {
        /** @return screen width */
        int width() default DEFAULT_WIDTH;

        /** @return screen height */
        int height() default DEFAULT_HEIGHT;

        /** @return zoom factor */
        @AttributeDefinition(min = "1", max = "4")
        int scale() default 2;
    }

    private final EmulatorWindow window;

    /**
     * @param config the window
     * @throws Exception when there is no desktop to open a window on
     */
    @Activate
    public EmulatorComponent(Config config) throws Exception {
        this.window = new EmulatorWindow(config.width(), config.height(), config.scale(), "Redoubt handset");
    }

    /** Closes the window. */
    @Deactivate
    void deactivate() {
        window.close();
    }

    @Override
    public int width() {
        return window.width();
    }

    @Override
    public int height() {
        return window.height();
    }

    @Override
    public void show(int[] argb) throws DisplayException {
        window.show(argb);
    }

    @Override
    public void addListener(KeyListener listener) {
        window.addListener(listener);
    }

    @Override
    public void removeListener(KeyListener listener) {
        window.removeListener(listener);
    }
}
