package io.holdfast.spi.reload;

/**
 * One bundle a reload touches, and why.
 *
 * @param symbolicName the bundle, e.g. {@code io.holdfast.restore}
 * @param action       {@code install}, {@code update} or {@code refresh}
 * @param fromVersion  the running version, or {@code null} for an install
 * @param toVersion    the version it runs afterwards
 * @param reason       a sentence, e.g. {@code deploy/restore.jar is 0.2.0} or {@code wired to io.holdfast.restore}
 */
public record BundleChange(String symbolicName, String action, String fromVersion, String toVersion,
                           String reason) {
}
