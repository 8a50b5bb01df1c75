package dev.fuse.release.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * What ships to native runners ({@code worker/target/fuse-release.jar}) is the worker and the CLI
 * only: no Temporal test server, no S3Proxy, no fault proxy or other dev-stack class. The jar was
 * 71 MB while it carried them; it is 45.4 MB now (without Prometheus's protobuf format), and this
 * bound keeps it from growing back. Half (35.5 MB) is not reached: Temporal's generated API
 * classes (8.7 MB compressed), the AWS SDK (7.4 MB), gRPC's shaded Netty (3.8 MB), Guava (2.5 MB),
 * Jackson (2.3 MB) and protobuf (1.8 MB) are all loaded.
 */
class DistributionIT {
    static final Path JAR = Path.of("target/fuse-release.jar").toAbsolutePath();
    static final long MAX_BYTES = 45L * 1024 * 1024;
    static final List<String> DEV_ONLY = List.of(
            "io/temporal/testing/",
            "io/temporal/testserver/",
            "io/temporal/internal/testservice/TestWorkflowService", // the test server; the package also holds
            // serviceclient helpers
            "org/gaul/s3proxy/",
            "dev/fuse/release/devstack/");

    @Test
    void theProductionJarCarriesNoDevStackClassAndDoesNotGrowBack() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            List<String> devOnly = jar.stream()
                    .map(e -> e.getName())
                    .filter(name -> DEV_ONLY.stream().anyMatch(name::startsWith))
                    .limit(5)
                    .toList();
            assertThat(devOnly).as("dev-stack classes in " + JAR).isEmpty();
            assertThat(jar.getEntry("dev/fuse/release/worker/ReleaseWorker.class"))
                    .isNotNull();
        }
        assertThat(Files.size(JAR)).as("size of " + JAR).isLessThanOrEqualTo(MAX_BYTES);
    }

    @Test
    void itsHelpListsTheWorkerAndTheReleaseCommandsButNoDevStackCommand() throws Exception {
        Process p = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        JAR.toString(),
                        "--help")
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(out).contains("worker").contains("approve").contains("rollback");
        assertThat(out.lines())
                .noneMatch(l -> l.strip().startsWith("dev ") || l.strip().startsWith("demo "));
    }
}
