import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The parity suite of the example: every case in parity/cases.txt is requested from the AOT
 * binary and from the JIT-native baseline (`fuse run --jit`, src/Hello.java); status and body must be equal.
 * Writes a JUnit XML report, the common format CI tools and fuse-release read.
 *
 * usage: java parity/Parity.java --aot BINARY --report FILE
 */
public class Parity {
  public static void main(String[] args) throws Exception {
    String aot = null;
    Path report = null;
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals("--aot")) aot = args[i + 1];
      if (args[i].equals("--report")) report = Path.of(args[i + 1]);
    }
    if (aot == null || report == null) {
      System.err.println("usage: java parity/Parity.java --aot BINARY --report FILE");
      System.exit(2);
    }
    List<String[]> cases = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of("parity/cases.txt"))) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) continue;
      cases.add(trimmed.split("\\s+", 2));
    }
    int aotPort = freePort();
    int jitPort = freePort();
    Process aotProcess = start(List.of(aot), aotPort);
    Process jitProcess = start(List.of("sh", "toolchain/bin/fuse", "run", "--jit"), jitPort);
    StringBuilder xml = new StringBuilder();
    int failures = 0;
    String died = null;
    long started = System.nanoTime();
    try {
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
      awaitReady(http, aotPort);
      awaitReady(http, jitPort);
      for (String[] c : cases) {
        long t0 = System.nanoTime();
        HttpResponse<String> a = get(http, aotPort, c[1]);
        HttpResponse<String> j = get(http, jitPort, c[1]);
        double seconds = (System.nanoTime() - t0) / 1e9;
        xml.append(String.format("    <testcase classname=\"parity\" name=\"%s\" time=\"%.3f\">", escape(c[0]), seconds));
        if (a.statusCode() != j.statusCode() || !a.body().equals(j.body())) {
          failures++;
          String message = "GET " + c[1] + ": AOT " + a.statusCode() + " " + quote(a.body()) + " != JIT " + j.statusCode() + " " + quote(j.body());
          xml.append("\n      <failure message=\"").append(escape(message)).append("\" type=\"divergence\"/>\n    ");
        }
        xml.append("</testcase>\n");
      }
      // A service that died never answered: whatever did holds its port. Not a divergence.
      for (Process service : List.of(aotProcess, jitProcess)) {
        if (!service.isAlive()) died = service == aotProcess ? "AOT" : "JIT";
      }
    } finally {
      aotProcess.destroyForcibly();
      jitProcess.descendants().forEach(ProcessHandle::destroyForcibly);
      jitProcess.destroyForcibly();
    }
    if (died != null) {
      System.err.println("parity: the " + died + " service exited before the cases ran; another process answered on its port, run parity again");
      System.exit(2);
    }
    String doc = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + String.format("<testsuite name=\"fuse-parity\" tests=\"%d\" failures=\"%d\" errors=\"0\" time=\"%.3f\">%n",
            cases.size(), failures, (System.nanoTime() - started) / 1e9)
        + xml + "</testsuite>\n";
    Files.writeString(report, doc, StandardCharsets.UTF_8);
    System.out.println("parity: " + cases.size() + " cases, " + failures + " divergent");
    System.exit(failures == 0 ? 0 : 1);
  }

  static Process start(List<String> command, int port) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    pb.environment().put("PORT", Integer.toString(port));
    return pb.start();
  }

  static void awaitReady(HttpClient http, int port) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        get(http, port, "/");
        return;
      } catch (IOException e) {
        Thread.sleep(20);
      }
    }
    throw new IOException("service on port " + port + " did not answer within 30 s");
  }

  static HttpResponse<String> get(HttpClient http, int port, String path) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(5)).build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  static String quote(String s) {
    return "'" + s.replace("\n", "\\n") + "'";
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
