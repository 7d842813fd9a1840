package io.holdfast.shim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.holdfast.spi.monitor.ExitStatus;
import io.holdfast.spi.monitor.OciRuntime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the shim hands its next revision is JDK types only, and reads back as what was held. */
class HandOffTest {
    private static final OciRuntime RUNC = new OciRuntime("runc", "/usr/bin/runc");
    private static final Instant STARTED = Instant.parse("2026-11-25T10:00:00.123456789Z");
    private static final Instant ENDED = Instant.parse("2026-11-25T10:05:00.5Z");

    private static MonitorRecord record(String id, long pid) {
        return MonitorRecord.launching(id, RUNC, "/b/" + id, "/l/" + id).started(STARTED, pid, 4242, pid - 1, 4241);
    }

    private static List<HeldContainer> held() {
        HeldContainer exitedAndHeard = new HeldContainer(record("heard", 300), new ExitStatus(42, ENDED));
        exitedAndHeard.markDelivered();
        return List.of(new HeldContainer(record("running", 100), null),
                new HeldContainer(record("unheard", 200), new ExitStatus(137, ENDED)), exitedAndHeard);
    }

    @Test
    void encodingHoldsOnlyJdkTypes() {
        Object encoded = HandOff.encode(held());
        List<String> foreign = new ArrayList<>();
        collectNonJdk(encoded, "held", foreign);
        assertEquals(List.of(), foreign, "values whose class is not loaded by the JDK's boot loader");
    }

    @Test
    void roundTripGivesBackRecordsExitsAndDelivery() {
        Map<String, HandOff.Handed> back = new HashMap<>();
        HandOff.decode(HandOff.encode(held())).forEach(h -> back.put(h.record().containerId(), h));
        assertEquals(3, back.size());
        assertEquals(record("running", 100), back.get("running").record());
        assertNull(back.get("running").exit());
        assertEquals(new ExitStatus(137, ENDED), back.get("unheard").exit());
        assertFalse(back.get("unheard").exitDelivered());
        assertEquals(new ExitStatus(42, ENDED), back.get("heard").exit());
        assertTrue(back.get("heard").exitDelivered());
    }

    @Test
    void nothingHandedOverIsAnEmptyList() {
        assertEquals(List.of(), HandOff.decode(null));
    }

    @Test
    void anEntryOfANewerContractIsSkipped() {
        Map<String, Object> newer = new HashMap<>(HandOff.encode(held()).get(0));
        newer.put("contract", HandOff.CONTRACT + 1);
        assertEquals(List.of(), HandOff.decode(List.of(newer)));
    }

    @Test
    void aWrongTypeIsNamedWithEntryAndKey() {
        Map<String, Object> bad = new HashMap<>(HandOff.encode(held()).get(0));
        bad.put("pid", 100); // an Integer, not a Long
        var e = assertThrows(IllegalArgumentException.class, () -> HandOff.decode(List.of(bad)));
        assertEquals("io.holdfast.shim.held[0].pid: expected a Long, found java.lang.Integer 100", e.getMessage());
    }

    @Test
    void exitDuringTheSwapComesFromDiskAndAnObservedExitFromTheHandOff() {
        Instant lostAt = Instant.parse("2026-11-25T10:06:00Z");
        List<HandOff.Handed> handed = List.of(
                new HandOff.Handed(record("during", 100), null, false),
                new HandOff.Handed(record("lost", 200), new ExitStatus(255, lostAt), false),
                new HandOff.Handed(record("reused", 300), null, false),
                new HandOff.Handed(record("released", 400), new ExitStatus(0, ENDED), true));
        Map<String, HeldContainer> disk = Map.of(
                "during", new HeldContainer(record("during", 100), new ExitStatus(42, ENDED)),
                "lost", new HeldContainer(record("lost", 200), new ExitStatus(255, Instant.now())),
                "reused", new HeldContainer(record("reused", 301), null),
                "new", new HeldContainer(record("new", 500), null));
        HandOffCheck.Outcome outcome = HandOffCheck.merge(disk, handed);
        assertEquals(java.util.Set.of("during", "lost", "reused", "new"), outcome.held().keySet());
        assertEquals(42, outcome.held().get("during").exit().code());
        assertEquals(lostAt, outcome.held().get("lost").exit().finishedAt(), "the first report's time is kept");
        assertEquals(301, outcome.held().get("reused").record().pid(), "disk wins when the pids disagree");
        assertEquals(2, outcome.takenOver());
        assertEquals(1, outcome.exitedDuringSwap());
        assertEquals(1, outcome.undelivered());
        assertEquals(2, outcome.disagreements().size(), outcome.describe());
    }

    private static void collectNonJdk(Object value, String where, Collection<String> foreign) {
        if (value == null) {
            foreign.add(where + " = null");
            return;
        }
        if (value.getClass().getClassLoader() != null) {
            foreign.add(where + ": " + value.getClass().getName());
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                collectNonJdk(k, where + " key", foreign);
                collectNonJdk(v, where + "." + k, foreign);
            });
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                collectNonJdk(list.get(i), where + "[" + i + "]", foreign);
            }
        } else if (!(value instanceof String || value instanceof Long || value instanceof Boolean)) {
            foreign.add(where + ": " + value.getClass().getName() + " is not a String, Long or Boolean");
        }
    }
}
