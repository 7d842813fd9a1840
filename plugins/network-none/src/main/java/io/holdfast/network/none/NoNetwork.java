package io.holdfast.network.none;

import io.holdfast.spi.network.NetworkAttachment;
import io.holdfast.spi.network.NetworkBridge;
import java.util.Map;
import org.osgi.service.component.annotations.Component;

/**
 * Docker's {@code --network none}: the runtime creates a fresh network namespace with only loopback (runc brings
 * {@code lo} up in a new namespace). Nothing is held outside the container, so restore has nothing to keep or free.
 */
@Component(property = NetworkBridge.NAME + "=none")
public class NoNetwork implements NetworkBridge {

    @Override
    public String name() {
        return "none";
    }

    @Override
    public NetworkAttachment attach(String containerId) {
        return new NetworkAttachment("none", null, Map.of());
    }

    @Override
    public void detach(String containerId) {
        // nothing was taken
    }

    @Override
    public void restore(Map<String, NetworkAttachment> attachments) {
        // nothing is held outside the containers' own namespaces
    }
}
