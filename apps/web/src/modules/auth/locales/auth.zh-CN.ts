/** i18next namespace `auth`, Simplified Chinese (the default). Every key must also exist in auth.en.ts (locales.spec.ts checks). */
const authZhCN = {
  heroTitle: '乐业临沂 · 就业服务一网通',
  heroSubtitle: '招聘会、用人单位、创业导师与直播带岗，一个平台全部连接。',
  heroPoint1: '专场招聘会与名校引才活动',
  heroPoint2: '用人单位认证与岗位发布',
  heroPoint3: '创业导师库与“护航行动”',
  heroPoint4: '“乐业临沂”直播带岗',
  loginTitle: '登录',
  loginSubtitle: '使用手机号或邮箱登录',
  loginLabel: '手机号或邮箱',
  loginPlaceholder: '请输入手机号或邮箱',
  loginRequired: '请输入手机号或邮箱',
  password: '密码',
  passwordPlaceholder: '请输入密码',
  passwordRequired: '请输入密码',
  loginSubmit: '登录',
  noAccount: '还没有账号？',
  registerSeeker: '求职者注册',
  registerEmployer: '用人单位注册',
  haveAccount: '已有账号？',
  goLogin: '去登录',
  logout: '退出登录',
  loggedOut: '已退出登录',
  sessionExpired: '登录已过期，请重新登录',
  welcomeBack: '欢迎回来，{{name}}',
};

export default authZhCN;
