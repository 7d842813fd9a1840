package io.holdfast.reload;

import io.holdfast.spi.reload.BundleChange;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides, without side effects, what an update refreshes and whether that may happen: every bundle of the dependency
 * closure besides the updated ones is refreshed "wired to" the refreshed bundle it imports from (Karaf's reasons);
 * a refresh that would restart a resident bundle or the shim refuses the whole plan. Refreshing follows package wires
 * only, so a bundle that merely uses another's services is not restarted with it.
 *
 * <pre>{@code List<BundleChange> refreshes = RefreshPlanner.refreshes(updatedIds, closure);
 * String blocked = RefreshPlanner.blocked(refreshes); // null: the plan may be applied}</pre>
 */
final class RefreshPlanner {
    private RefreshPlanner() {
    }

    /**
     * @param updated the ids of the bundles the plan updates or uninstalls
     * @param closure their dependency closure (the updated ones included), in the framework's order
     */
    static List<BundleChange> refreshes(Collection<Long> updated, List<WiredBundle> closure) {
        Set<Long> refreshing = new HashSet<>(updated);
        closure.forEach(bundle -> refreshing.add(bundle.id()));
        List<BundleChange> changes = new ArrayList<>();
        for (WiredBundle bundle : closure) {
            if (!updated.contains(bundle.id())) {
                changes.add(new BundleChange(bundle.symbolicName(), "refresh", bundle.version(), bundle.version(),
                        "wired to " + provider(bundle, refreshing)));
            }
        }
        return changes;
    }

    /**
     * Why the plan must not be applied, or null. A refresh must never restart the shim (it holds the containers) as a
     * side effect: only a shim jar of its own updates it. The resident bundles cannot be in a refresh at all: they
     * change only with a restart.
     */
    static String blocked(List<BundleChange> refreshes) {
        List<BundleChange> resident = refreshes.stream().filter(r -> r.symbolicName().equals(ResidentBundles.SHIM)
                || ResidentBundles.isResident(r.symbolicName())).toList();
        if (resident.isEmpty()) {
            return null;
        }
        boolean onlyShim = resident.stream().allMatch(r -> r.symbolicName().equals(ResidentBundles.SHIM));
        return "this reload would restart " + String.join(", ", resident.stream()
                .map(r -> r.symbolicName() + " (" + r.reason() + ")").toList()) + ", which a reload never does as a "
                + "side effect; " + (onlyShim ? "deploy a shim jar as well to update both, or " : "")
                + "restart the engine to apply it";
    }

    /** Which refreshed bundle {@code bundle} imports from, for the reason. */
    private static String provider(WiredBundle bundle, Set<Long> refreshing) {
        for (WiredBundle.Wire wire : bundle.wires()) {
            if (refreshing.contains(wire.providerId()) && wire.providerId() != bundle.id()) {
                return wire.providerName() + " (" + wire.namespace().replace("osgi.wiring.", "") + " "
                        + wire.value() + ")";
            }
        }
        return "a bundle being refreshed";
    }
}
