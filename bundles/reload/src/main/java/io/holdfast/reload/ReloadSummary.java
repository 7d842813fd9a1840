package io.holdfast.reload;

import io.holdfast.spi.reload.BundleChange;
import io.holdfast.spi.reload.ReloadReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A reload report as lines (Gogo, SIGHUP's log line) and as the attributes of its {@code reload} event. */
final class ReloadSummary {
    private ReloadSummary() {
    }

    static List<String> lines(ReloadReport report) {
        List<String> lines = new ArrayList<>();
        lines.add((report.dryRun() ? "Reload plan" : "Reload") + (report.ok() ? "" : " FAILED: " + report.error())
                + " (" + report.duration().toMillis() + " ms)");
        if (report.config() != null) {
            String done = report.dryRun() ? "would apply " : report.ok() ? "applied " : "not applied ";
            report.config().reloadable().forEach(c -> lines.add("  config " + done + c));
            report.config().needsRestart().forEach(c -> lines.add("  config pending until restart " + c));
            report.config().unclaimed().forEach(u -> lines.add("  config unclaimed " + u));
        }
        for (BundleChange change : report.bundles()) {
            lines.add("  " + change.action() + " " + change.symbolicName() + " " + version(change) + ": "
                    + change.reason());
        }
        report.refused().forEach(r -> lines.add("  refused " + r));
        if (lines.size() == 1) {
            lines.add("  nothing changed");
        }
        return lines;
    }

    private static String version(BundleChange change) {
        return change.fromVersion() == null ? change.toVersion()
                : change.fromVersion().equals(change.toVersion()) ? change.toVersion()
                : change.fromVersion() + " -> " + change.toVersion();
    }

    static Map<String, String> attributes(ReloadReport report) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("ok", Boolean.toString(report.ok()));
        if (report.error() != null) {
            attributes.put("error", report.error());
        }
        attributes.put("bundles", String.join(", ", report.bundles().stream()
                .map(c -> c.action() + " " + c.symbolicName() + " " + version(c)).toList()));
        if (report.config() != null) {
            attributes.put("config", String.join(", ", report.config().reloadable().stream().map(Object::toString)
                    .toList()));
            attributes.put("pending", String.join(", ", report.config().needsRestart().stream()
                    .map(Object::toString).toList()));
        }
        attributes.put("durationMillis", Long.toString(report.duration().toMillis()));
        return attributes;
    }
}
