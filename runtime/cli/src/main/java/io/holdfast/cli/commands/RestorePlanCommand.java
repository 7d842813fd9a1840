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
 * {@code holdfast system restore-plan [--json]}: what a restore would do now with each container, and why it would
 * leave some for the operator; changes nothing.
 */
@Command(name = "restore-plan", description = "Show what a restore would do now, and which containers need a "
        + "decision (adopt or stop) and why. Changes nothing.")
public final class RestorePlanCommand extends EngineCommand {

    @Option(names = "--json", description = "Print the plan as the API returns it.")
    boolean json;

    @Override
    @SuppressWarnings("unchecked")
    public Integer call() throws IOException {
        Map<String, Object> plan = engine().restorePlan();
        PrintStream out = out();
        if (json) {
            out.println(PrettyJson.format(plan));
            return 0;
        }
        out.println("PLUGIN");
        for (Map<String, Object> plugin : (List<Map<String, Object>>) plan.get("Plugins")) {
            Map<String, Object> settings = (Map<String, Object>) plugin.get("Settings");
            out.println(plugin.get("Kind") + " " + plugin.get("Name") + (settings.isEmpty() ? "" : ": " + settings));
        }
        List<Map<String, Object>> containers = (List<Map<String, Object>>) plan.get("Containers");
        RestoreRows.print(out, containers);
        List<Map<String, Object>> orphans = (List<Map<String, Object>>) plan.get("Orphans");
        for (Map<String, Object> orphan : orphans) {
            out.println("Orphan " + orphan.get("Id") + ": monitor pid " + orphan.get("MonitorPid") + ", pid "
                    + orphan.get("Pid") + (Boolean.TRUE.equals(orphan.get("Running")) ? ", running" : ", exited")
                    + "; no record knows it");
        }
        if (orphans.isEmpty()) {
            out.println("Orphans: none");
        }
        boolean decide = !orphans.isEmpty()
                || containers.stream().anyMatch(c -> "needs-attention".equals(c.get("Outcome")));
        if (decide) {
            out.println("Decide with: holdfast system adopt CONTAINER|--all, or holdfast system stop CONTAINER|--all");
        }
        return 0;
    }
}
