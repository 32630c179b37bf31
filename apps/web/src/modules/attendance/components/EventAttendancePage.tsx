import { DownloadOutlined, PlusOutlined, ScanOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { Alert, App, Badge, Button, Card, Col, Empty, Flex, Input, List, Popconfirm, Progress, Row, Skeleton, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useApolloClient } from '@apollo/client/react';
import { AttendanceExportDocument, EventDocument } from '../../../generated/graphql.js';
import { useApiError } from '../../apollo/hooks/use-api-error.js';
import { downloadBase64 } from '../../booths/utils/export-file.js';
import { formatShanghai } from '../../events/utils/shanghai-time.js';
import { PageHeader } from '../../layout/components/PageHeader.js';
import { useAttendanceConflicts, useAttendanceFigures, useAttendanceRegistrations, useFairBoothAttendance, useGates } from '../hooks/use-attendance.js';
import { useAttendanceLive } from '../hooks/use-attendance-live.js';

/**
 * The organizer's attendance page of one event: live figures (socket.io, `attendance:<eventId>`) while it
 * runs, final once completed, split by gate, hour and seeker group; conflicts; the gates the stations
 * choose from; exhibitors' check-in, no-shows and outcomes; the registration list (masked) and its Excel export.
 */
export function EventAttendancePage() {
  const { eventId = '' } = useParams();
  const { t } = useTranslation(['core', 'attendance']);
  const { message } = App.useApp();
  const { describe } = useApiError();
  const client = useApolloClient();
  const event = useQuery(EventDocument, { variables: { id: eventId } }).data?.event;
  const { figures, loading, error, refetch } = useAttendanceFigures(eventId);
  const { conflicts, refetch: refetchConflicts } = useAttendanceConflicts(eventId);
  const gates = useGates(eventId);
  const booths = useFairBoothAttendance(eventId);
  const [page, setPage] = useState(1);
  const [search, setSearch] = useState('');
  const list = useAttendanceRegistrations(eventId, page, search);
  const [newGate, setNewGate] = useState('');
  const [live, setLive] = useState<{ admitted: number; reentries: number; conflicts: number } | null>(null);
  const [exporting, setExporting] = useState(false);

  useAttendanceLive(eventId, (c) => {
    setLive(c);
    void refetch();
    if (c.conflicts !== figures?.counts.conflicts) void refetchConflicts();
  });

  const run = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
    } catch (e) {
      void message.error(describe(e));
    }
  };
  const exportList = (unmasked: boolean) =>
    run(async () => {
      setExporting(true);
      try {
        const r = await client.query({ query: AttendanceExportDocument, variables: { eventId, unmasked }, fetchPolicy: 'network-only' });
        if (r.data) downloadBase64(r.data.attendanceExport);
      } finally {
        setExporting(false);
      }
    });

  if (error) return <Alert type="error" showIcon title={describe(error)} />;
  const counts = live ?? figures?.counts;
  const split = (rows: Array<{ key: string; admitted: number }>, label?: (k: string) => string) => {
    const max = Math.max(1, ...rows.map((r) => r.admitted));
    return rows.length ? (
      <Flex vertical gap={4}>
        {rows.map((r) => (
          <Flex key={r.key} gap={8} align="center">
            <span style={{ width: 110, flex: 'none' }}>{label ? label(r.key) : r.key}</span>
            <Progress percent={(100 * r.admitted) / max} showInfo={false} style={{ flex: 1, margin: 0 }} />
            <span style={{ width: 48, textAlign: 'right' }}>{r.admitted}</span>
          </Flex>
        ))}
      </Flex>
    ) : (
      <Typography.Text type="secondary">{t('attendance:organizer.none')}</Typography.Text>
    );
  };

  return (
    <div data-testid="attendance-page">
      <PageHeader
        title={`${t('attendance:organizer.title')}${event ? ` · ${event.title}` : ''}`}
        extra={
          <Flex gap={8} wrap>
            <Link to={`/station/${eventId}`} data-testid="open-station">
              <Button type="primary" icon={<ScanOutlined />}>
                {t('attendance:organizer.openStation')}
              </Button>
            </Link>
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => exportList(false)} data-testid="export-masked">
              {t('attendance:organizer.export')}
            </Button>
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => exportList(true)}>
              {t('attendance:organizer.exportFull')}
            </Button>
          </Flex>
        }
      />
      {loading || !figures ? (
        <Skeleton active />
      ) : (
        <>
          <Card variant="borderless" style={{ marginBottom: 16 }}>
            <Flex justify="flex-end">
              {figures.final ? <Tag>{t('attendance:organizer.final')}</Tag> : <Badge status="processing" text={t('attendance:organizer.live')} />}
            </Flex>
            <Row gutter={[16, 16]}>
              {(
                [
                  ['admitted', counts?.admitted ?? 0],
                  ['participations', figures.participations],
                  ['registered', figures.registered],
                  ['waitlisted', figures.waitlisted],
                  ['walkIns', figures.walkIns],
                  ['reentries', counts?.reentries ?? 0],
                  ['conflicts', counts?.conflicts ?? 0],
                  ['employersPresent', figures.employersPresent],
                  ['positionsOffered', figures.positionsOffered],
                  ['intentsReached', figures.intentsReached],
                ] as const
              ).map(([key, value]) => (
                <Col key={key} xs={12} sm={8} md={6} lg={4}>
                  <Statistic title={t(`attendance:organizer.${key}`)} value={value} data-testid={`figure-${key}`} />
                </Col>
              ))}
            </Row>
          </Card>
          <Row gutter={[16, 16]}>
            <Col xs={24} md={8}>
              <Card variant="borderless" title={t('attendance:organizer.byGate')}>{split(figures.byGate)}</Card>
            </Col>
            <Col xs={24} md={8}>
              <Card variant="borderless" title={t('attendance:organizer.byHour')}>{split(figures.byHour)}</Card>
            </Col>
            <Col xs={24} md={8}>
              <Card variant="borderless" title={t('attendance:organizer.byGroup')}>{split(figures.byGroup, (k) => t(`attendance:groups.${k}`))}</Card>
            </Col>
            <Col xs={24} md={12}>
              <Card variant="borderless" title={t('attendance:organizer.gates')}>
                <List
                  dataSource={gates.gates}
                  locale={{ emptyText: t('attendance:organizer.none') }}
                  renderItem={(g) => (
                    <List.Item
                      actions={[
                        <Popconfirm key="rm" title={t('attendance:organizer.remove')} onConfirm={() => run(() => gates.remove(g.id))}>
                          <Button size="small" danger>
                            {t('attendance:organizer.remove')}
                          </Button>
                        </Popconfirm>,
                      ]}
                    >
                      <Typography.Text editable={{ onChange: (name) => name.trim() && name !== g.name && void run(() => gates.rename(g.id, name.trim())) }}>{g.name}</Typography.Text>
                    </List.Item>
                  )}
                />
                <Flex gap={8} style={{ marginTop: 8 }}>
                  <Input value={newGate} maxLength={40} placeholder={t('attendance:organizer.gateName')} onChange={(e) => setNewGate(e.target.value)} data-testid="gate-name" />
                  <Button
                    icon={<PlusOutlined />}
                    disabled={!newGate.trim()}
                    onClick={() => run(async () => {
                      await gates.create(newGate.trim());
                      setNewGate('');
                    })}
                    data-testid="add-gate"
                  >
                    {t('attendance:organizer.addGate')}
                  </Button>
                </Flex>
              </Card>
            </Col>
            <Col xs={24} md={12}>
              <Card variant="borderless" title={t('attendance:organizer.conflictsTitle')}>
                {conflicts.length === 0 ? (
                  <Typography.Text type="secondary">{t('attendance:organizer.noConflicts')}</Typography.Text>
                ) : (
                  <List
                    size="small"
                    dataSource={conflicts}
                    renderItem={(c) => (
                      <List.Item>
                        {t('attendance:organizer.conflictLine', {
                          name: c.displayName, gate: c.gateName, time: formatShanghai(c.scannedAt, 'HH:mm:ss'), firstGate: c.firstGateName, firstTime: formatShanghai(c.firstScannedAt, 'HH:mm:ss'),
                        })}
                      </List.Item>
                    )}
                  />
                )}
              </Card>
            </Col>
            {booths.bookings.length > 0 && (
              <Col xs={24}>
                <Card variant="borderless" title={t('attendance:organizer.employers')}>
                  <Table
                    rowKey="bookingId"
                    size="small"
                    pagination={false}
                    scroll={{ x: true }}
                    dataSource={booths.bookings}
                    columns={[
                      { title: '', dataIndex: 'boothCode', width: 70 },
                      { title: t('attendance:organizer.employers'), dataIndex: 'employerName' },
                      {
                        title: t('attendance:organizer.checkIn'),
                        render: (_v, b) =>
                          b.checkedInAt ? (
                            <Tag color="green">{t('attendance:organizer.checkedIn', { time: formatShanghai(b.checkedInAt, 'HH:mm') })}</Tag>
                          ) : b.noShow ? (
                            <Tag color="red">{t('attendance:organizer.noShow')}</Tag>
                          ) : (
                            <Button size="small" onClick={() => run(() => booths.checkIn(b.bookingId))}>
                              {t('attendance:organizer.checkIn')}
                            </Button>
                          ),
                      },
                      { title: t('attendance:organizer.resumes'), dataIndex: 'resumesReceived', render: (v) => v ?? '—' },
                      { title: t('attendance:organizer.interviews'), dataIndex: 'interviews', render: (v) => v ?? '—' },
                      { title: t('attendance:organizer.intents'), dataIndex: 'hiringIntents', render: (v) => v ?? '—' },
                    ]}
                  />
                </Card>
              </Col>
            )}
            <Col xs={24}>
              <Card
                variant="borderless"
                title={t('attendance:organizer.registrations')}
                extra={<Input.Search allowClear placeholder={t('attendance:organizer.search')} onSearch={(v) => (setSearch(v.trim()), setPage(1))} style={{ width: 220 }} />}
              >
                {!list.page ? (
                  <Skeleton active />
                ) : list.page.total === 0 ? (
                  <Empty />
                ) : (
                  <Table
                    rowKey="id"
                    size="small"
                    scroll={{ x: true }}
                    dataSource={list.page.items}
                    pagination={{ current: page, pageSize: 20, total: list.page.total, onChange: setPage, showSizeChanger: false }}
                    columns={[
                      { title: t('attendance:profile.realName'), dataIndex: 'name' },
                      { title: t('attendance:profile.mobile'), dataIndex: 'phone' },
                      { title: t('attendance:organizer.idNumber'), dataIndex: 'idNumber', render: (v) => v ?? '—' },
                      { title: t('attendance:organizer.status'), dataIndex: 'status', render: (s: 'REGISTERED' | 'WAITLISTED' | 'CANCELLED') => t(`attendance:status.${s}`) },
                      { title: t('attendance:organizer.byGroup'), dataIndex: 'groups', render: (gs: string[]) => gs.map((g) => t(`attendance:groups.${g}`)).join('、') },
                      { title: t('attendance:organizer.admittedAt'), render: (_v, r) => (r.admittedAt ? `${formatShanghai(r.admittedAt, 'HH:mm')} ${r.gateName ?? ''}` : '—') },
                    ]}
                  />
                )}
              </Card>
            </Col>
          </Row>
        </>
      )}
    </div>
  );
}
