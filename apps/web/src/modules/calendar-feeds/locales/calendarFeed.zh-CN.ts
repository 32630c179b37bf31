/** i18next namespace `calendarFeed`, Simplified Chinese (the default). Every key must also exist in calendarFeed.en.ts (locales.spec.ts checks). */
const calendarFeedZhCN = {
  title: '我的日历订阅',
  intro: '把您报名和负责的活动同步到手机或电脑日历。复制下面的链接，在日历应用中选择“添加订阅日历”。',
  url: '订阅链接',
  copy: '复制',
  copied: '已复制订阅链接',
  copyManually: '无法自动复制，请手动选择链接复制',
  subscribe: '在日历应用中订阅',
  rotate: '重新生成链接',
  rotateConfirm: '重新生成后，旧链接立即失效，已订阅的日历需要改用新链接。继续？',
  rotated: '已生成新的订阅链接',
  secretNote: '该链接是您的私人链接，请勿分享；如已泄露，请重新生成。',
  none: '您还没有日历订阅链接。',
  create: '生成订阅链接',
  issuedOn: '当前订阅链接生成于 {{date}}。',
  shownOnce: '为保护隐私，订阅链接只在生成时显示一次，系统不保存链接本身。如需再次获取，请重新生成：旧链接会立即失效，已订阅的日历需改用新链接。',
  copyNow: '请现在复制或订阅：离开本页后将无法再次查看此链接。',
};

export default calendarFeedZhCN;
