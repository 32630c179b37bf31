/** i18next namespace `jobs`, Simplified Chinese (the default). Every key must also exist in jobs.en.ts (locales.spec.ts checks). */
const jobsZhCN = {
  nav: '后台任务',
  title: '后台任务',
  subtitle: '通知推送、审计记录、定时任务等在后台运行，失败会自动重试；多次重试仍失败的任务列在这里，排除原因后可重新执行。',
  empty: '没有失败的任务',
  retry: '重新执行',
  retried: '任务已重新排队',
  fields: {
    name: '任务',
    error: '错误',
    attempts: '尝试次数',
    failedAt: '失败时间',
    actions: '操作',
  },
};

export default jobsZhCN;
