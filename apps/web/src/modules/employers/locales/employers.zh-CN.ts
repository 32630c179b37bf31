/** i18next namespace `employers`, Simplified Chinese (the default). Every key must also exist in employers.en.ts (locales.spec.ts checks). */
const employersZhCN = {
  status: {
    PENDING: '待审核',
    VERIFIED: '已认证',
    REJECTED: '未通过',
  },
  fields: {
    name: '单位名称',
    creditCode: '统一社会信用代码',
    region: '所在区县',
    status: '认证状态',
    contactName: '联系人',
    contactPhone: '联系电话',
    createdAt: '提交时间',
    reviewedAt: '审核时间',
    rejectionReason: '未通过原因',
  },
  queue: {
    title: '用人单位认证审核',
    subtitle: '核对单位名称、统一社会信用代码与所在区县后，予以认证或退回。',
    statusFilter: '状态',
    regionFilter: '区县',
    searchPlaceholder: '单位名称或信用代码',
    empty: '没有符合条件的用人单位',
    actions: '操作',
    open: '查看',
  },
  detail: {
    title: '用人单位详情',
    verify: '认证通过',
    reject: '退回',
    verifyConfirm: '确认认证“{{name}}”？认证后该单位即可预订展位、发布岗位。',
    verified: '已认证“{{name}}”',
    rejected: '已退回“{{name}}”',
    rejectTitle: '退回认证申请',
    rejectReason: '退回原因',
    rejectReasonPlaceholder: '请写明需要单位补正的内容，该原因将通知单位',
    rejectReasonRequired: '请填写退回原因',
    alreadyReviewed: '该单位已审核',
  },
  mine: {
    title: '我的单位',
    none: '当前账号尚未关联用人单位',
    pendingHint: '单位信息已提交，正在等待人社部门审核，审核结果将通过站内通知告知。',
    verifiedHint: '单位已认证，可预订招聘会展位、发布岗位。',
    rejectedHint: '认证未通过，请根据原因补正信息后联系所在区县人社部门。',
  },
};

export default employersZhCN;
