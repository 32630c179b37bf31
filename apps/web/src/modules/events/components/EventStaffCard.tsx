import { TeamOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Flex, List, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventDetailFieldsFragment } from '../../../generated/graphql.js';
import { useApiError } from '../../apollo/hooks/use-api-error.js';
import { useLanguage } from '../../i18n/hooks/use-language.js';
import { regionLabel } from '../../regions/utils/region-label.js';
import { useEventStaff } from '../hooks/use-events.js';

/**
 * 工作人员: who works the event. Organizers who may assign staff (`viewerCan.assignStaff`) pick from the
 * people the API offers (`assignableEventStaff`, the permission table's `event.staffCandidate`) and remove them.
 */
export function EventStaffCard({ event }: { event: Pick<EventDetailFieldsFragment, 'id' | 'staff' | 'viewerCan'> }) {
  const { t } = useTranslation(['core', 'events']);
  const { language } = useLanguage();
  const { message } = App.useApp();
  const { show } = useApiError();
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<string | null>(null);
  const [opened, setOpened] = useState(false);
  const canAssign = event.viewerCan.assignStaff;
  const { candidates, loadingCandidates, assign, unassign, busy } = useEventStaff(event.id, search, canAssign && opened);

  const onAssign = async () => {
    const person = candidates.find((c) => c.id === picked);
    if (!person) return;
    try {
      await assign(person.id);
      setPicked(null);
      void message.success(t('events:detail.staffAdded', { name: person.displayName }));
    } catch (e) {
      show(e);
    }
  };
  const onRemove = async (person: { id: string; displayName: string }) => {
    try {
      await unassign(person.id);
      void message.success(t('events:detail.staffRemoved', { name: person.displayName }));
    } catch (e) {
      show(e);
    }
  };

  return (
    <Card
      variant="borderless"
      title={
        <span>
          <TeamOutlined /> {t('events:fields.staff')}
        </span>
      }
      data-testid="event-staff"
    >
      {canAssign && (
        <Flex gap={8} style={{ marginBottom: 12 }}>
          <Select
            showSearch={{ filterOption: false, onSearch: setSearch }}
            value={picked}
            onChange={setPicked}
            onOpenChange={(open) => open && setOpened(true)}
            onFocus={() => setOpened(true)}
            loading={loadingCandidates}
            placeholder={t('events:detail.staffPick')}
            notFoundContent={loadingCandidates ? undefined : t('events:detail.staffNoCandidates')}
            options={candidates.map((c) => ({
              value: c.id,
              label: [c.displayName, t(`roles.${c.role}`), regionLabel(c.region, language)].filter(Boolean).join(' · '),
            }))}
            style={{ flex: 1, minWidth: 0 }}
            data-testid="staff-picker"
          />
          <Button type="primary" disabled={!picked} loading={busy} onClick={() => void onAssign()} data-testid="staff-add">
            {t('events:detail.staffAdd')}
          </Button>
        </Flex>
      )}
      {event.staff.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('events:detail.noStaff')} />
      ) : (
        <List
          size="small"
          dataSource={event.staff}
          renderItem={(s) => (
            <List.Item
              data-testid="staff-member"
              actions={
                canAssign
                  ? [
                      <Button key="remove" type="link" danger size="small" disabled={busy} onClick={() => void onRemove(s)} data-testid="staff-remove">
                        {t('events:detail.staffRemove')}
                      </Button>,
                    ]
                  : []
              }
            >
              <List.Item.Meta title={s.displayName} description={t(`roles.${s.role}`)} />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
