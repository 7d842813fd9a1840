package io.holdfast.images;

import io.holdfast.common.io.AtomicFile;
import io.holdfast.common.io.Directories;
import io.holdfast.images.content.BlobStore;
import io.holdfast.images.content.ImageAssembler;
import io.holdfast.images.content.ImageDocuments;
import io.holdfast.images.content.LayerStore;
import io.holdfast.spi.config.DaemonConfig;
import io.holdfast.spi.container.EngineException.Kind;
import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.image.ImageConfig;
import io.holdfast.spi.image.ImageContent;
import io.holdfast.spi.image.ImageRecord;
import io.holdfast.spi.image.Images;
import io.holdfast.spi.image.StoredImage;
import io.holdfast.spi.registry.ProgressLine;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The image store: imported root filesystems under {@code <data-root>/images}, and their tags.
 *
 * <p>The index (every {@code image.json} plus {@code repositories.json}) is read once at activation and kept in
 * memory; every change writes the files first. Mutations and lookups are serialised on this object, but the slow
 * part of an import, reading and extracting the tarball, runs outside the lock into its own work directory, and only
 * the final rename and tagging take it.
 */
@Component(service = {Images.class, ImageContent.class})
public class ImageStore implements Images, ImageContent {
    private static final Logger LOG = Logger.getLogger(ImageStore.class.getName());

    private final Map<String, ImageMetadata> images = new HashMap<>();
    private ImageLayout layout;
    private TarballImporter importer;
    private RepositoryIndex repositories;
    private ImageLookup lookup;
    private BlobStore blobs;
    private LayerStore layers;

    /** Dynamic: a reload replaces the configuration service without restarting this component. */
    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile DaemonConfig config;

    /** For Declarative Services, which then calls {@link #activate()}. */
    public ImageStore() {
    }

    /** A store over {@code dataRoot}, opened at once; for tests, which run without OSGi. */
    ImageStore(Path dataRoot) throws IOException {
        open(dataRoot);
    }

    @Activate
    void activate() throws IOException {
        open(Path.of(config.dataRoot()));
    }

