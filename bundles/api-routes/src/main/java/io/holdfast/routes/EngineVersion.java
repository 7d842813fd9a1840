package io.holdfast.routes;

/**
 * The engine's version (the supervisor bundle's, see {@code ApiHandler}) and its id, stable for one data root, for
 * {@code /info} ({@code /version} is the sockets' own, bundles/api SystemAnswers).
 *
 * @param version  e.g. {@code 0.1.0}
 * @param engineId a random id kept in the data root, like Docker's {@code ID}
 */
record EngineVersion(String version, String engineId) {
}
