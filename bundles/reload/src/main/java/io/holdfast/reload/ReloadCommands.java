package io.holdfast.reload;

import io.holdfast.spi.reload.Reloader;
import java.util.List;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Gogo's {@code holdfast:reload}: the same reload as SIGHUP and {@code holdfast system reload}. */
@Component(service = ReloadCommands.class, property = {"osgi.command.scope=holdfast",
        "osgi.command.function=reload"})
public class ReloadCommands {
    @Reference
    private Reloader reloader;

    @Descriptor("read daemon.json again and apply the bundles changed in deploy/; containers are untouched")
    public List<String> reload(
            @Descriptor("only say what would be updated or refreshed, and why") @Parameter(names = "--dry-run",
                    presentValue = "true", absentValue = "false") boolean dryRun) {
        return ReloadSummary.lines(reloader.reload(dryRun));
    }
}
