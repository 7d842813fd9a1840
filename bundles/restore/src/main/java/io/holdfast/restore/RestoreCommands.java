package io.holdfast.restore;

import io.holdfast.spi.restore.Orphan;
import io.holdfast.spi.restore.RestoreControl;
import io.holdfast.spi.restore.RestoreEntry;
import io.holdfast.spi.restore.RestoreOutcome;
import io.holdfast.spi.restore.RestorePlan;
import io.holdfast.spi.restore.RestoreReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Gogo commands about restore, in scope {@code restore}: {@code report} (the last restore), {@code plan} (what one
 * would do now), and the operator's decisions {@code adopt} and {@code stop} on what it left alone.
 */
@Component(service = RestoreCommands.class, property = {"osgi.command.scope=restore",
        "osgi.command.function=report", "osgi.command.function=plan", "osgi.command.function=adopt",
        "osgi.command.function=stop"})
public class RestoreCommands {
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile RestoreReport lastRestore;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile RestoreControl control;

    @Descriptor("the last restore's report: per container what was done, per plugin what was checked, timings")
    public List<String> report() {
        RestoreReport restore = lastRestore;
        return restore == null ? List.of("no restore has run yet") : RestoreText.report(restore);
    }

    @Descriptor("what a restore would do now, and why it would leave a container for the operator; changes nothing")
    public List<String> plan() {
        return RestoreText.plan(control().plan());
    }

    @Descriptor("adopt containers the restore left alone, under today's settings")
    public List<String> adopt(
            @Descriptor("every container that needs attention") @Parameter(names = "--all", presentValue = "true",
                    absentValue = "false") boolean all,
            @Descriptor("container ids, id prefixes or names") String... containers) {
        RestoreControl restore = control();
        List<String> lines = new ArrayList<>();
        for (String container : chosen(restore, all, containers, false)) {
            lines.add(RestoreText.line(restore.adopt(container)));
        }
        return lines;
    }

    @Descriptor("stop containers the restore left alone, or orphans no record knows (SIGTERM, then SIGKILL)")
    public List<String> stop(
            @Descriptor("every container that needs attention, and every orphan") @Parameter(names = "--all",
                    presentValue = "true", absentValue = "false") boolean all,
            @Descriptor("seconds to wait before SIGKILL") @Parameter(names = {"-t", "--time"}, absentValue = "10")
            int seconds,
            @Descriptor("container ids, id prefixes or names, or orphan ids") String... containers) {
        RestoreControl restore = control();
        List<String> lines = new ArrayList<>();
        for (String container : chosen(restore, all, containers, true)) {
            RestoreEntry entry = restore.stop(container, Duration.ofSeconds(seconds));
            lines.add("  " + entry.containerId() + "  " + entry.detail());
        }
        return lines;
    }

    private RestoreControl control() {
        RestoreControl restore = control;
        if (restore == null) {
            throw new IllegalStateException("the restore bundle is not running");
        }
        return restore;
    }

    /** The containers named, or with {@code --all} those needing attention (and orphans, for stop). */
    private static List<String> chosen(RestoreControl restore, boolean all, String[] named, boolean orphansToo) {
        if (all == (named.length > 0)) {
            throw new IllegalArgumentException("name containers, or give --all, not both");
        }
        if (!all) {
            return List.of(named);
        }
        RestorePlan plan = restore.plan();
        List<String> ids = new ArrayList<>(plan.containers().stream()
                .filter(e -> e.outcome() == RestoreOutcome.NEEDS_ATTENTION).map(RestoreEntry::containerId).toList());
        if (orphansToo) {
            plan.orphans().stream().map(Orphan::containerId).forEach(ids::add);
        }
        return ids;
    }
}
