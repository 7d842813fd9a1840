package io.holdfast.network.host;

import io.holdfast.spi.network.NetworkAttachment;
import io.holdfast.spi.network.NetworkBridge;
import java.util.Map;
import org.osgi.service.component.annotations.Component;

/**
 * Docker's {@code --network host}: the container joins the host's network namespace (that of pid 1) instead of
 * getting one of its own. Nothing is created, so there is nothing to release or restore.
 */
@Component(property = NetworkBridge.NAME + "=host")
public class HostNetwork implements NetworkBridge {
    static final String HOST_NAMESPACE = "/proc/1/ns/net";

    @Override
    public String name() {
        return "host";
    }

    @Override
    public NetworkAttachment attach(String containerId) {
        return new NetworkAttachment("host", HOST_NAMESPACE, Map.of());
    }

    @Override
    public void detach(String containerId) {
        // nothing was taken
    }

    @Override
    public void restore(Map<String, NetworkAttachment> attachments) {
        // nothing is held
    }
}
