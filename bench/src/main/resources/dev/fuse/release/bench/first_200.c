/* B3's baseline client: spawn the service (PORT=<port> <binary>), probe in a tight loop with a
 * new TCP connection and "GET /" until it answers HTTP 200, then kill it. hyperfine times the
 * whole run, as the measure stage times spawn-to-first-200. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

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
  while (!answers_200(&addr)) {
    if (waitpid(pid, &status, WNOHANG) == pid) {
      fprintf(stderr, "first-200: the service exited before answering\n");
      return 1;
    }
  }
  kill(pid, SIGKILL);
  waitpid(pid, &status, 0);
  return 0;
}
