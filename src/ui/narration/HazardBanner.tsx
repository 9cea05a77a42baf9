import type { Finding } from '../../core/types';

interface Props {
  findings: readonly Finding[];
  names: readonly string[];
  /** Position in the history, to say whether a finding was caused by the step just taken. */
  index: number;
}

/** Findings of one kind and rule, reported once with every step that caused one. */
interface FindingGroup {
  first: Finding;
  steps: number[];
}

function groupFindings(findings: readonly Finding[]): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  for (const finding of findings) {
    const key = `${finding.kind}\n${finding.rule}`;
    const group = groups.get(key);
    if (group) group.steps.push(finding.step);
    else groups.set(key, { first: finding, steps: [finding.step] });
  }
  return [...groups.values()];
}

const kindTitle = (kind: string) => kind.replace(/-/g, ' ');

/** The message without a leading "Deadlock: " that would repeat the kind shown just before it. */
function withoutKind(kind: string, message: string): string {
  const prefix = `${kindTitle(kind)}: `;
  return message.toLowerCase().startsWith(prefix) ? message.slice(prefix.length) : message;
}

function GroupText({ group, names, index }: { group: FindingGroup; names: readonly string[]; index: number }) {
  const { first, steps } = group;
  const who = names[first.thread] ?? `thread ${first.thread + 1}`;
  const when = first.step + 1 === index ? 'this step' : `step ${first.step + 1}`;
  const more = steps.slice(1).map((step) => step + 1);
  return (
    <>
      <strong className="finding-kind">{kindTitle(first.kind)}</strong>: {withoutKind(first.kind, first.message)}{' '}
      <span className="finding-cause">
        Caused by {when} ({who}).
        {more.length > 0 ? ` Again at step${more.length > 1 ? 's' : ''} ${more.join(', ')}.` : ''}
      </span>{' '}
      <span className="finding-rule">Rule that would have prevented it: {first.rule}</span>
    </>
  );
}

/** Hazards so far as a loud alert, warnings as a quieter status; both come and go with the step shown. */
export function HazardBanner({ findings, names, index }: Props) {
  const hazards = groupFindings(findings.filter((f) => f.severity === 'hazard'));
  const warnings = groupFindings(findings.filter((f) => f.severity === 'warning'));
  return (
    <>
      <div role="alert" className={hazards.length > 0 ? 'hazard-banner' : 'hazard-banner-empty'}>
        {hazards.length > 0 ? (
          <>
            <p className="banner-title">
              <span aria-hidden="true">⚠ </span>Hazard: something broke
            </p>
            <ul>
              {hazards.map((group) => (
                <li key={`${group.first.kind}-${group.first.step}`}>
                  <GroupText group={group} names={names} index={index} />
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
      {warnings.length > 0 ? (
        <div role="status" className="warning-note">
          <p className="banner-title">
            <span aria-hidden="true">! </span>Warning (liveness or cost, not corruption)
          </p>
          <ul>
            {warnings.map((group) => (
              <li key={`${group.first.kind}-${group.first.step}`}>
                <GroupText group={group} names={names} index={index} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}
