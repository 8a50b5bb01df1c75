/*
 * hello-http: the reference service of the AOT contract, as the fixture toolchain compiles it.
 *
 * Behaviour the release pipeline checks:
 *   FUSE_AOT_BUILD_INFO=1     print the embedded build metadata as one JSON line and exit 0
 *   FUSE_AOT_STARTUP_TRACE=1  write startup phases with timestamps to stderr
 *   GET /                     "Hello from Fuse\n"
 *   GET /__fatal, /__panic    emit the stable fatal envelope on stderr and exit (70 / 101)
 *   FUSE_AOT_FATAL=runtime_fatal|panic  same envelope at startup (for tests without HTTP)
 * PORT selects the port (default 8080); the service binds 127.0.0.1 only.
 */
#include "build_info.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

static const char BODY[] = "Hello from Fuse\n";

static void build_json(FILE *out) {
  fprintf(out,
          "{\"mode\":\"%s\",\"profile\":\"%s\",\"target\":\"%s\",\"rustc\":\"%s\","
          "\"cli\":\"%s\",\"runtime_cache\":\"%s\",\"contract\":\"%s\",\"linkage\":\"%s\"}",
          FUSE_MODE, FUSE_PROFILE, FUSE_TARGET, FUSE_RUSTC, FUSE_CLI, FUSE_RUNTIME_CACHE,
          FUSE_CONTRACT, FUSE_LINKAGE);
}

static int tracing;

static void trace(const char *phase) {
  if (!tracing) return;
  struct timeval tv;
  gettimeofday(&tv, NULL);
  fprintf(stderr, "[fuse-aot-startup] pid=%ld t=%ld.%06ld phase=%s\n", (long)getpid(),
          (long)tv.tv_sec, (long)tv.tv_usec, phase);
  fflush(stderr);
}

static void fatal(const char *kind, const char *message, int code) {
  fprintf(stderr, "{\"kind\":\"%s\",\"pid\":%ld,\"message\":\"%s\",\"build\":", kind,
          (long)getpid(), message);
  build_json(stderr);
  fprintf(stderr, "}\n");
  fflush(stderr);
  exit(code);
}

static int env_is(const char *name, const char *value) {
  const char *v = getenv(name);
  return v != NULL && strcmp(v, value) == 0;
}

int main(void) {
  if (env_is("FUSE_AOT_BUILD_INFO", "1")) {
    build_json(stdout);
    fputc('\n', stdout);
    return 0;
  }
  tracing = env_is("FUSE_AOT_STARTUP_TRACE", "1");
  trace("process_start");
  signal(SIGPIPE, SIG_IGN);

  const char *forced = getenv("FUSE_AOT_FATAL");
  if (forced != NULL && strcmp(forced, "panic") == 0) fatal("panic", "forced panic", 101);
  if (forced != NULL && strcmp(forced, "runtime_fatal") == 0)
    fatal("runtime_fatal", "forced runtime fatal", 70);

  const char *port_text = getenv("PORT");
  int port = port_text ? atoi(port_text) : 8080;
  if (port <= 0 || port > 65535) fatal("runtime_fatal", "PORT is not a valid port", 70);

  int server = socket(AF_INET, SOCK_STREAM, 0);
  if (server < 0) fatal("runtime_fatal", "socket() failed", 70);
  int one = 1;
  setsockopt(server, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  struct sockaddr_in addr;
  memset(&addr, 0, sizeof addr);
  addr.sin_family = AF_INET;
  addr.sin_port = htons((unsigned short)port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (bind(server, (struct sockaddr *)&addr, sizeof addr) != 0)
    fatal("runtime_fatal", "bind() failed: port in use?", 70);
  if (listen(server, 64) != 0) fatal("runtime_fatal", "listen() failed", 70);
  trace("listening");

  for (;;) {
    int client = accept(server, NULL, NULL);
    if (client < 0) continue;
    char request[4096];
    ssize_t n = read(client, request, sizeof request - 1);
    if (n < 0) n = 0;
    request[n] = '\0';
    if (strncmp(request, "GET /__panic", 12) == 0) fatal("panic", "panic requested over HTTP", 101);
    if (strncmp(request, "GET /__fatal", 12) == 0)
      fatal("runtime_fatal", "fatal requested over HTTP", 70);
    char response[256];
    int len = snprintf(response, sizeof response,
                       "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: %zu\r\n"
                       "Connection: close\r\n\r\n%s",
                       sizeof BODY - 1, BODY);
    ssize_t written = write(client, response, (size_t)len);
    (void)written;
    close(client);
  }
}
