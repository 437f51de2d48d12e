/** What bin/samverkan.js starts: runs the CLI on the process's arguments and sets its exit code. */
import { run } from './main.js';

// A reader that stops early (`samverkan validate | head`) closes the pipe: that is not an error
// to report, and must not end in a stack trace. Stop quietly, as other command-line tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

process.exitCode = await run(process.argv.slice(2));
