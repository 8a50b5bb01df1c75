package dev.fuse.release.support;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Keeps measurements from overlapping each other or a build on this host: builds share the
 * lock, a measurement holds it alone. One lock per worker process, whichever target queues it
 * serves; run one worker process per host (as the dev stack and the runbook do).
 */
public final class HostLock {
    private static final ReentrantReadWriteLock LOCK = new ReentrantReadWriteLock(true);

    private HostLock() {}

    /** Work that must not run during a measurement. */
    public static <T> T duringBuild(Runnable heartbeat, HostWork<T> work) throws IOException, InterruptedException {
        acquire(LOCK.readLock(), heartbeat);
        try {
            return work.get();
        } finally {
            LOCK.readLock().unlock();
        }
    }

    /** Work that must run alone on the host. */
    public static <T> T exclusively(Runnable heartbeat, HostWork<T> work) throws IOException, InterruptedException {
        acquire(LOCK.writeLock(), heartbeat);
        try {
            return work.get();
        } finally {
            LOCK.writeLock().unlock();
        }
    }

    private static void acquire(Lock lock, Runnable heartbeat) {
        try {
            while (!lock.tryLock(5, TimeUnit.SECONDS)) {
                heartbeat.run();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the host", e);
        }
    }

    /** Work done under the lock. */
    @FunctionalInterface
    public interface HostWork<T> {
        T get() throws IOException, InterruptedException;
    }
}
