import { DESIGN_TITLES, DESIGNS, KIND_BACKINGS, MM_KINDS } from './catalog';
import { programsOf } from './programs/compile';
import type { DesignId, Instr, MmEventKind, Scenario } from './types';

function scenarioFor(design: DesignId, kind?: MmEventKind): Scenario {
  const backing = kind ? (KIND_BACKINGS[kind][0] ?? '4k') : '4k';
  return {
    format: 1,
    id: 'doc',
    title: '',
    summary: '',
    design,
    bugs: [],
    backing,
    directMap: '1G',
    ringSize: 256,
    rounds: 1,
    mm: kind ? [{ kind, target: 'all' }] : [],
    startRegion: 0,
    story: [],
    expect: { hazards: [], warnings: [] },
  };
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

function table(instrs: Instr[]): string[] {
  const rows = ['| # | kernel function | pseudo-code | what it stands for |', '|---|---|---|---|'];
  instrs.forEach((i, n) => {
    const pad = '↳ '.repeat(i.depth);
    rows.push(`| ${n} | ${pad}\`${cell(i.fn)}\` | \`${cell(i.code)}\` | ${cell(i.explain)} |`);
  });
  return rows;
}

/** Markdown listing every design's vhost program and every mm program with each design's callbacks inlined. */
export function stepsDoc(): string {
  const out = [
    '# Every step Ringside models',
    '',
    'Generated from `src/core/programs` by `npm run docs:steps`; a test fails when this file is out of date.',
    'Each row is one atomic step; `↳` marks a notifier callback running inside the mm function above it.',
    '',
  ];
  for (const design of DESIGNS) {
    out.push(`## ${design}: ${DESIGN_TITLES[design]}`, '', '### vhost worker', '');
    out.push(...table(programsOf(scenarioFor(design))[0]?.instrs ?? []), '');
    for (const kind of MM_KINDS) {
      if (kind === 'set-vring-addr' && design === 'vmap-pinned') continue;
      const program = programsOf(scenarioFor(design, kind))[1];
      if (!program) continue;
      out.push(`### ${program.name}`, '', ...table(program.instrs), '');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}
