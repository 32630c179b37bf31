/** i18next namespace `home`, Simplified Chinese (the default). Every key must also exist in home.en.ts (locales.spec.ts checks). */
const homeZhCN = {
  welcome: '欢迎，{{name}}',
  welcomeSubtitle: '您正在使用{{portal}}',
  open: '打开',
  seeker: {
    events: '招聘会与活动报名',
    eventsDesc: '浏览专场招聘会、名校直通车与创业活动，在线报名并凭二维码入场。',
  },
  mentor: {
    coachingDesc: '记录辅导活动，跟踪“护航行动”项目进展。',
  },
  admin: {
    users: '用户管理',
    usersDesc: '按姓名、邮箱或手机号查找账号，停用或恢复，签发一次性重置码。',
    quotas: '指标定义',
    quotasDesc: '维护各年度、各区县的指标、目标值与依据条款。',
  },
};

export default homeZhCN;
