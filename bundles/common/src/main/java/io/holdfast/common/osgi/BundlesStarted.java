package io.holdfast.common.osgi;

/**
 * The launcher's word that every bundle of the engine has been started: a service registered under
 * {@code java.lang.Object} with {@value #PROPERTY}{@code =true}, once, after the last start returned. The bundles are
 * started on all cores at once, so no bundle may count on another having started before it; what needs all of
 * them (the first restore, which must find every plugin, and with it the configuration's check that every key of
 * daemon.json has an owner) waits for this service instead. A bundle swapped by a reload finds it still there.
 */
public final class BundlesStarted {
    /** Service property marking the launcher's marker. */
    public static final String PROPERTY = "holdfast.bundles.started";
    /** A filter that matches the marker. */
    public static final String FILTER = "(" + PROPERTY + "=true)";

    private BundlesStarted() {
    }
}
