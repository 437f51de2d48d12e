/** What bin/samverkan.js starts: runs the CLI on the process's arguments and sets its exit code. */
import { run } from './main.js';

process.exitCode = await run(process.argv.slice(2));
