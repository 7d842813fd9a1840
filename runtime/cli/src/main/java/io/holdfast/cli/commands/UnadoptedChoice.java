package io.holdfast.cli.commands;

import io.holdfast.cli.engine.EngineClient;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The containers an adopt or stop acts on: those named, or with {@code --all} every one the plan lists. */
final class UnadoptedChoice {
    @Option(names = "--all", required = true, description = "Every container the restore plan lists as needing "
            + "attention (and, for stop, every orphan).")
    boolean all;

    @Parameters(arity = "1..*", paramLabel = "CONTAINER", description = "Container ids, id prefixes or names; "
            + "orphan ids.")
    List<String> named;

    @SuppressWarnings("unchecked")
    List<String> refs(EngineClient engine, boolean orphansToo) throws IOException {
        if (!all) {
            return named;
        }
        Map<String, Object> plan = engine.restorePlan();
        List<String> ids = new ArrayList<>();
        for (Map<String, Object> entry : (List<Map<String, Object>>) plan.get("Containers")) {
            if ("needs-attention".equals(entry.get("Outcome"))) {
                ids.add(String.valueOf(entry.get("Id")));
            }
        }
        if (orphansToo) {
            for (Map<String, Object> orphan : (List<Map<String, Object>>) plan.get("Orphans")) {
                ids.add(String.valueOf(orphan.get("Id")));
            }
        }
        return ids;
    }
}
