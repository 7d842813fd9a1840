package io.holdfast.supervisor.resources;

import io.holdfast.spi.container.ContainerStats.InterfaceCounters;
import java.util.LinkedHashMap;
import java.util.Map;

/** A network namespace's counters from {@code /proc/<pid>/net/dev}, loopback left out as Docker leaves it out. */
final class NetDev {
    private NetDev() {
    }

    static Map<String, InterfaceCounters> parse(String text) {
        Map<String, InterfaceCounters> interfaces = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue; // the two header lines
            }
            String name = line.substring(0, colon).strip();
            String[] f = line.substring(colon + 1).strip().split("\\s+");
            if (name.equals("lo") || f.length < 12) {
                continue;
            }
            interfaces.put(name, new InterfaceCounters(n(f[0]), n(f[1]), n(f[2]), n(f[3]), n(f[8]), n(f[9]),
                    n(f[10]), n(f[11])));
        }
        return interfaces;
    }

    private static long n(String field) {
        return Long.parseLong(field);
    }
}
