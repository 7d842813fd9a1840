package io.holdfast.reload;

import io.holdfast.spi.reload.BundleChange;
import java.util.List;

/**
 * What a reload does to bundles: the jars to apply, and every bundle touched with its reason.
 *
 * @param updates  each jar with the bundle it updates ({@code null}: a new bundle to install), or a bundle with no
 *                 jar: to uninstall
 * @param changes  every bundle installed, updated or refreshed, and why, for the report and the dry run
 * @param refused  jars that are never applied by a reload, each with why
 * @param blocked  why the plan as a whole must not be applied (it would restart a resident bundle), or null
 */
record BundlePlan(List<Step> updates, List<BundleChange> changes, List<String> refused, String blocked) {

    /** One jar to apply: {@code bundle} is the one it replaces, or null when it is new; no jar: uninstall it. */
    record Step(InstalledBundle bundle, DeployedJar jar) {
        boolean uninstall() {
            return jar == null;
        }
    }

    boolean isEmpty() {
        return updates.isEmpty();
    }
}
