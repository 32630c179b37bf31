import { Alert, Button, Card, Input, Popconfirm, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HolidayDayInput } from '../../../generated/graphql.js';
import { parseHolidayLines, type ParsedHolidayDay } from '../utils/parse-holiday-lines.js';
import { HolidayKindTag } from './HolidayKindTag.js';

/**
 * Pasting the State Council schedule for a year the platform has no built-in data for: parsed as it is
 * typed, with a preview and the line number of every problem; saving replaces the year's admin entries.
 */
export function HolidayPasteCard({
  year,
  defaultOpen,
  adminCount,
  saving,
  onSave,
}: {
  year: number;
  defaultOpen: boolean;
  adminCount: number;
  saving: boolean;
  onSave(days: HolidayDayInput[]): Promise<boolean>;
}) {
  const { t } = useTranslation(['core', 'holidays']);
  const [text, setText] = useState('');
  const [open, setOpen] = useState<boolean | null>(null);
  const parsed = useMemo(() => parseHolidayLines(text, year), [text, year]);
  const shown = open ?? defaultOpen;

  const save = async () => {
    const ok = await onSave(parsed.days.map(({ date, kind, name }) => ({ date, kind, name })));
    if (ok) setText('');
  };

  return (
    <Card
      variant="borderless"
      title={t('holidays:pasteTitle', { year })}
      extra={
        <Button type="link" onClick={() => setOpen(!shown)}>
          {shown ? t('holidays:pasteHide') : t('holidays:pasteShow')}
        </Button>
      }
      data-testid="holiday-paste"
    >
      {shown && (
        <>
          <Typography.Paragraph type="secondary">{t('holidays:pasteHelp')}</Typography.Paragraph>
          <Input.TextArea
            rows={8}
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={`${year}-01-01 HOLIDAY 元旦\n${year}-02-06 WORKDAY 春节调休\n${year}-10-01~${year}-10-07 休 国庆节`}
            spellCheck={false}
            style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace' }}
            data-testid="holiday-paste-input"
          />
          {parsed.errors.length > 0 && (
            <Alert
              type="error"
              showIcon
              style={{ marginTop: 12 }}
              title={t('holidays:pasteErrors', { count: parsed.errors.length })}
              description={
                <ul className="line-errors" data-testid="holiday-paste-errors">
                  {parsed.errors.map((e) => (
                    <li key={e.line}>
                      {t('holidays:line', { line: e.line })}：{t(`holidays:problems.${e.problem}`, { year })}{' '}
                      <Typography.Text code>{e.text}</Typography.Text>
                    </li>
                  ))}
                </ul>
              }
            />
          )}
          {parsed.days.length > 0 && (
            <Table<ParsedHolidayDay>
              style={{ marginTop: 12 }}
              size="small"
              rowKey="date"
              dataSource={parsed.days}
              pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
              columns={[
                { key: 'date', title: t('holidays:fields.date'), dataIndex: 'date' },
                { key: 'kind', title: t('holidays:fields.kind'), dataIndex: 'kind', render: (k: ParsedHolidayDay['kind']) => <HolidayKindTag kind={k} /> },
                { key: 'name', title: t('holidays:fields.name'), dataIndex: 'name' },
                { key: 'line', title: t('holidays:fields.line'), dataIndex: 'line', responsive: ['sm'] },
              ]}
              data-testid="holiday-paste-preview"
            />
          )}
          <Popconfirm
            title={t('holidays:pasteConfirm', { count: parsed.days.length, existing: adminCount, year })}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
            onConfirm={save}
            okButtonProps={{ 'data-testid': 'holiday-paste-confirm' }}
            disabled={parsed.days.length === 0 || parsed.errors.length > 0}
          >
            <Button
              type="primary"
              style={{ marginTop: 12 }}
              loading={saving}
              disabled={parsed.days.length === 0 || parsed.errors.length > 0}
              data-testid="holiday-paste-save"
            >
              {t('holidays:pasteSave', { count: parsed.days.length })}
            </Button>
          </Popconfirm>
        </>
      )}
    </Card>
  );
}
