package io.holdfast.network.host;

import io.holdfast.spi.network.NetworkAttachment;
import io.holdfast.spi.network.NetworkBridge;
import java.util.Map;
import org.osgi.service.component.annotations.Component;

/**
 * Docker's {@code --network host}: the container gets no network namespace of its own and uses the host's. Nothing
 * is created, so there is nothing to release or restore.
 */
@Component(property = NetworkBridge.NAME + "=host")
public class HostNetwork implements NetworkBridge {
    @Override
    public String name() {
        return "host";
    }

    @Override
    public NetworkAttachment attach(String containerId) {
        return NetworkAttachment.host("host");
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
