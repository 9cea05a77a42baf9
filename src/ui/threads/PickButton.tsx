import { selectCurrentState } from '../../state/store';
import { enabledThreads } from '../../worker/statuses';
import { useAppSelector, useServices } from '../AppContext';
import { pickNextThread } from '../playback/pick';

/** Ringside's deterministic choice: the scenario's story while it is followed, else the lowest ready thread. */
export function PickButton() {
  const { store, controller } = useServices();
  const state = useAppSelector(selectCurrentState);
  const canRun = state ? enabledThreads(state).length > 0 : false;
  const onPick = () => {
    const s = store.getState();
    const current = s.states[s.index];
    const thread = current ? pickNextThread(current, s.schedule.slice(0, s.index)) : null;
    if (thread !== null) void controller.chooseThread(thread);
  };
  return (
    <button type="button" className="pick-button" onClick={onPick} disabled={!canRun}>
      Let Ringside pick
    </button>
  );
}
