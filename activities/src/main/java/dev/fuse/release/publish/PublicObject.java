package dev.fuse.release.publish;

import java.nio.file.Path;

/** One object about to become public: its key, and a verified local copy of its bytes. */
record PublicObject(String key, Path local, String sha256, long size) {}
