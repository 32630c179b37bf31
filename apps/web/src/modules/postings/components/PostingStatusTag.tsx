import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PostingStatus } from '../../../generated/graphql.js';
import { POSTING_STATUS_COLOR } from '../utils/posting-labels.js';

export function PostingStatusTag({ status }: { status: PostingStatus }) {
  const { t } = useTranslation(['core', 'postings']);
  return (
    <Tag color={POSTING_STATUS_COLOR[status]} data-testid="posting-status" data-status={status}>
      {t(`postings:status.${status}`)}
    </Tag>
  );
}
