package io.holdfast.reload;

import java.nio.file.Path;

/**
 * A bundle jar found in {@code deploy/}, read whole, so what is applied is exactly what was checked even if the file
 * changes meanwhile.
 *
 * @param file         where it was found
 * @param symbolicName its {@code Bundle-SymbolicName}
 * @param version      its {@code Bundle-Version}
 * @param digest       SHA-256 of its bytes, which tells a changed jar from the running revision
 * @param bytes        its content
 */
record DeployedJar(Path file, String symbolicName, String version, String digest, byte[] bytes) {
}
