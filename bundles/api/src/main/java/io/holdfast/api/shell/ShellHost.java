package io.holdfast.api.shell;

import io.holdfast.spi.container.Containers;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.felix.service.command.CommandProcessor;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The engine's Gogo shell, in this resident bundle so that a session outlives a swap of the supervisor, restore or
 * shim bundle: the sessions of {@code holdfast shell} clients (served by {@link ShellEndpoint} on the API socket)
 * and, with {@code holdfastd --console} (framework property {@code holdfast.console=true}), the console on the
 * engine's own terminal. Both run lines in the same {@link ShellSession} and complete with the same
 * {@link ShellCompleter}.
 */
@Component(service = ShellHost.class, immediate = true)
public class ShellHost {
    private static final Logger LOG = Logger.getLogger(ShellHost.class.getName());
    /** How long a line waits for the commands of a bundle being swapped, as API requests wait for theirs. */
    static final Duration PATIENCE = Duration.ofSeconds(30);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile CommandProcessor processor;

    /** Offered by the supervisor, which may be swapped: completion then simply offers no container for a moment. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Containers containers;

    private CommandCatalog catalog;
    private ShellCompleter completer;
    private ShellSessions sessions;
    private Thread console;

    @Activate
    void activate(BundleContext context) {
        catalog = CommandCatalog.open(context);
        completer = new ShellCompleter(catalog, () -> containers, context);
        sessions = new ShellSessions();
        if (Boolean.parseBoolean(context.getProperty("holdfast.console"))) {
            startConsole();
        }
    }

    @Deactivate
    void deactivate() {
        if (console != null) {
            console.interrupt();
        }
        sessions.close();
        catalog.close();
    }

    boolean ready() {
        return processor != null;
    }

    ShellSession newSession() {
        return ShellSession.open(processor, catalog, PATIENCE);
    }

    ShellSessions sessions() {
        return sessions;
    }

    ShellCompleter completer() {
        return completer;
    }

    private void startConsole() {
        console = new Thread(() -> {
            try {
                new ConsoleShell(this).run();
            } catch (LinkageError e) {
                LOG.log(Level.WARNING, "--console: JLine (bundle org.jline) is not installed; no console", e);
            } catch (Exception e) {
                LOG.log(Level.WARNING, "--console ended: " + e.getMessage(), e);
            }
        }, "holdfast-console");
        console.setDaemon(true);
        console.start();
    }

    /** The console waits for the Gogo runtime, which may start after this bundle. */
    boolean awaitReady(Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (processor == null && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return processor != null;
    }
}
