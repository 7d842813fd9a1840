package io.holdfast.cli.http;

import java.io.InputStream;

/** What a request carries after its headers. */
public sealed interface RequestBody {

    String contentType();

    /** A body already in memory, sent with Content-Length. */
    record Bytes(String contentType, byte[] bytes) implements RequestBody {}

    /**
     * A body copied from a stream as it is read, so an image tarball never has to fit in memory.
     * A known length is sent as Content-Length; a negative one (stdin) uses chunked transfer coding.
     */
    record Streamed(String contentType, InputStream source, long length) implements RequestBody {}

    static RequestBody json(byte[] json) {
        return new Bytes("application/json", json);
    }
}
