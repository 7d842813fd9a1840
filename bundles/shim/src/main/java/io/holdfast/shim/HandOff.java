package io.holdfast.shim;

import io.holdfast.spi.monitor.ExitStatus;
import io.holdfast.spi.monitor.OciRuntime;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Encodes what the shim holds as JDK types only, for the launcher's hand-off store, and decodes it in the next
 * revision. No class of this bundle is ever put in the store: a value that kept one would keep this revision's class
 * loader alive after the update, and the next revision could not read it anyway (same name, other loader).
 *
 * <p>The value under {@link #KEY} is a {@code List<Map<String, Object>>}, one map per held container, whose values are
 * {@code String}, {@code Long} or {@code Boolean}:
 *
 * <table>
 * <caption>one held container</caption>
 * <tr><th>key</th><th>type</th><th>meaning</th></tr>
 * <tr><td>contract</td><td>Long</td><td>{@link #CONTRACT}; an entry of a newer contract is ignored</td></tr>
 * <tr><td>containerId</td><td>String</td><td>the container's id</td></tr>
 * <tr><td>runtimeName, runtimePath</td><td>String</td><td>the OCI runtime</td></tr>
 * <tr><td>bundleDir, logPath</td><td>String</td><td>its OCI bundle and log file</td></tr>
 * <tr><td>startedAt</td><td>String</td><td>ISO-8601 instant the container started</td></tr>
 * <tr><td>pid, pidStart</td><td>Long</td><td>the container's init pid and its /proc start time</td></tr>
 * <tr><td>monitorPid, monitorStart</td><td>Long</td><td>conmon's pid and its /proc start time</td></tr>
 * <tr><td>exitCode, exitedAt</td><td>Long, String</td><td>how it ended; both absent while it runs</td></tr>
 * <tr><td>exitDelivered</td><td>Boolean</td><td>whether a listener has heard of the exit</td></tr>
 * </table>
 *
 * <pre>{@code
 * store.put(HandOff.KEY, HandOff.encode(held.values()));        // old revision, at deactivation
 * List<HandOff.Handed> handed = HandOff.decode(store.remove(HandOff.KEY)); // new revision, at activation
 * }</pre>
 */
final class HandOff {
    /** The store's key for the held containers. */
    static final String KEY = "io.holdfast.shim.held";
    /** Version of the entries' layout; a newer shim may add keys, and must bump this only to change their meaning. */
    static final long CONTRACT = 1;

    private HandOff() {
    }

    /** A held container as the previous revision knew it. */
    record Handed(MonitorRecord record, ExitStatus exit, boolean exitDelivered) {
        HeldContainer toHeld() {
            return new HeldContainer(record, exit, exitDelivered);
        }
    }

    static List<Map<String, Object>> encode(Collection<HeldContainer> held) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (HeldContainer container : held) {
            MonitorRecord record = container.record();
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("contract", CONTRACT);
            entry.put("containerId", record.containerId());
            entry.put("runtimeName", record.runtime().name());
            entry.put("runtimePath", record.runtime().path());
            entry.put("bundleDir", record.bundleDir());
            entry.put("logPath", record.logPath());
            entry.put("startedAt", record.startedAt().toString());
            entry.put("pid", record.pid());
            entry.put("pidStart", record.pidStart());
            entry.put("monitorPid", record.monitorPid());
            entry.put("monitorStart", record.monitorStart());
            ExitStatus exit = container.exit();
            if (exit != null) {
                entry.put("exitCode", (long) exit.code());
                entry.put("exitedAt", exit.finishedAt().toString());
            }
            entry.put("exitDelivered", container.exitDelivered());
            entries.add(Map.copyOf(entry));
        }
        return List.copyOf(entries);
    }

    /**
     * Reads what {@link #encode} wrote; {@code null} (nothing was handed over) gives an empty list. Entries of a newer
     * contract are skipped.
     *
     * @throws IllegalArgumentException naming the entry and key, if the value is not what {@link #encode} writes
     */
    static List<Handed> decode(Object value) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException(KEY + ": expected a List of Maps, found " + value.getClass().getName());
        }
        List<Handed> handed = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> entry)) {
                throw new IllegalArgumentException(KEY + "[" + i + "]: expected a Map, found " + list.get(i));
            }
            Entry reader = new Entry(i, entry);
            if (reader.number("contract") > CONTRACT) {
                continue; // written by a newer shim than this one: disk alone is trusted for it
            }
            handed.add(reader.handed());
        }
        return handed;
    }

    /** One entry, read with messages that name the entry and the key. */
    private record Entry(int index, Map<?, ?> values) {
        Handed handed() {
            OciRuntime runtime = new OciRuntime(text("runtimeName"), text("runtimePath"));
            MonitorRecord record = MonitorRecord.launching(text("containerId"), runtime, text("bundleDir"),
                    text("logPath")).started(instant("startedAt"), number("pid"), number("pidStart"),
                    number("monitorPid"), number("monitorStart"));
            ExitStatus exit = values.containsKey("exitCode")
                    ? new ExitStatus(Math.toIntExact(number("exitCode")), instant("exitedAt")) : null;
            return new Handed(record, exit, exit != null && flag("exitDelivered"));
        }

        private Object required(String key) {
            Object value = values.get(key);
            if (value == null) {
                throw new IllegalArgumentException(where(key) + ": missing");
            }
            return value;
        }

        String text(String key) {
            if (required(key) instanceof String s) {
                return s;
            }
            throw wrongType(key, "String");
        }

        long number(String key) {
            if (required(key) instanceof Long l) {
                return l;
            }
            throw wrongType(key, "Long");
        }

        boolean flag(String key) {
            if (required(key) instanceof Boolean b) {
                return b;
            }
            throw wrongType(key, "Boolean");
        }

        Instant instant(String key) {
            try {
                return Instant.parse(text(key));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(where(key) + ": expected an ISO-8601 instant, found \""
                        + values.get(key) + "\"", e);
            }
        }

        private IllegalArgumentException wrongType(String key, String expected) {
            Object found = values.get(key);
            return new IllegalArgumentException(where(key) + ": expected a " + expected + ", found "
                    + found.getClass().getName() + " " + found);
        }

        private String where(String key) {
            return KEY + "[" + index + "]." + key;
        }
    }
}
