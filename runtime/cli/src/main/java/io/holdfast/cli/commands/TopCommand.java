package io.holdfast.cli.commands;

import io.holdfast.cli.output.Tables;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code holdfast top CONTAINER [ps OPTIONS]}: the container's processes as the engine's {@code ps} lists them. */
@Command(name = "top", description = "Display the running processes of a container.")
public final class TopCommand extends EngineCommand {

    @Parameters(index = "0", paramLabel = "CONTAINER")
    String container;

    @Parameters(index = "1..*", paramLabel = "PS_OPTIONS", description = "Options for ps (default: -ef).")
    List<String> psOptions;

    @Override
    public Integer call() throws IOException {
        Map<String, Object> top = engine().top(container,
                psOptions == null || psOptions.isEmpty() ? null : String.join(" ", psOptions));
        List<String> titles = strings(top.get("Titles"));
        List<List<String>> rows = new ArrayList<>();
        if (top.get("Processes") instanceof List<?> processes) {
            processes.forEach(p -> rows.add(strings(p)));
        }
        Tables.render(titles, rows).forEach(out()::println);
        return 0;
    }

    private static List<String> strings(Object value) {
        List<String> strings = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(item -> strings.add(String.valueOf(item)));
        }
        return strings;
    }
}
