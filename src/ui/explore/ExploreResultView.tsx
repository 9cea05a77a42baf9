import type { Counterexample, ExploreResult } from '../../core/explore/engine/machine';
import type { Lasso } from '../../core/explore/liveness/liveness';
import { noHazardLine, statsLine } from './explore-text';
import { FindingRows } from './FindingRows';
import { LivenessRows } from './LivenessRows';

interface Props {
  result: ExploreResult;
  onOpen: (finding: Counterexample, button: HTMLButtonElement) => void;
  onOpenLasso: (lasso: Lasso, button: HTMLButtonElement) => void;
}

/** The explorer's answer: its figures, the hazards it found (or what finding none means), then liveness. */
export function ExploreResultView({ result, onOpen, onOpenLasso }: Props) {
  const hazards = result.findings.filter((finding) => finding.severity === 'hazard');
  return (
    <div className="explore-result">
      <p className="explore-stats">{statsLine(result)}</p>
      {hazards.length === 0 ? (
        <p className={result.complete ? 'explore-safe' : 'explore-unproven'}>
          <span aria-hidden="true">{result.complete ? '✓ ' : '? '}</span>
          {noHazardLine(result)}
        </p>
      ) : null}
      {result.findings.length > 0 ? (
        <>
          <p className="explore-found">
            {result.complete ? 'Shortest schedule to each kind found:' : 'Found before the search stopped:'}
          </p>
          <FindingRows findings={result.findings} onOpen={onOpen} />
        </>
      ) : null}
      {result.liveness ? <LivenessRows liveness={result.liveness} onOpen={onOpenLasso} /> : null}
      {result.errors.length > 0 ? (
        <p className="explore-errors">
          The core refused {result.errors.length} step(s) it had offered, for example: {result.errors[0]?.error}
        </p>
      ) : null}
    </div>
  );
}
