import { AppstoreAddOutlined, CompressOutlined, DeleteOutlined, InsertRowRightOutlined, PlusOutlined, SaveOutlined, ZoomInOutlined, ZoomOutOutlined } from '@ant-design/icons';
import { Alert, AutoComplete, Button, Card, Col, Empty, Flex, Input, InputNumber, List, Row, Select, Space, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useMemo, useReducer, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  BOOTH_TYPES,
  editorReducer,
  fitViewBox,
  initialEditorState,
  keysWithIssues,
  PLAN_MAX,
  PLAN_MIN,
  validatePlan,
  type FloorPlan,
  type PlanIssue,
  type RowSpec,
} from '../utils/floor-plan.js';
import { FloorPlanCanvas } from './FloorPlanCanvas.js';
import { GenerateRowModal } from './GenerateRowModal.js';

const GRIDS = [0, 0.25, 0.5, 1];

/**
 * The organizer's floor-plan editor: an SVG plan with booths to add, move, resize, nudge and delete,
 * a side panel to edit the selected booth, row generation, and the plan's problems listed (and
 * saving refused) until they are fixed. `version` changes when the parent loads another saved plan.
 */
export function FloorPlanEditor({
  plan,
  version,
  saving,
  onSave,
  extra,
}: {
  plan: FloorPlan;
  version: string | number;
  saving?: boolean;
  /** Resolves when saved; the editor is then clean (rejects: the editor keeps its changes). */
  onSave(plan: FloorPlan): Promise<FloorPlan | void>;
  extra?: ReactNode;
}) {
  const { t } = useTranslation(['core', 'booths']);
  const [state, dispatch] = useReducer(editorReducer, plan, (p) => initialEditorState(p));
  const [zoom, setZoom] = useState(1);
  /** Where the zoomed view is moved to (plan metres), by dragging the empty plan. */
  const [pan, setPan] = useState({ x: 0, y: 0 });
  const [rowOpen, setRowOpen] = useState(false);

  useEffect(() => {
    dispatch({ type: 'load', plan });
    setZoom(1);
    setPan({ x: 0, y: 0 });
    // Only a new version replaces what is being edited.
  }, [version]);

  const issues = useMemo(() => validatePlan(state.plan), [state.plan]);
  const invalid = useMemo(() => keysWithIssues(issues), [issues]);
  const selected = state.selected.length === 1 ? state.plan.booths.find((b) => b.key === state.selected[0]) : undefined;
  const zones = useMemo(() => [...new Set(state.plan.booths.map((b) => b.zone).filter(Boolean))].sort(), [state.plan.booths]);

  const fit = fitViewBox(state.plan);
  const viewBox = {
    x: fit.x + (fit.width * (1 - 1 / zoom)) / 2 + pan.x,
    y: fit.y + (fit.height * (1 - 1 / zoom)) / 2 + pan.y,
    width: fit.width / zoom,
    height: fit.height / zoom,
  };

  const rowDefaults = (): Partial<RowSpec> => {
    const bottom = state.plan.booths.reduce((m, b) => Math.max(m, b.y + b.height), 0);
    const letters = new Set(state.plan.booths.map((b) => /^[A-Za-z]+/.exec(b.code)?.[0]?.toUpperCase()).filter(Boolean));
    let prefix = 'A';
    while (letters.has(prefix) && prefix < 'Z') prefix = String.fromCharCode(prefix.charCodeAt(0) + 1);
    return { prefix, x: 1, y: state.plan.booths.length ? Math.min(bottom + 2, Math.max(0, state.plan.height - 3)) : 1 };
  };

  const issueText = (issue: PlanIssue) => {
    switch (issue.kind) {
      case 'EMPTY_CODE':
        return t('booths:issues.emptyCode');
      case 'BAD_CODE':
        return t('booths:issues.badCode', { code: issue.code });
      case 'DUPLICATE_CODE':
        return t('booths:issues.duplicateCode', { code: issue.code, count: issue.keys.length });
      case 'OVERLAP':
        return t('booths:issues.overlap', { a: issue.codes[0], b: issue.codes[1] });
      case 'OUTSIDE':
        return t('booths:issues.outside', { code: issue.code });
      case 'TOO_SMALL':
        return t('booths:issues.tooSmall', { code: issue.code });
    }
  };

  const save = async () => {
    if (issues.length > 0) return;
    const saved = await onSave(state.plan).catch(() => 'failed' as const);
    if (saved === 'failed') return;
    dispatch({ type: 'saved', plan: saved ?? state.plan });
  };

  return (
    <Row gutter={[16, 16]} className="floor-plan-editor">
      <Col xs={24} xl={17}>
        <Card variant="borderless" styles={{ body: { padding: 8 } }}>
          <Flex justify="space-between" wrap gap={8} style={{ padding: 4, marginBottom: 8 }}>
            <Space wrap size={4}>
              <Button icon={<PlusOutlined />} onClick={() => dispatch({ type: 'add' })} data-testid="add-booth">
                {t('booths:editor.addBooth')}
              </Button>
              <Button icon={<InsertRowRightOutlined />} onClick={() => setRowOpen(true)} data-testid="generate-row">
                {t('booths:editor.generateRow')}
              </Button>
              <Button icon={<DeleteOutlined />} danger disabled={state.selected.length === 0} onClick={() => dispatch({ type: 'delete' })} data-testid="delete-booth">
                {t('booths:editor.delete')}
              </Button>
            </Space>
            <Space size={4}>
              <Tooltip title={t('booths:editor.zoomOut')}>
                <Button icon={<ZoomOutOutlined />} aria-label={t('booths:editor.zoomOut')} onClick={() => setZoom((z) => Math.max(0.5, z / 1.25))} />
              </Tooltip>
              <Tooltip title={t('booths:editor.zoomIn')}>
                <Button icon={<ZoomInOutlined />} aria-label={t('booths:editor.zoomIn')} onClick={() => setZoom((z) => Math.min(8, z * 1.25))} />
              </Tooltip>
              <Tooltip title={t('booths:editor.fit')}>
                <Button
                  icon={<CompressOutlined />}
                  aria-label={t('booths:editor.fit')}
                  onClick={() => {
                    setZoom(1);
                    setPan({ x: 0, y: 0 });
                  }}
                  data-testid="zoom-fit"
                />
              </Tooltip>
            </Space>
          </Flex>
          <div className="floor-plan-frame" style={{ aspectRatio: `${fit.width} / ${fit.height}` }}>
            <FloorPlanCanvas plan={state.plan} selected={state.selected} invalid={invalid} viewBox={viewBox} dispatch={dispatch} pan={pan} onPan={setPan} />
          </div>
          <Typography.Text type="secondary" className="floor-plan-hint">
            {t('booths:editor.hint')}
          </Typography.Text>
        </Card>
      </Col>
      <Col xs={24} xl={7}>
        <Flex vertical gap={16}>
          <Card variant="borderless" size="small" title={t('booths:editor.planTitle')} extra={extra}>
            <Flex vertical gap={8}>
              <Space wrap size={4} align="center">
                <span>{t('booths:editor.planSize')}</span>
                <InputNumber
                  size="small"
                  min={PLAN_MIN}
                  max={PLAN_MAX}
                  precision={0}
                  value={state.plan.width}
                  onChange={(v) => v !== null && dispatch({ type: 'setSize', width: v, height: state.plan.height })}
                  aria-label={t('booths:editor.planWidth')}
                  data-testid="plan-width"
                  style={{ width: 84 }}
                />
                <span>×</span>
                <InputNumber
                  size="small"
                  min={PLAN_MIN}
                  max={PLAN_MAX}
                  precision={0}
                  value={state.plan.height}
                  onChange={(v) => v !== null && dispatch({ type: 'setSize', width: state.plan.width, height: v })}
                  aria-label={t('booths:editor.planHeight')}
                  data-testid="plan-height"
                  style={{ width: 84 }}
                />
                <span>m</span>
              </Space>
              <Space wrap>
                <span>{t('booths:editor.grid')}</span>
                <Select
                  size="small"
                  value={state.grid}
                  onChange={(grid) => dispatch({ type: 'setGrid', grid })}
                  options={GRIDS.map((g) => ({ value: g, label: g === 0 ? t('booths:editor.gridOff') : `${g} m` }))}
                  style={{ width: 100 }}
                  aria-label={t('booths:editor.grid')}
                />
                <Tag>{t('booths:editor.boothCount', { count: state.plan.booths.length })}</Tag>
                {state.dirty && <Tag color="orange">{t('booths:editor.unsaved')}</Tag>}
              </Space>
            </Flex>
          </Card>
          <Card variant="borderless" size="small" title={t('booths:editor.selected')} data-testid="booth-panel">
            {selected ? (
              <div className="form-grid-2 booth-panel">
                <label>
                  {t('booths:fields.code')}
                  <Input
                    value={selected.code}
                    maxLength={16}
                    status={invalid.has(selected.key) ? 'error' : undefined}
                    onChange={(e) => dispatch({ type: 'update', key: selected.key, patch: { code: e.target.value } })}
                    data-testid="booth-code"
                  />
                </label>
                <label>
                  {t('booths:fields.zone')}
                  <AutoComplete
                    value={selected.zone}
                    options={zones.map((z) => ({ value: z }))}
                    onChange={(zone: string) => dispatch({ type: 'update', key: selected.key, patch: { zone } })}
                    data-testid="booth-zone"
                  />
                </label>
                <label>
                  {t('booths:fields.type')}
                  <Select
                    value={selected.type}
                    options={BOOTH_TYPES.map((v) => ({ value: v, label: t(`booths:type.${v}`) }))}
                    onChange={(type) => dispatch({ type: 'update', key: selected.key, patch: { type } })}
                  />
                </label>
                <span />
                {(['width', 'height', 'x', 'y'] as const).map((field) => (
                  <label key={field}>
                    {t(`booths:fields.${field}M`)}
                    <InputNumber
                      value={selected[field]}
                      min={field === 'x' || field === 'y' ? 0 : 1}
                      step={state.grid || 0.5}
                      onChange={(v) => v !== null && dispatch({ type: 'update', key: selected.key, patch: { [field]: v } })}
                      style={{ width: '100%' }}
                      data-testid={`booth-${field}`}
                    />
                  </label>
                ))}
              </div>
            ) : (
              <Empty
                image={<AppstoreAddOutlined style={{ fontSize: 32, color: '#bfbfbf' }} />}
                description={state.selected.length > 1 ? t('booths:editor.manySelected', { count: state.selected.length }) : t('booths:editor.noneSelected')}
              />
            )}
          </Card>
          <Card variant="borderless" size="small" title={t('booths:editor.checks')} data-testid="plan-checks">
            {issues.length === 0 ? (
              <Alert type="success" showIcon title={t('booths:issues.none')} />
            ) : (
              <List
                size="small"
                dataSource={issues.slice(0, 50)}
                header={<Typography.Text type="danger">{t('booths:issues.count', { count: issues.length })}</Typography.Text>}
                renderItem={(issue) => (
                  <List.Item
                    className="plan-issue"
                    onClick={() => issue.keys[0] && dispatch({ type: 'select', key: issue.keys[0] })}
                    style={{ cursor: 'pointer' }}
                  >
                    {issueText(issue)}
                  </List.Item>
                )}
              />
            )}
          </Card>
          <Button
            type="primary"
            size="large"
            icon={<SaveOutlined />}
            loading={saving}
            disabled={issues.length > 0 || !state.dirty}
            onClick={() => void save()}
            data-testid="save-plan"
            block
          >
            {t('booths:editor.save')}
          </Button>
        </Flex>
      </Col>
      <GenerateRowModal
        open={rowOpen}
        initial={rowOpen ? rowDefaults() : {}}
        onCancel={() => setRowOpen(false)}
        onGenerate={(spec) => {
          dispatch({ type: 'generateRow', spec });
          setRowOpen(false);
        }}
      />
    </Row>
  );
}
