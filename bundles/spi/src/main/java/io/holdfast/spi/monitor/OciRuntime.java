package io.holdfast.spi.monitor;

/**
 * An OCI runtime binary such as runc or crun, as named in daemon.json's {@code runtimes}.
 *
 * @param name the name containers refer to, e.g. {@code runc}
 * @param path the executable's absolute path
 */
public record OciRuntime(String name, String path) {
}
