import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Form, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { peakRangeProblems, rangesToInput, type PickerRange } from '../utils/peak-ranges.js';

/**
 * 用工旺季: a list of date ranges within one year, edited in place as a Form.List under `name`.
 * Ranges outside the year or overlapping another are flagged before anything is sent.
 */
export function PeakRangesEditor({ name = 'peakRanges', year }: { name?: string; year: number | null | undefined }) {
  const { t } = useTranslation(['core', 'series']);
  const inYear = (d: dayjs.Dayjs) => !!year && d.year() !== year;
  return (
    <Form.List
      name={name}
      rules={[
        {
          validator: async (_, value: (PickerRange | null)[] | undefined) => {
            if (!year) return;
            const problems = peakRangeProblems(rangesToInput(value ?? []), year);
            if (problems.length) throw new Error(t(`series:peak.problems.${problems[0]!.problem}`));
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <div className="peak-ranges" data-testid="peak-ranges">
          {fields.length === 0 && <Typography.Paragraph type="secondary">{t('series:peak.none')}</Typography.Paragraph>}
          {fields.map((field, index) => (
            <Flex key={field.key} gap={8} align="flex-start" className="peak-range-row" data-testid="peak-range-row">
              <Form.Item
                name={field.name}
                rules={[{ required: true, message: t('series:peak.rangeRequired') }]}
                style={{ flex: 1, marginBottom: 8, minWidth: 0 }}
              >
                <DatePicker.RangePicker
                  disabledDate={inYear}
                  defaultPickerValue={year ? [dayjs(`${year}-01-01`), dayjs(`${year}-02-01`)] : undefined}
                  style={{ width: '100%' }}
                  aria-label={t('series:peak.rangeLabel', { index: index + 1 })}
                />
              </Form.Item>
              <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('series:peak.remove')} />
            </Flex>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()} data-testid="peak-add">
            {t('series:peak.add')}
          </Button>
          <Form.ErrorList errors={errors} />
        </div>
      )}
    </Form.List>
  );
}
