package io.holdfast.cli.commands;

import io.holdfast.cli.output.PrettyJson;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code holdfast system reload [--dry-run] [--json]}: what SIGHUP does, with its report: daemon.json applied or
 * pending, and each bundle installed, updated or refreshed with its reason. Exits 1 when the reload was refused
 * or put back.
 */
@Command(name = "reload", description = "Reload the engine in place: daemon.json, and the bundles changed in "
        + "deploy/. Containers are untouched.")
public final class ReloadCommand extends EngineCommand {

    @Option(names = "--dry-run", description = "Only show what would be applied, updated or refreshed, and why.")
    boolean dryRun;

    @Option(names = "--json", description = "Print the report as the API returns it.")
    boolean json;

    @Override
    @SuppressWarnings("unchecked")
    public Integer call() throws IOException {
        Map<String, Object> report = engine().reload(dryRun);
        PrintStream out = out();
        boolean ok = Boolean.TRUE.equals(report.get("Ok"));
        if (json) {
            out.println(PrettyJson.format(report));
            return ok ? 0 : 1;
        }
        out.println((dryRun ? "Reload plan" : "Reload") + (ok ? "" : " FAILED: " + report.get("Error")) + " ("
                + report.get("DurationMillis") + " ms)");
        int lines = 0;
        for (String key : List.of("ConfigApplied", "ConfigPending")) {
            for (Map<String, Object> change : (List<Map<String, Object>>) report.getOrDefault(key, List.of())) {
                out.println("  config " + (key.equals("ConfigPending") ? "pending until restart "
                        : dryRun ? "would apply " : ok ? "applied " : "not applied ") + change.get("Key") + ": " + change.get("Old")
                        + " -> " + change.get("New"));
                lines++;
            }
        }
        for (Object unclaimed : (List<Object>) report.getOrDefault("ConfigUnclaimed", List.of())) {
            out.println("  config unclaimed " + unclaimed);
            lines++;
        }
        for (Map<String, Object> bundle : (List<Map<String, Object>>) report.get("Bundles")) {
            Object from = bundle.get("From");
            out.println("  " + bundle.get("Action") + " " + bundle.get("SymbolicName") + " "
                    + (from == null || from.equals(bundle.get("To")) ? bundle.get("To") : from + " -> "
                    + bundle.get("To")) + ": " + bundle.get("Reason"));
            lines++;
        }
        for (Object refused : (List<Object>) report.get("Refused")) {
            out.println("  refused " + refused);
            lines++;
        }
        if (lines == 0) {
            out.println("  nothing changed");
        }
        return ok ? 0 : 1;
    }
}
