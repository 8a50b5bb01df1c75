/* The measure stage's native probe: one cold start of an HTTP service, timed from fork to the first
 * HTTP 200 to "GET /" with CLOCK_MONOTONIC, outside any JVM (no compilation, GC or safepoint of the
 * probe inside the interval). Probes back to back with 20 us pauses for the first 20 ms, then every
 * 1 ms, as the JVM probe does. The service runs with PORT set and its output discarded, in the
 * caller's process group (so that whoever ends the sampler's group ends it too); its process tree
 * is killed after the sample.
 *
 * usage: cold-start-probe PORT TIMEOUT_MS COMMAND [ARGS...]
 * prints "<millis> <resolution_us>" (resolution: the gap between the last two probes); exit 0;
 * 3 when the service exits before answering, 4 when it does not answer in time, 2 on bad usage. */
#include <arpa/inet.h>
#include <dirent.h>
#include <fcntl.h>
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
  struct timeval two_seconds = {2, 0};
  setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &two_seconds, sizeof two_seconds);
  int ok = 0;
  if (connect(s, (const struct sockaddr *)addr, sizeof *addr) == 0 &&
      write(s, req, sizeof req - 1) == (ssize_t)(sizeof req - 1)) {
    char head[12];
    size_t got = 0;
    ssize_t n;
    while (got < sizeof head && (n = read(s, head + got, sizeof head - got)) > 0) got += (size_t)n;
    ok = got == sizeof head && memcmp(head, "HTTP/1.", 7) == 0 && memcmp(head + 9, "200", 3) == 0;
  }
  close(s);
  return ok;
}

/* The parent of process pid, from /proc/<pid>/stat ("pid (comm) state ppid ..."), or -1. */
static pid_t parent_of(pid_t pid) {
  char path[64], buf[512];
  snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
  FILE *f = fopen(path, "r");
  if (!f) return -1;
  size_t n = fread(buf, 1, sizeof buf - 1, f);
  fclose(f);
  buf[n] = 0;
  char *end = strrchr(buf, ')');
  int ppid;
  return end && sscanf(end + 1, " %*c %d", &ppid) == 1 ? (pid_t)ppid : -1;
}

/* Kills pid and every descendant (a shell's JVM, say): the tree is collected first, then killed. */
static void end_service(pid_t pid) {
  enum { MAX = 256 };
  pid_t tree[MAX];
  int size = 1, grown = 1;
  tree[0] = pid;
  while (grown && size < MAX) {
    grown = 0;
    DIR *proc = opendir("/proc");
    if (!proc) break;
    struct dirent *e;
    while ((e = readdir(proc)) != NULL && size < MAX) {
      pid_t p = (pid_t)atoi(e->d_name);
      if (p <= 0) continue;
      int known = 0;
      for (int i = 0; i < size && !known; i++) known = tree[i] == p;
      if (known) continue;
      pid_t parent = parent_of(p);
      for (int i = 0; i < size; i++) {
        if (tree[i] == parent) {
          tree[size++] = p;
          grown = 1;
          break;
        }
      }
    }
    closedir(proc);
  }
  for (int i = 0; i < size; i++) kill(tree[i], SIGKILL);
  int status;
  waitpid(pid, &status, 0);
}

int main(int argc, char **argv) {
  if (argc < 4) {
    fprintf(stderr, "usage: cold-start-probe PORT TIMEOUT_MS COMMAND [ARGS...]\n");
    return 2;
  }
  int port = atoi(argv[1]);
  double timeout = atof(argv[2]);
  if (port <= 0 || port > 65535 || timeout <= 0) {
    fprintf(stderr, "cold-start-probe: bad port or timeout\n");
    return 2;
  }
  double start = now_ms();
  pid_t pid = fork();
  if (pid == 0) {
    int null = open("/dev/null", O_RDWR);
    if (null >= 0) {
      dup2(null, 0);
      dup2(null, 1);
      dup2(null, 2);
    }
    setenv("PORT", argv[1], 1);
    execvp(argv[3], &argv[3]);
    _exit(127);
  }
  if (pid < 0) {
    perror("cold-start-probe: fork");
    return 1;
  }
  struct sockaddr_in addr;
  memset(&addr, 0, sizeof addr);
  addr.sin_family = AF_INET;
  addr.sin_port = htons((unsigned short)port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  struct timespec spin = {0, 20000};
  struct timespec spaced = {0, 1000000};
  double previous = start;
  for (;;) {
    double probe = now_ms();
    if (answers_200(&addr)) {
      double ready = now_ms() - start;
      end_service(pid);
      printf("%.4f %.1f\n", ready, (probe - previous) * 1000.0);
      return 0;
    }
    int status;
    if (waitpid(pid, &status, WNOHANG) == pid) {
      fprintf(stderr, "exited with %d before answering\n",
              WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
      return 3;
    }
    if (probe - start > timeout) {
      end_service(pid);
      fprintf(stderr, "did not answer on port %d within %.0f ms\n", port, timeout);
      return 4;
    }
    nanosleep(probe - start > 20.0 ? &spaced : &spin, NULL);
    previous = probe;
  }
}
