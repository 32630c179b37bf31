import { App, Button, DatePicker, Flex, Form, Input, Modal, Segmented, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { SessionMode } from '../../../generated/graphql.js';
import { useApiError } from '../../apollo/hooks/use-api-error.js';
import { useLogSession } from '../hooks/use-mentors.js';

interface Values {
  projectId: string;
  heldAt: Dayjs;
  durationMinutes: number;
  mode: SessionMode;
  topics: string[];
  advice?: string;
  action?: string;
  actionDue?: Dayjs;
  nextOn?: Dayjs;
}

const DURATIONS = [30, 60, 90, 120];
const MODES: SessionMode[] = ['ON_SITE', 'ONLINE', 'PHONE'];

/**
 * 记录辅导: one short form a mentor fills on a phone in well under a minute — the project is preset,
 * the time is now, 60 minutes on site; topics are quick tags; one action with a due date; the next date.
 */
export function LogSessionModal({ open, onClose, projects, projectId }: { open: boolean; onClose: () => void; projects: Array<{ id: string; name: string }>; projectId?: string }) {
  const { t } = useTranslation(['core', 'mentors']);
  const { message } = App.useApp();
  const { show, showOnForm } = useApiError();
  const { log, logging } = useLogSession();
  const [form] = Form.useForm<Values>();

  const submit = async (v: Values) => {
    try {
      await log({
        projectId: v.projectId,
        heldAt: v.heldAt.toISOString(),
        durationMinutes: v.durationMinutes,
        mode: v.mode,
        topics: v.topics ?? [],
        advice: v.advice?.trim() || null,
        actions: v.action?.trim() ? [{ text: v.action.trim(), dueOn: v.actionDue ? v.actionDue.format('YYYY-MM-DD') : null }] : [],
        nextOn: v.nextOn ? v.nextOn.format('YYYY-MM-DD') : null,
      });
      void message.success(t('mentors:log.saved'));
      form.resetFields();
      onClose();
    } catch (e) {
      if (!showOnForm(form, e, ['projectId', 'heldAt', 'durationMinutes', 'topics', 'advice', 'nextOn'])) show(e);
    }
  };

  return (
    <Modal open={open} onCancel={onClose} title={t('mentors:log.title')} footer={null} destroyOnHidden width={480} data-testid="log-session-modal">
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        requiredMark={false}
        initialValues={{ projectId: projectId ?? projects[0]?.id, heldAt: dayjs(), durationMinutes: 60, mode: 'ON_SITE', topics: [], nextOn: dayjs().add(14, 'day') }}
      >
        <Form.Item name="projectId" label={t('mentors:log.project')} rules={[{ required: true, message: t('core:errors.fields.REQUIRED') }]}>
          <Select data-testid="log-project" options={projects.map((p) => ({ value: p.id, label: p.name }))} />
        </Form.Item>
        <Flex gap={8} wrap>
          <Form.Item name="heldAt" label={t('mentors:log.heldAt')} style={{ flex: '1 1 180px' }}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" allowClear={false} style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
          <Form.Item name="mode" label={t('mentors:log.mode')} style={{ flex: '1 1 180px' }}>
            <Segmented data-testid="log-mode" options={MODES.map((m) => ({ value: m, label: t(`mentors:mode.${m}`) }))} />
          </Form.Item>
        </Flex>
        <Form.Item name="durationMinutes" label={t('mentors:log.duration')}>
          <Segmented data-testid="log-duration" options={DURATIONS.map((d) => ({ value: d, label: t('mentors:log.minutes', { n: d }) }))} />
        </Form.Item>
        <Form.Item name="topics" label={t('mentors:log.topics')}>
          <Select
            mode="tags"
            data-testid="log-topics"
            tokenSeparators={[',', '，', '、']}
            placeholder={t('mentors:log.topicsHint')}
            options={(['pricing', 'channels', 'funding', 'registration', 'team', 'marketing'] as const).map((k) => ({ value: t(`mentors:topics.${k}`), label: t(`mentors:topics.${k}`) }))}
          />
        </Form.Item>
        <Form.Item name="advice" label={t('mentors:log.advice')}>
          <Input.TextArea data-testid="log-advice" rows={2} maxLength={2000} placeholder={t('mentors:log.adviceHint')} />
        </Form.Item>
        <Flex gap={8} wrap>
          <Form.Item name="action" label={t('mentors:log.action')} style={{ flex: '2 1 200px' }}>
            <Input data-testid="log-action" maxLength={200} placeholder={t('mentors:log.actionHint')} />
          </Form.Item>
          <Form.Item name="actionDue" label={t('mentors:log.due')} style={{ flex: '1 1 120px' }}>
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
          </Form.Item>
        </Flex>
        <Form.Item name="nextOn" label={t('mentors:log.next')}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={logging} data-testid="log-submit">
          {t('mentors:log.submit')}
        </Button>
      </Form>
    </Modal>
  );
}
