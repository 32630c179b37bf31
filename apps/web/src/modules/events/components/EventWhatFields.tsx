import type { EventType } from '@leye/domain';
import { Col, Form, Input, InputNumber, Radio, Row, Select, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/hooks/use-language.js';
import { RegionSelect } from '../../regions/components/RegionSelect.js';
import { eventDetailFields, eventSubtypeOptions } from '../utils/event-type.js';
import { CoHostSelect } from './CoHostSelect.js';
import { DelegationSelect } from './DelegationSelect.js';
import { VenueSelect } from './VenueSelect.js';
import { eventTypeSelectOptions } from './event-type-select-options.js';

/**
 * "What and where" of an event or series: title, type → subtype and the fields that type needs,
 * region, venue or online, capacity and co-hosts. Field names follow the API input.
 */
export function EventWhatFields({
  form,
  regionCodes,
  editing = false,
  knownDelegation,
}: {
  form: FormInstance;
  /** The regions the user may act in; null for all. */
  regionCodes: readonly string[] | null;
  /** Type and region are fixed once an event exists. */
  editing?: boolean;
  knownDelegation?: { id: string; name: string }[];
}) {
  const { t } = useTranslation(['core', 'events']);
  const { domainKey } = useLanguage();
  const type = Form.useWatch<EventType | undefined>('type', form);
  const subtype = Form.useWatch<string | undefined>('subtype', form);
  const isOnline = Form.useWatch<boolean | undefined>('isOnline', form);
  const regionCode = Form.useWatch<string | undefined>('regionCode', form);
  const show = eventDetailFields(type, subtype);
  const required = (key: string) => [{ required: true, whitespace: true, message: t(`events:form.required.${key}`) }];

  return (
    <>
      <Form.Item name="title" label={t('events:fields.title')} rules={required('title')}>
        <Input maxLength={200} placeholder={t('events:form.titlePlaceholder')} data-testid="event-title" />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="type" label={t('events:fields.type')} rules={required('type')}>
            <Select<EventType>
              disabled={editing}
              options={eventTypeSelectOptions(domainKey)}
              // A new type has other subtypes; pick its first so the pair is always valid.
              onChange={(next) => form.setFieldValue('subtype', eventSubtypeOptions(next, domainKey)[0]?.value)}
              data-testid="event-type-select"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="subtype" label={t('events:fields.subtype')} rules={required('subtype')}>
            <Select options={eventSubtypeOptions(type, domainKey)} disabled={!type} data-testid="event-subtype-select" />
          </Form.Item>
        </Col>
      </Row>
      {show.industry && (
        <Form.Item name="industry" label={t('events:fields.industry')} rules={required('industry')}>
          <Input maxLength={100} placeholder={t('events:form.industryPlaceholder')} />
        </Form.Item>
      )}
      {show.campus && (
        <>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="university" label={t('events:fields.university')} rules={required('university')}>
                <Input maxLength={100} placeholder={t('events:form.universityPlaceholder')} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="universityCity" label={t('events:fields.universityCity')} rules={required('universityCity')}>
                <Input maxLength={50} placeholder={t('events:form.universityCityPlaceholder')} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="delegationEmployerIds" label={t('events:fields.delegation')} extra={t('events:form.delegationHelp')}>
            <DelegationSelect known={knownDelegation} />
          </Form.Item>
        </>
      )}
      <Form.Item name="description" label={t('events:fields.description')}>
        <Input.TextArea rows={3} maxLength={5000} showCount placeholder={t('events:form.descriptionPlaceholder')} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="regionCode" label={t('events:fields.region')} rules={required('region')} extra={regionCodes ? t('events:form.regionScoped') : undefined}>
            <RegionSelect onlyCodes={regionCodes} disabled={editing} data-testid="event-region-select" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="capacity" label={t('events:fields.capacity')} rules={[{ required: true, message: t('events:form.required.capacity') }]}>
            <InputNumber min={1} max={200000} style={{ width: '100%' }} suffix={t('events:form.people')} data-testid="event-capacity" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="isOnline" label={t('events:fields.place')}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={[
            { value: false, label: t('events:form.atVenue') },
            { value: true, label: t('events:fields.online') },
          ]}
          data-testid="event-online-switch"
        />
      </Form.Item>
      {isOnline ? (
        <Form.Item
          name="onlineUrl"
          label={t('events:fields.onlineUrl')}
          rules={[{ type: 'url', message: t('events:form.onlineUrlInvalid') }]}
          extra={t('events:form.onlineUrlHelp')}
        >
          <Input placeholder="https://" inputMode="url" />
        </Form.Item>
      ) : (
        <Form.Item name="venueId" label={t('events:fields.venue')} rules={[{ required: true, message: t('events:form.required.venue') }]}>
          <VenueSelect
            scopeRegion={regionCodes?.[0] ?? null}
            preferRegion={regionCode}
            placeholder={t('events:form.venuePlaceholder')}
            data-testid="event-venue-select"
          />
        </Form.Item>
      )}
      <Form.Item name="coHostIds" label={t('events:fields.coHosts')} extra={t('events:form.coHostsHelp')}>
        <CoHostSelect data-testid="event-cohosts-select" />
      </Form.Item>
    </>
  );
}
