import { CompressOutlined, ZoomInOutlined, ZoomOutOutlined } from '@ant-design/icons';
import { Button, Flex, Space, Tooltip } from 'antd';
import { useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { countByStatus, isPickable, MAP_STATUSES, mapExtent, minBoothScale, STATUS_STYLE, type MapBooth, type MapStatus } from '../utils/booth-map.js';

/** The smallest booth is drawn at least this many pixels wide: a comfortable tap target on a phone. */
const MIN_BOOTH_PX = 36;

/**
 * A fair's floor plan, read-only: booths coloured by status with a legend, a tooltip (code, zone,
 * type, size, the employer when booked), and a click or Enter on a pickable booth calls `onPick`.
 * Each booth is a focusable button with a spoken label. The plan scrolls inside its own frame, so a
 * phone never scrolls the page sideways; the zoom buttons enlarge it.
 */
export function BoothMap({
  booths,
  plan,
  onPick,
  canPick = (b) => isPickable(b.status),
  selectedId,
  legend = MAP_STATUSES,
  height,
}: {
  booths: readonly MapBooth[];
  plan?: { width: number; height: number } | null;
  onPick?(booth: MapBooth): void;
  canPick?(booth: MapBooth): boolean;
  selectedId?: string | null;
  legend?: readonly MapStatus[];
  /** Frame height in px (default: up to 70% of the window). */
  height?: number;
}) {
  const { t } = useTranslation(['core', 'booths']);
  const frame = useRef<HTMLDivElement>(null);
  const [frameWidth, setFrameWidth] = useState(800);
  const [zoom, setZoom] = useState(1);
  const [tip, setTip] = useState<{ boothId: string; left: number; top: number; below: boolean } | null>(null);
  const extent = mapExtent(booths, plan);

  useLayoutEffect(() => {
    const el = frame.current;
    if (!el) return;
    const measure = () => setFrameWidth(el.clientWidth || 800);
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // Whatever the plan's units, fit the frame's width but never draw the smallest booth under MIN_BOOTH_PX.
  const margin = extent.width / 60;
  const fitScale = Math.max(minBoothScale(booths, MIN_BOOTH_PX), (frameWidth - 2) / (extent.width + 2 * margin));
  const scale = fitScale * zoom;
  const widthPx = Math.round((extent.width + 2 * margin) * scale);
  const heightPx = Math.round((extent.height + 2 * margin) * scale);
  const counts = countByStatus(booths);

  const sizeText = (b: MapBooth) => (b.sizeSqm ? t('booths:map.area', { area: b.sizeSqm }) : t('booths:map.size', { width: b.width, height: b.height }));
  const label = (b: MapBooth) =>
    [
      b.code,
      b.zone ? t('booths:map.zoneOf', { zone: b.zone }) : null,
      t(`booths:type.${b.type}`, { defaultValue: b.type }),
      sizeText(b),
      t(`booths:status.${b.status}`),
      b.employerName ?? null,
    ]
      .filter(Boolean)
      .join('，');

  const showTip = (b: MapBooth, target: Element) => {
    const box = frame.current?.getBoundingClientRect();
    const r = target.getBoundingClientRect();
    if (!box || !frame.current) return;
    // Near the frame's top edge the tip goes under the booth, where the frame does not clip it.
    const below = r.top - box.top < 80;
    setTip({
      boothId: b.id,
      left: Math.max(110, Math.min(frame.current.scrollWidth - 110, r.left - box.left + frame.current.scrollLeft + r.width / 2)),
      top: (below ? r.bottom : r.top) - box.top + frame.current.scrollTop,
      below,
    });
  };

  // The tip follows the booth's live status (a booth can turn taken while its tip shows).
  const tipBooth = tip ? booths.find((b) => b.id === tip.boothId) : undefined;
  const pick = (b: MapBooth) => {
    if (onPick && canPick(b)) onPick(b);
  };
  const onKey = (e: KeyboardEvent, b: MapBooth) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      pick(b);
    }
  };

  return (
    <div className="booth-map" data-testid="booth-map">
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
        <ul className="booth-map-legend" aria-label={t('booths:map.legend')}>
          {legend.map((s) => (
            <li key={s} data-testid={`legend-${s}`}>
              <span className="swatch" style={{ background: STATUS_STYLE[s].fill, borderColor: STATUS_STYLE[s].stroke }} />
              {t(`booths:status.${s}`)} <span className="count">{counts[s]}</span>
            </li>
          ))}
        </ul>
        <Space size={4}>
          <Tooltip title={t('booths:editor.zoomOut')}>
            <Button size="small" icon={<ZoomOutOutlined />} aria-label={t('booths:editor.zoomOut')} onClick={() => setZoom((z) => Math.max(1, z / 1.5))} />
          </Tooltip>
          <Tooltip title={t('booths:editor.zoomIn')}>
            <Button size="small" icon={<ZoomInOutlined />} aria-label={t('booths:editor.zoomIn')} onClick={() => setZoom((z) => Math.min(6, z * 1.5))} />
          </Tooltip>
          <Tooltip title={t('booths:editor.fit')}>
            <Button size="small" icon={<CompressOutlined />} aria-label={t('booths:editor.fit')} onClick={() => setZoom(1)} />
          </Tooltip>
        </Space>
      </Flex>
      <div
        ref={frame}
        className="booth-map-frame"
        style={{ maxHeight: height ?? '70vh' }}
        onScroll={() => setTip(null)}
        onPointerLeave={() => setTip(null)}
      >
        <svg
          width={widthPx}
          height={heightPx}
          viewBox={`${-margin} ${-margin} ${extent.width + 2 * margin} ${extent.height + 2 * margin}`}
          role="group"
          aria-label={t('booths:map.label', { count: booths.length })}
        >
          <rect x={0} y={0} width={extent.width} height={extent.height} fill="#fff" stroke="#c8d1de" strokeWidth={1} vectorEffect="non-scaling-stroke" />
          {booths.map((b) => {
            const style = STATUS_STYLE[b.status];
            const pickable = !!onPick && canPick(b);
            const selected = b.id === selectedId;
            return (
              <g
                key={b.id}
                role="button"
                tabIndex={0}
                aria-label={label(b)}
                aria-disabled={!pickable}
                aria-pressed={selected}
                data-testid={`map-booth-${b.code}`}
                data-status={b.status}
                className={`map-booth${pickable ? ' pickable' : ''}`}
                onClick={() => pick(b)}
                onKeyDown={(e) => onKey(e, b)}
                onPointerEnter={(e) => showTip(b, e.currentTarget)}
                onFocus={(e) => showTip(b, e.currentTarget)}
                onBlur={() => setTip(null)}
              >
                <rect
                  x={b.x}
                  y={b.y}
                  width={b.width}
                  height={b.height}
                  fill={style.fill}
                  stroke={selected ? '#f5222d' : style.stroke}
                  strokeWidth={selected ? 3 : 1.2}
                  vectorEffect="non-scaling-stroke"
                  rx={Math.min(b.width, b.height) * 0.05}
                />
                {b.status === 'CLOSED' && (
                  <path
                    d={`M${b.x + b.width * 0.1} ${b.y + b.height * 0.1} L${b.x + b.width * 0.9} ${b.y + b.height * 0.9}`}
                    stroke={style.stroke}
                    strokeWidth={1}
                    vectorEffect="non-scaling-stroke"
                    pointerEvents="none"
                  />
                )}
                <text
                  x={b.x + b.width / 2}
                  y={b.y + b.height / 2}
                  fontSize={Math.min(b.width / 3.2, b.height / 2)}
                  textAnchor="middle"
                  dominantBaseline="central"
                  fill={style.text}
                  pointerEvents="none"
                  style={{ fontWeight: 600, userSelect: 'none' }}
                >
                  {b.code}
                </text>
              </g>
            );
          })}
        </svg>
        {tip && tipBooth && (
          <div className={`booth-map-tip${tip.below ? ' below' : ''}`} role="tooltip" style={{ left: tip.left, top: tip.top }} data-testid="booth-tip">
            <strong>{tipBooth.code}</strong> · {t(`booths:status.${tipBooth.status}`)}
            <div>
              {tipBooth.zone && <>{t('booths:map.zoneOf', { zone: tipBooth.zone })} · </>}
              {t(`booths:type.${tipBooth.type}`, { defaultValue: tipBooth.type })} · {sizeText(tipBooth)}
            </div>
            {tipBooth.employerName && <div>{tipBooth.employerName}</div>}
            {tipBooth.reservedFor && <div>{t('booths:map.reservedFor', { groups: tipBooth.reservedFor })}</div>}
          </div>
        )}
      </div>
    </div>
  );
}
