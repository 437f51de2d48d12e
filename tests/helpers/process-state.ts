/**
 * Runs before every test file (vitest setupFiles). The files of the shared project run one after
 * another in the same process, so what a file leaves in the process's own state reaches the next
 * one. An exit code is such a thing, and commander reads it: its help exits with process.exitCode,
 * so `--help` in a later file would exit 1. Each file starts with none, as in a process of its own.
 */
process.exitCode = undefined;
