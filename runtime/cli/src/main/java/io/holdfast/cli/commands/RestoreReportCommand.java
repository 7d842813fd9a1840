package io.holdfast.cli.commands;

import io.holdfast.cli.output.PrettyJson;
import io.holdfast.cli.output.RestoreRows;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code holdfast system restore-report [--json]}: what the last restore did with each container, what each plugin
 * said, and where the time went.
 */
@Command(name = "restore-report", description = "Show what the engine's last restore found and did.")
public final class RestoreReportCommand extends EngineCommand {

    @Option(names = "--json", description = "Print the report as the API returns it.")
    boolean json;

    @Override
    @SuppressWarnings("unchecked")
    public Integer call() throws IOException {
        Map<String, Object> report = engine().restoreReport();
        PrintStream out = out();
        if (json) {
            out.println(PrettyJson.format(report));
            return 0;
        }
        StringBuilder phases = new StringBuilder();
        for (Map<String, Object> phase : (List<Map<String, Object>>) report.get("Phases")) {
            phases.append(phases.length() == 0 ? "" : ", ").append(phase.get("Name")).append(' ')
                    .append(phase.get("Millis")).append(" ms");
        }
        out.println("Restore at " + report.get("StartedAt") + " took " + report.get("DurationMillis") + " ms ("
                + phases + ")");
        out.println("PLUGIN");
        for (Map<String, Object> plugin : (List<Map<String, Object>>) report.get("Plugins")) {
            out.println(plugin.get("Kind") + " " + plugin.get("Name") + ": "
                    + (Boolean.TRUE.equals(plugin.get("Ok")) ? "ok, " : "FAILED: ") + plugin.get("Detail"));
        }
        RestoreRows.print(out, (List<Map<String, Object>>) report.get("Containers"));
        List<String> orphans = (List<String>) report.get("Orphans");
        out.println("Orphans: " + (orphans.isEmpty() ? "none" : String.join(", ", orphans)));
        return 0;
    }
}
