package dev.fuse.release.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fuse.release.support.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepositoryMirrorsTest {
    @TempDir
    Path dir;

    private static final Map<String, String> AUTHOR = Map.of(
            "GIT_AUTHOR_NAME",
            "t",
            "GIT_AUTHOR_EMAIL",
            "t@example.invalid",
            "GIT_COMMITTER_NAME",
            "t",
            "GIT_COMMITTER_EMAIL",
            "t@example.invalid");

    private String commit(Path repo, String content) throws Exception {
        Files.writeString(repo.resolve("file.txt"), content);
        Git.run(repo, AUTHOR, "add", "file.txt");
        Git.run(repo, AUTHOR, "commit", "--quiet", "-m", content);
        return Git.run(repo, AUTHOR, "rev-parse", "HEAD").trim();
    }

    @Test
    void theRemoteIsClonedOnceThenOnlyFetchedAndEveryCheckoutIsAtThePlannedCommit() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("origin"));
        Git.run(repo, AUTHOR, "init", "--quiet", "-b", "main");
        String first = commit(repo, "one");
        RepositoryMirrors mirrors = RepositoryMirrors.in(dir.resolve("mirrors"));

        mirrors.checkout(repo.toString(), first, dir.resolve("ws1"));
        assertThat(Files.readString(dir.resolve("ws1/file.txt"))).isEqualTo("one");
        Path mirror = mirrors.mirrorHolding(repo.toString(), first);

        String second = commit(repo, "two");
        mirrors.checkout(repo.toString(), second, dir.resolve("ws2"));
        assertThat(Files.readString(dir.resolve("ws2/file.txt"))).isEqualTo("two");
        assertThat(mirrors.mirrorHolding(repo.toString(), second)).isEqualTo(mirror);

        // The remote gone: commits the mirror holds still check out, without the network.
        Workspace.deleteTree(repo);
        mirrors.checkout(repo.toString(), first, dir.resolve("ws3"));
        assertThat(Files.readString(dir.resolve("ws3/file.txt"))).isEqualTo("one");
        assertThatThrownBy(() -> mirrors.checkout(repo.toString(), "0".repeat(40), dir.resolve("ws4")))
                .isInstanceOf(Git.GitException.class);
    }

    @Test
    void aMirrorWhoseFirstCloneDidNotFinishIsMadeAgain() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("origin2"));
        Git.run(repo, AUTHOR, "init", "--quiet", "-b", "main");
        String only = commit(repo, "only");
        RepositoryMirrors mirrors = RepositoryMirrors.in(dir.resolve("mirrors2"));
        Path mirror = mirrors.mirrorHolding(repo.toString(), only);
        Files.delete(mirror.resolve("fuse-release-mirror-complete"));
        Files.writeString(mirror.resolve("HEAD"), "garbage left by a killed clone");

        mirrors.checkout(repo.toString(), only, dir.resolve("ws"));
        assertThat(Files.readString(dir.resolve("ws/file.txt"))).isEqualTo("only");
    }
}
