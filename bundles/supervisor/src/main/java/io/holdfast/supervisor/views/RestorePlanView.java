package io.holdfast.supervisor.views;

import io.holdfast.spi.restore.Orphan;
import io.holdfast.spi.restore.RestoreEntry;
import io.holdfast.spi.restore.RestoreOutcome;
import io.holdfast.spi.restore.RestorePlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a restore would do now, as JSON ({@code GET /restore/plan}) and as lines for the Gogo shell. */
public final class RestorePlanView {
    private RestorePlanView() {
    }

    public static Map<String, Object> of(RestorePlan plan) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("ComputedAt", plan.computedAt().toString());
        view.put("Plugins", plan.plugins().stream().map(RestoreReportView::plugin).toList());
        view.put("Containers", plan.containers().stream().map(RestoreReportView::entry).toList());
        view.put("Orphans", plan.orphans().stream().map(RestorePlanView::orphan).toList());
        return view;
    }

    private static Map<String, Object> orphan(Orphan orphan) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("Id", orphan.containerId());
        view.put("MonitorPid", orphan.monitorPid());
        view.put("Pid", orphan.pid());
        view.put("Running", orphan.running());
        return view;
    }

    public static List<String> lines(RestorePlan plan) {
        List<String> lines = new ArrayList<>();
        long attention = plan.containers().stream().filter(e -> e.outcome() == RestoreOutcome.NEEDS_ATTENTION)
                .count();
        lines.add("Restore plan at " + plan.computedAt() + ": " + plan.containers().size() + " container(s), "
                + attention + " need(s) attention, " + plan.orphans().size() + " orphan(s)");
        for (RestoreEntry entry : plan.containers()) {
            lines.add(RestoreReportView.line(entry));
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
