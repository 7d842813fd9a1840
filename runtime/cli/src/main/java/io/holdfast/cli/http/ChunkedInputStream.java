package io.holdfast.cli.http;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;

/**
 * Decodes {@code Transfer-Encoding: chunked} incrementally: a read returns what has arrived of the
 * current chunk and never waits for more than that, so a followed log stream prints as it comes.
 */
final class ChunkedInputStream extends InputStream {

    private final InputStream in;
    private long remainingInChunk;
    private boolean chunkDataPending; // a chunk's data was consumed but not its trailing CRLF
    private boolean finished;

    ChunkedInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (remainingInChunk == 0 && !nextChunk()) {
            return -1;
        }
        int n = in.read(buffer, offset, (int) Math.min(length, remainingInChunk));
        if (n < 0) {
            throw new EOFException("connection closed in the middle of a chunk");
        }
        remainingInChunk -= n;
        return n;
    }

    @Override
    public int available() throws IOException {
        return finished ? 0 : (int) Math.min(remainingInChunk, in.available());
    }

    /** Reads up to the next chunk's data; false once the last chunk and trailers are consumed. */
    private boolean nextChunk() throws IOException {
        if (finished) {
            return false;
        }
        // The CRLF after a chunk is read only now, not right after its data, so that a reader
        // is never held up waiting for bytes the server has not needed to send yet.
        if (chunkDataPending && !ResponseReader.readLine(in).isEmpty()) {
            throw new ProtocolException("chunk data longer than its declared size");
        }
        String sizeLine = ResponseReader.readLine(in);
        int extension = sizeLine.indexOf(';');
        String hex = (extension >= 0 ? sizeLine.substring(0, extension) : sizeLine).trim();
        try {
            remainingInChunk = Long.parseLong(hex, 16);
        } catch (NumberFormatException e) {
            throw new ProtocolException("bad chunk size line: " + sizeLine);
        }
        if (remainingInChunk < 0) {
            throw new ProtocolException("bad chunk size line: " + sizeLine);
        }
        if (remainingInChunk == 0) {
            while (!ResponseReader.readLine(in).isEmpty()) {
                // trailer fields carry nothing we use
            }
            finished = true;
            return false;
        }
        chunkDataPending = true;
        return true;
    }
}
