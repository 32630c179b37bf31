import { DollarOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PostingFieldsFragment } from '../../../generated/graphql.js';

type Flag = NonNullable<PostingFieldsFragment['flags']>[number];

/** The review hints, each explained: missing pay, or which listed phrase matched and its category. */
export function PostingFlags({ flags, compact = false }: { flags: readonly Flag[] | null | undefined; compact?: boolean }) {
  const { t } = useTranslation(['core', 'postings']);
  if (!flags?.length) return compact ? null : <Typography.Text type="secondary">{t('postings:flags.none')}</Typography.Text>;
  const items = flags.map((f, i) => (
    <li key={i} data-testid="posting-flag" data-kind={f.kind} data-category={f.category ?? ''}>
      {f.kind === 'MISSING_PAY' ? <DollarOutlined /> : <WarningOutlined />}{' '}
      {f.kind === 'MISSING_PAY'
        ? t('postings:flags.MISSING_PAY')
        : t('postings:flags.PHRASE', { matched: f.matched, phrase: f.phrase, category: t(`postings:flags.categories.${f.category ?? 'OTHER'}`) })}
    </li>
  ));
  if (compact) {
    return (
      <Typography.Text type="warning" data-testid="posting-flag-count">
        <WarningOutlined /> {t('postings:flags.count', { count: flags.length })}
      </Typography.Text>
    );
  }
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="posting-flags"
      title={t('postings:flags.explain')}
      description={
        <Flex vertical>
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>{items}</ul>
        </Flex>
      }
    />
  );
}
