package io.holdfast.logging;

import io.holdfast.spi.config.DaemonConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.FileHandler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Keeps the engine's own log in {@code <data-root>/engine.log} (three files of 10 MB, rotated), besides stderr, so
 * an engine started by a service manager or killed still leaves its story on disk. With {@code debug} it logs FINE.
 */
@Component(immediate = true)
public class EngineLogFile {
    private static final int LIMIT_BYTES = 10 * 1024 * 1024;
    private static final int FILES = 3;
    /** Held strongly so the root logger's level set here is not forgotten. */
    private static final Logger ROOT = Logger.getLogger("");

    private volatile DaemonConfig config;
    private FileHandler handler;

    /** Dynamic: {@code debug} is reloadable, and a reload replaces the configuration service. */
    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, unbind = "unsetConfig")
    void setConfig(DaemonConfig latest) {
        config = latest;
        ROOT.setLevel(latest.debug() ? Level.FINE : Level.INFO);
    }

    void unsetConfig(DaemonConfig gone) {
        // the next configuration is bound before this one goes; nothing to undo
    }

    @Activate
    void activate() throws IOException {
        Path dir = io.holdfast.common.io.Directories.createPrivate(Path.of(config.dataRoot()));
        handler = new FileHandler(dir.resolve("engine.log").toString().replace("%", "%%") + ".%g", LIMIT_BYTES,
                FILES, true);
        // FileHandler creates with the umask's mode; the data root (0700) keeps a rotated file private too
        for (int i = 0; i < FILES; i++) {
            io.holdfast.common.io.FileModes.set(dir.resolve("engine.log." + i),
                    io.holdfast.common.io.FileModes.PRIVATE_FILE);
        }
        io.holdfast.common.io.FileModes.set(dir.resolve("engine.log.0.lck"),
                io.holdfast.common.io.FileModes.PRIVATE_FILE);
        handler.setFormatter(new SimpleFormatter());
        handler.setLevel(Level.ALL);
        ROOT.addHandler(handler);
    }

    @Deactivate
    void deactivate() {
        ROOT.removeHandler(handler);
        handler.close();
    }
}
