package io.holdfast.images.archive;

import io.holdfast.spi.registry.ProgressLine;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/**
 * Counts the bytes of one layer as they are read into the store and reports them as Docker's
 * {@code Loading layer} progress: every 512 KiB, and once more at the end, so a small layer still shows a full bar.
 */
final class LayerProgress extends FilterInputStream {
    static final String STATUS = "Loading layer";
    private static final long EVERY = 512 * 1024;

    private final String id;
    private final long total;
    private final Consumer<ProgressLine> progress;
    private long read;
    private long reported;

    /** @param id the layer's short diff id (12 hex digits), as Docker shows it */
    LayerProgress(InputStream in, String id, long total, Consumer<ProgressLine> progress) {
        super(in);
        this.id = id;
        this.total = total;
        this.progress = progress;
        progress.accept(new ProgressLine(id, STATUS, 0, total));
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        count(b < 0 ? -1 : 1);
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        count(n);
        return n;
    }

    private void count(int n) {
        if (n < 0) {
            if (reported != read) {
                reported = read;
                progress.accept(new ProgressLine(id, STATUS, read, total));
            }
            return;
        }
        read += n;
        if (read - reported >= EVERY) {
            reported = read;
            progress.accept(new ProgressLine(id, STATUS, read, total));
        }
    }
}
