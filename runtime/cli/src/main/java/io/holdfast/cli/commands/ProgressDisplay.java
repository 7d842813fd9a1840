package io.holdfast.cli.commands;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Shows Docker's JSON progress messages as the docker CLI does: on a terminal one line per layer, redrawn in place
 * with its bar; otherwise plain lines, each layer's status printed once when it changes (no byte counts), so a log
 * or a pipe gets a readable record.
 */
final class ProgressDisplay {
    private final PrintStream out;
    private final boolean terminal;
    private final List<String> ids = new ArrayList<>();
    private final Map<String, String> lastStatus = new HashMap<>();

    ProgressDisplay(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /** Whether the CLI's output is the process's stdout and a terminal. */
    static boolean isTerminal(PrintStream out) {
        return io.holdfast.cli.Io.isTerminal(out);
    }

    void show(Map<String, Object> message) {
        String status = String.valueOf(message.getOrDefault("status", ""));
        Object idValue = message.get("id");
        String id = idValue == null ? "" : idValue.toString();
        Object progress = message.get("progress");
        String text = (id.isEmpty() ? "" : id + ": ") + status
                + (terminal && progress != null ? " " + progress : "");
        if (id.isEmpty()) {
            out.println(status);
            ids.clear(); // image-wide lines end the block of layer lines
            lastStatus.clear();
            return;
        }
        if (!terminal) {
            if (!status.equals(lastStatus.put(id, status))) {
                out.println(text);
            }
            return;
        }
        int index = ids.indexOf(id);
        if (index < 0) {
            ids.add(id);
            out.println(text);
        } else {
            int up = ids.size() - index;
            out.print("\033[" + up + "A\r\033[2K" + text + "\033[" + up + "B\r");
        }
        out.flush();
    }
}
