package dev.fuse.release.secrets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Which of a worker's settings are secret values, or name files that hold one, for {@link SecretMask}. */
public final class WorkerSecrets {
    /** Variables whose value is itself a secret. */
    static final List<String> VALUES = List.of(
            "AWS_SECRET_ACCESS_KEY",
            "AWS_SESSION_TOKEN",
            "TEMPORAL_API_KEY",
            "TEMPORAL_TLS_CLIENT_KEY_DATA",
            "FUSE_RELEASE_NOTIFY_SECRET");

    /** Variables listing secrets: each webhook address is a bearer token (a chat hook's path is its key). */
    static final List<String> LISTS = List.of("FUSE_RELEASE_NOTIFY");

    /** Variables that name a file holding a secret (a private key). */
    static final List<String> FILES = List.of("TEMPORAL_TLS_CLIENT_KEY_PATH", "FUSE_RELEASE_SIGNING_KEY");

    private WorkerSecrets() {}

    /** Registers every secret {@code env} holds or points at; an unreadable file is left to its owner to report. */
    public static void registerFrom(Map<String, String> env) {
        VALUES.forEach(name -> SecretMask.register(env.get(name)));
        for (String name : LISTS) {
            String list = env.get(name);
            if (list == null) continue;
            for (String entry : list.trim().split("[,\\s]+")) SecretMask.register(entry);
        }
        for (String name : FILES) {
            String path = env.get(name);
            if (path == null || path.isBlank()) continue;
            try {
                Path file = Path.of(path);
                if (Files.isRegularFile(file)) SecretMask.registerFile(file);
            } catch (IOException | RuntimeException e) {
                // The setting's owner (TLS, signing) reports an unreadable file with its own message.
            }
        }
    }
}
