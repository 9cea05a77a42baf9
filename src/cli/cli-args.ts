import { excerpt } from '../core/excerpt';

export interface CliArgs {
  target?: string;
  maxStates?: number;
  /** `--max-bytes`: stop with an incomplete result once the explorer's stores pass this many bytes. */
  maxBytes?: number;
  matrix: boolean;
  table: boolean;
  /** `--no-por`: explore every interleaving, without partial-order reduction. */
  por: boolean;
  /** `--promela [out.pml]`: write the scenario as Promela (to stdout without a file name). */
  promela?: string | true;
  /** `--spin-trail <file.pml.trail>`: read Spin's counterexample back as a Ringside schedule. */
  spinTrail?: string;
  /** `--spin`: export, build, run Spin (safety and liveness), read back the verdict and the trail. */
  spin: boolean;
  /** `--bitstate`: with `--spin`, Spin's bitstate hashing instead of the exhaustive store. */
  bitstate: boolean;
}

const FLAGS = [
  '--matrix',
  '--table',
  '--max-states',
  '--max-bytes',
  '--no-por',
  '--promela',
  '--spin-trail',
  '--spin',
  '--bitstate',
];
/** Flags that take a positive whole number, with the most digits each accepts. */
const NUMBER_FLAGS: Partial<Record<string, { field: 'maxStates' | 'maxBytes'; digits: number }>> = {
  '--max-states': { field: 'maxStates', digits: 10 },
  '--max-bytes': { field: 'maxBytes', digits: 12 },
};

/** The explore command's arguments; a string is the one-line reason they are wrong. Never throws. */
export function parseCliArgs(args: readonly string[]): CliArgs | string {
  const parsed: CliArgs = { matrix: false, table: false, por: true, spin: false, bitstate: false };
  const positional: string[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? splitOnce(arg) : [arg, undefined];
    const known = FLAGS.includes(flag);
    if (known && seen.has(flag)) return `${flag} is given twice; give each option at most once`;
    if (known) seen.add(flag);
    const number = NUMBER_FLAGS[flag];
    if (number) {
      const value = inline ?? args[i + 1];
      if (inline === undefined) i++;
      if (value === undefined || (inline === undefined && value.startsWith('--')))
        return `${flag} needs a value (a positive whole number)`;
      if (!new RegExp(`^[1-9]\\d{0,${number.digits - 1}}$`).test(value))
        return `${flag} needs a positive whole number, got ${excerpt(value)}`;
      parsed[number.field] = Number(value);
    } else if (flag === '--matrix' || flag === '--table') {
      if (inline !== undefined) return `${flag} takes no value`;
      parsed[flag === '--matrix' ? 'matrix' : 'table'] = true;
    } else if (flag === '--no-por') {
      if (inline !== undefined) return `${flag} takes no value`;
      parsed.por = false;
    } else if (flag === '--promela') {
      const next = args[i + 1] ?? '';
      if (inline !== undefined) parsed.promela = inline;
      else if (next.endsWith('.pml')) {
        parsed.promela = next;
        i++;
      } else parsed.promela = true;
    } else if (flag === '--spin-trail') {
      const value = inline ?? args[i + 1];
      if (inline === undefined) i++;
      if (value === undefined || value.startsWith('--')) return '--spin-trail needs a trail file (model.pml.trail)';
      parsed.spinTrail = value;
    } else if (flag === '--spin' || flag === '--bitstate') {
      if (inline !== undefined) return `${flag} takes no value`;
      parsed[flag === '--spin' ? 'spin' : 'bitstate'] = true;
    } else if (arg.startsWith('-') && arg !== '-') {
      return `unknown option ${excerpt(arg)} (options: ${FLAGS.join(', ')})`;
    } else positional.push(arg);
  }
  if (parsed.table && !parsed.matrix) return '--table only goes with --matrix';
  if (parsed.matrix && positional.length > 0) return '--matrix takes no scenario';
  if (positional.length > 1) return `one scenario at a time, got ${positional.length}`;
  return positional[0] === undefined ? parsed : { ...parsed, target: positional[0] };
}

function splitOnce(arg: string): [string, string] {
  const at = arg.indexOf('=');
  return [arg.slice(0, at), arg.slice(at + 1)];
}
