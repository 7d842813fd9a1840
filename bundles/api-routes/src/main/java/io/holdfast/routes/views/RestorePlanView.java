package io.holdfast.routes.views;

import io.holdfast.spi.restore.Orphan;
import io.holdfast.spi.restore.RestorePlan;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a restore would do now, as JSON ({@code GET /restore/plan}). */
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
}
