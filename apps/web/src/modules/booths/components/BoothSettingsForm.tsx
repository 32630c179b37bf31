import { Alert, Button, Col, DatePicker, Form, InputNumber, Row, Select, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { FairBoothSettingsFieldsFragment } from '../../../generated/graphql.js';
import { useApiError } from '../../apollo/hooks/use-api-error.js';
import { instantToPicker, pickerToInstant } from '../../events/utils/shanghai-time.js';
import { useBookingMutations, useVenueLayouts } from '../hooks/use-booths.js';

const DATE_TIME = 'YYYY-MM-DD HH:mm';

interface Values {
  layoutId?: string;
  places?: number;
  window: [Dayjs, Dayjs];
  maxBoothsPerEmployer: number;
  requiresApproval: boolean;
  requiresApprovedPosting: boolean;
  cancellationDeadline?: Dayjs | null;
  holdMinutes: number;
  waitlistOfferHours: number;
}

/** Booking rules of one fair: the floor plan (or delegation places), the window, the limit, approval, cancellation deadline. */
export function BoothSettingsForm({
  eventId,
  kind,
  venueId,
  settings,
  onSaved,
}: {
  eventId: string;
  kind: 'booths' | 'places';
  venueId: string | null;
  settings: FairBoothSettingsFieldsFragment | null;
  onSaved(): void;
}) {
  const { t } = useTranslation(['core', 'booths']);
  const [form] = Form.useForm<Values>();
  const { show, showOnForm } = useApiError();
  const { configure, configuring } = useBookingMutations();
  const { layouts, loading } = useVenueLayouts(kind === 'booths' ? venueId : null);

  const initial: Partial<Values> = settings
    ? {
        layoutId: settings.layoutId ?? undefined,
        places: settings.places ?? undefined,
        window: [instantToPicker(settings.opensAt), instantToPicker(settings.closesAt)],
        maxBoothsPerEmployer: settings.maxBoothsPerEmployer,
        requiresApproval: settings.requiresApproval,
        requiresApprovedPosting: settings.requiresApprovedPosting,
        cancellationDeadline: settings.cancellationDeadline ? instantToPicker(settings.cancellationDeadline) : null,
        holdMinutes: settings.holdMinutes,
        waitlistOfferHours: settings.waitlistOfferHours,
      }
    : { maxBoothsPerEmployer: 1, requiresApproval: false, requiresApprovedPosting: false, holdMinutes: 5, waitlistOfferHours: 24 };

  const onFinish = async (v: Values) => {
    try {
      await configure({
        variables: {
          input: {
            eventId,
            layoutId: kind === 'booths' ? v.layoutId : undefined,
            places: kind === 'places' ? v.places : undefined,
            opensAt: pickerToInstant(v.window[0]),
            closesAt: pickerToInstant(v.window[1]),
            maxBoothsPerEmployer: v.maxBoothsPerEmployer,
            requiresApproval: v.requiresApproval,
            requiresApprovedPosting: v.requiresApprovedPosting,
            cancellationDeadline: v.cancellationDeadline ? pickerToInstant(v.cancellationDeadline) : undefined,
            holdMinutes: v.holdMinutes,
            waitlistOfferHours: v.waitlistOfferHours,
          },
        },
      });
      onSaved();
    } catch (e) {
      if (!showOnForm(form, e, ['layoutId', 'places', 'closesAt', 'opensAt', 'maxBoothsPerEmployer', 'cancellationDeadline'], { closesAt: 'window', opensAt: 'window' }))
        show(e);
    }
  };

  return (
    <Form form={form} layout="vertical" initialValues={initial} onFinish={(v) => void onFinish(v)} data-testid="booth-settings-form">
      {kind === 'booths' && !venueId && <Alert type="warning" showIcon title={t('booths:settings.needsVenue')} style={{ marginBottom: 16 }} />}
      <Row gutter={16}>
        <Col xs={24} md={12}>
          {kind === 'booths' ? (
            <Form.Item name="layoutId" label={t('booths:settings.layout')} rules={[{ required: true, message: t('booths:settings.layoutRequired') }]}>
              <Select
                loading={loading}
                options={layouts.map((l) => ({ value: l.id, label: `${l.name}（${t('booths:editor.boothCount', { count: l.booths.length })}）` }))}
                notFoundContent={t('booths:settings.noLayouts')}
                data-testid="settings-layout"
              />
            </Form.Item>
          ) : (
            <Form.Item name="places" label={t('booths:settings.places')} rules={[{ required: true }]}>
              <InputNumber min={1} max={10000} precision={0} style={{ width: '100%' }} data-testid="settings-places" />
            </Form.Item>
          )}
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="window" label={t('booths:settings.window')} rules={[{ required: true }]} extra={t('booths:settings.timeNote')}>
            <DatePicker.RangePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format={DATE_TIME} style={{ width: '100%' }} data-testid="settings-window" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="maxBoothsPerEmployer" label={t(kind === 'booths' ? 'booths:settings.maxBooths' : 'booths:settings.maxPlaces')} rules={[{ required: true }]}>
            <InputNumber min={1} max={20} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="holdMinutes" label={t('booths:settings.holdMinutes')} rules={[{ required: true }]}>
            <InputNumber min={1} max={60} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="waitlistOfferHours" label={t('booths:settings.offerHours')} rules={[{ required: true }]}>
            <InputNumber min={1} max={168} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="cancellationDeadline" label={t('booths:settings.cancellationDeadline')}>
            <DatePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format={DATE_TIME} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="requiresApproval" label={t('booths:settings.requiresApproval')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="requiresApprovedPosting" label={t('booths:settings.requiresApprovedPosting')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
      </Row>
      <Alert type="info" showIcon title={t('booths:settings.verifiedOnly')} style={{ marginBottom: 16 }} />
      <Button type="primary" htmlType="submit" loading={configuring} data-testid="save-booth-settings">
        {t('booths:settings.save')}
      </Button>
    </Form>
  );
}
