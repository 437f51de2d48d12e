/** What bin/samverkan.js starts: runs the CLI on the process's arguments and sets its exit code. */
const argv = process.argv.slice(2);
// `samverkan --version` is asked by scripts and package managers; it needs none of the CLI, so it
// is answered before anything else is loaded (run() answers it the same way, for embedders).
// version.js is loaded only then: with node:fs, it would cost every other start-up, --help too.
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V' || argv[0] === '-v')) {
  const { toolVersion } = await import('./version.js');
  process.stdout.write(`${toolVersion()}\n`);
} else {
  // A reader that stops early (`samverkan validate | head`) closes the pipe: that is not an error
  // to report, and must not end in a stack trace. Stop quietly, as other command-line tools do.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  const { run } = await import('./main.js');
  process.exitCode = await run(argv);
}
