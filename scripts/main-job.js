#!/usr/bin/env node
// npm start: the main job on the bundled example workspaces. Validates each workspace under
// plans/ and renders it as a site (internal, and public with confidential items withheld) into
// out/<workspace>/, then prints where to open them. Exits non-zero if any workspace has errors.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const cli = join(root, 'bin/samverkan.js');
const plansDir = join(root, 'plans');
const outDir = join(root, 'out');

const run = (args) => spawnSync(process.execPath, [cli, ...args], { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: process.stdout.isTTY ? '1' : '0' } }).status;

const workspaces = readdirSync(plansDir, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(plansDir, d.name, 'samverkan.yaml')))
  .map((d) => d.name)
  .sort();

let failed = 0;
const opened = [];
for (const name of workspaces) {
  const dir = join(plansDir, name);
  console.log(`\n== ${name}`);
  if (run(['validate', '-C', dir]) !== 0) {
    failed++;
    continue;
  }
  const site = join(outDir, name, 'internal');
  const publicSite = join(outDir, name, 'public');
  if (run(['render', 'site', '-C', dir, '--out', site]) !== 0 || run(['render', 'site', '-C', dir, '--public', '--out', publicSite]) !== 0) {
    failed++;
    continue;
  }
  opened.push([name, join(site, 'index.html'), join(publicSite, 'index.html')]);
}

console.log('\nOpen the rendered sites in a browser:');
for (const [name, site, pub] of opened) console.log(`  ${name.padEnd(16)} ${relative(process.cwd(), site)}   (public: ${relative(process.cwd(), pub)})`);
if (failed > 0) {
  console.error(`\n${failed} of ${workspaces.length} workspaces could not be validated or rendered; see above.`);
  process.exitCode = 1;
}
