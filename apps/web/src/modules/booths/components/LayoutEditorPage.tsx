import { ArrowLeftOutlined } from '@ant-design/icons';
import { App, Button, Modal, Result, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useApiError } from '../../apollo/hooks/use-api-error.js';
import { apiErrors } from '../../apollo/utils/graphql-errors.js';
import { usePortalBase } from '../../events/hooks/use-portal-base.js';
import { NotFoundPage } from '../../layout/components/NotFoundPage.js';
import { PageHeader } from '../../layout/components/PageHeader.js';
import { useLayoutMutations, useVenueLayouts } from '../hooks/use-booths.js';
import type { FloorPlan } from '../utils/floor-plan.js';
import { layoutToPlan, planToBoothInputs } from '../utils/layout-convert.js';
import { FloorPlanEditor } from './FloorPlanEditor.js';

/**
 * One floor plan in the editor. Saving sends the whole plan with the version it was loaded at; if
 * someone saved meanwhile (CONFLICT LAYOUT_CHANGED) the organizer chooses: load their version, or
 * save this one over it.
 */
export function LayoutEditorPage() {
  const { venueId, layoutId } = useParams();
  const { t } = useTranslation(['core', 'booths']);
  const { message } = App.useApp();
  const { show, describe } = useApiError();
  const base = usePortalBase();
  const { layouts, loading, error, refetch } = useVenueLayouts(venueId);
  const { save, saving } = useLayoutMutations();
  const [conflict, setConflict] = useState<{ plan: FloorPlan; currentVersion: number } | null>(null);
  const layout = layouts.find((l) => l.id === layoutId);

  if (loading) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (!layout) return error ? <Result status="warning" title={describe(error)} /> : <NotFoundPage />;

  const doSave = async (plan: FloorPlan, version: number): Promise<FloorPlan> => {
    try {
      // The plan's size travels with its booths (the API refuses a size that leaves a booth outside).
      const { data } = await save({ variables: { layoutId: layout.id, version, booths: planToBoothInputs(plan), width: plan.width, height: plan.height } });
      void message.success(t('booths:editor.saved'));
      setConflict(null);
      return data ? layoutToPlan(data.saveLayoutBooths) : plan;
    } catch (e) {
      const changed = apiErrors(e).find((x) => x.reason === 'LAYOUT_CHANGED');
      if (changed) setConflict({ plan, currentVersion: Number(changed.params.currentVersion) || version });
      else show(e);
      throw e;
    }
  };

  return (
    <>
      <PageHeader
        title={layout.name}
        subtitle={t('booths:editor.subtitle', { width: layout.width, height: layout.height })}
        extra={
          <Link to={`${base}/booths/layouts?venue=${venueId}`}>
            <Button icon={<ArrowLeftOutlined />}>{t('booths:layouts.title')}</Button>
          </Link>
        }
      />
      <FloorPlanEditor plan={layoutToPlan(layout)} version={`${layout.id}:${layout.version}`} saving={saving} onSave={(plan) => doSave(plan, layout.version)} />
      <Modal
        open={!!conflict}
        title={t('booths:editor.conflictTitle')}
        onCancel={() => setConflict(null)}
        footer={
          <Space wrap>
            <Button onClick={() => setConflict(null)}>{t('booths:editor.keepEditing')}</Button>
            <Button
              onClick={() => {
                setConflict(null);
                void refetch();
              }}
              data-testid="conflict-load-theirs"
            >
              {t('booths:editor.loadTheirs')}
            </Button>
            <Button
              type="primary"
              danger
              loading={saving}
              onClick={() => conflict && void doSave(conflict.plan, conflict.currentVersion).then(() => refetch(), () => undefined)}
              data-testid="conflict-overwrite"
            >
              {t('booths:editor.overwrite')}
            </Button>
          </Space>
        }
      >
        <Typography.Paragraph>{t('booths:editor.conflictBody')}</Typography.Paragraph>
      </Modal>
    </>
  );
}
