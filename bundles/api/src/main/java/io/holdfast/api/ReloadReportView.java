package io.holdfast.api;

import io.holdfast.spi.config.SettingChange;
import io.holdfast.spi.reload.BundleChange;
import io.holdfast.spi.reload.ReloadReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A reload's report as JSON ({@code POST /system/reload}). */
final class ReloadReportView {
    private ReloadReportView() {
    }

    static Map<String, Object> of(ReloadReport report) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("StartedAt", report.startedAt().toString());
        view.put("DurationMillis", report.duration().toMillis());
        view.put("DryRun", report.dryRun());
        view.put("Ok", report.ok());
        view.put("Error", report.error());
        if (report.config() != null) {
            view.put("ConfigApplied", settings(report.config().reloadable()));
            view.put("ConfigPending", settings(report.config().needsRestart()));
            view.put("ConfigUnclaimed", report.config().unclaimed());
        }
        view.put("Bundles", report.bundles().stream().map(ReloadReportView::bundle).toList());
        view.put("Refused", report.refused());
        return view;
    }

    private static List<Map<String, Object>> settings(List<SettingChange> changes) {
        return changes.stream().map(c -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("Key", c.key());
            view.put("Old", c.oldValue());
            view.put("New", c.newValue());
            return view;
        }).toList();
    }

    private static Map<String, Object> bundle(BundleChange change) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("SymbolicName", change.symbolicName());
        view.put("Action", change.action());
        view.put("From", change.fromVersion());
        view.put("To", change.toVersion());
        view.put("Reason", change.reason());
        return view;
    }
}
