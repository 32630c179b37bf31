/** i18next namespace `home`, Simplified Chinese (the default). Every key must also exist in home.en.ts (locales.spec.ts checks). */
const homeZhCN = {
  welcome: '欢迎，{{name}}',
  welcomeSubtitle: '您正在使用{{portal}}',
  comingSoon: '即将上线',
  seeker: {
    events: '招聘会与活动报名',
    eventsDesc: '浏览专场招聘会、名校直通车与创业活动，在线报名并凭二维码入场。',
    broadcasts: '直播带岗',
    broadcastsDesc: '观看“乐业临沂”直播，一键投递直播间推荐的岗位。',
    applications: '我的投递',
    applicationsDesc: '查看岗位投递与意向达成进度。',
  },
  mentor: {
    coaching: '创业辅导',
    coachingDesc: '记录辅导活动，跟踪“护航行动”项目进展。',
    profile: '导师档案',
    profileDesc: '维护专长领域与导师工作室信息。',
  },
  host: {
    broadcasts: '直播带岗',
    broadcastsDesc: '开播、推送岗位卡片、管理弹幕，实时查看投递。',
    schedule: '直播排期',
    scheduleDesc: '查看组织方安排的直播场次。',
  },
  admin: {
    users: '用户管理',
    usersDesc: '查询、停用账号，调整角色与所属区域。',
    quotas: '指标定义',
    quotasDesc: '设置各区县年度活动指标。',
  },
};

export default homeZhCN;
