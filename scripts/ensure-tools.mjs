// Before the tests: find Chromium (e2e), Spin and gcc (the Promela agreement test); as root install Debian's
// packages for whatever is missing, otherwise stop with the one command to run.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const onPath = (tool) => {
  try {
    execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
/** Each Debian package the tests need, with how to tell it is there. */
const NEEDED = [
  { pkg: 'chromium', present: () => existsSync(chromium) },
  { pkg: 'fonts-liberation', present: () => existsSync('/usr/share/fonts/truetype/liberation') },
  { pkg: 'spin', present: () => onPath('spin') },
  { pkg: 'gcc', present: () => onPath('gcc') },
];

const missing = NEEDED.filter((n) => !n.present()).map((n) => n.pkg);
if (missing.length === 0) process.exit(0);
const install = `apt-get update && apt-get install -y --no-install-recommends ${missing.join(' ')}`;
// Chromium at a custom path is the user's own: never install over it.
if (process.getuid?.() !== 0 || (process.env.CHROMIUM_PATH && missing.includes('chromium'))) {
  console.error(`Missing ${missing.join(', ')}. Run as root: ${install}`);
  process.exit(1);
}
console.log(`Missing ${missing.join(', ')}; installing Debian's: ${install}`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], {
  stdio: ['ignore', 'inherit', 'inherit'],
  env,
});
const still = NEEDED.filter((n) => !n.present()).map((n) => n.pkg);
if (still.length > 0) {
  console.error(`apt-get finished but ${still.join(', ')} is still missing. Run: ${install}`);
  process.exit(1);
}
