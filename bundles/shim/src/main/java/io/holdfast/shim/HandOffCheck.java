package io.holdfast.shim;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Merges what the previous revision handed over with what recovery found on disk. Disk is the source of truth for
 * which monitors exist and for their records; the hand-off adds what disk cannot say exactly: an exit the previous
 * revision had already observed keeps its code and time (a "lost" exit keeps the moment it was first reported), and
 * whether a listener had heard of it. A container the hand-off calls running but whose exit file is now there exited
 * during the swap, and disk's exit stands.
 */
final class HandOffCheck {
    private static final Logger LOG = Logger.getLogger(HandOffCheck.class.getName());

    private HandOffCheck() {
    }

    /** What the merge did, for the activation log line. */
    record Outcome(Map<String, HeldContainer> held, int takenOver, int exitedDuringSwap, int undelivered,
                   List<String> disagreements) {
        String describe() {
            return "took over " + takenOver + " container(s) from the previous revision of the shim"
                    + (exitedDuringSwap > 0 ? ", " + exitedDuringSwap + " exited during the swap" : "")
                    + (undelivered > 0 ? ", " + undelivered + " exit(s) not yet delivered to a listener" : "")
                    + (disagreements.isEmpty() ? "" : "; disk overrides the hand-off for: "
                    + String.join("; ", disagreements));
        }
    }

    static Outcome merge(Map<String, HeldContainer> fromDisk, List<HandOff.Handed> handed) {
        Map<String, HandOff.Handed> byId = handed.stream()
                .collect(Collectors.toMap(h -> h.record().containerId(), Function.identity(), (a, b) -> b));
        Map<String, HeldContainer> held = new HashMap<>();
        List<String> disagreements = new java.util.ArrayList<>();
        int takenOver = 0;
        int exitedDuringSwap = 0;
        int undelivered = 0;
        for (Map.Entry<String, HeldContainer> found : fromDisk.entrySet()) {
            String id = found.getKey();
            HeldContainer disk = found.getValue();
            HandOff.Handed previous = byId.remove(id);
            if (previous == null) {
                held.put(id, disk);
                continue;
            }
            MonitorRecord record = disk.record();
            if (record.pid() != previous.record().pid() || record.monitorPid() != previous.record().monitorPid()) {
                disagreements.add(id + " (handed pid " + previous.record().pid() + "/conmon "
                        + previous.record().monitorPid() + ", on disk " + record.pid() + "/conmon "
                        + record.monitorPid() + ")");
                held.put(id, disk);
                continue;
            }
            takenOver++;
            if (previous.exit() != null) {
                held.put(id, new HeldContainer(record, previous.exit(), previous.exitDelivered()));
                undelivered += previous.exitDelivered() ? 0 : 1;
            } else {
                held.put(id, disk);
                exitedDuringSwap += disk.running() ? 0 : 1;
            }
        }
        for (String gone : byId.keySet()) {
            disagreements.add(gone + " (handed over, but its monitor record is no longer on disk)");
        }
        if (!disagreements.isEmpty()) {
            LOG.warning(() -> "the shim's hand-off disagrees with disk; disk wins: " + disagreements);
        }
        return new Outcome(held, takenOver, exitedDuringSwap, undelivered, List.copyOf(disagreements));
    }
}
