package io.holdfast.restore;

import io.holdfast.spi.monitor.ContainerMonitor;
import io.holdfast.spi.restore.RestoreTarget;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Runs a restore whenever this bundle starts with a supervisor and a shim present: at engine start, and again after
 * this bundle is swapped, when it finds everything already adopted and changes nothing.
 */
@Component(immediate = true)
public class RestoreOnStart {
    @Reference
    private RestoreTarget target;
    @Reference
    private ContainerMonitor monitor;

    @Activate
    void activate() {
        target.restoreCompleted(new RestoreRun(target, monitor).run());
    }
}
