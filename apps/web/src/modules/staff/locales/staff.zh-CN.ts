/** i18next namespace `staff`, Simplified Chinese (the default). Every key must also exist in staff.en.ts (locales.spec.ts checks). */
const staffZhCN = {
  title: '创建工作人员账号',
  subtitle: '为组织方、创业导师或直播主播开通账号，首次登录使用初始密码',
  role: '角色',
  roleRequired: '请选择角色',
  displayName: '姓名',
  region: '所属区域',
  regionRequired: '组织方账号需要指定所属区域',
  initialPassword: '初始密码',
  submit: '创建账号',
  created: '已创建账号：{{name}}（{{role}}）',
};

export default staffZhCN;
