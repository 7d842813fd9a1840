package io.holdfast.spi.container;

import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The container lifecycle, registered by the supervisor; the API, the Gogo commands and the restore bundle use it.
 *
 * <p>Wherever a method takes a {@code ref}, it accepts what Docker accepts: a full id, a unique id prefix, or a name.
 * Every method is thread-safe; operations on one container are serialised. Methods throw {@link EngineException}
 * with a sentence for the user.
 *
 * <pre>{@code
 * ContainerRecord c = containers.create(spec);
 * containers.start(c.id());
 * int code = containers.awaitExit(c.id()).join();
 * }</pre>
 */
@ProviderType
public interface Containers {

    /** All containers, newest first. Never blocks on a running operation. */
    List<ContainerRecord> list();

    /** The container {@code ref} names; throws {@code NOT_FOUND} or, for an ambiguous prefix, {@code INVALID}. */
    ContainerRecord get(String ref);

    /** Creates the root filesystem, network and OCI bundle and records the container as created. */
    ContainerRecord create(ContainerSpec spec);

    /** Starts a created or exited container under a new monitor; blocks until the runtime has started it. */
    ContainerRecord start(String ref);

    /** SIGTERM, then SIGKILL after {@code timeout}; blocks until it has exited. Stopping a stopped one is a no-op. */
    ContainerRecord stop(String ref, Duration timeout);

    /**
     * Sends {@code signal} to the container's init process: a name with or without {@code SIG} ({@code TERM},
     * {@code SIGUSR1}, {@code RTMIN+3}) or a number; an unknown one is {@code INVALID}. For {@code KILL} it blocks
     * until the exit is recorded, as Docker does. A paused container is thawed after a {@code KILL} or {@code TERM}
     * so that the signal takes effect.
     */
    void kill(String ref, String signal);

    /** Stops the container as {@link #stop} does (if it runs), then starts it. Blocks until it runs again. */
    ContainerRecord restart(String ref, Duration timeout);

    /**
     * Gives the container a new name, saved atomically; {@code CONFLICT} if another container has it, {@code INVALID}
     * if it is not a valid name or the current one.
     */
    ContainerRecord rename(String ref, String newName);

    /** Freezes a running container's processes; {@code CONFLICT} if it is not running or already paused. */
    ContainerRecord pause(String ref);

    /** Thaws a paused container; {@code CONFLICT} if it is not paused. */
    ContainerRecord unpause(String ref);

    /**
     * The container's processes as {@code ps psArgs} prints them ({@code -ef} when null or empty); {@code CONFLICT}
     * if it is not running. Blocks while the runtime and {@code ps} run.
     */
    ContainerTop top(String ref, String psArgs);

    /** One sample of a running container's resource use; {@code CONFLICT} if it is not running. Never blocks long. */
    ContainerStats stats(String ref);

    /**
     * Docker's {@code update}: the container's cgroup limits become {@code limits} (complete, not a difference) and,
     * unless {@code null}, its restart policy {@code restartPolicy}. Recorded atomically and applied at once by the
     * runtime when it runs, so they hold for this run and every later start, engine restarts included. Throws
     * {@code INVALID} for limits this host cannot give and {@code FAILED} when the runtime refuses them.
     */
    ContainerRecord update(String ref, ResourceLimits limits, RestartPolicy restartPolicy);

    /**
     * The bytes the container wrote to its own layer (Docker's {@code SizeRw}): its storage directory without the
     * image below it. Blocks while it walks those files.
     */
    long sizeRw(String ref);

    /**
     * Removes every container that is not running (created, exited, dead) and that {@code which} accepts.
     * Blocks while they are removed.
     */
    PruneReport prune(java.util.function.Predicate<ContainerRecord> which);

    /**
     * What is at {@code path} in the container's root file system: parent directories' links are followed inside the
     * container, a link at the end is not (unless the path ends with {@code /} or {@code /.}). {@code NOT_FOUND} if
     * nothing is there. Reads the file system only.
     */
    PathStat statPath(String ref, String path);

    /**
     * Writes a tar of what is at {@code path} to {@code out}, its entries named after the path's last element (or
     * {@code .} for a path ending in {@code /.}), as Docker's archive GET. Blocks while it writes.
     */
    void archive(String ref, String path, java.io.OutputStream out);

    /**
     * Extracts the tar {@code in} into the directory at {@code path} (links followed inside the container), never
     * writing outside it; {@code keepTypes} refuses to replace a directory with a non-directory or the reverse;
     * {@code keepOwners} keeps the tar's owners, otherwise root owns what is extracted (Docker's {@code copyUIDGID}).
     * {@code NOT_FOUND} if the directory is missing, {@code INVALID} if it is not a directory or the archive is unsafe.
     */
    void extractArchive(String ref, String path, java.io.InputStream in, boolean keepTypes, boolean keepOwners);

    /** Writes a tar of the container's whole root file system to {@code out} (Docker's export). */
    void export(String ref, java.io.OutputStream out);

