package io.holdfast.supervisor.resources;

import io.holdfast.spi.container.ContainerTop;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code ps} output as moby's {@code parsePSOutput} does: the first line gives the titles, a {@code PID} column
 * is required, rows of other processes are dropped, thread rows ({@code PID} "-", with {@code ps m}) follow their
 * process, and the fields past the last title (the command's arguments) are joined into it.
 */
public final class PsTable {
    private PsTable() {
    }

    public static ContainerTop parse(String output, Set<Long> pids) {
        String[] lines = output.split("\n");
        List<String> titles = fields(lines[0]);
        int pidIndex = titles.indexOf("PID");
        if (pidIndex < 0) {
            throw new IllegalArgumentException("Couldn't find PID field in ps output");
        }
        List<List<String>> processes = new ArrayList<>();
        boolean lastKept = false;
        for (int i = 1; i < lines.length; i++) {
            List<String> fields = fields(lines[i]);
            if (fields.size() <= pidIndex) {
                continue;
            }
            String pid = fields.get(pidIndex);
            if (pid.equals("-")) {
                if (lastKept) {
                    processes.add(row(fields, titles.size()));
                }
                continue;
            }
            long number;
            try {
                number = Long.parseLong(pid);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Unexpected pid '" + pid + "' in ps output");
            }
            lastKept = pids.contains(number);
            if (lastKept) {
                processes.add(row(fields, titles.size()));
            }
        }
        return new ContainerTop(titles, processes);
    }

    /** Moby refuses {@code ps} options that would rename the PID column ({@code -o x=PID}). */
    public static List<String> arguments(String psArgs) {
        String args = psArgs == null || psArgs.isBlank() ? "-ef" : psArgs;
        var renamed = java.util.regex.Pattern.compile("\\s+([^\\s]*)=\\s*(PID[^\\s]*)").matcher(" " + args);
        while (renamed.find()) {
            if (!renamed.group(1).equals("pid")) {
                throw new IllegalArgumentException("specifying \"" + renamed.group(1) + "=" + renamed.group(2)
                        + "\" is not allowed");
            }
        }
        return fields(args);
    }

    private static List<String> row(List<String> fields, int titles) {
        if (fields.size() <= titles) {
            return fields;
        }
        List<String> row = new ArrayList<>(fields.subList(0, titles - 1));
        row.add(String.join(" ", fields.subList(titles - 1, fields.size())));
        return row;
    }

    private static List<String> fields(String line) {
        String stripped = line.strip();
        return stripped.isEmpty() ? List.of() : Arrays.asList(stripped.split("[ \t]+"));
    }
}
