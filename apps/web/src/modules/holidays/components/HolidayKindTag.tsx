import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HolidayKind } from '../../../generated/graphql.js';

/** 休 (day off) in green, 班 (adjusted working day) in orange, as printed calendars do. */
export function HolidayKindTag({ kind }: { kind: HolidayKind }) {
  const { t } = useTranslation(['core', 'holidays']);
  return (
    <Tag color={kind === 'HOLIDAY' ? 'green' : 'orange'} data-kind={kind}>
      {t(`holidays:kindShort.${kind}`)} · {t(`holidays:kind.${kind}`)}
    </Tag>
  );
}
