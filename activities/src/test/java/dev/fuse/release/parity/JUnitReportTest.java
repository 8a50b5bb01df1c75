package dev.fuse.release.parity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JUnitReportTest {
    @TempDir
    Path dir;

    @Test
    void failuresAndErrorsAreNamedWithTheirMessages() throws Exception {
        Path report = Files.writeString(dir.resolve("r.xml"), """
        <?xml version="1.0"?>
        <testsuites><testsuite name="parity" tests="3">
          <testcase name="root"/>
          <testcase name="greeting"><failure message="AOT 'a' != JIT 'b'"/></testcase>
          <testcase name="crash"><error>segfault</error></testcase>
        </testsuite></testsuites>
        """);
        JUnitReport.Summary s = JUnitReport.read(report);
        assertThat(s.tests()).isEqualTo(3);
        assertThat(s.failures()).containsExactly("greeting: AOT 'a' != JIT 'b'", "crash: segfault");
    }

    @Test
    void missingMalformedEmptyOrHostileReportsAreRefused() throws Exception {
        assertThatThrownBy(() -> JUnitReport.read(dir.resolve("none.xml"))).hasMessageContaining("no JUnit report");
        Path truncated = Files.writeString(dir.resolve("t.xml"), "<testsuite><testcase name=\"a\">");
        assertThatThrownBy(() -> JUnitReport.read(truncated)).hasMessageContaining("malformed JUnit report t.xml");
        Path other = Files.writeString(dir.resolve("o.xml"), "<html/>");
        assertThatThrownBy(() -> JUnitReport.read(other)).hasMessageContaining("root element <html>");
        Path empty = Files.writeString(dir.resolve("e.xml"), "<testsuite/>");
        assertThatThrownBy(() -> JUnitReport.read(empty)).hasMessageContaining("holds no test case");
        Path xxe = Files.writeString(
                dir.resolve("x.xml"),
                "<?xml version=\"1.0\"?><!DOCTYPE t [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><testsuite><testcase name=\"&e;\"/></testsuite>");
        assertThatThrownBy(() -> JUnitReport.read(xxe)).hasMessageContaining("malformed JUnit report x.xml");
    }
}
