import { useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { arrowDelta, resizeFrom, type EditorAction, type FloorPlan, type Handle, type PlanBooth } from '../utils/floor-plan.js';

interface Drag {
  key: string;
  handle: Handle | null;
  /** Pointer position (plan metres) when the drag started. */
  from: { x: number; y: number };
  booth: PlanBooth;
  /** The selected booths as they were when the drag began, when one of several selected is dragged (they move together). */
  group: PlanBooth[] | null;
  pointerId: number;
  /** False until the pointer really moved: a plain click on one of several selected booths selects just it. */
  moved: boolean;
}

const HANDLES: Handle[] = ['nw', 'ne', 'sw', 'se'];

const TYPE_FILL: Record<PlanBooth['type'], string> = { STANDARD: '#e6f0ff', CORNER: '#e8f7ee', PREMIUM: '#fff4d6' };

/**
 * The editor's drawing surface: booths as rectangles labelled with their code; click to select
 * (Shift/Ctrl adds), drag to move, corner handles to resize, arrows to nudge, Delete to remove.
 */
export function FloorPlanCanvas({
  plan,
  selected,
  invalid,
  viewBox,
  dispatch,
  pan,
  onPan,
}: {
  plan: FloorPlan;
  selected: readonly string[];
  invalid: ReadonlySet<string>;
  viewBox: { x: number; y: number; width: number; height: number };
  dispatch: (action: EditorAction) => void;
  pan: { x: number; y: number };
  /** Dragging the empty plan moves the view (useful zoomed in, e.g. on a phone). */
  onPan(pan: { x: number; y: number }): void;
}) {
  const { t } = useTranslation(['core', 'booths']);
  const svg = useRef<SVGSVGElement>(null);
  const [drag, setDrag] = useState<Drag | null>(null);
  const [panning, setPanning] = useState<{ clientX: number; clientY: number; from: { x: number; y: number }; pointerId: number } | null>(null);

  const toPlan = (e: { clientX: number; clientY: number }) => {
    const el = svg.current;
    const ctm = el?.getScreenCTM();
    if (!el || !ctm) return { x: 0, y: 0 };
    const p = new DOMPoint(e.clientX, e.clientY).matrixTransform(ctm.inverse());
    return { x: p.x, y: p.y };
  };

  const startDrag = (e: PointerEvent, booth: PlanBooth, handle: Handle | null) => {
    if (e.button !== 0) return;
    e.stopPropagation();
    const additive = e.shiftKey || e.ctrlKey || e.metaKey;
    if (!handle && (additive || !selected.includes(booth.key))) dispatch({ type: 'select', key: booth.key, additive });
    if (additive) return;
    svg.current?.setPointerCapture(e.pointerId);
    svg.current?.focus({ preventScroll: true });
    // Dragging one of several selected booths moves them all.
    const group = !handle && selected.length > 1 && selected.includes(booth.key) ? plan.booths.filter((b) => selected.includes(b.key)) : null;
    setDrag({ key: booth.key, handle, from: toPlan(e), booth, group, pointerId: e.pointerId, moved: false });
  };

  const startPan = (e: PointerEvent) => {
    dispatch({ type: 'select', key: null });
    if (e.button !== 0) return;
    svg.current?.setPointerCapture(e.pointerId);
    setPanning({ clientX: e.clientX, clientY: e.clientY, from: pan, pointerId: e.pointerId });
  };

  const onPointerMove = (e: PointerEvent) => {
    if (panning && e.pointerId === panning.pointerId) {
      const scale = svg.current?.getScreenCTM()?.a || 1;
      onPan({ x: panning.from.x - (e.clientX - panning.clientX) / scale, y: panning.from.y - (e.clientY - panning.clientY) / scale });
      return;
    }
    if (!drag || e.pointerId !== drag.pointerId) return;
    const p = toPlan(e);
    const dx = p.x - drag.from.x;
    const dy = p.y - drag.from.y;
    if (!drag.moved) {
      if (Math.hypot(dx, dy) < 0.1) return;
      setDrag({ ...drag, moved: true });
    }
    if (drag.handle) dispatch({ type: 'resize', key: drag.key, ...resizeFrom(drag.booth, drag.handle, dx, dy) });
    else if (drag.group) dispatch({ type: 'moveGroup', key: drag.key, booths: drag.group, dx, dy });
    else dispatch({ type: 'move', key: drag.key, x: drag.booth.x + dx, y: drag.booth.y + dy });
  };

  const endDrag = (e: PointerEvent) => {
    if (drag && svg.current?.hasPointerCapture(e.pointerId)) svg.current.releasePointerCapture(e.pointerId);
    if (drag && !drag.moved && !drag.handle && selected.length > 1) dispatch({ type: 'select', key: drag.key });
    setDrag(null);
    if (panning && svg.current?.hasPointerCapture(e.pointerId)) svg.current.releasePointerCapture(e.pointerId);
    setPanning(null);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const delta = arrowDelta(e.key, e.shiftKey);
    if (delta && selected.length > 0) {
      e.preventDefault();
      dispatch({ type: 'nudge', ...delta });
    } else if ((e.key === 'Delete' || e.key === 'Backspace') && selected.length > 0) {
      e.preventDefault();
      dispatch({ type: 'delete' });
    } else if (e.key === 'Escape') {
      dispatch({ type: 'select', key: null });
    }
  };

  const selectedSet = new Set(selected);
  const single = selected.length === 1 ? plan.booths.find((b) => b.key === selected[0]) : undefined;
  const fontSize = (b: PlanBooth) => Math.max(0.35, Math.min(1, b.width / 3.2, b.height / 2));
  const handleSize = Math.max(0.35, viewBox.width / 120);

  return (
    <svg
      ref={svg}
      className="floor-plan-canvas"
      viewBox={`${viewBox.x} ${viewBox.y} ${viewBox.width} ${viewBox.height}`}
      preserveAspectRatio="xMidYMid meet"
      tabIndex={0}
      role="application"
      aria-label={t('booths:editor.canvasLabel')}
      onKeyDown={onKeyDown}
      onPointerDown={startPan}
      style={{ cursor: panning ? 'grabbing' : undefined }}
      onPointerMove={onPointerMove}
      onPointerUp={endDrag}
      onPointerCancel={endDrag}
      data-testid="floor-plan-canvas"
    >
      <defs>
        <pattern id="plan-grid-1" width="1" height="1" patternUnits="userSpaceOnUse">
          <path d="M 1 0 L 0 0 0 1" fill="none" stroke="#e3e8f0" strokeWidth="0.03" />
        </pattern>
        <pattern id="plan-grid-5" width="5" height="5" patternUnits="userSpaceOnUse">
          <rect width="5" height="5" fill="url(#plan-grid-1)" />
          <path d="M 5 0 L 0 0 0 5" fill="none" stroke="#c8d1de" strokeWidth="0.06" />
        </pattern>
      </defs>
      <rect x={0} y={0} width={plan.width} height={plan.height} fill="#fff" stroke="#1f2a44" strokeWidth={0.12} />
      <rect x={0} y={0} width={plan.width} height={plan.height} fill="url(#plan-grid-5)" pointerEvents="none" />
      {plan.booths.map((b) => {
        const isSelected = selectedSet.has(b.key);
        const bad = invalid.has(b.key);
        return (
          <g
            key={b.key}
            role="button"
            tabIndex={-1}
            aria-label={t('booths:editor.boothLabel', { code: b.code || '?', width: b.width, height: b.height })}
            aria-pressed={isSelected}
            data-testid={`plan-booth-${b.code}`}
            onPointerDown={(e) => startDrag(e, b, null)}
            style={{ cursor: drag ? 'grabbing' : 'grab' }}
          >
            <rect
              x={b.x}
              y={b.y}
              width={b.width}
              height={b.height}
              fill={bad ? '#fff1f0' : TYPE_FILL[b.type]}
              stroke={bad ? '#cf1322' : isSelected ? '#1677ff' : '#5b6b85'}
              strokeWidth={isSelected || bad ? 0.16 : 0.06}
              strokeDasharray={bad ? '0.3 0.15' : undefined}
            />
            <text
              x={b.x + b.width / 2}
              y={b.y + b.height / 2}
              fontSize={fontSize(b)}
              textAnchor="middle"
              dominantBaseline="central"
              fill={bad ? '#a8071a' : '#1f2a44'}
              pointerEvents="none"
              style={{ userSelect: 'none', fontWeight: 600 }}
            >
              {b.code}
            </text>
          </g>
        );
      })}
      {single &&
        HANDLES.map((h) => {
          const cx = h === 'nw' || h === 'sw' ? single.x : single.x + single.width;
          const cy = h === 'nw' || h === 'ne' ? single.y : single.y + single.height;
          return (
            <rect
              key={h}
              x={cx - handleSize / 2}
              y={cy - handleSize / 2}
              width={handleSize}
              height={handleSize}
              fill="#fff"
              stroke="#1677ff"
              strokeWidth={0.08}
              style={{ cursor: h === 'nw' || h === 'se' ? 'nwse-resize' : 'nesw-resize' }}
              data-testid={`resize-${h}`}
              onPointerDown={(e) => startDrag(e, single, h)}
            />
          );
        })}
    </svg>
  );
}
