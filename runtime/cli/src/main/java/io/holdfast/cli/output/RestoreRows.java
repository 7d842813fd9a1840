package io.holdfast.cli.output;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/** The container table that the restore report and the restore plan share. */
public final class RestoreRows {
    private static final String ROW = "%-12s   %-20s   %-17s   %s";

    private RestoreRows() {
    }

    /** A header and one row per {@code Containers} entry of a report or plan. */
    public static void print(PrintStream out, List<Map<String, Object>> entries) {
        out.println(String.format(ROW, "CONTAINER ID", "NAME", "OUTCOME", "DETAIL"));
        for (Map<String, Object> entry : entries) {
            out.println(row(entry));
        }
    }

    public static String row(Map<String, Object> entry) {
        String id = String.valueOf(entry.get("Id"));
        return String.format(ROW, id.substring(0, Math.min(12, id.length())), entry.get("Name"),
                entry.get("Outcome"), entry.get("Detail"));
    }
}
