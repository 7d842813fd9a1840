package io.holdfast.reload;

import java.util.List;

/**
 * A bundle in a refresh's dependency closure with the package and bundle wires it requires, as plain data for
 * {@link RefreshPlanner}.
 *
 * @param id           the framework's bundle id
 * @param symbolicName its {@code Bundle-SymbolicName}
 * @param version      its running version
 * @param wires        what it imports or requires, and from which bundle; empty when it is not resolved
 */
record WiredBundle(long id, String symbolicName, String version, List<Wire> wires) {

    /**
     * One required wire.
     *
     * @param providerId   the bundle that provides it
     * @param providerName that bundle's symbolic name
     * @param namespace    e.g. {@code osgi.wiring.package}
     * @param value        the capability's attribute of the namespace's name, e.g. the package name
     */
    record Wire(long providerId, String providerName, String namespace, String value) {
    }
}
