package io.holdfast.registry;

import io.holdfast.common.io.FileModes;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Downloads one blob into its sink's partial file, verifying its sha256 and size before it is committed. A download
 * cut off (connection reset, registry restart, engine killed) continues from the bytes already on disk with a
 * {@code Range} request, up to {@link #ATTEMPTS} tries per pull; a registry that ignores the range gets the blob from
 * the start. A blob whose digest does not match is deleted and fails the pull.
 */
final class BlobDownloader {
    static final int ATTEMPTS = 5;
    private static final int BUFFER = 128 * 1024;
    private static final long PROGRESS_EVERY = 512 * 1024;

    private final RegistrySession session;
    private final BlobSink sink;
    private final Consumer<ProgressEvent> progress;
    private final Duration stallTimeout;

    BlobDownloader(RegistrySession session, BlobSink sink, Consumer<ProgressEvent> progress, Duration stallTimeout) {
        this.session = session;
        this.sink = sink;
        this.progress = progress;
        this.stallTimeout = stallTimeout;
    }

    /**
     * Fetches {@code blob} unless the sink has it; returns whether it was downloaded. A download of the same blob by
     * another pull is waited for ({@code Waiting}, as Docker shows it), not repeated.
     */
    boolean fetch(Descriptor blob) {
        if (sink.has(blob.digest())) {
            return false;
        }
        Path partial = sink.partial(blob.digest());
        try (PartialLocks.Held held = PartialLocks.acquire(partial,
                () -> progress.accept(ProgressEvent.line(blob.shortId(), "Waiting")))) {
            if (sink.has(blob.digest())) {
                progress.accept(ProgressEvent.line(blob.shortId(), "Download complete"));
                return false; // the pull that held the lock fetched it
            }
            download(blob, partial);
            return true;
        }
    }

    private void download(Descriptor blob, Path partial) {
        RegistryException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                downloadOnce(blob, partial);
                last = null;
                break;
            } catch (RegistryException e) {
                if (e.status() != 0) {
                    throw e; // the registry answered: a retry gets the same answer
                }
                last = e;
                progress.accept(ProgressEvent.line(blob.shortId(), "Retrying in " + attempt + " second"
                        + (attempt == 1 ? "" : "s")));
                pause(attempt * 1000L);
            }
        }
        if (last != null) {
            throw new RegistryException("blob " + blob.digest() + ": download failed " + ATTEMPTS + " times: "
                    + last.getMessage(), last);
        }
        verify(blob, partial);
        sink.commit(blob.digest(), partial);
        progress.accept(ProgressEvent.line(blob.shortId(), "Download complete"));
    }

    private void downloadOnce(Descriptor blob, Path partial) {
        long have = Files.exists(partial) ? size(partial) : 0;
        if (blob.size() > 0 && have >= blob.size()) {
            if (have == blob.size()) {
                return; // complete before the engine stopped; verify() decides
            }
            delete(partial);
            have = 0;
        }
        Map<String, String> headers = have > 0 ? Map.of("Range", "bytes=" + have + "-") : Map.of();
        HttpResponse<InputStream> response = session.send("GET", session.repositoryUri("blobs/" + blob.digest()),
                headers, null, StallGuardedBody.handler(stallTimeout));
        int status = response.statusCode();
        if (status == 200) {
            have = 0; // the registry sent the whole blob
        } else if (status != 206) {
            byte[] body = readAll(response);
            throw new RegistryException(session.domain() + "/" + session.repository() + ": blob " + blob.digest()
                    + ": " + RegistrySession.errorText(status, body), status, null);
        }
        try (InputStream in = response.body();
             FileChannel out = FileChannel.open(partial, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                     PosixFilePermissions.asFileAttribute(FileModes.PRIVATE_FILE))) {
            out.truncate(have);
            out.position(have);
            byte[] buffer = new byte[BUFFER];
            long reported = have;
            for (int n; (n = in.read(buffer)) > 0; ) {
                out.write(ByteBuffer.wrap(buffer, 0, n));
                have += n;
                if (have - reported >= PROGRESS_EVERY) {
                    progress.accept(new ProgressEvent(blob.shortId(), "Downloading", have, blob.size()));
                    reported = have;
                }
                if (blob.size() > 0 && have > blob.size()) {
                    break; // verify() refuses it
                }
            }
            out.force(true);
            progress.accept(new ProgressEvent(blob.shortId(), "Downloading", have, blob.size()));
        } catch (IOException e) {
            throw new RegistryException("blob " + blob.digest() + ": " + e.getMessage(), e);
        }
    }

    private void verify(Descriptor blob, Path partial) {
        progress.accept(ProgressEvent.line(blob.shortId(), "Verifying Checksum"));
        MessageDigest sha = Digests.newSha256();
        long size = 0;
        try (InputStream in = Files.newInputStream(partial)) {
            byte[] buffer = new byte[BUFFER];
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
                size += n;
            }
        } catch (IOException e) {
            throw new RegistryException("blob " + blob.digest() + ": reading the download: " + e.getMessage(), e);
        }
        String actual = Digests.format(sha);
        if (!actual.equals(blob.digest()) || blob.size() > 0 && size != blob.size()) {
            delete(partial);
            throw new RegistryException(session.domain() + "/" + session.repository() + ": blob " + blob.digest()
                    + " failed verification: received " + size + " bytes with digest " + actual + ", expected "
                    + blob.size() + " bytes; the download was discarded");
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new RegistryException("cannot delete " + file + ": " + e.getMessage(), e);
        }
    }

    private static byte[] readAll(HttpResponse<InputStream> response) {
        try (InputStream in = response.body()) {
            return in.readNBytes(64 * 1024);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException("interrupted while waiting to retry a download", e);
        }
    }
}
