package io.holdfast.routes;

/**
 * The engine's version (the supervisor bundle's, see {@code ApiHandler}) and its id, stable for one data root.
 *
 * @param version  e.g. {@code 0.1.0}
 * @param commit   the source revision, or {@code unknown}
 * @param engineId a random id kept in the data root, like Docker's {@code ID}
 */
record EngineVersion(String version, String commit, String engineId) {
}
