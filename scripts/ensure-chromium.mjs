// Before the e2e suite: find a Chromium, install Debian's when running as root, or stop with the one command to run.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const INSTALL = 'apt-get update && apt-get install -y --no-install-recommends chromium fonts-liberation';

if (existsSync(path)) process.exit(0);
if (process.getuid?.() !== 0 || process.env.CHROMIUM_PATH) {
  console.error(`No Chromium at ${path}. Run as root: ${INSTALL}`);
  process.exit(1);
}
console.log(`No Chromium at ${path}; installing Debian's: ${INSTALL}`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium', 'fonts-liberation'], {
  stdio: ['ignore', 'inherit', 'inherit'],
  env,
});
if (!existsSync(path)) {
  console.error(`apt-get finished but ${path} is still missing. Run: ${INSTALL}`);
  process.exit(1);
}
