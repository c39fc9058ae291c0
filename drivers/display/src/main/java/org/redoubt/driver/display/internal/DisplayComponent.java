package org.redoubt.driver.display.internal;

import java.nio.file.Path;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;
import org.redoubt.driver.display.Display;
import org.redoubt.driver.display.DisplayException;

/** Publishes the screen (PID {@value #PID}): fbdev or PNG snapshots (the default). */
@Component(service = Display.class, configurationPid = DisplayComponent.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = DisplayComponent.Config.class)
public final class DisplayComponent implements Display {

    /** The configuration PID. */
    public static final String PID = "org.redoubt.driver.display";

    /** Which backend and size. */
    @ObjectClassDefinition(id = PID, name = "Redoubt display", description = "Screen backend and size.")
    public @interface Config {
        /** @return png or fbdev */
        @AttributeDefinition(options = {@Option(value = "png"), @Option(value = "fbdev")})
        String backend() default "png";

        /** @return the framebuffer device */
        String device() default "/dev/fb0";

        /** @return the directory PNG snapshots go to; a relative one is in the data directory */
        String snapshots() default "screen";

        /** @return width in pixels */
        @AttributeDefinition(min = "1")
        int width() default DEFAULT_WIDTH;

        /** @return height in pixels */
        @AttributeDefinition(min = "1")
        int height() default DEFAULT_HEIGHT;
    }

    private final Display display;

    /** The framework property naming the handset's data directory. */
    static final String DATA_DIRECTORY_PROPERTY = "redoubt.data.dir";

    /**
     * @param config  the backend
     * @param context names the data directory (framework property {@value #DATA_DIRECTORY_PROPERTY})
     */
    @Activate
    public DisplayComponent(Config config, BundleContext context) {
        this(config, dataDirectory(context));
    }

    /**
     * @param config        the backend
     * @param dataDirectory where relative snapshot directories are
     */
    DisplayComponent(Config config, Path dataDirectory) {
        if (config.width() < 1 || config.height() < 1 || (long) config.width() * config.height() > 4096L * 4096L) {
            throw new IllegalArgumentException("screen size " + config.width() + " x " + config.height() + " out of range");
        }
        this.display = switch (config.backend()) {
            case "png" -> new PngSnapshotDisplay(dataDirectory.resolve(config.snapshots()), config.width(), config.height());
            case "fbdev" -> new FbdevDisplay(Path.of(config.device()), config.width(), config.height());
            default -> throw new IllegalArgumentException("unknown display backend '" + config.backend() + "'");
        };
    }

    private static Path dataDirectory(BundleContext context) {
        String directory = context.getProperty(DATA_DIRECTORY_PROPERTY);
        return Path.of(directory == null ? "" : directory).toAbsolutePath();
    }

    @Override
    public int width() {
        return display.width();
    }

    @Override
    public int height() {
        return display.height();
    }

    @Override
    public void show(int[] argb) throws DisplayException {
        display.show(argb);
    }
}
