#!/usr/bin/env node
// npm start: the main job on the bundled example workspaces. Validates each workspace under
// plans/ and renders it as an HTML site in Swedish and English, internal and public (confidential
// items withheld), into out/<workspace>/<lang>/<internal|public>/, and as print-ready PDFs (Swedish,
// internal) into out/<workspace>/sv/pdf/ when the machine has a Chromium or Chrome to print with,
// then prints where to open them.
// Exits non-zero if any workspace has errors or cannot be rendered.
//
// Usage: node scripts/main-job.js [OUT_DIR]   (default: out/ in the repository)
import { existsSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const plansDir = join(root, 'plans');
const outDir = resolve(process.argv[2] ?? join(root, 'out'));
const LANGS = ['sv', 'en'];

// PDFs need a browser; without one the sites are still the main job, and the reason is said once.
let browserMissing = null;
try {
  const { findBrowser } = await import('../dist/render/browser.js');
  findBrowser({ env: process.env, lang: 'en' });
} catch (error) {
  browserMissing = error instanceof Error ? error.message : String(error);
}

if (!existsSync(join(root, 'dist/cli/bin.js'))) {
  console.error('samverkan is not built yet: run "npm run build" (npm start does it first).');
  process.exit(2);
}

// Every command runs in this process, as the CLI would run it: starting Node and loading the
// commands once instead of thirty times makes the job several times faster.
const { run: runCli } = await import('../dist/cli/main.js');
const { processIO } = await import('../dist/cli/io.js');
const run = (args) => runCli(args, { ...processIO(), argv: args, env: { ...process.env, FORCE_COLOR: process.stdout.isTTY ? '1' : '0' } });

const workspaces = readdirSync(plansDir, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(plansDir, d.name, 'samverkan.yaml')))
  .map((d) => d.name)
  .sort();

let failed = 0;
const opened = [];
for (const name of workspaces) {
  const dir = join(plansDir, name);
  console.log(`\n== ${name}`);
  if ((await run(['validate', '-C', dir])) !== 0) {
    failed++;
    continue;
  }
  let rendered = true;
  for (const lang of LANGS) {
    for (const variant of ['internal', 'public']) {
      const out = join(outDir, name, lang, variant);
      const args = ['render', 'site', '-C', dir, '--lang', lang, '--out', out, ...(variant === 'public' ? ['--public'] : [])];
      if ((await run(args)) !== 0) rendered = false;
    }
  }
  if (browserMissing === null) {
    const args = ['render', 'site', '-C', dir, '--lang', 'sv', '--format', 'pdf', '--out', join(outDir, name, 'sv', 'pdf')];
    if ((await run(args)) !== 0) rendered = false;
  }
  if (!rendered) {
    failed++;
    continue;
  }
  opened.push(name);
}

const show = (path) => relative(process.cwd(), path) || '.';
console.log(`\nOpen the rendered sites in a browser (Swedish; English under ${show(join(outDir, '<workspace>', 'en'))}):`);
for (const name of opened) {
  const site = join(outDir, name, 'sv');
  console.log(`  ${name.padEnd(16)} ${show(join(site, 'internal', 'index.html'))}   (public: ${show(join(site, 'public', 'index.html'))})`);
}
if (browserMissing === null) console.log(`PDFs to print and sign: ${show(join(outDir, '<workspace>', 'sv', 'pdf'))}`);
else console.log(`No PDFs were written: ${browserMissing}`);
if (failed > 0) {
  console.error(`\n${failed} of ${workspaces.length} workspaces could not be validated or rendered; see above.`);
  process.exitCode = 1;
}
