package dev.fuse.release.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fuse.release.cli.ExitCodes;
import dev.fuse.release.client.TemporalConnection;
import dev.fuse.release.devstack.DevStack;
import io.temporal.testserver.TestServer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dev --temporal-address}: the stack uses a Temporal service that already runs (here a
 * second test server on its own port stands in for {@code temporal server start-dev}), registers
 * the search attributes there, and leaves it running when it stops.
 */
class ExistingTemporalIT {
    @TempDir
    Path data;

    @Test
    void theDevStackUsesAnExistingTemporalAndLeavesItRunning() throws Exception {
        int port = Ports.free();
        String address = "127.0.0.1:" + port;
        TestServer.PortBoundTestServer existing = TestServer.createPortBoundServer(port);
        try {
            try (DevStack stack = DevStack.start(data, address, 0, 0)) {
                assertThat(stack.env()).containsEntry("TEMPORAL_ADDRESS", address);
                Map<String, String> env = new HashMap<>(stack.env());
                env.put("FUSE_RELEASE_HOME", data.toString());
                CliRun unknown = CliRun.run(env, "status", "9.9.9");
                assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(ExitCodes.NOT_FOUND);
            }
            try (TemporalConnection still = TemporalConnection.connect(Map.of("TEMPORAL_ADDRESS", address))) {
                assertThat(still.address()).isEqualTo(address);
            }
        } finally {
            existing.close();
        }
    }
}
