/* The `fuse` command line shipped in fuse-cli-* archives (fixture: version and help only). */
#include <stdio.h>
#include <string.h>

#ifndef FUSE_CLI_VERSION
#define FUSE_CLI_VERSION "0.0.0"
#endif
#ifndef FUSE_CLI_TARGET
#define FUSE_CLI_TARGET "unknown"
#endif

int main(int argc, char **argv) {
  if (argc > 1 && (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "version") == 0)) {
    printf("fuse %s (%s)\n", FUSE_CLI_VERSION, FUSE_CLI_TARGET);
    return 0;
  }
  printf("fuse %s\nusage: fuse --version | fuse help\n", FUSE_CLI_VERSION);
  return argc > 1 && strcmp(argv[1], "help") != 0 ? 2 : 0;
}
