import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HolidayMark } from '../utils/holiday-marks.js';

/** 休 (statutory day off) or 班 (adjusted working day, 调休) on a calendar day, with the holiday's name. */
export function HolidayDayMark({ mark, withName = true }: { mark: HolidayMark | undefined; withName?: boolean }) {
  const { t } = useTranslation(['core', 'holidays']);
  if (!mark) return null;
  return (
    <Tooltip title={`${mark.name} · ${t(`holidays:kind.${mark.kind}`)}`}>
      <Tag
        color={mark.kind === 'HOLIDAY' ? 'red' : 'default'}
        className="holiday-day-mark"
        style={{ marginInlineEnd: 4, fontSize: 11, lineHeight: '16px', paddingInline: 4 }}
        data-testid="holiday-mark"
        data-kind={mark.kind}
        data-date={mark.date}
      >
        {t(`holidays:kindShort.${mark.kind}`)}
        {withName && mark.kind === 'HOLIDAY' ? ` ${mark.name}` : ''}
      </Tag>
    </Tooltip>
  );
}
