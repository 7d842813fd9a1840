package io.holdfast.reload;

import java.nio.file.Path;

/**
 * A bundle as the reload planners see it: plain facts that {@link BundlePlanner} read from the framework, the disk and
 * {@link Revisions}, so every planning decision can be made, and tested, without a framework.
 *
 * @param id              the framework's bundle id ({@code 0}: the system bundle)
 * @param symbolicName    its {@code Bundle-SymbolicName}, or null
 * @param version         its running version
 * @param from            the jar it was installed from, or null when its location is not a plain file
 * @param updatedByReload whether a reload replaced what it was installed from
 * @param running         its running revision; read only for a bundle a deploy/ jar names or a reload updated, else
 *                        null
 */
record InstalledBundle(long id, String symbolicName, String version, InstalledFrom from, boolean updatedByReload,
                       RunningRevision running) {

    /**
     * The jar a bundle was installed from ({@code bundle/} or {@code deploy/}), as it is on disk now.
     *
     * @param file       its absolute, normalised path
     * @param exists     whether it is still there
     * @param jar        its content, read only for a bundle a reload updated (what a withdrawn jar goes back to)
     * @param unreadable why {@code jar} could not be read, or null
     */
    record InstalledFrom(Path file, boolean exists, DeployedJar jar, String unreadable) {
    }

    /**
     * What the bundle runs now.
     *
     * @param digest     SHA-256 of the running revision, or null when it cannot be read
     * @param unreadable why the running revision cannot be read back (what a failed update is put back to), or null
     */
    record RunningRevision(String digest, String unreadable) {
    }
}
