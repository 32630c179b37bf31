import { Modal, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EditScope } from '../../../generated/graphql.js';

const SCOPES: EditScope[] = ['THIS', 'THIS_AND_FOLLOWING', 'ALL'];

/** For an occurrence of a series: 仅此次 / 此次及以后 / 全部. */
export function EditScopeModal({
  open,
  action,
  seriesTitle,
  confirming = false,
  onCancel,
  onConfirm,
}: {
  open: boolean;
  /** What the scope is for: editing or publishing. */
  action: 'edit' | 'publish';
  seriesTitle: string;
  confirming?: boolean;
  onCancel(): void;
  onConfirm(scope: EditScope): void;
}) {
  const { t } = useTranslation(['core', 'events']);
  const [scope, setScope] = useState<EditScope>('THIS');
  return (
    <Modal
      open={open}
      title={t(`events:scope.title.${action}`)}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: confirming, 'data-testid': 'scope-confirm' }}
      onCancel={onCancel}
      onOk={() => onConfirm(scope)}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('events:scope.intro', { series: seriesTitle })}</Typography.Paragraph>
      <Radio.Group value={scope} onChange={(e) => setScope(e.target.value as EditScope)} data-testid="scope-choice">
        <Space orientation="vertical">
          {SCOPES.map((s) => (
            <Radio key={s} value={s} data-testid={`scope-${s}`}>
              <Typography.Text strong>{t(`events:scope.options.${s}`)}</Typography.Text>
              <Typography.Text type="secondary" style={{ display: 'block' }}>
                {t(`events:scope.help.${s}`)}
              </Typography.Text>
            </Radio>
          ))}
        </Space>
      </Radio.Group>
    </Modal>
  );
}
