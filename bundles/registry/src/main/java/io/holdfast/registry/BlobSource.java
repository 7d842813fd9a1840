package io.holdfast.registry;

import java.nio.file.Path;

/** Where pushed blobs come from: the content store's verified blob files. */
public interface BlobSource {

    /** The file holding blob {@code digest}; throws {@link RegistryException} naming it when it is absent. */
    Path blobFile(String digest);
}
