import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, DatePicker, Flex, Form, Input, Popconfirm, Row, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { HolidayDayInput, HolidayKind, HolidaysQuery } from '../../../generated/graphql.js';
import { useApiError } from '../../apollo/hooks/use-api-error.js';
import { shanghaiToday } from '../../events/utils/shanghai-time.js';
import { PageHeader } from '../../layout/components/PageHeader.js';
import { useHolidayYear, useSetHolidays } from '../hooks/use-holidays.js';
import { HolidayKindTag } from './HolidayKindTag.js';
import { holidayYearStatus } from '../utils/holiday-marks.js';
import { HolidayPasteCard } from './HolidayPasteCard.js';

type HolidayDay = HolidaysQuery['holidays']['days'][number];

const toInput = (d: { date: string; kind: HolidayKind; name: string }): HolidayDayInput => ({ date: d.date, kind: d.kind, name: d.name });

/** 节假日维护: the year's statutory holidays and adjusted working days, built in or entered by an admin. */
export function HolidayAdminPage() {
  const { t } = useTranslation(['core', 'holidays']);
  const { message } = App.useApp();
  const { describe, show } = useApiError();
  const [searchParams] = useSearchParams();
  // A link from a notice ("enter the 2027 holidays") opens that year.
  const [year, setYear] = useState(() => {
    const asked = Number(searchParams.get('year'));
    return Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : Number(shanghaiToday().slice(0, 4)) + 1;
  });
  const { holidays, loading, error } = useHolidayYear(year);
  const { save, saving } = useSetHolidays();
  const [addForm] = Form.useForm<{ date: Dayjs; kind: HolidayKind; name: string }>();
  const adminDays = (holidays?.days ?? []).filter((d) => d.source === 'ADMIN');
  const status = holidays ? holidayYearStatus(holidays) : null;

  const replaceAdminDays = async (days: HolidayDayInput[], done: string) => {
    try {
      await save(year, days);
      void message.success(done);
      return true;
    } catch (e) {
      show(e);
      return false;
    }
  };

  const onAdd = async (v: { date: Dayjs; kind: HolidayKind; name: string }) => {
    const date = v.date.format('YYYY-MM-DD');
    const rest = adminDays.filter((d) => d.date !== date).map(toInput);
    if (await replaceAdminDays([...rest, { date, kind: v.kind, name: v.name.trim() }], t('holidays:added', { date }))) addForm.resetFields(['date', 'name']);
  };

  const columns: TableColumnsType<HolidayDay> = [
    { key: 'date', title: t('holidays:fields.date'), dataIndex: 'date', render: (d: string) => `${d} ${dayjs(d).format('ddd')}` },
    { key: 'kind', title: t('holidays:fields.kind'), dataIndex: 'kind', render: (k: HolidayKind) => <HolidayKindTag kind={k} /> },
    { key: 'name', title: t('holidays:fields.name'), dataIndex: 'name' },
    {
      key: 'source',
      title: t('holidays:fields.source'),
      dataIndex: 'source',
      responsive: ['sm'],
      render: (s: HolidayDay['source']) => <Tag color={s === 'ADMIN' ? 'purple' : 'default'}>{t(`holidays:source.${s}`)}</Tag>,
    },
    {
      key: 'actions',
      title: t('holidays:fields.actions'),
      align: 'right',
      render: (_, d) =>
        d.source === 'ADMIN' && (
          <Popconfirm
            title={t('holidays:removeConfirm', { date: d.date })}
            okText={t('holidays:remove')}
            cancelText={t('common.cancel')}
            onConfirm={() => replaceAdminDays(adminDays.filter((x) => x.date !== d.date).map(toInput), t('holidays:removed', { date: d.date }))}
          >
            <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('holidays:remove')} />
          </Popconfirm>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('holidays:title')}
        subtitle={t('holidays:subtitle')}
        extra={
          <DatePicker
            picker="year"
            value={dayjs(`${year}-01-01`)}
            allowClear={false}
            onChange={(d) => d && setYear(d.year())}
            aria-label={t('holidays:year')}
            data-testid="holiday-year"
          />
        }
      />
      {error && <Alert type="error" showIcon title={describe(error)} style={{ marginBottom: 16 }} />}
      {holidays && status && (
        <Alert
          type={status === 'UNKNOWN' ? 'warning' : 'success'}
          showIcon
          style={{ marginBottom: 16 }}
          title={
            status === 'BUILT_IN'
              ? t('holidays:builtIn', { year })
              : status === 'ENTERED'
                ? t('holidays:status.ENTERED', { year, count: adminDays.length })
                : t('holidays:noBuiltIn', { year })
          }
          data-testid="holiday-source-note"
          data-built-in={holidays.hasBuiltInSchedule ? 'true' : 'false'}
          data-status={status}
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card variant="borderless" title={t('holidays:tableTitle', { year })}>
            <Table<HolidayDay>
              rowKey="date"
              size="small"
              columns={columns}
              dataSource={holidays?.days ?? []}
              loading={loading || saving}
              pagination={{ pageSize: 40, hideOnSinglePage: true, showSizeChanger: false }}
              locale={{ emptyText: t('holidays:empty') }}
              data-testid="holiday-table"
            />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Flex vertical gap={16}>
            <Card variant="borderless" title={t('holidays:addTitle')}>
              <Form form={addForm} layout="vertical" onFinish={onAdd} initialValues={{ kind: 'HOLIDAY' }} name="holiday-add">
                <Row gutter={8}>
                  <Col xs={24} sm={12}>
                    <Form.Item name="date" label={t('holidays:fields.date')} rules={[{ required: true, message: t('holidays:dateRequired') }]}>
                      <DatePicker
                        style={{ width: '100%' }}
                        disabledDate={(d) => d.year() !== year}
                        defaultPickerValue={dayjs(`${year}-01-01`)}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={12}>
                    <Form.Item name="kind" label={t('holidays:fields.kind')}>
                      <Select
                        options={(['HOLIDAY', 'WORKDAY'] as const).map((k) => ({ value: k, label: t(`holidays:kind.${k}`) }))}
                      />
                    </Form.Item>
                  </Col>
                </Row>
                <Form.Item name="name" label={t('holidays:fields.name')} rules={[{ required: true, whitespace: true, message: t('holidays:nameRequired') }]}>
                  <Input maxLength={50} placeholder={t('holidays:namePlaceholder')} />
                </Form.Item>
                <Button htmlType="submit" icon={<PlusOutlined />} loading={saving}>
                  {t('holidays:add')}
                </Button>
              </Form>
            </Card>
            <HolidayPasteCard
              year={year}
              defaultOpen={holidays ? !holidays.hasBuiltInSchedule && adminDays.length === 0 : false}
              adminCount={adminDays.length}
              saving={saving}
              onSave={(days) => replaceAdminDays(days, t('holidays:pasteSaved', { count: days.length, year }))}
            />
          </Flex>
        </Col>
      </Row>
      <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
        {t('holidays:footnote')}
      </Typography.Paragraph>
    </>
  );
}
