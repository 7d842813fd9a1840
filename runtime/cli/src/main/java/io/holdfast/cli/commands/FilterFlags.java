package io.holdfast.cli.commands;

import io.holdfast.cli.engine.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** {@code --filter name=value} flags as Docker's filters map, {@code {"label":["a=b"]}}. */
final class FilterFlags {
    private FilterFlags() {
    }

    /** The JSON map, or null for no filters; a flag without {@code =} is a usage error naming it. */
    static String json(List<String> filters, CommandSpec spec) throws IOException {
        if (filters == null || filters.isEmpty()) {
            return null;
        }
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (String filter : filters) {
            int equals = filter.indexOf('=');
            if (equals < 1) {
                throw new ParameterException(spec.commandLine(), "bad format of filter (expected name=value): "
                        + filter);
            }
            map.computeIfAbsent(filter.substring(0, equals), k -> new ArrayList<>()).add(filter.substring(equals + 1));
        }
        return new String(Json.bytes(map), StandardCharsets.UTF_8);
    }

    /** {@code KEY=VALUE} options ({@code --opt}, {@code --label}) as a map; a bare key maps to "". */
    static Map<String, String> pairs(List<String> entries) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        if (entries != null) {
            for (String entry : entries) {
                int equals = entry.indexOf('=');
                map.put(equals < 0 ? entry : entry.substring(0, equals), equals < 0 ? "" : entry.substring(equals + 1));
            }
        }
        return map;
    }
}
