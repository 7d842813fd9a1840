package io.holdfast.restore;

import io.holdfast.common.text.EnumWords;
import io.holdfast.spi.restore.Orphan;
import io.holdfast.spi.restore.PluginCheck;
import io.holdfast.spi.restore.RestoreEntry;
import io.holdfast.spi.restore.RestoreOutcome;
import io.holdfast.spi.restore.RestorePlan;
import io.holdfast.spi.restore.RestoreReport;
import java.util.ArrayList;
import java.util.List;

/**
 * A restore's report and plan as lines for a terminal (the Gogo commands); the CLI formats the API's JSON the same
 * way.
 */
final class RestoreText {
    private RestoreText() {
    }

    /** One container's line: short id, name, outcome, detail. */
    static String line(RestoreEntry entry) {
        String id = entry.containerId(); // an unreadable record's directory name may be shorter than an id
        return String.format("  %-12s  %-20s  %-18s  %s", id.substring(0, Math.min(12, id.length())), entry.name(),
                EnumWords.word(entry.outcome()), entry.detail());
    }

    static List<String> report(RestoreReport report) {
        List<String> lines = new ArrayList<>();
        lines.add("Restore at " + report.startedAt() + " took " + report.duration().toMillis() + " ms ("
                + String.join(", ", report.phases().stream().map(p -> p.name() + " " + p.duration().toMillis()
                + " ms").toList()) + ")");
        for (PluginCheck check : report.plugins()) {
            lines.add("  " + check.kind() + " " + check.name() + ": " + (check.ok() ? "ok, " : "FAILED: ")
                    + check.detail());
        }
        report.containers().forEach(entry -> lines.add(line(entry)));
        lines.add("  orphans: " + (report.orphans().isEmpty() ? "none" : String.join(", ", report.orphans())));
        return lines;
    }

    static List<String> plan(RestorePlan plan) {
        List<String> lines = new ArrayList<>();
        long attention = plan.containers().stream().filter(e -> e.outcome() == RestoreOutcome.NEEDS_ATTENTION)
                .count();
        lines.add("Restore plan at " + plan.computedAt() + ": " + plan.containers().size() + " container(s), "
                + attention + " need(s) attention, " + plan.orphans().size() + " orphan(s)");
        for (RestoreEntry entry : plan.containers()) {
            lines.add(line(entry));
        }
        for (Orphan orphan : plan.orphans()) {
            lines.add("  orphan " + orphan.containerId() + ": monitor pid " + orphan.monitorPid() + ", pid "
                    + orphan.pid() + (orphan.running() ? ", running" : ", exited")
                    + "; no record knows it: stop it with holdfast system stop " + orphan.containerId());
        }
        if (attention > 0) {
            lines.add("Decide with: holdfast system adopt <container>|--all, or holdfast system stop "
                    + "<container>|--all");
        }
        return lines;
    }
}
