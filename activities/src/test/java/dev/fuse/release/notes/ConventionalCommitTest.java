package dev.fuse.release.notes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fuse.release.notes.ConventionalCommit.Group;
import org.junit.jupiter.api.Test;

class ConventionalCommitTest {
    @Test
    void aHeaderGivesTypeScopeAndGroup() {
        ConventionalCommit fix = ConventionalCommit.parse("a1", "ann", "fix(cli): exit 2 on bad input", "");

        assertThat(fix.type()).isEqualTo("fix");
        assertThat(fix.scope()).isEqualTo("cli");
        assertThat(fix.subject()).isEqualTo("exit 2 on bad input");
        assertThat(fix.group()).isEqualTo(Group.FIXES);
    }

    @Test
    void aBangOrABreakingChangeFooterMakesItBreakingWithItsMigrationText() {
        ConventionalCommit bang = ConventionalCommit.parse("a1", "ann", "feat!: drop --legacy", "");
        ConventionalCommit footer = ConventionalCommit.parse(
                "a2",
                "ann",
                "feat(api): new handshake",
                "Body text.\n\nBREAKING CHANGE: clients must send v2\nheaders from now on.\n\nRefs: #12");

        assertThat(bang.group()).isEqualTo(Group.BREAKING);
        assertThat(bang.migration()).isNull();
        assertThat(footer.group()).isEqualTo(Group.BREAKING);
        assertThat(footer.migration()).isEqualTo("clients must send v2 headers from now on.");
    }

    @Test
    void dependenciesPerformanceSecurityAndTheRestHaveTheirGroups() {
        assertThat(ConventionalCommit.parse("a", "b", "chore(deps): bump netty", "")
                        .group())
                .isEqualTo(Group.DEPENDENCIES);
        assertThat(ConventionalCommit.parse("a", "b", "perf: cache the mirror", "")
                        .group())
                .isEqualTo(Group.PERFORMANCE);
        assertThat(ConventionalCommit.parse("a", "b", "security: mask the token", "")
                        .group())
                .isEqualTo(Group.SECURITY);
        assertThat(ConventionalCommit.parse("a", "b", "docs: typo", "").group()).isEqualTo(Group.OTHER);
    }

    @Test
    void anUnconventionalSubjectIsKeptUnderOther() {
        ConventionalCommit plain = ConventionalCommit.parse("a", "b", "Fixed the thing, finally", "");

        assertThat(plain.type()).isNull();
        assertThat(plain.subject()).isEqualTo("Fixed the thing, finally");
        assertThat(plain.group()).isEqualTo(Group.OTHER);
    }
}
