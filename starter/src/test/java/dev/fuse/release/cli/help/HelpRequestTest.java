package dev.fuse.release.cli.help;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which command lines count as a help request. That the pages themselves match picocli's output
 * is checked where the build renders them, in devstack's {@code HelpPagesTest}.
 */
class HelpRequestTest {
    @Test
    void onlyAPureHelpRequestIsAnswered() {
        assertThat(HelpPages.pageFor(List.of())).contains(HelpPages.ROOT);
        assertThat(HelpPages.pageFor(List.of("help", "status"))).contains("status");
        assertThat(HelpPages.pageFor(List.of("status", "-h"))).contains("status");
        for (List<String> args : List.of(
                List.of("status"),
                List.of("status", "0.4.0"),
                List.of("--help", "status"),
                List.of("status", "0.4.0", "--help"),
                List.of("-V"),
                List.of("--output", "json"),
                List.of("help", "-x"))) {
            assertThat(HelpPages.pageFor(args)).as("%s", args).isEmpty();
        }
    }
}
