import { useId } from 'react';
import { isIntervalDesign, mmuLockIsMutex } from '../../core';
import type { State } from '../../core/types';
import type { ChangedTest } from './changed';
import { isGone, ownerLabel, threadLabel } from './labels';
import { AnimatedLine, AnimatedRect } from './svg/Animated';
import { ChangedMark, ViewFrame } from './ViewFrame';

const ROW = 26;
const WIDTH = 330;
const BOX_X = 236;

interface Props {
  state: State;
  changed: ChangedTest;
  names: readonly string[];
}

/** vhost's cached kernel pointers as arrows to the frames they reach, plus seq, count and the locks. */
export function VhostView({ state, changed, names }: Props) {
  const markerId = useId();
  const { vhost } = state;
  const targets = [...new Set(vhost.ptr.filter((f) => f >= 0))].sort((a, b) => a - b);
  const rows = Math.max(vhost.ptr.length, targets.length);
  const infoY = 24 + rows * ROW;
  const dangling = vhost.ptr.filter((f) => f >= 0 && isGone(state.frames[f])).length;
  const interval = isIntervalDesign(state.scenario.design);
  const info = [
    `seq ${vhost.seq} · count ${vhost.count}${interval ? ` · itree seq ${vhost.itreeSeq}, active ${vhost.itreeActive}` : ''}`,
    `mmu_lock${mmuLockIsMutex(state.scenario.design) ? ' (a mutex)' : ''} held by ${threadLabel(names, vhost.mmuLock)}`,
    `vq->mutex held by ${threadLabel(names, vhost.vqMutex)}`,
    `vmap slot ${vhost.vmapSlot < 0 ? 'none' : vhost.vmapSlot}`,
  ];
  return (
    <ViewFrame
      title="vhost pointers and locks"
      summary={`${vhost.ptr.filter((f) => f >= 0).length} live pointers, ${dangling} pointing at freed frames.`}
      width={WIDTH}
      height={infoY + info.length * 17 + 4}
      changed={changed('vhost')}
    >
      {() => (
        <>
          <defs>
            <marker id={markerId} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto">
              <path d="M0,0 L10,5 L0,10 z" className="arrow-head" />
            </marker>
          </defs>
          <text x={4} y={12} className="col-head">
            <tspan>vq pointer (userringpage)</tspan>
            <tspan x={BOX_X}>frame</tspan>
          </text>
          {vhost.ptr.map((f, i) => {
            const y = 20 + i * ROW;
            const isDangling = f >= 0 && isGone(state.frames[f]);
            const target = targets.indexOf(f);
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: one pointer per ring page, in page order.
              <g key={i} data-ptr={i} data-dangling={isDangling} className={isDangling ? 'danger' : undefined}>
                <AnimatedRect x={2} y={y} width={130} height={ROW - 6} rx={3} className="cell" />
                <text x={8} y={y + 14} className="cell-text">
                  ptr[{i}] {f < 0 ? '= NULL' : `→ #${f}`}
                </text>
                {target >= 0 ? (
                  <AnimatedLine
                    x1={132}
                    y1={y + 10}
                    x2={BOX_X - 2}
                    y2={20 + target * ROW + 10}
                    className={`arrow${isDangling ? ' arrow-dangling' : ''}`}
                    markerEnd={`url(#${markerId})`}
                  />
                ) : null}
                {isDangling ? (
                  <text x={(132 + BOX_X) / 2} y={y + 6} textAnchor="middle" className="danger-label">
                    dangling
                  </text>
                ) : null}
              </g>
            );
          })}
          {targets.map((f, j) => {
            const frame = state.frames[f];
            const gone = isGone(frame);
            const y = 20 + j * ROW;
            return (
              <g key={f} data-target={f} className={gone ? 'danger' : undefined}>
                <AnimatedRect
                  x={BOX_X}
                  y={y}
                  width={WIDTH - BOX_X - 2}
                  height={ROW - 6}
                  rx={3}
                  className={`cell${gone ? ' cell-gone' : ''}${changed(`frames.${f}`) ? ' cell-changed' : ''}`}
                />
                <text x={BOX_X + 5} y={y + 14} className={`cell-text${gone ? ' strong' : ''}`}>
                  {gone ? '⚠ ' : ''}#{f} {frame ? ownerLabel(frame.owner) : '?'}
                </text>
              </g>
            );
          })}
          {info.map((line, k) => (
            <text key={line} x={4} y={infoY + k * 17 + 12} className="info-text">
              {line}
            </text>
          ))}
          <ChangedMark x={WIDTH - 14} y={infoY + 12} on={changed('vhost')} />
        </>
      )}
    </ViewFrame>
  );
}
