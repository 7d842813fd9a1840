package io.holdfast.registry;

import java.io.InputStream;

/** Where pushed blobs come from: the content store's verified blobs. */
public interface BlobSource {

    /** The blob's bytes; the caller closes the stream. Throws naming the blob when it is absent. */
    InputStream open(String digest);

    /** The blob's size in bytes. */
    long size(String digest);
}
