package io.holdfast.reload;

import io.holdfast.reload.BundleSwap.ReloadFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.osgi.framework.Bundle;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * Whether the components of freshly started bundles came up: a bundle can start while its component's activate
 * method throws, which Declarative Services only logs. A reload counts that as a failed start.
 */
final class ComponentHealth {
    private static final long SETTLE_MILLIS = 3000;

    private final Supplier<ServiceComponentRuntime> runtime;

    ComponentHealth(Supplier<ServiceComponentRuntime> runtime) {
        this.runtime = runtime;
    }

    /** Waits briefly for activations to finish; throws naming each component whose activation failed. */
    void check(List<Bundle> bundles) throws ReloadFailure {
        ServiceComponentRuntime scr = runtime.get();
        if (scr == null) {
            return; // no Declarative Services: nothing could have failed to activate
        }
        long deadline = System.currentTimeMillis() + SETTLE_MILLIS;
        while (System.currentTimeMillis() < deadline && stillActivating(scr, bundles)) {
            pause();
        }
        List<String> failed = failures(scr, bundles);
        if (!failed.isEmpty()) {
            throw new ReloadFailure(String.join("; ", failed), null);
        }
    }

    private static List<String> failures(ServiceComponentRuntime scr, List<Bundle> bundles) {
        List<String> failed = new ArrayList<>();
        for (Bundle bundle : bundles) {
            for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs(bundle)) {
                for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                    if (configuration.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                        failed.add(bundle.getSymbolicName() + " " + bundle.getVersion() + ": component "
                                + description.name + " failed to activate: " + configuration.failure);
                    }
                }
            }
        }
        return failed;
    }

    /** An immediate component still satisfied but not yet active is mid-activation. */
    private static boolean stillActivating(ServiceComponentRuntime scr, List<Bundle> bundles) {
        for (Bundle bundle : bundles) {
            for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs(bundle)) {
                for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                    if (description.immediate && configuration.state == ComponentConfigurationDTO.SATISFIED) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
