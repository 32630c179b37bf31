/** i18next namespace `audit`, Simplified Chinese (the default). Every key must also exist in audit.en.ts (locales.spec.ts checks). */
const auditZhCN = {
  nav: '审计日志',
  title: '审计日志',
  subtitle: '谁、在何时、从哪个地址，对哪条记录做了什么：单位审核、工作人员账号、活动取消与改期、节假日调整。只可追加，不可修改。',
  search: '查询',
  reset: '重置',
  system: '系统',
  empty: '没有符合条件的记录',
  total: '共 {{count}} 条',
  badActorId: '请填写完整的用户 ID',
  allEventActions: '全部活动操作',
  allEmployerActions: '全部单位审核',
  fields: {
    occurredAt: '时间',
    actor: '操作人',
    actorId: '操作人 ID',
    action: '操作',
    resource: '对象',
    resourceId: '对象 ID',
    region: '区域',
    ipAddress: 'IP 地址',
    range: '日期',
  },
  actions: {
    employer_verified: '单位审核通过',
    employer_rejected: '单位审核驳回',
    staff_created: '创建工作人员账号',
    event_cancelled: '取消活动',
    event_rescheduled: '活动改期',
    holidays_changed: '调整节假日',
  },
  resourceTypes: {
    employer: '用人单位',
    user: '账号',
    event: '活动',
    holiday_year: '节假日（年度）',
  },
};

export default auditZhCN;
