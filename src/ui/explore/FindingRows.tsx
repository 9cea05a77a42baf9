import type { Counterexample } from '../../core/explore/engine/machine';
import { kindTitle } from './explore-text';

interface Props {
  findings: readonly Counterexample[];
  onOpen: (finding: Counterexample, button: HTMLButtonElement) => void;
}

const SEVERITY = {
  hazard: { icon: '⚠', label: 'Hazard' },
  warning: { icon: '!', label: 'Warning' },
} as const;

const bySeverityThenLength = (a: Counterexample, b: Counterexample) =>
  (a.severity === 'hazard' ? 0 : 1) - (b.severity === 'hazard' ? 0 : 1) || a.schedule.length - b.schedule.length;

/** One row per finding kind: its shortest schedule, the step that causes it, and a way to watch it happen. */
export function FindingRows({ findings, onOpen }: Props) {
  return (
    <ul className="finding-rows" aria-label="Bad interleavings found">
      {[...findings].sort(bySeverityThenLength).map((finding) => {
        const severity = SEVERITY[finding.severity];
        return (
          <li key={finding.kind} className={`finding-row finding-row-${finding.severity}`}>
            <p className="finding-row-kind">
              <span aria-hidden="true" className="finding-row-icon">
                {severity.icon}
              </span>{' '}
              <span className="finding-row-severity">{severity.label}:</span> <strong>{kindTitle(finding.kind)}</strong>
            </p>
            <p className="finding-row-where">
              At step {finding.step + 1} of a {finding.schedule.length}-step schedule
            </p>
            <p className="finding-row-message">{finding.message}</p>
            <button type="button" onClick={(event) => onOpen(finding, event.currentTarget)}>
              Open {finding.kind} in stepper
            </button>
          </li>
        );
      })}
    </ul>
  );
}
