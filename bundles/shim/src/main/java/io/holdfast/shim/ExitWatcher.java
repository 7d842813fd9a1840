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
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Notices exit files as conmon writes them (inotify through {@link WatchService}) and, as a backstop for events the
 * kernel drops on overflow, sweeps every held container once a second. Owns its thread; {@link #close} joins it.
 */
final class ExitWatcher implements AutoCloseable {
    private static final long SWEEP_MILLIS = 1000;

    private final WatchService watcher;
    private final Thread thread;
    private final Consumer<String> onExitFile;
    private final Runnable sweep;

    ExitWatcher(Path exitsDir, Consumer<String> onExitFile, Runnable sweep) throws IOException {
        Files.createDirectories(exitsDir);
        this.onExitFile = onExitFile;
        this.sweep = sweep;
        this.watcher = FileSystems.getDefault().newWatchService();
        exitsDir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
        this.thread = new Thread(this::run, "holdfast-shim-exit-watcher");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void run() {
        long nextSweep = System.nanoTime();
        try {
            while (!Thread.currentThread().isInterrupted()) {
                WatchKey key = watcher.poll(SWEEP_MILLIS, TimeUnit.MILLISECONDS);
                if (key != null) {
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

    @Override
    public void close() throws IOException {
        thread.interrupt();
        watcher.close();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
