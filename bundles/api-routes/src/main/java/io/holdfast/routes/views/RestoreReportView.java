package io.holdfast.routes.views;

import io.holdfast.common.text.EnumWords;
import io.holdfast.spi.restore.PluginCheck;
import io.holdfast.spi.restore.RestoreEntry;
import io.holdfast.spi.restore.RestorePhase;
import io.holdfast.spi.restore.RestoreReport;
import java.util.LinkedHashMap;
import java.util.Map;

/** The last restore as JSON, in the API's field-name style ({@code GET /restore/report}). */
public final class RestoreReportView {
    private RestoreReportView() {
    }

    public static Map<String, Object> of(RestoreReport report) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("StartedAt", report.startedAt().toString());
        view.put("DurationMillis", report.duration().toMillis());
        view.put("Phases", report.phases().stream().map(RestoreReportView::phase).toList());
        view.put("Plugins", report.plugins().stream().map(RestoreReportView::plugin).toList());
        view.put("Containers", report.containers().stream().map(RestoreReportView::entry).toList());
        view.put("Orphans", report.orphans());
        return view;
    }

    private static Map<String, Object> phase(RestorePhase phase) {
        return Map.of("Name", phase.name(), "Millis", phase.duration().toMillis());
    }

    static Map<String, Object> plugin(PluginCheck check) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("Kind", check.kind());
        view.put("Name", check.name());
        view.put("Ok", check.ok());
        view.put("Detail", check.detail());
        view.put("Settings", check.settings());
        return view;
    }

    public static Map<String, Object> entry(RestoreEntry entry) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("Id", entry.containerId());
        view.put("Name", entry.name());
        view.put("Outcome", outcome(entry));
        view.put("Detail", entry.detail());
        return view;
    }

    private static String outcome(RestoreEntry entry) {
        return EnumWords.word(entry.outcome());
    }
}
