package io.holdfast.cli.output;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Indents JSON the way {@code docker inspect} prints it (Go's json.Indent with four spaces:
 * {@code "Key": value}, empty containers as {} and []), which jackson-jr's printer does not.
 */
public final class PrettyJson {

    private static final String INDENT = "    ";

    private PrettyJson() {}

    public static String format(Object value) throws IOException {
        StringBuilder out = new StringBuilder();
        write(value, 0, out);
        return out.toString();
    }

    private static void write(Object value, int depth, StringBuilder out) throws IOException {
        if (value instanceof Map<?, ?> map) {
            writeObject(map, depth, out);
        } else if (value instanceof List<?> list) {
            writeArray(list, depth, out);
        } else {
            out.append(JSON.std.asString(value)); // strings, numbers, booleans, null
        }
    }

    private static void writeObject(Map<?, ?> map, int depth, StringBuilder out) throws IOException {
        if (map.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append('{');
        Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<?, ?> entry = entries.next();
            newline(depth + 1, out);
            out.append(JSON.std.asString(String.valueOf(entry.getKey()))).append(": ");
            write(entry.getValue(), depth + 1, out);
            if (entries.hasNext()) {
                out.append(',');
            }
        }
        newline(depth, out);
        out.append('}');
    }

    private static void writeArray(List<?> list, int depth, StringBuilder out) throws IOException {
        if (list.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append('[');
        for (int i = 0; i < list.size(); i++) {
            newline(depth + 1, out);
            write(list.get(i), depth + 1, out);
            if (i < list.size() - 1) {
                out.append(',');
            }
        }
        newline(depth, out);
        out.append(']');
    }

    private static void newline(int depth, StringBuilder out) {
        out.append('\n').append(INDENT.repeat(depth));
    }
}
