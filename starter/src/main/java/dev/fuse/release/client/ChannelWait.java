package dev.fuse.release.client;

import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Waits for a gRPC channel's first connection attempt to settle: connected, or failed. A refused
 * port or a failed TLS handshake fails within milliseconds, where a call made with wait-for-ready
 * would sit out its whole deadline; only an address that never answers takes the full timeout.
 */
final class ChannelWait {
    private ChannelWait() {}

    /** The state the channel settled in: READY, TRANSIENT_FAILURE, or whatever it was at the timeout. */
    static ConnectivityState settle(ManagedChannel channel, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        ConnectivityState state = channel.getState(true);
        while (state != ConnectivityState.READY
                && state != ConnectivityState.TRANSIENT_FAILURE
                && state != ConnectivityState.SHUTDOWN) {
            long left = deadline - System.nanoTime();
            if (left <= 0) break;
            CountDownLatch changed = new CountDownLatch(1);
            channel.notifyWhenStateChanged(state, changed::countDown);
            changed.await(left, TimeUnit.NANOSECONDS);
            state = channel.getState(false);
        }
        return state;
    }
}
