package io.holdfast.supervisor.ports;

import io.holdfast.spi.container.ContainerRecord;
import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.container.EngineException.Kind;
import io.holdfast.spi.container.PortBinding;
import io.holdfast.supervisor.ports.HostPorts.PortUnavailableException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The published ports of every container: a forwarder process per port ({@link SocatLauncher}), started before
 * the container, ended when it stops, recorded per container ({@link ForwarderFiles}). Forwarders outlive the
 * engine; a restore ({@link #reconcile}) keeps every live one as it is (same pid), starts again one that ended
 * while the engine was down, and ends those of containers that no longer run or no longer exist.
 *
 * <p>Callers hold the container's lock; {@link #reconcile} takes it through {@code locked}.
 */
public final class PortForwarders implements PortPublishing {
    private static final Logger LOG = Logger.getLogger(PortForwarders.class.getName());
    private final ForwarderFiles files;

    /** @param dir {@code <data-root>/ports} */
    public PortForwarders(Path dir) {
        this.files = new ForwarderFiles(dir);
    }

    @Override
    public void publish(ContainerRecord record) {
        List<PortBinding> wanted = record.spec().ports().toPublish();
        unpublish(record.id()); // a run that ended while its forwarders were being ended left some
        if (wanted.isEmpty()) {
            return;
        }
        String containerIp = PublishedPortChecks.containerIp(record);
        List<Forwarder> started = new ArrayList<>();
        try {
            for (PortBinding asked : wanted) {
                PortBinding binding = asked.hostPort() == 0 ? asked.onHostPort(HostPorts.anyFree(asked)) : asked;
                HostPorts.checkFree(binding);
                started.add(SocatLauncher.start(binding, containerIp, files.log(record.id())));
                files.write(record.id(), started); // after each: a kill right now leaves no forwarder unknown
            }
        } catch (PortUnavailableException | IOException e) {
            endAll(record.id(), started);
            throw new EngineException(Kind.FAILED, "driver failed programming external connectivity on endpoint "
                    + record.name() + " (" + record.shortId() + "): " + e.getMessage(), e);
        }
        LOG.info(() -> record.shortId() + " publishes " + started.stream().map(f -> f.binding() + " (pid "
                + f.pid() + ")").collect(Collectors.joining(", ")));
    }

    @Override
    public void unpublish(String containerId) {
        try {
            endAll(containerId, files.read(containerId));
        } catch (IOException e) {
            throw new EngineException(Kind.FAILED, "cannot read the published ports of " + containerId.substring(0,
                    Math.min(12, containerId.length())) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<PortBinding> published(String containerId) {
        try {
            return files.read(containerId).stream().map(Forwarder::binding).toList();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot read the published ports of " + containerId, e);
            return List.of();
        }
    }

    /** The recorded forwarders of a container, for the restore's report and tests. */
    public List<Forwarder> forwarders(String containerId) throws IOException {
        return files.read(containerId);
    }

    @Override
    public List<String> reconcile(ContainerLocks locks) {
        List<String> done = new ArrayList<>();
        List<String> ids;
        try {
            ids = files.containerIds();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot list published ports", e);
            return List.of("cannot list published ports: " + e.getMessage());
        }
        for (String id : ids) {
            boolean known = locks.withRecord(id, record -> reconcileOne(record, done));
            if (!known) {
                unpublishQuietly(id, "its container is gone", done); // removed while its forwarders ran on
            }
        }
        done.forEach(line -> LOG.warning(() -> "restore of published ports: " + line));
        return done;
    }

    /**
     * One container's part of a restore, under its lock: a container that does not run loses its forwarders; a
     * running one keeps each live forwarder and gets a gone one started again on the same host port.
     */
    private void reconcileOne(ContainerRecord record, List<String> done) {
        if (!record.state().running()) {
            unpublishQuietly(record.id(), "it does not run", done);
            return;
        }
        List<Forwarder> recorded;
        try {
            recorded = files.read(record.id());
        } catch (IOException e) {
            done.add(record.shortId() + ": cannot read its published ports: " + e.getMessage());
            return;
        }
        List<Forwarder> now = new ArrayList<>();
        boolean changed = false;
        for (Forwarder forwarder : recorded) {
            if (forwarder.alive()) {
                now.add(forwarder);
                continue;
            }
            changed = true;
            try {
                HostPorts.checkFree(forwarder.binding());
                Forwarder again = SocatLauncher.start(forwarder.binding(), forwarder.containerIp(),
                        files.log(record.id()));
                now.add(again);
                done.add(record.shortId() + ": the forwarder of " + forwarder.binding() + " (pid " + forwarder.pid()
                        + ") had ended while the engine was down; started again as pid " + again.pid());
            } catch (PortUnavailableException | IOException e) {
                done.add(record.shortId() + ": the forwarder of " + forwarder.binding() + " had ended while the "
                        + "engine was down and cannot be started again: " + e.getMessage());
            }
        }
        if (changed) {
            try {
                files.write(record.id(), now);
            } catch (IOException e) {
                done.add(record.shortId() + ": cannot record its forwarders: " + e.getMessage());
            }
        }
    }

    private void unpublishQuietly(String id, String why, List<String> done) {
        try {
            List<Forwarder> ended = files.read(id);
            endAll(id, ended);
            if (!ended.isEmpty()) {
                done.add(id.substring(0, Math.min(12, id.length())) + ": ended " + ended.size()
                        + " forwarder(s), since " + why);
            }
        } catch (IOException | RuntimeException e) {
            done.add(id.substring(0, Math.min(12, id.length())) + ": cannot end its forwarders: " + e.getMessage());
        }
    }

    /** Ends each forwarder, then forgets them: the file goes only once every process in it has ended. */
    private void endAll(String containerId, List<Forwarder> forwarders) {
        List<String> failures = new ArrayList<>();
        for (Forwarder forwarder : forwarders) {
            try {
                SocatLauncher.stop(forwarder);
            } catch (IOException e) {
                failures.add(e.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            throw new EngineException(Kind.FAILED, String.join("; ", failures));
        }
        try {
            files.delete(containerId);
            files.deleteLog(containerId);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot delete the forwarder record of " + containerId, e);
        }
    }
}
