/** The lane phone opening a tube without signal (item 4 of issue 6). */
export const testingOfflineZhCN = {
  testingOffline: {
    openedOffline: '没有信号：已先用试管 {{barcode}}，请继续扫码，联网后自动开管',
    pending: '试管 {{barcode}} 等待发送：可以继续扫码，联网后自动开管',
    openWaiting: '开管等待发送',
    sent: '试管 {{barcode}} 已发送，开管成功',
    refused: '试管 {{barcode}} 开管被拒绝：{{count}} 人需要重新扫入另一支试管',
    rescanTitle: '试管 {{barcode}} 未能开管',
    rescanAsk: '请开一支新试管，把下面这些人重新扫进去：',
    rescanDismiss: '知道了，关闭提示',
    closeAfterSent: '这支试管还没发送到服务器，联网发送后才能封管',
    barcodeInvalid: '条码格式不对：只能是 4–40 位字母、数字或“-”',
    tubeNotOpened: '这支试管没有开管成功，请把此人扫入另一支试管',
  },
};
