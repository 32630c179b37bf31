import { App } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * Asks before sending a start that has already passed (the API refuses it without `allowPastStart`). `keys` names the
 * wording: creating an event (`form`) or moving one (`detail`). Resolves true when the organizer confirms.
 */
export function useConfirmPastStart(keys: 'form' | 'detail', formatTime: (startsAt: string) => string) {
  const { t } = useTranslation(['core', 'events']);
  const { modal } = App.useApp();
  return (startsAt: string) =>
    new Promise<boolean>((resolve) =>
      modal.confirm({
        title: t(`events:${keys}.pastStartTitle`),
        content: t(`events:${keys}.pastStartConfirm`, { time: formatTime(startsAt) }),
        okText: t(`events:${keys}.pastStartOk`),
        cancelText: t('common.cancel'),
        okButtonProps: { 'data-testid': 'past-start-confirm' },
        onOk: () => resolve(true),
        onCancel: () => resolve(false),
      }),
    );
}
