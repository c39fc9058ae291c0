package org.redoubt.itests.framework;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.redoubt.health.api.Readiness;

/**
 * The log sink writes what bundles log through the OSGi Log Service into {@code redoubt.log} in
 * the directory the framework property {@code redoubt.log.dir} names.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LogSinkFileIT {

    private static final String LOG_DIR = "redoubt.log.dir";
    private static final String LOGGER_NAME = LogSinkFileIT.class.getName();
    /** One line as bundles/log-sink/README.md specifies it: time, level padded to 5, source, message. */
    private static final Pattern LINE = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z INFO  " + Pattern.quote(LOGGER_NAME) + " .+");

    @Inject
    private BundleContext context;

    @Inject
    private LoggerFactory loggerFactory;

    @Configuration
    public Option[] configuration() {
        // A directory of its own for every run: the sink appends to an existing file.
        Path logDir = TestPlatform.workDirectory(LogSinkFileIT.class).resolve("log-" + UUID.randomUUID());
        return TestPlatform.configuration(LogSinkFileIT.class,
                frameworkProperty(LOG_DIR).value(logDir.toString()),
                // Felix Log creates entries at WARN and above by default; the test logs at INFO.
                frameworkProperty("org.osgi.service.log.admin.loglevel").value("INFO"),
                frameworkProperty("redoubt.log.level").value("INFO"),
                frameworkProperty("redoubt.log.console").value("false"));
    }

    @Test
    public void messageLoggedThroughLoggerFactoryIsWrittenToTheLogFile() throws InterruptedException {
        String logDir = context.getProperty(LOG_DIR);
        assertNotNull(LOG_DIR + " is not set in the framework", logDir);
        Path file = Path.of(logDir, "redoubt.log");
        // The sink is a component like any other: once the release is ready it is listening.
        Await.service(context, Readiness.class, "(" + Readiness.READY_PROPERTY + "=true)", Await.PLATFORM);
        String token = "itest-" + UUID.randomUUID();

        Logger logger = loggerFactory.getLogger(LOGGER_NAME);
        logger.info("handset log check {}", token);

        String line = Await.until("a line with " + token + " in " + file, Await.PLATFORM,
                () -> lines(file).stream().filter(l -> l.contains(token)).findFirst());
        assertTrue("line format: " + line, LINE.matcher(line).matches());
        assertTrue(line, line.endsWith(" handset log check " + token));
        assertEquals("the message is written once", 1,
                lines(file).stream().filter(l -> l.contains(token)).count());
    }

    /** @return the file's lines, none while it does not exist yet */
    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException notYet) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
