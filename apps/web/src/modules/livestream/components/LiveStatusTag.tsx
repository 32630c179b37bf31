import type { BroadcastStatus } from '@leye/domain';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLOR: Record<BroadcastStatus, string> = { LIVE: 'red', SCHEDULED: 'blue', ENDED: 'default' };

/** 直播中 / 未开播 / 已结束, with a pulsing dot while live. */
export function LiveStatusTag({ status }: { status: BroadcastStatus }) {
  const { t } = useTranslation(['core', 'livestream']);
  return (
    <Tag color={COLOR[status]} bordered={false} className={status === 'LIVE' ? 'live-tag live-tag-on' : 'live-tag'} data-testid="broadcast-status" data-status={status}>
      {status === 'LIVE' && <span className="live-dot" />}
      {t(`livestream:status.${status}`)}
    </Tag>
  );
}
