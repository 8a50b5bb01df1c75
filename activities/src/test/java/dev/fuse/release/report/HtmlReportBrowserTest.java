package dev.fuse.release.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens report.html in headless Chromium: the DOM it builds holds the gate table and the plots,
 * and the screenshot shows them (the plot colours and the NO-GO row are on screen).
 */
class HtmlReportBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @Test
    void theReportRendersItsGateTableAndColdStartPlots(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "chromium is not installed (.ci/run installs it)");
        Path html = dir.resolve("report.html");
        Files.write(html, HtmlReport.html(ReportFixtures.request(26L << 20)));

        String dom = chromium(dir, "--dump-dom", html.toUri().toString());
        assertThat(dom).contains("id=\"gates\"").contains("NO-GO").contains("stripped-size");
        assertThat(dom.split("<svg class=\"coldstart\"", -1)).hasSize(4);
        assertThat(dom.split("<circle", -1)).hasSize(3 * 40 + 1);

        Path png = dir.resolve("report.png");
        chromium(
                dir,
                "--screenshot=" + png,
                "--window-size=1000,1600",
                html.toUri().toString());
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1000);
        assertThat(count(image, 0x1f, 0x77, 0xb4)).as("AOT dots").isGreaterThan(50);
        assertThat(count(image, 0xff, 0x7f, 0x0e)).as("JIT dots").isGreaterThan(50);
        assertThat(count(image, 0xfc, 0xe8, 0xe6)).as("failing gate row").isGreaterThan(500);
        assertThat(count(image, 0xe6, 0xf4, 0xea)).as("passing gate rows").isGreaterThan(500);
    }

    /** Pixels close to a colour (anti-aliasing and opacity blur edges). */
    private static int count(BufferedImage image, int r, int g, int b) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int dr = ((rgb >> 16) & 0xff) - r;
                int dg = ((rgb >> 8) & 0xff) - g;
                int db = (rgb & 0xff) - b;
                if (dr * dr + dg * dg + db * db < 60 * 60) n++;
            }
        }
        return n;
    }

    private static String chromium(Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                CHROMIUM.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--hide-scrollbars",
                "--user-data-dir=" + dir.resolve("profile")));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        return out;
    }
}
