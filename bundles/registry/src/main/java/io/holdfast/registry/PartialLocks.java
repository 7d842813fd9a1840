package io.holdfast.registry;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One download at a time per partial file in this engine: two pulls that share a layer (two images on one base,
 * {@code docker compose pull}) would otherwise write the same partial file at once. The second waits, then finds
 * the blob present. A lock lives only while someone holds or waits for it.
 */
final class PartialLocks {
    private static final Map<Path, Entry> LOCKS = new HashMap<>();

    private PartialLocks() {
    }

    /** A held lock; closing it releases it. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /** Locks {@code partial}, calling {@code onWait} first if another download holds it. */
    static Held acquire(Path partial, Runnable onWait) {
        Entry entry;
        synchronized (LOCKS) {
            entry = LOCKS.computeIfAbsent(partial, p -> new Entry());
            entry.users++;
        }
        if (!entry.lock.tryLock()) {
            onWait.run();
            entry.lock.lock();
        }
        return () -> {
            entry.lock.unlock();
            synchronized (LOCKS) {
                if (--entry.users == 0) {
                    LOCKS.remove(partial);
                }
            }
        };
    }

    private static final class Entry {
        final ReentrantLock lock = new ReentrantLock();
        int users;
    }
}
