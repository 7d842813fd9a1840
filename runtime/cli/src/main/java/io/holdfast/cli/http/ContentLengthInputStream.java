package io.holdfast.cli.http;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/** A body of known length: ends after exactly that many bytes, and complains if the peer stops short. */
final class ContentLengthInputStream extends InputStream {

    private final InputStream in;
    private long remaining;

    ContentLengthInputStream(InputStream in, long length) {
        this.in = in;
        this.remaining = length;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (remaining == 0) {
            return -1;
        }
        if (length == 0) {
            return 0;
        }
        int n = in.read(buffer, offset, (int) Math.min(length, remaining));
        if (n < 0) {
            throw new EOFException("connection closed " + remaining + " bytes before the end of the body");
        }
        remaining -= n;
        return n;
    }

    @Override
    public int available() throws IOException {
        return (int) Math.min(remaining, in.available());
    }
}
