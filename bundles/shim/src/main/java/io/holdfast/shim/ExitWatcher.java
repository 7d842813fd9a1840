package io.holdfast.shim;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Notices exit files as conmon writes them (inotify through {@link WatchService}) and, as a backstop for events the
 * kernel drops on overflow, sweeps every held container once a second. Owns its thread and its watch;
 * {@link #close} releases both.
 */
final class ExitWatcher implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ExitWatcher.class.getName());
    private static final long SWEEP_MILLIS = 1000;
    private static final long JOIN_MILLIS = 10_000;

    private final WatchService watcher;
    private final Thread thread;
    private final Consumer<String> onExitFile;
    private final Runnable sweep;
    private final WatchKey exitsKey;
    /** Execs' exit directories; a key goes away when its directory is deleted. */
    private final Map<WatchKey, Runnable> execDirs = new ConcurrentHashMap<>();

    ExitWatcher(Path exitsDir, Consumer<String> onExitFile, Runnable sweep) throws IOException {
        io.holdfast.common.io.Directories.createPrivate(exitsDir);
        this.onExitFile = onExitFile;
        this.sweep = sweep;
        this.watcher = FileSystems.getDefault().newWatchService();
        this.exitsKey = exitsDir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE,
                StandardWatchEventKinds.ENTRY_MODIFY);
        this.thread = new Thread(this::run, "holdfast-shim-exit-watcher");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void run() {
        long nextSweep = System.nanoTime();
        try {
            while (!Thread.currentThread().isInterrupted()) {
                WatchKey key = watcher.poll(SWEEP_MILLIS, TimeUnit.MILLISECONDS);
                if (key != null && key != exitsKey) {
                    key.pollEvents();
                    Runnable onChange = execDirs.get(key);
                    if (onChange != null) {
                        onChange.run();
                    }
                    if (!key.reset()) {
                        execDirs.remove(key); // the exec was forgotten and its directory deleted
                    }
                } else if (key != null) {
                    for (WatchEvent<?> event : key.pollEvents()) {
                        if (event.context() instanceof Path file) {
                            onExitFile.accept(file.getFileName().toString());
                        }
                    }
                    key.reset();
                }
                if (System.nanoTime() - nextSweep >= 0) {
                    sweep.run();
                    nextSweep = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SWEEP_MILLIS);
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closing
        }
    }

    /**
     * Also watches an exec's exit directory, calling {@code onChange} for each change in it, until the directory is
     * deleted. A directory that cannot be watched (inotify's limit reached) is left to the sweep.
     */
    void watchExecDir(Path dir, Runnable onChange) {
        try {
            execDirs.put(dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE,
                    StandardWatchEventKinds.ENTRY_MODIFY), onChange);
        } catch (IOException | ClosedWatchServiceException e) {
            LOG.log(Level.FINE, "cannot watch " + dir + "; the sweep notices its exit", e);
        }
    }

    /**
     * Stops the thread and releases the inotify watch; returns once the thread has ended (or after
     * {@code JOIN_MILLIS}, with a warning: a thread left running would pin the shim revision's class loader).
     */
    @Override
    public void close() throws InterruptedException {
        thread.interrupt();
        try {
            watcher.close(); // wakes a poll() at once with ClosedWatchServiceException
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot close the exit watcher's inotify watch", e);
        }
        thread.join(JOIN_MILLIS);
        if (thread.isAlive()) {
            LOG.warning(() -> thread.getName() + " did not end within " + JOIN_MILLIS + " ms of being told to");
        }
    }
}
