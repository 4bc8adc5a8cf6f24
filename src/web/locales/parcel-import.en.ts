import type { parcelImportZhCN } from './parcel-import.zh-CN.ts';
import type { Catalogue } from './zh-CN.ts';

export const parcelImportEn: Catalogue<typeof parcelImportZhCN> = {
  parcelImport: {
    title: 'Import a parcel sheet',
    link: 'Import a parcel sheet (Excel / CSV)',
    intro:
      'Upload the courier’s sheet (xlsx or csv) with the columns waybill, building, room, phone tail. Check the preview; nothing is recorded until you confirm.',
    pick: 'Choose a file',
    wrongType: 'Choose an .xlsx or .csv file.',
    checking: 'Checking "{{name}}"…',
    summary: '"{{name}}": {{land}} parcels will be recorded, {{refused}} rows left out.',
    toLand: 'To record ({{count}})',
    refused: 'Left out ({{count}} rows)',
    line: 'Row {{line}}',
    noWaybill: '(no waybill)',
    bin: 'Bldg {{code}}',
    room: 'room {{room}}',
    unassigned: 'Unassigned (building "{{typed}}" not found)',
    noBuildingGiven: 'Unassigned (no building given)',
    reason: {
      waybill: 'Invalid waybill (6–40 letters, digits or "-")',
      phoneTail: 'The phone tail should be 4 digits',
      repeated: 'Same waybill as row {{detail}}',
      recorded: 'Already recorded ({{detail}})',
    },
    confirm: 'Import {{count}} parcels',
    nothingNew: 'Every parcel on this sheet is already recorded; nothing new to import.',
    another: 'Choose another file',
    done: 'Imported {{count}} parcels.',
    doneNothing: 'No new parcels recorded (all were recorded before).',
    backToIntake: 'Back to parcel intake',
  },
};
