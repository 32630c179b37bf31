/** i18next namespace `publicEvents`, Simplified Chinese (the default). Every key must also exist in publicEvents.en.ts (locales.spec.ts checks). */
const publicEventsZhCN = {
  title: '招聘活动',
  subtitle: '临沂市及各区县的专场招聘会、名校人才直通车、创业活动、直播带岗与技能培训',
  allTypes: '全部类型',
  allRegions: '全部区域',
  from: '开始日期',
  to: '结束日期',
  search: '搜索活动',
  count: '共 {{count}} 场活动',
  empty: '暂无符合条件的活动',
  browse: '浏览活动',
  myHome: '我的主页',
  backToList: '返回活动列表',
  notFound: '活动不存在或尚未发布',
  cancelled: '该活动已取消',
  cancelReason: '取消原因：',
  calendarTitle: '加入日历',
  addToCalendar: '添加到日历',
  feedHint: '订阅{{region}}的全部“{{type}}”，新活动会自动出现在您的手机或电脑日历中：',
  subscribeTitle: '订阅活动日历',
  subscribeHint: '按当前的区域和类型筛选订阅，新发布的活动会自动同步到您的日历：',
};

export default publicEventsZhCN;