    /** Removes a container that is not running; with {@code force} it is killed first. */
    void remove(String ref, boolean force);

    /**
     * {@link #remove}, and with {@code removeVolumes} ({@code docker rm -v}) also the container's anonymous volumes
     * that no other container uses. An engine without volumes refuses {@code removeVolumes}.
     */
    default void remove(String ref, boolean force, boolean removeVolumes) {
        if (removeVolumes) {
            throw new EngineException(EngineException.Kind.INVALID, "this engine has no volumes to remove");
        }
        remove(ref, force);
    }

    /**
     * Completes with the exit code once the container is not running (at once if it is not running now). Never
     * blocks. Is cancelled when this service stops (a supervisor swap): the caller asks the next one. A caller that
     * no longer needs it may cancel it.
     */
    CompletableFuture<Integer> awaitExit(String ref);

    /**
     * The running container's stdin, for one client to write to; closing the stream detaches that client, which
     * closes the stdin when the container was created with {@link StdinOptions#once()}. Throws {@code INVALID} when
     * the container was not created with an open stdin and {@code CONFLICT} when it is not running. Blocks until the
     * monitor accepted the client (milliseconds).
     */
    OutputStream openStdin(String ref);

    /**
     * Completes with the exit code the next time the container exits, even if it has not been started yet; cancelled
     * when this service stops, as {@link #awaitExit}.
     */
    CompletableFuture<Integer> awaitNextExit(String ref);

    /**
     * Sets up {@code spec} to run in the running container {@code ref} and records it; it runs only once started.
     * Throws {@code CONFLICT} ("Container ID is not running") when the container is not running, {@code INVALID}
     * for a request Holdfast cannot honour (naming the field). Never blocks on a process.
     */
    ExecRecord createExec(String ref, ExecSpec spec);

    /**
     * Starts the exec under a monitor of its own, so it outlives the engine; blocks until the process runs or the
     * runtime refused it (then the exec records exit code 126 or 127 as Docker does, and this throws). Throws
     * {@code CONFLICT} if it has already run or is running, or its container is not running.
     */
    ExecRecord startExec(String execId);

    /** The exec as it is now (an exit the monitor recorded is applied first); {@code NOT_FOUND} once its container is gone. */
    ExecRecord exec(String execId);

    /** Completes with the exec's exit code once it has ended (at once if it has); fails if it was never started. */
    CompletableFuture<Integer> awaitExec(String execId);

    /**
     * Sets the terminal size of a running container created with {@code tty}; does nothing for one without.
     * Throws {@code CONFLICT} when it is not running, {@code INVALID} for a size below 1. Never blocks.
     */
    void resize(String ref, int height, int width);

    /**
     * How the container's file system differs from its image's, sorted by path: what a process added, changed or
     * deleted, without the mount points the runtime made. Blocks on a walk of both trees (milliseconds for a small
     * image, longer for a large one); works for running and stopped containers alike.
     */
    java.util.List<FileChange> changes(String ref);

    /** {@link #resize} for a running exec; does nothing for an exec without a terminal. */
    void resizeExec(String execId, int height, int width);

    /**
     * The running exec's stdin, as {@link #openStdin} for containers; throws {@code INVALID} for an exec created
     * without {@code AttachStdin} and {@code CONFLICT} when it is not running.
     */
    OutputStream openExecStdin(String execId);

    /**
     * Docker's {@code network connect}: the container (created, running or stopped) joins {@code network} as a
     * further network, with {@code aliases} and {@code ipv4Address} (empty: any free address); a running one gets
     * the interface at once. Recorded atomically once the network's bridge has built it; the hosts files of the
     * containers concerned are rewritten. Throws {@code NOT_FOUND} for an unknown network, {@code FORBIDDEN} if the
     * container is on the network already (Docker's 403), {@code CONFLICT} if the address is taken, {@code INVALID} for a network that cannot be
     * connected to (host, none) or an address outside its subnet. Blocks on the bridge.
     */
    default ContainerRecord connect(String ref, String network, List<String> aliases, String ipv4Address) {
        throw new EngineException(EngineException.Kind.INVALID, "this engine cannot connect containers to networks");
    }

    /**
     * Docker's {@code network disconnect}: the container leaves {@code network}, one it was connected to; its
     * interface and address are released. Throws {@code CONFLICT} if it is not connected to it, {@code INVALID} for
     * its first network (the one it was created on, which only removing it leaves). {@code force} is accepted as
     * Docker's and changes nothing. Blocks on the bridge.
     */
    default ContainerRecord disconnect(String ref, String network, boolean force) {
        throw new EngineException(EngineException.Kind.INVALID, "this engine cannot disconnect containers");
    }

    /**
     * The ports the container publishes now, each on the host port actually taken ({@code -P} picks one at each
     * start); empty when it does not run or publishes nothing. Reads a small file; never waits for an operation.
     */
    default List<PortBinding> publishedPorts(String ref) {
        return List.of();
    }
}
