package io.holdfast.routes;

import io.holdfast.spi.container.ContainerRecord;
import io.holdfast.spi.container.ContainerStatus;
import io.holdfast.spi.container.Containers;
import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.container.ExecRecord;
import java.io.OutputStream;
import java.util.function.Supplier;

/** The process an attached client's stdin goes to: a container's, or an exec's. */
interface StdinTarget {
    long START_POLL_MILLIS = 50;

    /** Waits until the process runs; false once it is gone or ended without having been seen running. */
    boolean awaitRunning() throws InterruptedException;

    /** The process's stdin, for this client; closing it detaches the client. */
    OutputStream open();

    /**
     * Whether the client's end of input also ends the attach: Docker ends it unless the stdin is closed with the
     * client (a {@code StdinOnce} container without a terminal, whose output then goes on until it exits).
     */
    boolean endOfInputEndsAttach();

    static StdinTarget container(Supplier<Containers> containers, String containerId) {
        return new StdinTarget() {
            @Override
            public boolean awaitRunning() throws InterruptedException {
                while (true) {
                    ContainerRecord record;
                    try {
                        record = containers.get().get(containerId);
                    } catch (EngineException gone) {
                        return false;
                    }
                    ContainerStatus status = record.state().status();
                    if (status == ContainerStatus.RUNNING) {
                        return true;
                    }
                    if (status == ContainerStatus.EXITED || status == ContainerStatus.DEAD) {
                        return false;
                    }
                    Thread.sleep(START_POLL_MILLIS); // created (the client starts it next) or restarting
                }
            }

            @Override
            public OutputStream open() {
                return containers.get().openStdin(containerId);
            }

            @Override
            public boolean endOfInputEndsAttach() {
                try {
                    ContainerRecord record = containers.get().get(containerId);
                    return !record.spec().stdin().once() || record.spec().process().tty();
                } catch (EngineException gone) {
                    return false;
                }
            }
        };
    }

    /** An exec's stdin: Docker closes it when the client's input ends, and the output goes on until the exec ends. */
    static StdinTarget exec(Supplier<Containers> containers, String execId) {
        return new StdinTarget() {
            @Override
            public boolean awaitRunning() throws InterruptedException {
                while (true) {
                    ExecRecord exec;
                    try {
                        exec = containers.get().exec(execId);
                    } catch (EngineException gone) {
                        return false;
                    }
                    if (exec.running()) {
                        return true;
                    }
                    if (exec.exitCode() != null) {
                        return false;
                    }
                    Thread.sleep(START_POLL_MILLIS); // the stream starts it once the client has its 101
                }
            }

            @Override
            public OutputStream open() {
                return containers.get().openExecStdin(execId);
            }

            @Override
            public boolean endOfInputEndsAttach() {
                return false;
            }
        };
    }
}
