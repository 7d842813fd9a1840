package io.holdfast.registry;

import java.nio.file.Path;

/**
 * Where pulled blobs go: the content store, or a test's directory. A blob is downloaded into {@link #partial}, which
 * survives an engine {@code kill -9} so the next pull resumes it, and counts as present only once {@link #commit}
 * has moved it in after its digest was verified.
 */
public interface BlobSink {

    /** Whether a verified blob with this digest is already present (then it is not fetched). */
    boolean has(String digest);

    /** The file a download of {@code digest} is written to; the same path after a restart; its directory exists. */
    Path partial(String digest);

    /** Moves the verified file {@code verified} (the {@link #partial} path) in as blob {@code digest}, atomically. */
    void commit(String digest, Path verified);
}
