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
};

export default profileZhCN;
