package io.holdfast.itests.crash;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the driver asked of the engine and what the engine acknowledged, across every kill point: the invariants are
 * checked against it. A request without its answer (the engine died first) may or may not have taken effect.
 */
final class CrashJournal {
    /** What a container was made to do, which decides what may become of it. */
    enum Kind {
        /** runs {@code sleep} until stopped: must survive every restart, running or not */
        LONG,
        /** created, never started by the driver */
        CREATED,
        /** {@code --rm}, exits at once: once exited it must be gone */
        AUTO_REMOVE,
        /** {@code on-failure:2}, exits with 3: restarted by policy twice, then stays exited */
        POLICY
    }

    /** Containers whose create was acknowledged, with what they run. */
    final Map<String, Kind> created = new ConcurrentHashMap<>();
    /** Containers a removal was asked for (acknowledged or not). */
    final Set<String> removalAsked = ConcurrentHashMap.newKeySet();
    /** Image references whose import was acknowledged. */
    final Set<String> imported = ConcurrentHashMap.newKeySet();
    /** Every container id the engine ever showed: leaks are looked for under each. */
    final Set<String> seen = ConcurrentHashMap.newKeySet();

    /** Containers that must still exist: acknowledged, never asked to be removed, not removing themselves. */
    Set<String> mustExist() {
        Set<String> ids = ConcurrentHashMap.newKeySet();
        created.forEach((id, kind) -> {
            if (kind != Kind.AUTO_REMOVE && !removalAsked.contains(id)) {
                ids.add(id);
            }
        });
        return ids;
    }
}
