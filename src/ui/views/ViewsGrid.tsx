import type { State, StepEvent } from '../../core/types';
import { CostView } from './CostView';
import { changedMatcher, nothingChanged } from './changed';
import { FramesView } from './FramesView';
import { KernelMapView } from './KernelMapView';
import { PageTableView } from './PageTableView';
import { RingView } from './RingView';
import { TlbView } from './TlbView';
import { VhostView } from './VhostView';

interface Props {
  state: State;
  /** The step that produced `state`; its changed paths are highlighted. */
  event: StepEvent | undefined;
  names: readonly string[];
}

export function ViewsGrid({ state, event, names }: Props) {
  const changed = event ? changedMatcher(event.changed) : nothingChanged;
  return (
    <div className="views-grid">
      <RingView state={state} changed={changed} />
      <VhostView state={state} changed={changed} names={names} />
      <FramesView state={state} changed={changed} />
      <PageTableView state={state} changed={changed} />
      <KernelMapView state={state} changed={changed} />
      <TlbView state={state} changed={changed} />
      <CostView state={state} event={event} />
    </div>
  );
}
