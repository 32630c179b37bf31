/** i18next namespace `profile`, Simplified Chinese (the default). Every key must also exist in profile.en.ts (locales.spec.ts checks). */
const profileZhCN = {
  title: '个人资料',
  subtitle: '查看账号信息，修改显示名称与语言偏好',
  displayName: '显示名称',
  displayNameRequired: '请输入显示名称',
  email: '邮箱',
  phone: '手机号',
  region: '所属区域',
  role: '角色',
  locale: '语言偏好',
  createdAt: '注册时间',
  edit: '编辑资料',
  saved: '资料已更新',
  myData: {
    title: '我的个人信息',
    intro: '依照《个人信息保护法》，您可以下载平台保存的您的全部个人信息（资料、身份证号、活动报名、签到、求职投递、创业辅导记录），也可以注销账号。',
    downloadExcel: '下载（Excel）',
    downloadJson: '下载（JSON）',
    delete: '注销账号',
    deleteTitle: '注销账号',
    warning: '注销后无法恢复',
    warningDetail: '您的姓名、手机号、邮箱、身份证号、简历和消息将被删除，报名与投递记录中的姓名和联系方式将被清除，您将立即退出登录且无法再用本账号登录。活动报名、签到和投递的数量会以匿名方式保留用于统计，不再与您关联。建议先下载您的数据。',
    password: '当前密码',
    passwordRequired: '请输入当前密码以确认',
    understood: '我已了解注销后无法恢复',
    understoodRequired: '请确认您已了解',
    deleteConfirm: '确认注销',
    deleted: '账号已注销',
  },
};

export default profileZhCN;
