package io.holdfast.supervisor.views;

import io.holdfast.spi.restore.PluginCheck;
import io.holdfast.spi.restore.RestoreEntry;
import io.holdfast.spi.restore.RestorePhase;
import io.holdfast.spi.restore.RestoreReport;
import java.util.LinkedHashMap;
import java.util.List;
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

    /** One container's line: short id, name, outcome, detail. */
    public static String line(RestoreEntry entry) {
        return String.format("  %-12s  %-20s  %-18s  %s", entry.containerId().substring(0, 12), entry.name(),
                outcome(entry), entry.detail());
    }

    static String outcome(RestoreEntry entry) {
        return entry.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** The report as lines for a terminal (the Gogo command; the CLI formats the JSON the same way). */
    public static List<String> lines(RestoreReport report) {
        List<String> lines = new java.util.ArrayList<>();
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
}
