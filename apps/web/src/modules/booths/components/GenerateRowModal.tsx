import { Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { BOOTH_TYPES, DEFAULT_BOOTH, type RowSpec } from '../utils/floor-plan.js';

/** "Generate a row": prefix, first number, count, direction, spacing and booth size → A01..A10 in a row. */
export function GenerateRowModal({
  open,
  initial,
  onCancel,
  onGenerate,
}: {
  open: boolean;
  initial: Partial<RowSpec>;
  onCancel(): void;
  onGenerate(spec: RowSpec): void;
}) {
  const { t } = useTranslation(['core', 'booths']);
  const [form] = Form.useForm<RowSpec>();
  const defaults: RowSpec = {
    prefix: 'A',
    start: 1,
    count: 10,
    direction: 'RIGHT',
    spacing: 0,
    width: DEFAULT_BOOTH.width,
    height: DEFAULT_BOOTH.height,
    x: 0,
    y: 0,
    zone: '',
    type: 'STANDARD',
    ...initial,
  };
  return (
    <Modal
      open={open}
      title={t('booths:row.title')}
      okText={t('booths:row.generate')}
      cancelText={t('core:common.cancel')}
      onCancel={onCancel}
      onOk={() => form.validateFields().then((values) => onGenerate({ ...defaults, ...values, zone: values.zone ?? '' }))}
      okButtonProps={{ 'data-testid': 'row-generate' }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={defaults} preserve={false} className="row-form">
        <div className="form-grid-3">
          <Form.Item name="prefix" label={t('booths:row.prefix')} rules={[{ required: true, whitespace: true, max: 8 }]}>
            <Input data-testid="row-prefix" maxLength={8} />
          </Form.Item>
          <Form.Item name="start" label={t('booths:row.start')} rules={[{ required: true }]}>
            <InputNumber min={0} max={9999} precision={0} style={{ width: '100%' }} data-testid="row-start" />
          </Form.Item>
          <Form.Item name="count" label={t('booths:row.count')} rules={[{ required: true }]}>
            <InputNumber min={1} max={200} precision={0} style={{ width: '100%' }} data-testid="row-count" />
          </Form.Item>
        </div>
        <Form.Item name="direction" label={t('booths:row.direction')}>
          <Radio.Group optionType="button">
            <Radio value="RIGHT">{t('booths:row.right')}</Radio>
            <Radio value="DOWN">{t('booths:row.down')}</Radio>
          </Radio.Group>
        </Form.Item>
        <div className="form-grid-3">
          <Form.Item name="width" label={t('booths:fields.widthM')} rules={[{ required: true }]}>
            <InputNumber min={1} max={100} step={0.5} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="height" label={t('booths:fields.heightM')} rules={[{ required: true }]}>
            <InputNumber min={1} max={100} step={0.5} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="spacing" label={t('booths:row.spacing')} rules={[{ required: true }]}>
            <InputNumber min={0} max={50} step={0.5} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="x" label={t('booths:row.x')} rules={[{ required: true }]}>
            <InputNumber min={0} step={0.5} style={{ width: '100%' }} data-testid="row-x" />
          </Form.Item>
          <Form.Item name="y" label={t('booths:row.y')} rules={[{ required: true }]}>
            <InputNumber min={0} step={0.5} style={{ width: '100%' }} data-testid="row-y" />
          </Form.Item>
        </div>
        <div className="form-grid-2">
          <Form.Item name="zone" label={t('booths:fields.zone')}>
            <Input maxLength={40} data-testid="row-zone" />
          </Form.Item>
          <Form.Item name="type" label={t('booths:fields.type')}>
            <Select options={BOOTH_TYPES.map((v) => ({ value: v, label: t(`booths:type.${v}`) }))} />
          </Form.Item>
        </div>
      </Form>
    </Modal>
  );
}
