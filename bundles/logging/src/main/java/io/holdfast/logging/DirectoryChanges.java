package io.holdfast.logging;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Lets log followers sleep until conmon writes, instead of each polling its file: one inotify watch (through
 * {@link WatchService}) per directory that has followers, however many follow it, and one thread that counts each
 * directory's changes and wakes its waiters. A follower still looks at least every {@link #BACKSTOP_MILLIS} ms, for
 * a change the kernel dropped (queue overflow) or a directory it could not watch (the watch limit).
 */
final class DirectoryChanges implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(DirectoryChanges.class.getName());
    static final long BACKSTOP_MILLIS = 1000;
    /** How often a follower of a directory that could not be watched looks, as every follower did before. */
    static final long UNWATCHED_POLL_MILLIS = 50;

    private final WatchService watcher;
    private final Thread thread;
    private final Map<Path, Watched> byDirectory = new HashMap<>(); // guarded by itself
    private final Map<WatchKey, Watched> byKey = new HashMap<>(); // guarded by byDirectory

    DirectoryChanges() throws IOException {
        watcher = FileSystems.getDefault().newWatchService();
        thread = new Thread(this::run, "holdfast-logs-follow-watch");
        thread.setDaemon(true);
        thread.start();
    }

    /** A follower's interest in the directory of {@code file}; close it when the follow ends. */
    Interest watch(Path file) {
        Path directory = file.toAbsolutePath().getParent();
        synchronized (byDirectory) {
            Watched watched = byDirectory.get(directory);
            if (watched == null) {
                WatchKey key = null;
                try {
                    key = directory.register(watcher, StandardWatchEventKinds.ENTRY_CREATE,
                            StandardWatchEventKinds.ENTRY_MODIFY);
                } catch (IOException | ClosedWatchServiceException e) {
                    LOG.log(Level.FINE, "cannot watch " + directory + "; its followers poll", e);
                }
                watched = new Watched(directory, key);
                byDirectory.put(directory, watched);
                if (key != null) {
                    byKey.put(key, watched);
                }
            }
            watched.users++;
            return new Interest(watched);
        }
    }

    private void run() {
        try {
            while (true) {
                WatchKey key = watcher.take();
                key.pollEvents();
                Watched watched;
                synchronized (byDirectory) {
                    watched = byKey.get(key);
                }
                if (watched != null) {
                    watched.changed();
                }
                key.reset(); // a deleted directory's key stays invalid; its followers fall back to the backstop
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closing
        }
    }

    private void release(Watched watched) {
        synchronized (byDirectory) {
            if (--watched.users == 0) {
                byDirectory.remove(watched.directory);
                if (watched.key != null) {
                    byKey.remove(watched.key);
                    watched.key.cancel();
                }
            }
        }
    }

    /** Ends the watch thread; followers still waiting see their backstop. */
    @Override
    public void close() throws IOException, InterruptedException {
        watcher.close(); // wakes take() with ClosedWatchServiceException
        thread.join(TimeUnit.SECONDS.toMillis(5));
    }

    /** One watched directory: how often it changed, as a counter its followers wait on. */
    private static final class Watched {
        final Path directory;
        final WatchKey key;
        int users; // guarded by byDirectory
        private long changes; // guarded by this

        Watched(Path directory, WatchKey key) {
            this.directory = directory;
            this.key = key;
        }

        synchronized void changed() {
            changes++;
            notifyAll();
        }

        synchronized long changes() {
            return changes;
        }
    }

    /** One follower's handle: take a {@link #mark} before reading, then {@link #awaitChangeSince} it. */
    final class Interest implements AutoCloseable {
        private final Watched watched;
        private boolean released;

        private Interest(Watched watched) {
            this.watched = watched;
        }

        /** The directory's change count now; read the file after taking it, so no change falls between. */
        long mark() {
            return watched.changes();
        }

        /**
         * Returns once the directory changed after {@code mark}, {@link #wake} was called, or the backstop (or, for
         * a directory that could not be watched, the poll interval) passed.
         */
        void awaitChangeSince(long mark) throws InterruptedException {
            long wait = watched.key == null || !watched.key.isValid() ? UNWATCHED_POLL_MILLIS : BACKSTOP_MILLIS;
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(wait);
            synchronized (watched) {
                long left;
                while (watched.changes == mark && (left = deadline - System.nanoTime()) > 0) {
                    TimeUnit.NANOSECONDS.timedWait(watched, left);
                }
            }
        }

        /** Ends the current wait of every follower of this directory at once (a follow that must end now). */
        void wake() {
            watched.changed();
        }

        @Override
        public void close() {
            if (!released) {
                released = true;
                release(watched);
            }
        }
    }
}
