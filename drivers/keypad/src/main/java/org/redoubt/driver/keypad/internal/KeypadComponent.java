package org.redoubt.driver.keypad.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

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
import org.osgi.service.metatype.annotations.Option;
import org.redoubt.driver.keypad.Key;
import org.redoubt.driver.keypad.KeyEvent;
import org.redoubt.driver.keypad.KeyListener;
import org.redoubt.driver.keypad.Keypad;

/**
 * Publishes the keypad (PID {@value #PID}): Linux evdev from a device file, or scripted input
 * (the default; the emulator and tests {@link #press press} keys).
 */
@Component(service = Keypad.class, configurationPid = KeypadComponent.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = KeypadComponent.Config.class)
public final class KeypadComponent implements Keypad {

    /** The configuration PID. */
    public static final String PID = "org.redoubt.driver.keypad";

    /** Which backend. */
    @ObjectClassDefinition(id = PID, name = "Redoubt keypad", description = "Keypad backend.")
    public @interface Config {
        /** @return scripted or evdev */
        @AttributeDefinition(options = {@Option(value = "scripted"), @Option(value = "evdev")})
        String backend() default "scripted";

        /** @return the evdev device */
        String device() default "/dev/input/event0";
    }

    private final KeyDispatcher dispatcher;
    private volatile InputStream device;
    private volatile boolean stopped;

    /**
     * @param config the backend
     * @param logger where failures are reported
     * @throws IOException when the evdev device cannot be opened
     */
    @Activate
    public KeypadComponent(Config config, @Reference(service = LoggerFactory.class) Logger logger) throws IOException {
        this.dispatcher = new KeyDispatcher(logger::warn);
        switch (config.backend()) {
            case "scripted" -> {
                // events come from press()
            }
            case "evdev" -> {
                Path path = Path.of(config.device());
                if (!Files.exists(path)) {
                    throw new NoSuchFileException(path.toString(), null, "no keypad device");
                }
                // Opened on the reader thread: opening a device (or a FIFO in tests) may block.
                Thread reader = new Thread(() -> {
                    try (InputStream in = Files.newInputStream(path)) {
                        device = in;
                        EvdevReader.read(in, dispatcher::dispatch);
                        if (!stopped) {
                            logger.warn("the keypad device {} ended", path);
                        }
                    } catch (IOException e) {
                        if (!stopped) {
                            logger.warn("reading the keypad device {} failed: {}", path, e.toString());
                        }
                    }
                }, "redoubt-keypad " + path);
                reader.setDaemon(true);
                reader.start();
            }
            default -> throw new IllegalArgumentException("unknown keypad backend '" + config.backend() + "'");
        }
    }

    /** Stops reading the device. */
    @Deactivate
    void deactivate() throws IOException {
        stopped = true;
        InputStream open = device;
        if (open != null) {
            open.close();
        }
    }

    /**
     * Scripted input: a press and a release, as the emulator's keyboard and tests send them.
     *
     * @param key the key
     */
    public void press(Key key) {
        long now = System.nanoTime();
        dispatcher.dispatch(new KeyEvent(key, KeyEvent.Action.PRESSED, now));
        dispatcher.dispatch(new KeyEvent(key, KeyEvent.Action.RELEASED, now));
    }

    @Override
    public void addListener(KeyListener listener) {
        dispatcher.addListener(listener);
    }

    @Override
    public void removeListener(KeyListener listener) {
        dispatcher.removeListener(listener);
    }
}
