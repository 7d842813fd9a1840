package io.holdfast.registry;

import java.util.stream.Collectors;

/** Picks the manifest for a platform from a manifest list or an OCI index, the way Docker does. */
public final class ManifestSelector {
    private ManifestSelector() {
    }

    /**
     * The first entry for {@code platform}; an entry naming no variant fits a platform that names one. Throws
     * {@link RegistryException} listing the platforms the index offers when none fits.
     */
    public static Descriptor select(ManifestDocument index, Platform platform, String reference) {
        for (Descriptor entry : index.entries()) {
            if (platform.accepts(entry.os(), entry.architecture(), entry.variant())) {
                return entry;
            }
        }
        String offered = index.entries().stream().map(Descriptor::platform).collect(Collectors.joining(", "));
        throw new RegistryException("no matching manifest for " + platform + " in the manifest list entries of "
                + reference + " (it has: " + (offered.isEmpty() ? "none" : offered) + ")");
    }
}
