package io.holdfast.restore;

import io.holdfast.spi.container.ContainerRecord;
import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.container.EngineException.Kind;
import io.holdfast.spi.restore.Orphan;
import java.util.List;
import java.util.function.Supplier;

/**
 * Finds what an operator's decision names: a container by id, unique id prefix or name, else an orphan by id or
 * unique id prefix. Names the candidates when a prefix is ambiguous.
 */
final class RestoreDecisions {
    private final List<ContainerRecord> records;
    private final Supplier<List<Orphan>> orphans;

    /** {@code orphans} is asked only when a name matches no record: finding them lists every runtime. */
    RestoreDecisions(List<ContainerRecord> records, Supplier<List<Orphan>> orphans) {
        this.records = records;
        this.orphans = orphans;
    }

    /** The container record {@code ref} names, or null when it names none (it may be an orphan). */
    ContainerRecord record(String ref) {
        String name = ref.startsWith("/") ? ref.substring(1) : ref;
        for (ContainerRecord record : records) {
            if (record.id().equals(ref) || record.name().equals(name)) {
                return record;
            }
        }
        List<ContainerRecord> byPrefix = records.stream().filter(r -> r.id().startsWith(ref)).toList();
        if (byPrefix.size() > 1) {
            throw ambiguous(ref, byPrefix.stream().map(ContainerRecord::shortId).toList());
        }
        return byPrefix.isEmpty() || ref.isEmpty() ? null : byPrefix.get(0);
    }

    /** The orphan {@code ref} names; NOT_FOUND when it names none. */
    Orphan orphan(String ref) {
        List<Orphan> matches = orphans.get().stream().filter(o -> !ref.isEmpty() && o.containerId().startsWith(ref))
                .toList();
        if (matches.size() > 1) {
            throw ambiguous(ref, matches.stream().map(Orphan::containerId).toList());
        }
        if (matches.isEmpty()) {
            throw new EngineException(Kind.NOT_FOUND, "No such container or orphan: " + ref);
        }
        return matches.get(0);
    }

    private static EngineException ambiguous(String ref, List<String> candidates) {
        return new EngineException(Kind.INVALID, "\"" + ref + "\" matches more than one: "
                + String.join(", ", candidates) + "; give more of the id");
    }
}
