package io.holdfast.registry;

/**
 * What a pull fetched, once every layer is in the sink: the platform's manifest and its config, both verified.
 *
 * @param reference the reference pulled
 * @param digest    the digest the reference resolved to (the index's when it named an index), as Docker prints it
 * @param manifest  the image manifest for the platform
 * @param config    the image config JSON, verified against the manifest's config digest
 */
public record PulledImage(RegistryReference reference, String digest, ManifestDocument manifest, byte[] config) {
}