    /** Loads the index, sweeping work directories a crash left and tags whose image is gone. */
    private synchronized void open(Path dataRoot) throws IOException {
        layout = new ImageLayout(dataRoot);
        importer = new TarballImporter(layout);
        io.holdfast.common.io.Directories.createPrivate(layout.root());
        for (Path leftover : layout.leftovers()) {
            LOG.info(() -> "removing " + leftover + ", left by an interrupted import or removal");
            Directories.deleteTree(leftover);
        }
        blobs = new BlobStore(layout.root().resolve("blobs"));
        blobs.sweep();
        layers = new LayerStore(layout.root().resolve("layers"));
        layers.sweep();
        images.clear();
        for (String hex : layout.imageHexes()) {
            Path file = layout.metadata(hex);
            try {
                ImageMetadata metadata = JsonFiles.read(file, ImageMetadata.class);
                if (!ImageIds.of(hex).equals(metadata.id())) {
                    throw new IOException("it names the image " + metadata.id());
                }
                images.put(metadata.id(), metadata);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "ignoring image directory " + layout.imageDir(hex) + ": cannot read " + file, e);
            }
        }
        repositories = RepositoryIndex.load(layout.repositories());
        List<String> dropped = repositories.retainImages(images.keySet());
        if (!dropped.isEmpty()) {
            LOG.warning(() -> "dropped tags of images that no longer exist: " + dropped);
        }
        lookup = new ImageLookup(images.keySet(), repositories);
        LOG.info(() -> "image store at " + layout.root() + " holds " + images.size() + " image(s)");
    }

    @Override
    public ImageRecord importTarball(InputStream tar, String reference) {
        return importTarball(tar, reference, ImageConfig.NONE);
    }

    @Override
    public ImageRecord importTarball(InputStream tar, String reference, ImageConfig config) {
        ImageReference tag = ImageReference.parse(reference);
        if (tar == null) {
            throw new EngineException(Kind.INVALID, "no tarball to import");
        }
        return commit(importer.extract(tar), tag, config == null ? ImageConfig.NONE : config);
    }

    /** Renames a finished extraction into place (or drops it when the image exists already) and tags it. */
    private synchronized ImageRecord commit(TarballImporter.Extracted extracted, ImageReference tag,
                                            ImageConfig config) {
        String id = ImageIds.withConfig(extracted.id(), config);
        try {
            if (!images.containsKey(id)) {
                ImageMetadata metadata = new ImageMetadata(id, Instant.now(), extracted.size(), config);
                JsonFiles.write(extracted.tempDir().resolve("image.json"), metadata);
                if (Files.exists(layout.imageDir(id), LinkOption.NOFOLLOW_LINKS)) {
                    LOG.warning(() -> "replacing the unreadable image directory " + layout.imageDir(id));
                    Directories.deleteTree(layout.imageDir(id));
                }
                Files.move(extracted.tempDir(), layout.imageDir(id), StandardCopyOption.ATOMIC_MOVE);
                AtomicFile.syncDirectory(layout.root());
                images.put(id, metadata);
            }
            repositories.tag(tag, id);
            return record(id);
        } catch (IOException e) {
            throw new EngineException(Kind.FAILED, "cannot store image " + id + " as " + tag + ": " + e.getMessage(),
                    e);
        } finally {
            if (Files.exists(extracted.tempDir())) {
                TarballImporter.discard(extracted.tempDir());
            }
        }
    }

    @Override
    public synchronized ImageRecord tag(String source, String target) {
        ImageReference reference = ImageReference.parse(target);
        String id = lookup.find(source).id();
        try {
            repositories.tag(reference, id);
        } catch (IOException e) {
            throw new EngineException(Kind.FAILED, "cannot tag " + ImageIds.shortId(id) + " as " + reference + ": "
                    + e.getMessage(), e);
        }
        return record(id);
    }

    @Override
    public synchronized List<ImageRecord> list() {
        return images.values().stream()
                .sorted(Comparator.comparing(ImageMetadata::created).reversed().thenComparing(ImageMetadata::id))
                .map(metadata -> record(metadata.id()))
                .toList();
    }

    @Override
    public synchronized ImageRecord resolve(String reference) {
        return record(lookup.find(reference).id());
    }

    @Override
    public synchronized List<String> remove(String reference, Predicate<String> inUse, boolean force) {
        ImageLookup.Target target = lookup.find(reference);
        if (!force || inUse == null || !inUse.test(target.id())) {
            return remove(reference, inUse);
        }
        List<String> untag = target.tag() != null ? List.of(target.tag().toString()) : repositories.tagsOf(target.id());
        try {
            repositories.untag(untag);
        } catch (IOException e) {
            throw new EngineException(Kind.FAILED, "cannot untag image " + target.id() + ": " + e.getMessage(), e);
        }
        return untag.stream().map(t -> "Untagged: " + t).toList();
    }

    @Override
    public synchronized List<String> remove(String reference, Predicate<String> inUse) {
        ImageLookup.Target target = lookup.find(reference);
        String id = target.id();
        Predicate<String> used = inUse == null ? any -> false : inUse;
        List<String> untag;
        boolean delete;
        if (target.tag() != null) {
            untag = List.of(target.tag().toString());
            delete = repositories.tagsOf(id).size() == 1;
            if (delete && used.test(id)) {
                throw new EngineException(Kind.CONFLICT, "conflict: unable to remove repository reference \""
                        + target.tag() + "\" (must force) - container is using its referenced image "
                        + ImageIds.shortId(id));
            }
        } else {
            untag = repositories.tagsOf(id);
            delete = true;
            if (used.test(id)) {
                throw new EngineException(Kind.CONFLICT, "conflict: unable to delete " + ImageIds.shortId(id)
                        + " (must be forced) - image is being used by a container");
            }
        }
        List<String> lines = new ArrayList<>();
        try {
            if (!untag.isEmpty()) {
                repositories.untag(untag);
                untag.forEach(t -> lines.add("Untagged: " + t));
            }
            if (delete) {
                deleteImage(id);
                lines.add("Deleted: " + id);
            }
        } catch (IOException e) {
            throw new EngineException(Kind.FAILED, "cannot remove image " + id + ": " + e.getMessage(), e);
        }
        return lines;
    }

    /**
     * Renames the image directory to a work directory first, so the image vanishes atomically even when deleting
     * its files takes long or fails half-way; a leftover is swept at the next activation.
     */
    private void deleteImage(String id) throws IOException {
        ImageMetadata gone = images.get(id);
        Path aside = layout.root().resolve(ImageLayout.TEMP_PREFIX + "rm-" + ImageIds.hex(id));
        Directories.deleteTree(aside);
        Files.move(layout.imageDir(id), aside, StandardCopyOption.ATOMIC_MOVE);
        images.remove(id);
        AtomicFile.syncDirectory(layout.root());
        TarballImporter.discard(aside);
        collect(gone);
    }

    private ImageRecord record(String id) {
        ImageMetadata metadata = images.get(id);
        if (metadata.layered()) {
            List<String> dirs = metadata.layers().stream().map(chain -> layers.diff(chain).toString()).toList();
            String top = dirs.isEmpty() ? layout.imageDir(id).toString() : dirs.get(dirs.size() - 1);
            return new ImageRecord(id, repositories.tagsOf(id), metadata.created(), metadata.size(), top,
                    metadata.config(), dirs);
        }
        return new ImageRecord(id, repositories.tagsOf(id), metadata.created(), metadata.size(),
                layout.rootfs(id).toString(), metadata.config());
    }

    // ---- the content store (ImageContent) ----

    @Override
    public boolean hasBlob(String digest) {
        return blobs.has(digest);
    }

    @Override
    public String putBlob(InputStream in, String expectedDigest) {
        if (in == null) {
            throw new EngineException(Kind.INVALID, "no blob content");
        }
        return blobs.put(in, expectedDigest);
    }

    @Override
    public InputStream openBlob(String digest) {
        return blobs.open(digest);
    }

    @Override
    public long blobSize(String digest) {
        return blobs.size(digest);
    }

    @Override
    public ImageRecord registerImage(byte[] manifest, List<String> tags, String repoDigest) {
        List<ImageReference> references = (tags == null ? List.<String>of() : tags).stream()
                .map(ImageReference::parse).toList();
        ImageAssembler.Assembled assembled = new ImageAssembler(blobs, layers).assemble(manifest);
        return commitLayered(assembled, references, repoDigest);
    }

    private synchronized ImageRecord commitLayered(ImageAssembler.Assembled a, List<ImageReference> tags,
                                                   String repoDigest) {
        String id = a.id();
        try {
            ImageMetadata existing = images.get(id);
            List<String> digests = new ArrayList<>(existing == null ? List.of() : existing.repoDigests());
            if (repoDigest != null && !repoDigest.isEmpty() && !digests.contains(repoDigest)) {
                digests.add(repoDigest);
            }
            if (existing == null || !existing.layered() || !existing.repoDigests().equals(digests)) {
                ImageMetadata metadata = new ImageMetadata(id, a.created(), a.size(), a.defaults(),
                        a.manifestDigest(), a.chainIds(), digests);
                Directories.createPrivate(layout.imageDir(id));
                JsonFiles.write(layout.metadata(id), metadata);
                AtomicFile.syncDirectory(layout.root());
                images.put(id, metadata);
            }
            for (ImageReference tag : tags) {
                repositories.tag(tag, id);
            }
            return record(id);
        } catch (IOException e) {
            throw new EngineException(Kind.FAILED, "cannot store image " + id + ": " + e.getMessage(), e);
        }
    }

    @Override
    public StoredImage image(String reference) {
        ImageMetadata metadata;
        synchronized (this) {
            metadata = images.get(lookup.find(reference).id());
        }
        if (!metadata.layered()) {
            throw new EngineException(Kind.INVALID, "image " + ImageIds.shortId(metadata.id()) + " was imported "
                    + "flat from a tarball (docker import) and has no layers to save or push");
        }
        byte[] manifest = blobs.read(metadata.manifestDigest());
        ImageDocuments.Manifest parsed = ImageDocuments.manifest(manifest);
        byte[] config = blobs.read(parsed.config().digest());
        List<String> diffIds = ImageDocuments.config(config).diffIds();
        List<StoredImage.LayerBlob> layerBlobs = new ArrayList<>();
        for (int i = 0; i < parsed.layers().size(); i++) {
            ImageDocuments.Descriptor d = parsed.layers().get(i);
            layerBlobs.add(new StoredImage.LayerBlob(d.digest(), d.mediaType(), blobs.size(d.digest()),
                    diffIds.get(i)));
        }
        return new StoredImage(metadata.id(), manifest, metadata.manifestDigest(), parsed.mediaType(), config,
                parsed.config().digest(), layerBlobs);
    }

    @Override
    public List<String> load(InputStream archive) {
        return load(archive, line -> { });
    }

    @Override
    public List<String> load(InputStream archive, java.util.function.Consumer<ProgressLine> progress) {
        if (archive == null) {
            throw new EngineException(Kind.INVALID, "no image archive to load");
        }
        Path work;
        try {
            work = layout.newTempDir();
        } catch (IOException e) {
            throw new EngineException(Kind.FAILED, "cannot create a work directory in " + layout.root() + ": "
                    + e.getMessage(), e);
        }
        try {
            return new io.holdfast.images.archive.ArchiveLoader(this, progress).load(archive, work);
        } finally {
            TarballImporter.discard(work);
        }
    }

    @Override
    public void save(List<String> references, java.io.OutputStream out) {
        if (references == null || references.isEmpty()) {
            throw new EngineException(Kind.INVALID, "no image to save: name at least one");
        }
        List<io.holdfast.images.archive.ArchiveWriter.Entry> entries = new ArrayList<>();
        for (String reference : references) {
            ImageLookup.Target target;
            synchronized (this) {
                target = lookup.find(reference);
            }
            List<String> tags = target.tag() != null ? List.of(target.tag().toString()) : resolve(target.id()).repoTags();
            entries.add(new io.holdfast.images.archive.ArchiveWriter.Entry(image(target.id()), tags));
        }
        try {
            new io.holdfast.images.archive.ArchiveWriter(this).write(entries, out);
        } catch (IOException e) {
            throw new EngineException(Kind.FAILED, "cannot write the image archive: " + e.getMessage(), e);
        }
    }

    /** The metadata of the image a reference names, for the archive and inspect code in this bundle. */
    synchronized ImageMetadata metadata(String reference) {
        return images.get(lookup.find(reference).id());
    }

    /**
     * After an image is deleted: removes its layers and blobs that no remaining image uses. Only its own content is
     * considered, so blobs another client is putting for an image not registered yet are never touched.
     */
    private void collect(ImageMetadata gone) {
        if (gone == null || !gone.layered()) {
            return;
        }
        Set<String> usedLayers = new HashSet<>();
        Set<String> usedBlobs = new HashSet<>();
        for (ImageMetadata other : images.values()) {
            if (other.layered()) {
                usedLayers.addAll(other.layers());
                usedBlobs.add(other.manifestDigest());
                usedBlobs.addAll(blobsOf(other));
            }
        }
        try {
            for (String chain : gone.layers()) {
                if (!usedLayers.contains(chain)) {
                    layers.delete(chain);
                }
            }
            List<String> own = new ArrayList<>(blobsOf(gone));
            own.add(gone.manifestDigest());
            for (String blob : own) {
                if (!usedBlobs.contains(blob)) {
                    blobs.delete(blob);
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "cannot remove the content of image " + gone.id() + ": " + e.getMessage(), e);
        }
    }

    private List<String> blobsOf(ImageMetadata metadata) {
        try {
            ImageDocuments.Manifest m = ImageDocuments.manifest(blobs.read(metadata.manifestDigest()));
            List<String> all = new ArrayList<>();
            all.add(m.config().digest());
            m.layers().forEach(l -> all.add(l.digest()));
            return all;
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    /** Bytes of a stored blob, for this bundle. */
    byte[] blob(String digest) {
        return blobs.read(digest);
    }

    static ByteArrayInputStream stream(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }
}
