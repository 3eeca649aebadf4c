#!/usr/bin/env node
// Builds the web app (vite) when dist/web is missing or older than its sources. Used by `npm start`
// and the browser tests, so a fresh clone works with `npm install && npm start`.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const target = path.join(root, 'dist/web/index.html');

function newest(entry) {
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(entry).map((name) => newest(path.join(entry, name))));
}

const sources = [
  path.join(root, 'web'),
  path.join(root, 'vite.config.ts'),
  path.join(root, 'package-lock.json'),
];
const stale = !existsSync(target) || Math.max(...sources.map(newest)) > statSync(target).mtimeMs;
if (stale) {
  console.log('Building the web app…');
  execFileSync(
    process.execPath,
    [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
}
