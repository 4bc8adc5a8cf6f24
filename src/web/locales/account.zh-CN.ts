// The signed-in person's own account (change password); spread into zh-CN.ts.
export const accountZhCN = {
  account: {
    menu: '我的账号',
    changePassword: '修改密码',
    intro: '修改后，您在其他手机和电脑上的登录都会退出，需要用新密码重新登录；这台设备保持登录。',
    current: '当前密码',
    currentRequired: '请输入当前密码',
    new: '新密码',
    newRequired: '请输入新密码',
    newHint: '至少 {{min}} 个字符。',
    newTooShort: '新密码至少要 {{min}} 个字符',
    newSameAsCurrent: '新密码不能和当前密码相同',
    repeat: '再次输入新密码',
    repeatRequired: '请再输入一次新密码',
    repeatMismatch: '两次输入的新密码不一致',
    submit: '修改密码',
    changed: '密码已修改。其他设备上的登录已退出。',
  },
};
