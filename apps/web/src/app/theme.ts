import type { ThemeConfig } from 'antd';

/** 乐业临沂 blue; also exposed as --leye-primary for the few hand-written styles. */
export const PRIMARY = '#1554ad';

export const theme: ThemeConfig = {
  cssVar: { key: 'leye' },
  token: {
    colorPrimary: PRIMARY,
    colorInfo: PRIMARY,
    borderRadius: 8,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: { headerBg: '#ffffff', bodyBg: '#f4f6fa', siderBg: '#ffffff', headerPadding: '0 16px', headerHeight: 56 },
  },
};
