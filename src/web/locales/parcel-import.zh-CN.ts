// Importing a courier's parcel sheet (导入快递单); spread into zh-CN.ts.
export const parcelImportZhCN = {
  parcelImport: {
    title: '导入快递单',
    link: '导入快递单（Excel / CSV）',
    intro:
      '上传快递员给的表格（xlsx 或 csv），表头要有：运单号、楼栋、房号、手机尾号。先看预览，确认后才入库。',
    pick: '选择文件',
    wrongType: '请选择 .xlsx 或 .csv 文件。',
    checking: '正在检查“{{name}}”…',
    summary: '“{{name}}”：{{land}} 件将入库，{{refused}} 行不导入。',
    toLand: '将入库（{{count}} 件）',
    refused: '不导入（{{count}} 行）',
    line: '第 {{line}} 行',
    noWaybill: '（无运单号）',
    bin: '{{code}}号楼',
    room: '{{room}}室',
    unassigned: '待分配（找不到楼栋“{{typed}}”）',
    noBuildingGiven: '待分配（没有填楼栋）',
    reason: {
      waybill: '运单号无效（6–40 位字母、数字或“-”）',
      phoneTail: '手机尾号应是 4 位数字',
      repeated: '与第 {{detail}} 行运单号重复',
      recorded: '已入库过（{{detail}}）',
    },
    confirm: '确认导入 {{count}} 件',
    nothingNew: '这些快递都已入库过，没有新的可导入。',
    another: '换一个文件',
    done: '已导入 {{count}} 件快递。',
    doneNothing: '没有新入库的快递（都已入库过）。',
    backToIntake: '返回快递入库',
  },
};
