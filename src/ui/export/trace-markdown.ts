import type { Finding, Scenario, StepEvent } from '../../core/types';

export interface TraceInput {
  scenario: Scenario;
  events: readonly StepEvent[];
  /** The step shown (0 = the start). */
  index: number;
  names: readonly string[];
  /** A link that replays this run. */
  link: string;
}

/** Text from a scenario or a step never breaks the Markdown around it. */
const inline = (text: string) =>
  text
    .replace(/\s+/g, ' ')
    .replace(/([\\`*_[\]<>|])/g, '\\$1')
    .trim();
const code = (text: string) => `\`${text.replace(/`/g, "'")}\``;
const kindTitle = (kind: string) => kind.replace(/-/g, ' ');

function who(names: readonly string[], thread: number) {
  return inline(names[thread] ?? `thread ${thread + 1}`);
}

function stepLine(event: StepEvent, names: readonly string[], index: number): string {
  const hazard = event.findings.some((f) => f.severity === 'hazard') ? ' **⚠ hazard**' : '';
  const shown = event.step + 1 === index ? ' _(step shown)_' : '';
  const detail = event.detail ? ` ${inline(event.detail)}` : '';
  return `${event.step + 1}. **${who(names, event.thread)}** ran ${code(event.instr.fn)}${hazard}${shown}:${detail} ${inline(event.instr.explain)}`;
}

function findingLine(finding: Finding, names: readonly string[]): string {
  return `- **${kindTitle(finding.kind)}** at step ${finding.step + 1} (${who(names, finding.thread)}): ${inline(finding.message)} Rule that would have prevented it: ${inline(finding.rule)}`;
}

/** The run as Markdown for a review mail or notes: every step with its thread and kernel function, the hazards, the link. */
export function traceMarkdown({ scenario, events, index, names, link }: TraceInput): string {
  const findings = events.flatMap((event) => event.findings);
  const hazards = findings.filter((f) => f.severity === 'hazard');
  const warnings = findings.filter((f) => f.severity === 'warning');
  const lines = [
    `# Ringside: ${inline(scenario.title)}`,
    '',
    inline(scenario.summary),
    '',
    `Design: ${code(scenario.design)}. Replay this run: <${link}>`,
    '',
    '## Steps',
    '',
    ...(events.length > 0 ? events.map((event) => stepLine(event, names, index)) : ['No step taken yet.']),
    '',
    '## Hazard',
    '',
    ...(hazards.length > 0 ? hazards.map((f) => findingLine(f, names)) : ['No hazard in these steps.']),
  ];
  if (warnings.length > 0) lines.push('', '## Warnings', '', ...warnings.map((f) => findingLine(f, names)));
  lines.push('', `Link: ${link}`, '');
  return lines.join('\n');
}
