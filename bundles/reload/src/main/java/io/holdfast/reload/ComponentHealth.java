package io.holdfast.reload;

import io.holdfast.reload.BundleSwap.ReloadFailure;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.osgi.framework.Bundle;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * Whether the components of the bundles a reload touched came back: a bundle can start while its component's
 * activate method throws (Declarative Services only logs it), and a refreshed bundle can start while one of its
 * components no longer finds a service it needs. A component that failed to activate, or that was up before the
 * reload and is not up again within a few seconds, fails the reload.
 */
final class ComponentHealth {
    private static final long SETTLE_MILLIS = 5000;

    private final Supplier<ServiceComponentRuntime> runtime;

    ComponentHealth(Supplier<ServiceComponentRuntime> runtime) {
        this.runtime = runtime;
    }

    /** Which components of {@code bundles} are up (active or satisfied) now, to compare with after the reload. */
    Map<String, Boolean> snapshot(List<Bundle> bundles) {
        Map<String, Boolean> up = new HashMap<>();
        ServiceComponentRuntime scr = runtime.get();
        if (scr != null) {
            forEach(scr, bundles, (key, configuration) -> up.merge(key, isUp(configuration), Boolean::logicalOr));
        }
        return up;
    }

    /** Waits for the components to settle; throws naming each that failed or did not come back. */
    void check(List<Bundle> bundles, Map<String, Boolean> before) throws ReloadFailure {
        ServiceComponentRuntime scr = runtime.get();
        if (scr == null) {
            return; // no Declarative Services: nothing could have failed to activate
        }
        long deadline = System.currentTimeMillis() + SETTLE_MILLIS;
        List<String> problems = problems(scr, bundles, before);
        while (!problems.isEmpty() && System.currentTimeMillis() < deadline) {
            pause();
            problems = problems(scr, bundles, before);
        }
        if (!problems.isEmpty()) {
            throw new ReloadFailure(String.join("; ", problems), null);
        }
    }

    private static List<String> problems(ServiceComponentRuntime scr, List<Bundle> bundles,
                                         Map<String, Boolean> before) {
        List<String> problems = new ArrayList<>();
        Map<String, Boolean> upNow = new HashMap<>();
        forEach(scr, bundles, (key, configuration) -> {
            upNow.merge(key, isUp(configuration), Boolean::logicalOr);
            if (configuration.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                problems.add(key + " failed to activate: " + configuration.failure);
            }
        });
        before.forEach((key, wasUp) -> {
            if (wasUp && !upNow.getOrDefault(key, false)) {
                problems.add(key + " was up before the reload and is not now (a service it needs is missing?)");
            }
        });
        return problems;
    }

    private static boolean isUp(ComponentConfigurationDTO configuration) {
        return configuration.state == ComponentConfigurationDTO.ACTIVE
                || configuration.state == ComponentConfigurationDTO.SATISFIED;
    }

    private interface Visitor {
        void visit(String key, ComponentConfigurationDTO configuration);
    }

    private static void forEach(ServiceComponentRuntime scr, List<Bundle> bundles, Visitor visitor) {
        for (Bundle bundle : bundles) {
            if (bundle.getState() == Bundle.UNINSTALLED) {
                continue;
            }
            for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs(bundle)) {
                String key = bundle.getSymbolicName() + ": component " + description.name; // same across versions
                for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                    visitor.visit(key, configuration);
                }
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
