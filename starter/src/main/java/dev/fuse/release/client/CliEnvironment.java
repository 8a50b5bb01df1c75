package dev.fuse.release.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The environment the CLI and workers read their configuration from: the process environment,
 * completed by the env file a running {@code ./fuse-release dev} writes, so that a second terminal
 * finds the dev stack without copying variables. Variables that are set always win.
 */
public final class CliEnvironment {
    public static final String DEV_ENV_FILE = ".fuse-release/dev/env";

    private CliEnvironment() {}

    public static Map<String, String> resolve(Map<String, String> processEnv) {
        Map<String, String> env = new LinkedHashMap<>(processEnv);
        boolean configured = processEnv.containsKey("TEMPORAL_ADDRESS")
                || processEnv.containsKey("AWS_ENDPOINT_URL_S3")
                || processEnv.containsKey("TEMPORAL_PROFILE")
                || processEnv.containsKey("TEMPORAL_CONFIG_FILE");
        Path devEnv = home(processEnv).resolve(DEV_ENV_FILE);
        if (!configured && Files.isRegularFile(devEnv)) {
            Properties props = new Properties();
            try (var in = Files.newBufferedReader(devEnv)) {
                props.load(in);
            } catch (IOException e) {
                return env;
            }
            for (String name : props.stringPropertyNames()) {
                env.putIfAbsent(name, props.getProperty(name));
            }
            env.put("FUSE_RELEASE_ENV_SOURCE", devEnv.toString());
        }
        return env;
    }

    /** The fuse-release checkout (the launcher sets FUSE_RELEASE_HOME), else the working directory. */
    public static Path home(Map<String, String> env) {
        String home = env.get("FUSE_RELEASE_HOME");
        return Path.of(home != null && !home.isBlank() ? home : ".")
                .toAbsolutePath()
                .normalize();
    }
}
