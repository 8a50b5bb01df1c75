package dev.fuse.release.cli;

import dev.fuse.release.client.ReleaseClient;
import dev.fuse.release.client.TemporalConnection;
import dev.fuse.release.storage.ArtifactStore;
import dev.fuse.release.storage.StoreConfig;
import java.io.PrintStream;
import java.util.Map;

/**
 * What every command shares: its output streams, the resolved environment, and connections
 * opened on first use and closed when the command ends.
 */
public final class CliContext implements AutoCloseable {
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final boolean interactive;
    private TemporalConnection temporal;
    private ArtifactStore store;

    public CliContext(PrintStream out, PrintStream err, Map<String, String> env, boolean interactive) {
        this.out = out;
        this.err = err;
        this.env = Map.copyOf(env);
        this.interactive = interactive;
    }

    public PrintStream out() {
        return out;
    }

    public PrintStream err() {
        return err;
    }

    public Map<String, String> env() {
        return env;
    }

    /** Who runs the command: $USER, $USERNAME, else the JVM's user name. */
    public String userName() {
        String user = env.get("USER");
        if (user == null || user.isBlank()) user = env.get("USERNAME");
        return user == null || user.isBlank() ? System.getProperty("user.name") : user;
    }

    /** True when a person is at a terminal (progress redraws, prompts). */
    public boolean interactive() {
        return interactive;
    }

    public ArtifactStore store() {
        if (store == null) {
            try {
                store = new ArtifactStore(StoreConfig.fromEnvironment(env));
            } catch (IllegalArgumentException e) {
                throw new CliException(ExitCodes.BAD_INPUT, "S3 configuration: " + e.getMessage());
            }
        }
        return store;
    }

    public ReleaseClient releases() {
        return new ReleaseClient(temporal(), this::store);
    }

    /** The Temporal connection, made on first use (namespace checked). */
    public TemporalConnection temporal() {
        if (temporal == null) {
            temporal = TemporalConnection.connect(env);
        }
        return temporal;
    }

    @Override
    public void close() {
        if (temporal != null) temporal.close();
        if (store != null) store.close();
    }
}
