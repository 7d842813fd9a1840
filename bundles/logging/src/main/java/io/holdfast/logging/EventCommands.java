package io.holdfast.logging;

import io.holdfast.common.text.DockerTime;
import io.holdfast.common.text.EventText;
import io.holdfast.spi.events.EngineEvent;
import io.holdfast.spi.events.EngineEvents;
import java.time.Instant;
import java.util.List;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * {@code holdfast:events}: the retained events, one line each as {@code docker events} prints them.
 *
 * <pre>{@code g! holdfast:events --since 10m}</pre>
 */
@Component(service = EventCommands.class, property = {"osgi.command.scope=holdfast", "osgi.command.function=events"})
public class EventCommands {
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile EngineEvents journal;

    @Descriptor("the retained engine events (the last 1024), oldest first")
    public List<String> events(
            @Descriptor("only events at or after this time: Unix seconds, RFC 3339, or a duration back such as 10m")
            @Parameter(names = "--since", absentValue = "") String since) {
        EngineEvents events = journal;
        if (events == null) {
            return List.of("no event journal is running (the logging bundle is down)");
        }
        Instant from = since.isEmpty() ? null : DockerTime.parse(since, Instant.now());
        return events.retained(from).stream().map(EventCommands::line).toList();
    }

    private static String line(EngineEvent e) {
        return EventText.line(e.time(), e.type(), e.action(), e.actorId(), e.attributes());
    }
}
