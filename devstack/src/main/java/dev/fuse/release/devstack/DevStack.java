package dev.fuse.release.devstack;

import dev.fuse.release.client.TemporalConnection;
import dev.fuse.release.contract.model.Target;
import dev.fuse.release.host.HostClass;
import dev.fuse.release.notify.WebhookSettings;
import dev.fuse.release.secrets.WorkerSecrets;
import dev.fuse.release.storage.ArtifactStore;
import dev.fuse.release.storage.StoreConfig;
import dev.fuse.release.worker.ReleaseWorker;
import dev.fuse.release.worker.WorkerConfig;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The embedded stack: Temporal test server, S3Proxy, a bucket, a release key, and one worker
 * serving the orchestrator's, the signer's and all three target queues (the non-native ones
 * emulated). Everything talks over real sockets, exactly as against a real cluster and S3.
 *
 * <p>The key's path is not among the variables handed to other processes ({@link #env()}): a
 * worker started with them is an orchestrator or a target worker, never a signer, unless it is
 * given {@link #signingKey()} explicitly.
 */
public final class DevStack implements AutoCloseable {
    public static final int DEFAULT_TEMPORAL_PORT = 7233;
    public static final int DEFAULT_S3_PORT = 9000;

    private final EmbeddedTemporal temporal;
    private final EmbeddedS3 s3;
    private final ArtifactStore store;
    private final TemporalConnection connection;
    private final ReleaseWorker worker;
    private final Map<String, String> env;
    private final Path signingKey;
    private final Path dataDir;

    private DevStack(
            EmbeddedTemporal temporal,
            EmbeddedS3 s3,
            ArtifactStore store,
            TemporalConnection connection,
            ReleaseWorker worker,
            Map<String, String> env,
            Path signingKey,
            Path dataDir) {
        this.temporal = temporal;
        this.s3 = s3;
        this.store = store;
        this.connection = connection;
        this.worker = worker;
        this.env = env;
        this.signingKey = signingKey;
        this.dataDir = dataDir;
    }

    public static DevStack start(Path dataDir, int temporalPort, int s3Port) throws Exception {
        return start(dataDir, null, temporalPort, s3Port);
    }

    /** @param temporalAddress an existing Temporal service to use instead of the embedded one, or null */
    public static DevStack start(Path dataDir, String temporalAddress, int temporalPort, int s3Port) throws Exception {
        return start(dataDir, temporalAddress, temporalPort, s3Port, null);
    }

    /** @param approvalPolicy the orchestrator's approval policy file, or null for the defaults */
    public static DevStack start(
            Path dataDir, String temporalAddress, int temporalPort, int s3Port, Path approvalPolicy) throws Exception {
        return start(dataDir, temporalAddress, temporalPort, s3Port, approvalPolicy, true);
    }

    /**
     * @param withWorker false to run only Temporal and S3, for workers started as separate
     *     processes ({@code ./fuse-release worker}), as on native runners
     */
    public static DevStack start(
            Path dataDir, String temporalAddress, int temporalPort, int s3Port, Path approvalPolicy, boolean withWorker)
            throws Exception {
        return start(
                dataDir, temporalAddress, temporalPort, s3Port, approvalPolicy, withWorker, WebhookSettings.none());
    }

    /** @param notifications the webhooks the in-process orchestrator notifies (none for a stack without a worker) */
    public static DevStack start(
            Path dataDir,
            String temporalAddress,
            int temporalPort,
            int s3Port,
            Path approvalPolicy,
            boolean withWorker,
            WebhookSettings notifications)
            throws Exception {
        EmbeddedTemporal temporal = temporalAddress == null
                ? EmbeddedTemporal.start(temporalPort)
                : EmbeddedTemporal.existing(temporalAddress);
        EmbeddedS3 s3 = null;
        try {
            DevCredentials credentials = DevCredentials.loadOrCreate(dataDir);
            s3 = EmbeddedS3.start(dataDir, s3Port, credentials);
            Map<String, String> env = new LinkedHashMap<>();
            env.put("TEMPORAL_ADDRESS", temporal.address());
            env.put("TEMPORAL_NAMESPACE", EmbeddedTemporal.NAMESPACE);
            env.put("AWS_ENDPOINT_URL_S3", s3.endpoint().toString());
            env.put("AWS_REGION", "us-east-1");
            env.put("AWS_ACCESS_KEY_ID", credentials.accessKey());
            env.put("AWS_SECRET_ACCESS_KEY", credentials.secretKey());
            env.put("FUSE_RELEASE_BUCKET", StoreConfig.DEFAULT_BUCKET);
            env.put("FUSE_RELEASE_DEV_STACK", "true");
            DevSigningKey signing = DevSigningKey.loadOrCreate(dataDir);
            env.put("FUSE_RELEASE_ALLOWED_SIGNERS", signing.allowedSigners().toString());
            if (approvalPolicy != null)
                env.put("FUSE_RELEASE_POLICY", approvalPolicy.toAbsolutePath().toString());
            ArtifactStore store = new ArtifactStore(StoreConfig.fromEnvironment(env));
            store.ensureBucket();
            if (withWorker) WorkerSecrets.registerFrom(withKey(env, signing.privateKey()));
            TemporalConnection connection = TemporalConnection.connect(env);
            ReleaseWorker worker =
                    withWorker ? startWorker(dataDir, connection, store, signing, approvalPolicy, notifications) : null;
            return new DevStack(
                    temporal,
                    s3,
                    store,
                    connection,
                    worker,
                    Collections.unmodifiableMap(env),
                    signing.privateKey(),
                    dataDir);
        } catch (Exception e) {
            if (s3 != null) s3.close();
            temporal.close();
            throw e;
        }
    }

    /** The in-process worker: every queue, the other platforms emulated, under the stack's key and policy. */
    private static ReleaseWorker startWorker(
            Path dataDir,
            TemporalConnection connection,
            ArtifactStore store,
            DevSigningKey signing,
            Path approvalPolicy,
            WebhookSettings notifications)
            throws Exception {
        Set<String> official = new TreeSet<>(Target.allIds());
        Set<String> emulated = new TreeSet<>(official);
        emulated.remove(HostClass.current());
        WorkerConfig config = new WorkerConfig(
                true,
                official,
                emulated,
                dataDir.resolve("work"),
                true,
                WorkerConfig.DEFAULT_SHUTDOWN_GRACE,
                new WorkerConfig.Orchestration(true, signing.privateKey(), approvalPolicy, notifications));
        ReleaseWorker worker = new ReleaseWorker(connection.client(), store, config);
        worker.start();
        return worker;
    }

    /** The variables that point another process (CLI, worker) at this stack; the key is not among them. */
    public Map<String, String> env() {
        return env;
    }

    /** The stack's release key: what a signer started outside this process is given. */
    public Path signingKey() {
        return signingKey;
    }

    /** {@code env} and FUSE_RELEASE_SIGNING_KEY: the variables of a signer worker of this stack. */
    public static Map<String, String> withKey(Map<String, String> env, Path signingKey) {
        Map<String, String> signer = new LinkedHashMap<>(env);
        signer.put("FUSE_RELEASE_SIGNING_KEY", signingKey.toString());
        return signer;
    }

    public ArtifactStore store() {
        return store;
    }

    public TemporalConnection connection() {
        return connection;
    }

    /** The in-process worker, or null when workers run as separate processes. */
    public ReleaseWorker worker() {
        return worker;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Where S3Proxy keeps an object on disk. */
    public Path objectPath(String key) {
        return s3.baseDir().resolve(store.bucket()).resolve(key);
    }

    @Override
    public void close() {
        if (worker != null) worker.close();
        connection.close();
        store.close();
        s3.close();
        temporal.close();
    }
}
