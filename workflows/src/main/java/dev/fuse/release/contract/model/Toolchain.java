package dev.fuse.release.contract.model;

/**
 * Toolchain inputs of the contract, as read from the released revision: the Rust channel and
 * profile of {@code rust-toolchain.toml} and the Node.js major version used for VSIX packaging.
 */
public record Toolchain(String rustChannel, String rustProfile, String rustComponents, String node) {}
