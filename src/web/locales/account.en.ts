import type { accountZhCN } from './account.zh-CN.ts';
import type { Catalogue } from './zh-CN.ts';

export const accountEn: Catalogue<typeof accountZhCN> = {
  account: {
    menu: 'My account',
    changePassword: 'Change password',
    intro:
      'After the change, you are signed out on every other phone and computer and sign in there with the new password; this device stays signed in.',
    current: 'Current password',
    currentRequired: 'Enter your current password',
    new: 'New password',
    newRequired: 'Enter a new password',
    newHint: 'At least {{min}} characters.',
    newTooShort: 'The new password needs at least {{min}} characters',
    newSameAsCurrent: 'The new password must differ from the current one',
    repeat: 'Repeat the new password',
    repeatRequired: 'Enter the new password once more',
    repeatMismatch: 'The two new passwords do not match',
    submit: 'Change password',
    changed: 'Your password was changed. Sign-ins on other devices were ended.',
  },
};
