package dev.fuse.release.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One person, however their name is typed. */
class IdentitiesTest {
    @Test
    void compatibilityFormsCaseAndSpacesAreOneName() {
        assertThat(Identities.same("ａｌｉｃｅ", "alice")).isTrue();
        assertThat(Identities.same("ＡＬＩＣＥ", " Alice ")).isTrue();
        assertThat(Identities.same("ﬁona", "FIONA")).isTrue();
    }

    @Test
    void differentNamesStayDifferent() {
        assertThat(Identities.same("alice", "alicia")).isFalse();
        assertThat(Identities.same("alice", null)).isFalse();
    }
}
