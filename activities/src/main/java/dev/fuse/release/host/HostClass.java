package dev.fuse.release.host;

import java.util.Locale;

/** The platform this JVM runs on, in target-id form ({@code linux-x64}, {@code macos-arm64}). */
public final class HostClass {
    private HostClass() {}

    public static String current() {
        return of(System.getProperty("os.name"), System.getProperty("os.arch"));
    }

    static String of(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String family = os.startsWith("linux")
                ? "linux"
                : os.startsWith("mac") ? "macos" : os.startsWith("windows") ? "windows" : os.replace(' ', '_');
        String arch = osArch.toLowerCase(Locale.ROOT);
        String cpu = switch (arch) {
            case "amd64", "x86_64" -> "x64";
            case "aarch64", "arm64" -> "arm64";
            default -> arch;
        };
        return family + "-" + cpu;
    }
}
