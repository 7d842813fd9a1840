package io.holdfast.spi.container;

import java.util.List;

/**
 * Docker's {@code top}: the container's processes as {@code ps} printed them.
 *
 * <pre>{@code ContainerTop top = containers.top("web", "-ef"); // titles UID PID PPID C STIME TTY TIME CMD}</pre>
 *
 * @param titles    the column titles
 * @param processes one row per process, one value per title
 */
public record ContainerTop(List<String> titles, List<List<String>> processes) {
    public ContainerTop {
        titles = List.copyOf(titles);
        processes = processes.stream().map(List::copyOf).toList();
    }
}
