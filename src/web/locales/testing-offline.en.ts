import type { testingOfflineZhCN } from './testing-offline.zh-CN.ts';
import type { Catalogue } from './zh-CN.ts';

export const testingOfflineEn: Catalogue<typeof testingOfflineZhCN> = {
  testingOffline: {
    openedOffline: 'No signal: tube {{barcode}} taken for now; keep scanning, it opens once back online',
    pending: 'Tube {{barcode}} waiting to be sent: keep scanning, it opens once back online',
    openWaiting: 'Tube opening waiting to be sent',
    sent: 'Tube {{barcode}} sent and open',
    refused: 'Tube {{barcode}} was refused: {{count}} people must be scanned again into another tube',
    rescanTitle: 'Tube {{barcode}} could not be opened',
    rescanAsk: 'Open a new tube and scan these people into it again:',
    rescanDismiss: 'Got it, close this notice',
    closeAfterSent: 'This tube has not reached the server yet: it can be closed once it is sent',
    barcodeInvalid: 'Barcode not valid: 4–40 letters, digits or "-"',
    tubeNotOpened: 'This tube was never opened: scan this person into another tube',
  },
};
