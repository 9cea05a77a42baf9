import { useId, useState } from 'react';
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

/** A block's heading; where a rule collapses the block (tour.css), its button names the kinds and opens the rest. */
function FindingTitle(props: {
  icon: string;
  label: string;
  long: string;
  groups: readonly FindingGroup[];
  listId: string;
  open: boolean;
  toggle: () => void;
}) {
  const kinds = props.groups.map((group) => kindTitle(group.first.kind)).join(', ');
  return (
    <p className="banner-title">
      <span className="banner-long">
        <span aria-hidden="true">{props.icon} </span>
        {`${props.label}${props.long}`}
      </span>
      <button
        type="button"
        className="banner-toggle"
        aria-expanded={props.open}
        aria-controls={props.listId}
        onClick={props.toggle}
      >
        <span aria-hidden="true">{`${props.open ? '▾' : '▸'} ${props.icon} `}</span>
        {props.label}: <span className="finding-kind">{kinds}</span>
      </button>
    </p>
  );
}

/** Which block the reader opened, kept only while the same findings are shown. */
function useOpenFor(signature: string): [boolean, () => void] {
  const [openFor, setOpenFor] = useState<string | null>(null);
  const open = openFor === signature;
  return [open, () => setOpenFor(open ? null : signature)];
}

const signatureOf = (groups: readonly FindingGroup[]) => groups.map((g) => `${g.first.kind}@${g.first.step}`).join();

/** Hazards so far as a loud alert, warnings as a quieter status; both come and go with the step shown.
    Where the column is short and a tour chapter is open, each collapses to a button naming its kinds. */
export function HazardBanner({ findings, names, index }: Props) {
  const hazards = groupFindings(findings.filter((f) => f.severity === 'hazard'));
  const warnings = groupFindings(findings.filter((f) => f.severity === 'warning'));
  const id = useId();
  const [hazardOpen, toggleHazard] = useOpenFor(signatureOf(hazards));
  const [warningOpen, toggleWarning] = useOpenFor(signatureOf(warnings));
  const list = (groups: readonly FindingGroup[], listId: string) => (
    <ul id={listId}>
      {groups.map((group) => (
        <li key={`${group.first.kind}-${group.first.step}`}>
          <GroupText group={group} names={names} index={index} />
        </li>
      ))}
    </ul>
  );
  return (
    <>
      <div
        role="alert"
        className={hazards.length > 0 ? `hazard-banner${hazardOpen ? ' banner-open' : ''}` : 'hazard-banner-empty'}
      >
        {hazards.length > 0 ? (
          <>
            <FindingTitle
              icon="⚠"
              label="Hazard"
              long=": something broke"
              groups={hazards}
              listId={`${id}-hazards`}
              open={hazardOpen}
              toggle={toggleHazard}
            />
            {list(hazards, `${id}-hazards`)}
          </>
        ) : null}
      </div>
      {warnings.length > 0 ? (
        <div role="status" className={`warning-note${warningOpen ? ' banner-open' : ''}`}>
          <FindingTitle
            icon="!"
            label="Warning"
            long=" (liveness or cost, not corruption)"
            groups={warnings}
            listId={`${id}-warnings`}
            open={warningOpen}
            toggle={toggleWarning}
          />
          {list(warnings, `${id}-warnings`)}
        </div>
      ) : null}
    </>
  );
}
