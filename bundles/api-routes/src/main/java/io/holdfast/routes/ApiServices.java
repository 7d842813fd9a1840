package io.holdfast.routes;

import io.holdfast.spi.config.DaemonConfig;
import io.holdfast.spi.container.Containers;
import io.holdfast.spi.events.EngineEvents;
import io.holdfast.spi.image.Images;
import io.holdfast.spi.logs.ContainerLogs;
import io.holdfast.spi.restore.RestoreControl;
import io.holdfast.spi.restore.RestoreReport;
import java.util.concurrent.CompletableFuture;

/**
 * The SPI services the routes answer with, looked up on each request: a reload may replace any of them meanwhile.
 * {@link ApiHandler} gives the bound services; unit tests give fakes.
 */
interface ApiServices {
    DaemonConfig config();

    Containers containers();

    /**
     * The supervisor serving now if it is not {@code previous} (may be null), else the next to arrive: long requests
     * move to it when {@code previous} stops. Fails when none comes in time.
     */
    CompletableFuture<Containers> containersAfter(Containers previous);

    /** The threads of long responses (event streams, removal checks, log follows); outlive a supervisor swap. */
    StreamThreads streams();

    Images images();

    /** The content store (load, save, layered images); the images bundle registers it next to {@link #images}. */
    default io.holdfast.spi.image.ImageContent imageContent() {
        throw new io.holdfast.spi.container.EngineException(io.holdfast.spi.container.EngineException.Kind.FAILED,
                "no image content store is bound");
    }

    /** The registry client (pull, push); the registry bundle registers it. */
    default io.holdfast.spi.registry.ImageDistribution distribution() {
        throw new io.holdfast.spi.container.EngineException(io.holdfast.spi.container.EngineException.Kind.FAILED,
                "no registry client is running (the registry bundle is not active)");
    }

    /** The engine's volumes; served by the supervisor that serves {@link #containers()}. */
    default io.holdfast.spi.volume.Volumes volumes() {
        throw new io.holdfast.spi.container.EngineException(io.holdfast.spi.container.EngineException.Kind.FAILED,
                "this engine has no volumes");
    }

    ContainerLogs logs();

    /** Null while no event journal runs (the logging bundle is down). */
    EngineEvents events();

    /** The last restore's report; the API is offered only once there is one. */
    RestoreReport restoreReport();

    /** Waits while the restore bundle is swapped; fails with a clear error when it stays away. */
    RestoreControl restoreControl();

    /** User-defined networks; null while the bridge plugin that keeps them is away. */
    default io.holdfast.spi.network.UserNetworks networks() {
        return null;
    }
}
