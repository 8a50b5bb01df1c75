package dev.fuse.release.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostCheckTest {
    @Test
    void aLoopbackConsoleAnswersToItsLoopbackNamesOnly() {
        HostCheck check =
                HostCheck.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 8080), List.of());

        assertThat(check.allows("127.0.0.1:8080")).isTrue();
        assertThat(check.allows("LOCALHOST:8080")).isTrue();
        assertThat(check.allows("[::1]:8080")).isTrue();
        assertThat(check.allows("evil.example:8080")).as("a rebound name").isFalse();
        assertThat(check.allows("127.0.0.1:9999")).isFalse();
        assertThat(check.allows(null)).isFalse();
    }

    @Test
    void aProxysNameIsAllowedOnlyWhenNamed() throws Exception {
        InetSocketAddress any = new InetSocketAddress(InetAddress.getByName("0.0.0.0"), 8080);

        assertThat(HostCheck.forAddress(any, List.of()).allows("releases.example.com"))
                .isFalse();
        assertThat(HostCheck.forAddress(any, List.of("releases.example.com")).allows("releases.example.com"))
                .isTrue();
    }
}
