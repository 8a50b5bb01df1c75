package dev.fuse.release.storage;

import dev.fuse.release.contract.model.ArtifactRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Files on their way to the store, a bounded number at a time, while the caller does something
 * else (verifies them, say). Results come back in the order the files were given. Closing before
 * every result was taken cancels what is still running and waits for it, so no upload outlives
 * the activity that started it.
 */
public final class Uploads implements AutoCloseable {
    /**
     * One file to upload; {@code knownSha256} null means the store reads the file for it;
     * {@code writeOnce} as {@link ArtifactStore#putFileIfAbsent}.
     */
    public record File(String key, Path path, String knownSha256, boolean writeOnce) {}

    private static final Duration WAIT_BETWEEN_CALLS = Duration.ofSeconds(5);

    private final ExecutorService threads;
    private final List<Future<ArtifactRef>> results = new ArrayList<>();

    Uploads(ArtifactStore store, List<File> files, int parallel) {
        threads = Executors.newFixedThreadPool(Math.max(1, Math.min(parallel, files.size())), task -> {
            Thread thread = new Thread(task, "upload");
            thread.setDaemon(true);
            return thread;
        });
        for (File file : files) {
            results.add(threads.submit(() -> store.upload(file)));
        }
        threads.shutdown();
    }

    /** The i-th file's reference once it is stored; its failure, as the store reported it. */
    public ArtifactRef await(int i) throws IOException, InterruptedException {
        return await(i, () -> {});
    }

    /**
     * As {@link #await(int)}, calling {@code whileWaiting} every few seconds: an activity's
     * heartbeat, so that a long upload is not taken for a dead worker.
     */
    public ArtifactRef await(int i, Runnable whileWaiting) throws IOException, InterruptedException {
        try {
            while (true) {
                try {
                    return results.get(i).get(WAIT_BETWEEN_CALLS.toMillis(), TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    whileWaiting.run();
                }
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) throw io;
            if (cause instanceof UncheckedIOException io) throw io.getCause();
            if (cause instanceof RuntimeException r) throw r;
            throw new IllegalStateException(cause);
        }
    }

    public List<ArtifactRef> awaitAll() throws IOException, InterruptedException {
        List<ArtifactRef> refs = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) refs.add(await(i));
        return refs;
    }

    @Override
    public void close() {
        if (threads.isTerminated()) return;
        threads.shutdownNow();
        try {
            // Interrupted uploads end at their next read or write; a minute is far more than that.
            threads.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
