import { InboxOutlined } from '@ant-design/icons';
import { useMutation } from '@apollo/client/react';
import { Alert, App, Button, Flex, Modal, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ImportMentorsDocument, MentorLibraryDocument, MentorStatsDocument, type ImportMentorsMutation } from '../../../generated/graphql.js';
import { useApiError } from '../../apollo/hooks/use-api-error.js';
import { downloadExport } from '../../auth/utils/download-export.js';
import { fileToBase64 } from '../utils/labels.js';

type Report = ImportMentorsMutation['importMentors'];

/** Excel import: pick a file, see the check (row-by-row report), then import — all or nothing. */
export function MentorImportModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation(['core', 'mentors']);
  const { message } = App.useApp();
  const { describe } = useApiError();
  const [mutate, state] = useMutation(ImportMentorsDocument, { refetchQueries: [MentorLibraryDocument, MentorStatsDocument] });
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = async (dryRun: boolean, base64 = file?.base64) => {
    if (!base64) return;
    setError(null);
    try {
      const r = (await mutate({ variables: { fileBase64: base64, dryRun } })).data!.importMentors;
      setReport(r);
      if (r.imported) void message.success(t('mentors:import.done', { created: r.created, updated: r.updated }));
    } catch (e) {
      setReport(null);
      setError(describe(e));
    }
  };

  const reason = (code: string) => {
    const [key, value] = code.split(':');
    return t(`mentors:import.reasons.${key}`, { value, defaultValue: code });
  };

  return (
    <Modal open={open} onCancel={onClose} title={t('mentors:import.title')} footer={null} width={640} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('mentors:import.rules')}</Typography.Paragraph>
      <Button type="link" style={{ padding: 0, marginBottom: 8 }} onClick={() => downloadExport('/exports/mentors-template.xlsx', 'mentors-template.xlsx').catch(() => message.error(t('mentors:library.exportFailed')))}>
        {t('mentors:import.template')}
      </Button>
      <Upload.Dragger
        accept=".xlsx"
        maxCount={1}
        showUploadList={false}
        data-testid="import-file"
        beforeUpload={async (f) => {
          const base64 = await fileToBase64(f);
          setFile({ name: f.name, base64 });
          setReport(null);
          await run(true, base64);
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p>{file ? file.name : t('mentors:import.pick')}</p>
      </Upload.Dragger>
      {state.loading && <Alert type="info" showIcon title={t('mentors:import.working')} style={{ marginTop: 12 }} />}
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} data-testid="import-error" />}
      {report && (
        <div style={{ marginTop: 12 }} data-testid="import-report">
          {report.rejected.length ? (
            <Alert type="error" showIcon title={t('mentors:import.rejected', { n: report.rejected.length, rows: report.rows })} />
          ) : report.imported ? (
            <Alert type="success" showIcon title={t('mentors:import.done', { created: report.created, updated: report.updated })} />
          ) : (
            <Alert type="info" showIcon title={t('mentors:import.ready', { created: report.created, updated: report.updated })} />
          )}
          {report.rejected.length > 0 && (
            <Table
              size="small"
              style={{ marginTop: 8 }}
              rowKey="row"
              pagination={false}
              dataSource={report.rejected}
              columns={[
                { title: t('mentors:import.row'), dataIndex: 'row', width: 70 },
                { title: t('mentors:import.reason'), render: (_, r) => r.reasons.map(reason).join('；') },
              ]}
            />
          )}
          {!report.imported && !report.rejected.length && (
            <Flex justify="end" style={{ marginTop: 12 }}>
              <Button type="primary" onClick={() => run(false)} loading={state.loading} data-testid="import-confirm">
                {t('mentors:import.confirm')}
              </Button>
            </Flex>
          )}
        </div>
      )}
    </Modal>
  );
}
