/* B3's baseline client: spawn the service (PORT=<port> <binary>), probe in a tight loop with a
 * new TCP connection and "GET /" every 20 us until it answers HTTP 200, then kill it. hyperfine times the
 * whole run (the client's own start and the teardown included); the client also times
 * spawn-to-first-200 itself, the interval the measure stage reports, and appends it in
 * milliseconds to $FIRST_200_LOG when that is set. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static int answers_200(const struct sockaddr_in *addr) {
  static const char req[] = "GET / HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n";
  int s = socket(AF_INET, SOCK_STREAM, 0);
  if (s < 0) return 0;
  int ok = 0;
  if (connect(s, (const struct sockaddr *)addr, sizeof *addr) == 0 &&
      write(s, req, sizeof req - 1) == (ssize_t)(sizeof req - 1)) {
    char head[12];
    size_t got = 0;
    ssize_t n;
    while (got < sizeof head && (n = read(s, head + got, sizeof head - got)) > 0) got += (size_t)n;
    ok = got == sizeof head && memcmp(head + 9, "200", 3) == 0;
  }
  close(s);
  return ok;
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: first-200 PORT BINARY [ARGS...]\n");
    return 2;
  }
  double start = now_ms();
  pid_t pid = fork();
  if (pid == 0) {
    setenv("PORT", argv[1], 1);
    execv(argv[2], &argv[2]);
    _exit(127);
  }
  struct sockaddr_in addr;
  memset(&addr, 0, sizeof addr);
  addr.sin_family = AF_INET;
  addr.sin_port = htons((unsigned short)atoi(argv[1]));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  int status;
  /* 20 us between probes, as the Java probe's own cost spaces them: a loop of raw syscalls with
   * no pause takes so much of a 2-core host that the service starts about twice as slowly. */
  struct timespec pause = {0, 20000};
  while (!answers_200(&addr)) {
    nanosleep(&pause, NULL);
    if (waitpid(pid, &status, WNOHANG) == pid) {
      fprintf(stderr, "first-200: the service exited before answering\n");
      return 1;
    }
  }
  double ready = now_ms() - start;
  kill(pid, SIGKILL);
  waitpid(pid, &status, 0);
  const char *log = getenv("FIRST_200_LOG");
  FILE *f = log ? fopen(log, "a") : NULL;
  if (f) {
    fprintf(f, "%.4f\n", ready);
    fclose(f);
  }
  return 0;
}
