import type { ThemeConfig } from 'antd';

// Tuned for elderly readers and gloved thumbs: 16px text, 44px targets, and text colours
// that keep at least 4.5:1 contrast (antd's default tertiary grey and primary blue do not).
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#0958d9',
    // antd derives lighter hover and pressed blues, under which white text falls below 4.5:1;
    // a finger or mouse resting on a button just pressed would leave it unreadable.
    colorPrimaryHover: '#003eb3',
    colorPrimaryActive: '#002c8c',
    colorLink: '#0958d9',
    colorError: '#c41d1d',
    colorWarning: '#ad4e00',
    colorWarningBg: '#fff7e6',
    colorWarningBorder: '#ffd591',
    colorSuccess: '#237804',
    colorTextSecondary: 'rgba(0, 0, 0, 0.7)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
    fontSize: 16,
    fontSizeLG: 18,
    controlHeight: 44,
    controlHeightLG: 52,
    controlHeightSM: 36,
    borderRadius: 8,
  },
  components: {
    Menu: { itemHeight: 52, fontSize: 17, iconSize: 18 },
    Layout: {
      headerBg: '#ffffff',
      headerPadding: '0 16px',
      headerHeight: 64,
      bodyBg: '#f3f5f8',
      siderBg: '#ffffff',
    },
    Table: { cellFontSize: 16 },
  },
};
