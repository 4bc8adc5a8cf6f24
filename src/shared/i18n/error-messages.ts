import { MEDICINE_STATUS_PARAMS, medicineStatusList } from '../api/medicine-labels.ts';
import type { ErrorCode, ErrorParams } from '../errors.ts';
import type { Locale } from '../roles.ts';
import { ROSTER_FILE_PROBLEMS, type RosterFileProblem } from '../roster-codes.ts';
import { rosterProblemMessage } from './roster-messages.ts';

const messages: Record<Locale, Record<Exclude<ErrorCode, RosterFileProblem>, string>> = {
  'zh-CN': {
    VALIDATION_FAILED: '输入有误，请检查标出的内容。',
    MALFORMED_REQUEST: '请求格式不正确（{reason}）。',
    UNAUTHENTICATED: '请先登录。',
    INVALID_CREDENTIALS: '用户名或密码不正确。',
    WRONG_CURRENT_PASSWORD: '当前密码不正确。',
    PASSWORD_UNCHANGED: '新密码不能和当前密码相同。',
    CSRF_FAILED: '页面已过期，请刷新后重试。',
    FORBIDDEN: '您没有权限进行此操作。',
    NOT_IN_GROUP: '您不在这个班次所属的小组里，不能报名。',
    IDEMPOTENCY_KEY_REUSED: '同一个请求编号不能用于不同的操作。',
    NOT_FOUND: '找不到{what}。',
    ROUTE_NOT_FOUND: '没有这个接口：{method} {url}',
    UNKNOWN_ZONE: '本小区没有这个片区。',
    UNKNOWN_BUILDING: '本小区没有这栋楼。',
    UNKNOWN_GROUP: '本小区没有这个小组。',
    UNKNOWN_ROLE: '这个班次没有“{role}”这个岗位。',
    RELAY_NOT_IN_BUILDING: '楼组长必须是本楼的居民。',
    SLUG_TAKEN: '小区标识“{slug}”已被使用，请换一个。',
    RESIDENT_EXISTS: '{room}室已经登记了一位叫“{name}”的居民。',
    MOBILE_REGISTERED: '这个手机号已经注册过了，请直接登录。',
    VOLUNTEER_NOT_APPROVED: '这位志愿者还没有通过审核。',
    CALL_CLOSED: '这次志愿者招募已经结束。',
    SHIFT_FULL: '这个班次已经报满了，可以排队候补。',
    SIGNUP_NOT_OPEN: '报名还没开始，{opensAt} 开放报名。',
    SIGNUP_CLOSED: '这个班次的报名已经截止。',
    SHIFT_CANCELLED: '这个班次已经取消。',
    ALREADY_SIGNED_UP: '您已经报名了这个班次。',
    SHIFT_OVERLAP: '与您已报名的班次“{title}”（{time}）时间冲突。',
    CAP_REACHED: '您{period}报名的班次已经达到上限（{limit} 个），把机会留给其他志愿者吧。',
    CAPACITY_BELOW_TAKEN: '名额不能少于已报名的人数（{taken} 人）。',
    CANCEL_TOO_LATE: '班次开始前 {minutes} 分钟内不能再取消，请联系组长。',
    SHIFT_ENDED: '这个班次已经结束了。',
    TEMPLATE_ARCHIVED: '这个班次模板已经停用。',
    BADGE_UNKNOWN: '这个二维码不是本小区志愿者的胸卡。',
    BADGE_NOT_ON_SHIFT: '{name} 没有报名这个班次。',
    SIGNUP_NOT_CONFIRMED: '{name} 还在候补，没有确定的名额，不能签到。',
    CHECK_IN_NOT_OPEN: '还不能签到：{opensAt} 开始签到（班次开始前 {minutes} 分钟）。',
    CHECK_IN_CLOSED: '这个班次已经结束，不能再签到。',
    ALREADY_CHECKED_IN: '{name} 已在 {time} 签到。',
    NOT_CHECKED_IN: '{name} 还没有签到，不能签退。',
    ALREADY_CHECKED_OUT: '{name} 已在 {time} 签退。',
    CHECK_OUT_CLOSED: '班次结束已超过 {minutes} 分钟，不能再签退；工时算到班次结束。',
    MARKED_NO_SHOW: '{name} 已被标记为缺席，请先撤销缺席再签到。',
    NO_SHOW_TOO_EARLY: '班次开始后才能标记缺席。',
    DRAW_NOT_YET: '报名还没截止，{closesAt} 截止时才抽签。',
    NOT_A_DRAW: '这个班次按报名先后确定名额，没有抽签。',
    IMPORT_ALREADY_COMMITTED: '这份名册已经导入过了，没有重复导入。',
    IMPORT_EXPIRED: '预览已过期，请重新上传名册。',
    DUPLICATE_WAYBILL: '运单号 {waybill} 已在 {time} 入库过（楼栋：{building}），不能重复入库。',
    WAYBILL_REPEATED: '运单号 {waybill} 在这次提交里出现了不止一次，请删掉重复的。',
    PARCEL_SHEET_NO_WAYBILL_COLUMN:
      '“{fileName}”里找不到运单号一列。表头应有：运单号、楼栋、房号、手机尾号。',
    PARCEL_SHEET_NO_USABLE_ROW: '“{fileName}”里没有一行可以导入：{invalid} 行有错，没有有效的运单号。',
    PARCEL_SHEET_TOO_LONG: '“{fileName}”有 {rows} 行，一次最多导入 {max} 行，请拆成几份。',
    PARCEL_DAY_NOT_CLEARED: '{day} 还有 {count} 件快递没送到楼栋，请逐件填写原因后再日结。',
    PARCEL_DAY_ALREADY_CLOSED: '{day} 已经日结过了。',
    PARCEL_DAY_IN_FUTURE: '{day} 还没到，不能日结。',
    PARCEL_DAYS_RANGE: '日期范围不对：开始日期要早于结束日期，最多查 {max} 天。',
    NO_WAITING_PARCELS: '现在没有等待配送的快递（已知楼栋的），不用排线。',
    BUILDING_OVER_CAPACITY:
      '{building}号楼有 {parcels} 件快递，超过了最大车辆的容量（{capacity} 件）。请加一辆更大的车或调高容量。',
    UNKNOWN_RIDER: '骑手必须是快递组已通过审核的志愿者。',
    RIDER_ON_TWO_VEHICLES: '{name} 被安排在两辆车上，一个人同时只能骑一辆。',
    RUN_OVER_CAPACITY:
      '把{building}号楼（{parcels} 件）移过去后这一趟要装 {load} 件，超过车辆容量（{capacity} 件）。',
    PLAN_ALREADY_CONFIRMED: '这份排线已经确认过了，不能再改。需要调整请重新排线。',
    PLAN_OUTDATED:
      '排线之后{building}号楼又到了快递，这一趟现在要装 {load} 件，超过车辆容量（{capacity} 件）。请重新排线。',
    NOT_YOUR_RUN: '这不是您的配送任务：只有这一趟的骑手、快递组组长或书记可以操作。',
    RUN_NOT_CONFIRMED: '这一趟配送还没有确认，不能开始送。',
    RUN_ALREADY_DONE: '这一趟配送已经全部送达了。',
    PICKUP_CODES_EXHAUSTED: '{building}号楼待取的快递太多，取件码用完了。请先把已取走的快递确认取件。',
    PICKUP_CODE_UNKNOWN: '{building}号楼没有取件码为 {code} 的快递，请核对楼号和取件码。',
    NO_HOUSEHOLD: '您的账号还没有关联到住户，请联系居委会登记后再来。',
    NOTHING_TO_PICK_UP: '您家没有已送到楼、等待领取的快递。',
    PARCEL_NOT_DELIVERED: '有快递还没送到楼（运单尾号 {waybill}），送到后才能确认取件。',
    TESTING_ROUND_GATES_INVALID: '请为本小区的每个大门各填写一次通道数和限流人数。',
    TESTING_ROUND_LANES_MISMATCH: '各大门的通道数加起来是 {sum} 条，和总通道数 {lanes} 条不一致。',
    TESTING_ROUND_ZONE_WITHOUT_GATE: '“{zone}”还没有指定走哪个大门，请选一个。',
    TESTING_ROUND_SHIFT_NOT_TESTING: '只能选核酸组的班次作为本轮的值班志愿者。',
    TESTING_ROUND_UNKNOWN_RESIDENT: '有居民不在本小区的名册里，请刷新后重试。',
    TESTING_ROUND_NOT_DRAFT: '“{round}”的叫号已经发布，不能再重新排或调整。',
    TESTING_CALL_DOWN_NOBODY: '没有需要下楼采样的居民：请检查各片区走哪个大门，以及名册里的居民。',
    TESTING_CALL_DOWN_NOT_PLANNED: '还没有叫号计划，请先点“生成叫号计划”。',
    TESTING_CALL_NOT_PLANNED: '这栋楼不在叫号计划里，请刷新后重试。',
    TESTING_ROUND_NOT_OPEN: '“{round}”还没有发布或已经结束，现在不能开管或采样。',
    TUBE_BARCODE_USED: '试管 {barcode} 已在 {time} 用过（{round}），一支试管只能用一次，请换一支新试管。',
    TUBE_FULL: '试管 {barcode} 已满（{capacity} 人），请开一支新试管。',
    TUBE_CLOSED: '试管 {barcode} 已封管，请开一支新试管。',
    NOT_A_RESIDENT_HERE: '这个码不是本小区居民的个人码（{code}），不能在这里采样。',
    RESIDENT_ALREADY_SAMPLED:
      '{name}（{building}号楼 {room}）本轮已在 {time} 采过样（试管 {barcode}），不要重复采样。',
    TESTING_ROUND_NOT_LIVE: '“{round}”还没有发布或已经结束，现在不能报排队人数或调通道。',
    ROUND_SIMULATION_TOO_LARGE:
      '模拟的规模太大：{residents} 位居民、{buildings} 栋楼；一次最多 {maxResidents} 位居民、{maxBuildings} 栋楼。',
    ROUND_SIMULATION_NO_SITE:
      '名册里还没有有居民、有大门的楼栋，无法按本小区模拟。请先在名册里录入楼栋、片区和大门。',
    LANES_NOT_AVAILABLE: '{gate}现在只有 {lanes} 条通道，不能调走 {requested} 条。请刷新后再看。',
    MEDICINE_UNKNOWN_RESIDENT: '本小区的名册里没有这位居民。',
    MEDICINE_NOT_YOUR_HOUSEHOLD: '只能为自己家里的人配药；为别人配药请联系配药组。',
    MEDICINE_STATUS_NOT_ALLOWED: '这条配药需求现在是“{from}”，不能改为“{to}”。下一步只能是：{allowed}。',
    MEDICINE_REASON_REQUIRED: '改为“{status}”需要写明原因。',
    MEDICINE_NOT_ASSIGNED_TO_YOU: '这条配药需求没有分配给您，只有负责的志愿者或组长可以更新。',
    MEDICINE_NOT_ASSIGNED_YET: '请先把这条配药需求分配给一位志愿者。',
    MEDICINE_SUBSTITUTION_NOT_CONFIRMED:
      '这次配药有替代（{substitution}），需要居民家里确认接受后才能确认送达。',
    MEDICINE_DELIVERY_PHOTO_NEEDED: '请先上传一张送到时的照片，或请居民家里自己确认收到。',
    MEDICINE_REQUEST_FINISHED: '这条配药需求已经结束（{status}），不能再修改。',
    MEDICINE_PHOTO_NOT_IMAGE:
      '这不是照片。只能上传 JPEG、PNG 或 WebP 格式的图片（拍照即可），PDF 和其他文件不行。',
    MEDICINE_PHOTO_DAMAGED: '这张图片已损坏，打不开。请重新拍一张再上传。',
    MEDICINE_PHOTO_EMPTY: '没有收到照片（文件是空的）。请选一张照片再上传。',
    MEDICINE_PHOTO_TOO_LARGE: '照片太大了，上限是 10 MB。请用手机相机重新拍一张，或压缩后再上传。',
    MEDICINE_PHOTO_ONE_AT_A_TIME: '一次只能上传一张照片，请逐张上传。',
    MEDICINE_PHOTO_KIND_NOT_ALLOWED: '居民家里只能上传处方、医保卡和药盒的照片；小票和送达照片由配药组上传。',
    MEDICINE_ASSIGNEE_NOT_IN_GROUP: '{name}不是配药组已审核的组员，不能分配给他/她。',
    MEDICINE_REQUEST_NOT_TRIAGED:
      '{building}号楼 {room} 的“{drug}”现在是“{status}”，只有已分诊、还没分配的需求才能分配。这次没有做任何改动。',
    MEDICINE_NOTHING_TO_PLAN: '没有可以排进行程的配药需求（已分诊或已分配、还没排进行程的）。',
    MEDICINE_DEADLINE_HOURS_INVALID: '期限要填 {min} 到 {max} 之间的整数小时（最长一周）。',
    MEDICINE_DEADLINE_ORDER:
      '越紧急期限越短：危急 ≤ 较急 ≤ 普通。现在填的是危急 {critical} 小时、较急 {high} 小时、普通 {normal} 小时。',
    GROUP_BUY_NOT_ARRIVABLE: '只有已经截单分配、货还没登记到门口的团购才能登记到货。',
    GROUP_BUY_ARRIVAL_ONLY_DOWN:
      '已登记到货后，“{item}”的数量只能改少：已登记 {received}，这次填的是 {asked}。这次没有做任何改动。',
    GROUP_BUY_DISTRIBUTION_STARTED: '已经有楼栋分发完毕，到货数量不能再改。',
    GROUP_BUY_ARRIVAL_ITEM_UNKNOWN: '到货登记里有不属于这次团购的商品，或同一商品填了两次。',
    GROUP_BUY_NO_DISTRIBUTION_YET: '这次团购还没有截单分配，还没有分发名单。',
    GROUP_BUY_NOT_ARRIVED: '这次团购的货还没登记到门口，请先登记到货。',
    GROUP_BUY_BUILDING_NOTHING: '{building}号楼在这次团购里没有要分发的货。',
    GROUP_BUY_ORDER_NOTHING_ALLOCATED: '{building}号楼 {room} 这次没有分到货，不需要签收或登记异常。',
    GROUP_BUY_EXCEPTION_ITEM_UNKNOWN: '这件商品不属于这次团购。',
    GROUP_BUY_EXCEPTION_TOO_MANY: '这户“{item}”只分到 {allocated}，异常数量不能比这个多。',
    GROUP_BUY_NOT_DELIVERY: '这次团购是居民到门口自提，不需要排配送。',
    GROUP_BUY_NOTHING_TO_DELIVER: '没有还要配送的楼栋：都已分发完毕，或已在配送途中。',
    GROUP_BUY_UNKNOWN_RIDER: '骑手必须是本小区已通过审核的志愿者，每人只能骑一辆车。',
    GROUP_BUY_NOT_YET_OPEN: '这个团购还没开始接单，{opensAt} 开始。',
    GROUP_BUY_CLOSED: '这个团购已经截单，不能再下单、修改或撤回。',
    GROUP_BUY_OVER_LIMIT: '“{item}”每户最多订 {limit} 份。',
    GROUP_BUY_UNKNOWN_ITEM: '订单里有不属于这个团购的商品。',
    GROUP_BUY_ORDER_EXISTS: '这一户已经下过单了，请修改原来的订单。',
    GROUP_BUY_ORDER_WITHDRAWN: '这个订单已经撤回，请重新下单。',
    GROUP_BUY_NOT_YOUR_HOUSEHOLD: '您只能为自己家下单（团购组志愿者和楼组长可以代下单）。',
    GROUP_BUY_NO_HOUSEHOLD: '您的账号没有登记住户，请选择要代下单的住户。',
    GROUP_BUY_CANCELLED: '这个团购已经取消。',
    GROUP_BUY_NOT_PAYABLE: '这个团购没有成团（或已取消），不用收款。',
    COMMITTEE_OWNER_NOT_MEMBER: '负责人必须是本小区的成员，请从名单里选。',
    COMMITTEE_MEETING_UNKNOWN: '找不到这次支委会，请刷新后重试。',
    DISINFECTION_AREA_NAME_TAKEN: '已经有叫“{name}”的消杀点位了，请换个名字。',
    DISINFECTION_WEEKDAY_REQUIRED: '每周消杀的点位要选星期几。',
    DISINFECTION_TIMES_REQUIRED: '每天或每周消杀的点位至少要填一个时间，如 09:00。',
    DISINFECTION_ONE_PLACE: '点位的位置只能选一种：楼栋、大门，或平面图上的 x、y 坐标（两个都要填）。',
    DISINFECTION_UNKNOWN_GATE: '本小区没有这个大门。',
    DISINFECTION_ALREADY_LOGGED: '“{area}”这一轮已经由{name}在 {at} 登记过了，不用再登记。',
    DISINFECTION_TASK_SKIPPED: '“{area}”这一轮已取消（点位已停用），不用登记。',
    DISINFECTION_TOO_EARLY: '“{area}”这一轮是 {day} 的，当天才能登记。',
    DISINFECTION_NOT_LOGGED: '请先登记“{area}”这一轮已完成，再上传照片。',
    NOTICE_QUIET_HOURS_INVALID: '免打扰时段请填开始和结束时间（如 22:00 到 07:00），两者不能相同。',
    NOTICE_GATEWAY_URL_INVALID:
      '网关地址要以 http:// 或 https:// 开头，例如 https://sms.example.gov.cn/linli。',
    NOTICE_GATEWAY_SECRET_TOO_SHORT: '签名密钥至少 {min} 个字符（请用网关给出的密钥）。',
    NOTICE_GATEWAY_NOT_CONFIGURED: '还没有设置短信/微信网关，请先填好地址和密钥并保存。',
    DEAD_LETTER_NOT_DEAD: '这条通知已经不在发送失败列表里了（可能已有人重发）。请刷新列表。',
    ANNOUNCEMENT_AUDIENCE_EMPTY: '请至少选择一个{what}。',
    ANNOUNCEMENT_ONE_GROUP: '一条通知只能发给一个小组。',
    ANNOUNCEMENT_EXPIRY_PAST: '到期时间已经过去了，请选一个以后的时间（或不设到期）。',
    ANNOUNCEMENT_WITHDRAWN: '这条通知已经撤回了。',
    ANNOUNCEMENT_IMAGE_NOT_IMAGE: '只能上传照片或图片（JPEG、PNG 或 WebP）。',
    ANNOUNCEMENT_IMAGE_DAMAGED: '这张图片已损坏，打不开。请换一张再上传。',
    ANNOUNCEMENT_IMAGE_EMPTY: '没有收到图片（文件是空的）。请选一张图片再上传。',
    ANNOUNCEMENT_IMAGE_TOO_LARGE: '图片太大了，上限是 5 MB。请压缩后再上传。',
    ANNOUNCEMENT_IMAGE_ONE_AT_A_TIME: '一条通知只能配一张图片。',
    USERNAME_TAKEN: '用户名“{username}”已被使用。',
    REPORT_DAY_NOT_TODAY: '只能立即生成今天（{today}）的日报；{day} 的日报是当时的数据，不能事后重做。',
    PAYLOAD_TOO_LARGE: '提交的内容太大（上限 {limit}）。',
    UNSUPPORTED_MEDIA_TYPE: '不支持的内容类型：{type}',
    RATE_LIMITED: '尝试次数过多，请 {seconds} 秒后再试。',
    INTERNAL: '服务器出错了，请稍后再试。如需帮助，请提供编号 {requestId}。',
    SERVICE_UNAVAILABLE: '服务暂时不可用，请稍后再试。',
  },
  en: {
    VALIDATION_FAILED: 'Some input is not valid. Please check the marked fields.',
    MALFORMED_REQUEST: 'The request is malformed ({reason}).',
    UNAUTHENTICATED: 'Please sign in first.',
    INVALID_CREDENTIALS: 'The username or password is incorrect.',
    WRONG_CURRENT_PASSWORD: 'The current password is incorrect.',
    PASSWORD_UNCHANGED: 'The new password must differ from the current one.',
    CSRF_FAILED: 'This page has expired. Please reload and try again.',
    FORBIDDEN: 'You are not allowed to do this.',
    NOT_IN_GROUP: 'You are not in the group of this shift, so you cannot sign up for it.',
    IDEMPOTENCY_KEY_REUSED: 'This request key was already used for a different operation.',
    NOT_FOUND: 'The {what} was not found.',
    ROUTE_NOT_FOUND: 'There is no such endpoint: {method} {url}',
    UNKNOWN_ZONE: 'This community has no such zone.',
    UNKNOWN_BUILDING: 'This community has no such building.',
    UNKNOWN_GROUP: 'This community has no such group.',
    UNKNOWN_ROLE: 'This shift has no role "{role}".',
    RELAY_NOT_IN_BUILDING: 'The relay contact must live in this building.',
    SLUG_TAKEN: 'The community id "{slug}" is already in use. Please choose another.',
    RESIDENT_EXISTS: 'Room {room} already has a resident called "{name}".',
    MOBILE_REGISTERED: 'This mobile number is already registered. Please sign in instead.',
    VOLUNTEER_NOT_APPROVED: 'This volunteer has not been approved yet.',
    CALL_CLOSED: 'This call for volunteers has closed.',
    SHIFT_FULL: 'This shift is full. You can join the waitlist.',
    SIGNUP_NOT_OPEN: 'Sign-up has not opened yet; it opens at {opensAt}.',
    SIGNUP_CLOSED: 'Sign-up for this shift has closed.',
    SHIFT_CANCELLED: 'This shift has been cancelled.',
    ALREADY_SIGNED_UP: 'You are already signed up for this shift.',
    SHIFT_OVERLAP: 'This overlaps your shift "{title}" ({time}).',
    CAP_REACHED: 'You have reached the limit of {limit} shifts {period}; leave the places to others.',
    CAPACITY_BELOW_TAKEN: 'The capacity cannot be below the {taken} already signed up.',
    CANCEL_TOO_LATE:
      'Sign-ups cannot be cancelled within {minutes} minutes of the start; please tell your leader.',
    SHIFT_ENDED: 'This shift has already ended.',
    TEMPLATE_ARCHIVED: 'This shift template has been archived.',
    BADGE_UNKNOWN: 'This QR code is not the badge of a volunteer of this community.',
    BADGE_NOT_ON_SHIFT: '{name} is not signed up for this shift.',
    SIGNUP_NOT_CONFIRMED: '{name} is on the waitlist, without a place, and cannot check in.',
    CHECK_IN_NOT_OPEN: 'Check-in opens at {opensAt} ({minutes} minutes before the start).',
    CHECK_IN_CLOSED: 'This shift is over; check-in is closed.',
    ALREADY_CHECKED_IN: '{name} checked in at {time}.',
    NOT_CHECKED_IN: '{name} has not checked in, so cannot check out.',
    ALREADY_CHECKED_OUT: '{name} checked out at {time}.',
    CHECK_OUT_CLOSED:
      'The shift ended more than {minutes} minutes ago; check-out is closed and hours count to the end.',
    MARKED_NO_SHOW: '{name} is marked as a no-show; undo that first to check them in.',
    NO_SHOW_TOO_EARLY: 'A no-show can be marked only once the shift has started.',
    DRAW_NOT_YET: 'Requests are still open; the draw is made when they close ({closesAt}).',
    NOT_A_DRAW: 'Places on this shift go first come, first served; it has no draw.',
    IMPORT_ALREADY_COMMITTED: 'This roster has already been imported; it was not imported twice.',
    IMPORT_EXPIRED: 'The preview has expired. Please upload the roster again.',
    DUPLICATE_WAYBILL:
      'Waybill {waybill} was already recorded at {time} (building: {building}); it is not recorded twice.',
    WAYBILL_REPEATED: 'Waybill {waybill} appears more than once in this submission; remove the repeat.',
    PARCEL_SHEET_NO_WAYBILL_COLUMN:
      'No waybill column found in "{fileName}". The header should have: waybill, building, room, phone tail.',
    PARCEL_SHEET_NO_USABLE_ROW:
      'Nothing in "{fileName}" can be imported: {invalid} rows have errors and no row has a valid waybill.',
    PARCEL_SHEET_TOO_LONG:
      '"{fileName}" has {rows} rows; at most {max} can be imported at once. Please split it.',
    PARCEL_DAY_NOT_CLEARED:
      '{count} parcels of {day} have not reached their building yet; give a reason for each to close the day.',
    PARCEL_DAY_ALREADY_CLOSED: '{day} has already been closed.',
    PARCEL_DAY_IN_FUTURE: '{day} has not come yet and cannot be closed.',
    PARCEL_DAYS_RANGE:
      'The dates do not fit: the start must not be after the end, and at most {max} days at once.',
    NO_WAITING_PARCELS:
      'No parcels are waiting for delivery (with a known building); there is nothing to plan.',
    BUILDING_OVER_CAPACITY:
      'Building {building} has {parcels} parcels, more than the biggest vehicle carries ({capacity}). Add a bigger vehicle or raise a capacity.',
    UNKNOWN_RIDER: 'A rider must be an approved volunteer of the parcels group.',
    RIDER_ON_TWO_VEHICLES: '{name} is on two vehicles; one person rides one vehicle at a time.',
    RUN_OVER_CAPACITY:
      'With building {building} ({parcels} parcels) that run would carry {load}, more than its vehicle’s capacity ({capacity}).',
    PLAN_ALREADY_CONFIRMED:
      'This plan has already been confirmed and can no longer change. Plan again to adjust.',
    PLAN_OUTDATED:
      'Parcels for building {building} arrived after planning: its run would now carry {load}, more than its capacity ({capacity}). Please plan again.',
    NOT_YOUR_RUN:
      'This is not your delivery run: only its rider, a leader of the parcels group or a coordinator can do this.',
    RUN_NOT_CONFIRMED: 'This delivery run is not confirmed yet, so it cannot be ridden.',
    RUN_ALREADY_DONE: 'Every stop of this delivery run has already been delivered.',
    PICKUP_CODES_EXHAUSTED:
      'Building {building} has so many parcels waiting that its pickup codes have run out. Confirm the parcels already taken first.',
    PICKUP_CODE_UNKNOWN:
      'Building {building} has no parcels with pickup code {code}. Please check the building and the code.',
    NO_HOUSEHOLD: 'Your account is not linked to a household yet. Please ask the committee to register you.',
    NOTHING_TO_PICK_UP:
      'Your household has no parcels delivered to the building and waiting to be picked up.',
    PARCEL_NOT_DELIVERED:
      'A parcel has not reached the building yet (waybill ending {waybill}); pickup can be confirmed once it has.',
    TESTING_ROUND_GATES_INVALID: 'Give the lanes and the crowd limit once for every gate of the community.',
    TESTING_ROUND_LANES_MISMATCH:
      'The lanes at the gates add up to {sum}, not to the {lanes} lanes of the round.',
    TESTING_ROUND_ZONE_WITHOUT_GATE: 'Choose the gate that "{zone}" uses.',
    TESTING_ROUND_SHIFT_NOT_TESTING:
      'Only a shift of the testing group can be the round’s volunteers on duty.',
    TESTING_ROUND_UNKNOWN_RESIDENT:
      'Some residents are not in this community’s registry; refresh and try again.',
    TESTING_ROUND_NOT_DRAFT:
      'The call-down of "{round}" is published: it can no longer be planned again or adjusted.',
    TESTING_CALL_DOWN_NOBODY:
      'Nobody is to come down: check which gate each zone uses, and the residents in the registry.',
    TESTING_CALL_DOWN_NOT_PLANNED: 'There is no call-down plan yet: propose one first.',
    TESTING_CALL_NOT_PLANNED: 'This building is not in the call-down plan; refresh and try again.',
    TESTING_ROUND_NOT_OPEN: '"{round}" is not published yet or already finished: no tubes or samples now.',
    TUBE_BARCODE_USED:
      'Tube {barcode} was already used at {time} ({round}); a tube is used once. Take a new tube.',
    TUBE_FULL: 'Tube {barcode} is full ({capacity} residents): open a new tube.',
    TUBE_CLOSED: 'Tube {barcode} is closed: open a new tube.',
    NOT_A_RESIDENT_HERE:
      'This code ({code}) is not a resident of this compound; they cannot be sampled here.',
    RESIDENT_ALREADY_SAMPLED:
      '{name} (building {building}, room {room}) was already sampled in this round at {time} (tube {barcode}); do not sample twice.',
    TESTING_ROUND_NOT_LIVE:
      '"{round}" is not published yet or already finished: no queue reports or lane switches now.',
    ROUND_SIMULATION_TOO_LARGE:
      'The simulation is too large: {residents} residents in {buildings} buildings; one run takes at most {maxResidents} residents and {maxBuildings} buildings.',
    ROUND_SIMULATION_NO_SITE:
      'The registry has no building with residents and a gate yet, so the compound cannot be simulated. Enter buildings, zones and gates in the registry first.',
    LANES_NOT_AVAILABLE:
      '{gate} has only {lanes} lanes now, so {requested} cannot be moved from it. Refresh and look again.',
    MEDICINE_UNKNOWN_RESIDENT: "There is no such resident in this community's registry.",
    MEDICINE_NOT_YOUR_HOUSEHOLD:
      'You can ask for medicine only for people of your own household; for anyone else, contact the medicine group.',
    MEDICINE_STATUS_NOT_ALLOWED:
      'This medicine request is "{from}" and cannot become "{to}". The next step can only be: {allowed}.',
    MEDICINE_REASON_REQUIRED: 'Changing to "{status}" needs a reason.',
    MEDICINE_NOT_ASSIGNED_TO_YOU:
      'This medicine request is not assigned to you; only its volunteer or a leader can update it.',
    MEDICINE_NOT_ASSIGNED_YET: 'Assign this medicine request to a volunteer first.',
    MEDICINE_SUBSTITUTION_NOT_CONFIRMED:
      'This delivery has a substitution ({substitution}); the household must accept it before the delivery is confirmed.',
    MEDICINE_DELIVERY_PHOTO_NEEDED:
      'Upload a photo of the delivery first, or ask the household to confirm they received it.',
    MEDICINE_REQUEST_FINISHED: 'This medicine request is finished ({status}) and can no longer be changed.',
    MEDICINE_PHOTO_NOT_IMAGE:
      'This is not a photo. Only JPEG, PNG or WebP images can be uploaded (just take a picture); PDFs and other files cannot.',
    MEDICINE_PHOTO_DAMAGED: 'This image is damaged and cannot be opened. Please take the photo again.',
    MEDICINE_PHOTO_EMPTY: 'No photo arrived (the file is empty). Choose a photo and upload it again.',
    MEDICINE_PHOTO_TOO_LARGE:
      'The photo is too large; the limit is 10 MB. Take it again with the phone camera, or shrink it first.',
    MEDICINE_PHOTO_ONE_AT_A_TIME: 'Upload one photo at a time, please.',
    MEDICINE_PHOTO_KIND_NOT_ALLOWED:
      'A household can add photos of the prescription, the insurance card and the box; receipts and delivery photos are added by the medicine group.',
    MEDICINE_ASSIGNEE_NOT_IN_GROUP:
      '{name} is not an approved member of the medicine group, so requests cannot be assigned to them.',
    MEDICINE_REQUEST_NOT_TRIAGED:
      'The request for "{drug}" of {building}-{room} is "{status}": only triaged requests not yet assigned can be assigned. Nothing was changed.',
    MEDICINE_NOTHING_TO_PLAN:
      'There is no request to put on a trip (triaged or assigned, and not on a trip yet).',
    MEDICINE_DEADLINE_HOURS_INVALID:
      'A deadline must be a whole number of hours from {min} to {max} (one week at most).',
    MEDICINE_DEADLINE_ORDER:
      'The more urgent, the shorter the deadline: critical ≤ high ≤ normal. You entered critical {critical} h, high {high} h, normal {normal} h.',
    GROUP_BUY_NOT_ARRIVABLE:
      'Arrival can be recorded only for a group buy that is closed and allocated and not yet recorded as arrived.',
    GROUP_BUY_ARRIVAL_ONLY_DOWN:
      'After arrival the count of "{item}" can only go down: {received} were recorded, you entered {asked}. Nothing was changed.',
    GROUP_BUY_DISTRIBUTION_STARTED:
      'A building has already been distributed; the counts received can no longer change.',
    GROUP_BUY_ARRIVAL_ITEM_UNKNOWN:
      'The arrival names an item that is not part of this group buy, or names an item twice.',
    GROUP_BUY_NO_DISTRIBUTION_YET:
      'This group buy is not closed and allocated yet, so there is no distribution list.',
    GROUP_BUY_NOT_ARRIVED:
      'The goods of this group buy are not recorded as arrived yet; record the arrival first.',
    GROUP_BUY_BUILDING_NOTHING: 'Building {building} has nothing to receive in this group buy.',
    GROUP_BUY_ORDER_NOTHING_ALLOCATED:
      '{building}-{room} got no units this time, so there is nothing to confirm or report.',
    GROUP_BUY_EXCEPTION_ITEM_UNKNOWN: 'That item is not part of this group buy.',
    GROUP_BUY_EXCEPTION_TOO_MANY:
      'This household got {allocated} of "{item}"; an exception cannot cover more units than that.',
    GROUP_BUY_NOT_DELIVERY:
      'Residents pick this group buy up at the gate; there are no delivery runs to plan.',
    GROUP_BUY_NOTHING_TO_DELIVER:
      'No building is left to deliver to: all are distributed or already on a run under way.',
    GROUP_BUY_UNKNOWN_RIDER:
      'A rider must be an approved volunteer of this community, and each rider rides one vehicle.',
    GROUP_BUY_NOT_YET_OPEN: 'This group buy does not take orders yet; it opens at {opensAt}.',
    GROUP_BUY_CLOSED: 'This group buy is closed: orders can no longer be placed, changed or withdrawn.',
    GROUP_BUY_OVER_LIMIT: 'A household may order at most {limit} of "{item}".',
    GROUP_BUY_UNKNOWN_ITEM: 'The order names an item that is not part of this group buy.',
    GROUP_BUY_ORDER_EXISTS: 'This household has already ordered: change that order instead.',
    GROUP_BUY_ORDER_WITHDRAWN: 'This order was withdrawn; place a new one instead.',
    GROUP_BUY_NOT_YOUR_HOUSEHOLD:
      'You may order only for your own household (group-buying volunteers and relay contacts may order for others).',
    GROUP_BUY_NO_HOUSEHOLD: 'Your account has no household here: choose the household you order for.',
    GROUP_BUY_CANCELLED: 'This group buy was cancelled.',
    GROUP_BUY_NOT_PAYABLE: 'This group buy did not go ahead (or was cancelled): there is nothing to pay.',
    COMMITTEE_OWNER_NOT_MEMBER:
      'The owner must be a member of this community; please pick them from the list.',
    COMMITTEE_MEETING_UNKNOWN: 'That committee meeting was not found; please reload and try again.',
    DISINFECTION_AREA_NAME_TAKEN: 'There is already an area called “{name}”. Please choose another name.',
    DISINFECTION_WEEKDAY_REQUIRED: 'A weekly area needs its day of the week.',
    DISINFECTION_TIMES_REQUIRED: 'A daily or weekly area needs at least one time, e.g. 09:00.',
    DISINFECTION_ONE_PLACE:
      'Place the area in one way only: a building, a gate, or x and y on the site plan (both of them).',
    DISINFECTION_UNKNOWN_GATE: 'This community has no such gate.',
    DISINFECTION_ALREADY_LOGGED: 'This round of “{area}” was already logged by {name} at {at}.',
    DISINFECTION_TASK_SKIPPED: 'This round of “{area}” was called off (the area is no longer in use).',
    DISINFECTION_TOO_EARLY: 'This round of “{area}” is for {day}: it can be logged on that day.',
    DISINFECTION_NOT_LOGGED: 'Log this round of “{area}” as done first, then add its photo.',
    NOTICE_QUIET_HOURS_INVALID:
      'Quiet hours need a start and an end time (e.g. 22:00 to 07:00), and the two must differ.',
    NOTICE_GATEWAY_URL_INVALID:
      'The gateway address must start with http:// or https://, e.g. https://sms.example.gov.cn/linli.',
    NOTICE_GATEWAY_SECRET_TOO_SHORT:
      'The signing secret needs at least {min} characters (use the one the gateway gave you).',
    NOTICE_GATEWAY_NOT_CONFIGURED:
      'No SMS / WeChat gateway is set up yet: enter its address and secret and save them first.',
    DEAD_LETTER_NOT_DEAD:
      'This notice is no longer among the failed ones (someone may have resent it already). Please refresh the list.',
    ANNOUNCEMENT_AUDIENCE_EMPTY: 'Choose at least one {what}.',
    ANNOUNCEMENT_ONE_GROUP: 'An announcement goes to one group only.',
    ANNOUNCEMENT_EXPIRY_PAST: 'The expiry time has already passed: choose a later time (or no expiry).',
    ANNOUNCEMENT_WITHDRAWN: 'This announcement has been withdrawn.',
    ANNOUNCEMENT_IMAGE_NOT_IMAGE: 'Only photos or pictures can be uploaded (JPEG, PNG or WebP).',
    ANNOUNCEMENT_IMAGE_DAMAGED: 'This image is damaged and cannot be opened. Please choose another.',
    ANNOUNCEMENT_IMAGE_EMPTY: 'No image arrived (the file is empty). Choose an image and upload it again.',
    ANNOUNCEMENT_IMAGE_TOO_LARGE:
      'The image is too large: the limit is 5 MB. Please compress it and try again.',
    ANNOUNCEMENT_IMAGE_ONE_AT_A_TIME: 'An announcement has one image only.',
    USERNAME_TAKEN: 'The username "{username}" is already in use.',
    REPORT_DAY_NOT_TODAY:
      'Only today’s report ({today}) can be made now; the report of {day} holds the figures of its time and cannot be made again later.',
    PAYLOAD_TOO_LARGE: 'The request is too large (limit {limit}).',
    UNSUPPORTED_MEDIA_TYPE: 'Unsupported content type: {type}',
    RATE_LIMITED: 'Too many attempts. Please try again in {seconds} s.',
    INTERNAL: 'Something went wrong on the server. If you need help, quote reference {requestId}.',
    SERVICE_UNAVAILABLE: 'The service is temporarily unavailable. Please try again shortly.',
  },
};

// Names of things used in NOT_FOUND messages.
const nouns: Record<Locale, Record<string, string>> = {
  'zh-CN': {
    community: '该小区',
    account: '该账号',
    session: '该会话',
    resource: '该内容',
    building: '这栋楼',
    resident: '这位居民',
    import: '这次导入',
    call: '这次招募',
    volunteer: '这位志愿者',
    group: '这个小组',
    shift: '这个班次',
    signup: '这条报名',
    template: '这个班次模板',
    calendar: '这个日历订阅链接',
    gate: '这个大门',
    deliveryPlan: '这份排线',
    deliveryRun: '这一趟配送',
    runStop: '这一站',
    parcel: '这件快递',
    testingRound: '这一轮核酸检测',
    tube: '这支试管',
    medicineRequest: '这条配药需求',
    medicineAttachment: '这张照片',
    groupBuy: '这个团购',
    groupBuyOrder: '这个团购订单',
    committeeMeeting: '这次支委会',
    actionItem: '这条待办事项',
    household: '这一户',
    deadLetter: '这条发送失败的通知',
    announcement: '这条通知',
    relayTask: '这条转达任务',
    dailyReport: '这一天的日报',
    zoneNoun: '片区',
    buildingNoun: '楼栋',
  },
  en: {
    community: 'community',
    account: 'account',
    session: 'session',
    resource: 'resource',
    building: 'building',
    resident: 'resident',
    import: 'import',
    call: 'call for volunteers',
    volunteer: 'volunteer',
    group: 'group',
    shift: 'shift',
    signup: 'sign-up',
    template: 'shift template',
    calendar: 'calendar feed',
    gate: 'gate',
    deliveryPlan: 'delivery plan',
    deliveryRun: 'delivery run',
    runStop: 'stop',
    parcel: 'parcel',
    testingRound: 'testing round',
    tube: 'tube',
    medicineRequest: 'medicine request',
    medicineAttachment: 'photo',
    groupBuy: 'group buy',
    groupBuyOrder: 'group-buy order',
    committeeMeeting: 'committee meeting',
    actionItem: 'action item',
    household: 'household',
    deadLetter: 'failed notice',
    announcement: 'announcement',
    relayTask: 'relay task',
    dailyReport: 'day report',
    zoneNoun: 'zone',
    buildingNoun: 'building',
  },
};

const periods: Record<Locale, Record<string, string>> = {
  'zh-CN': { day: '今天', week: '本周' },
  en: { day: 'a day', week: 'a week' },
};

const isRosterFileProblem = (code: ErrorCode): code is RosterFileProblem =>
  (ROSTER_FILE_PROBLEMS as readonly string[]).includes(code);

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;

/** Instants travel as ISO strings with the community's time zone and are written in the reader's language. */
function formatInstant(locale: Locale, iso: string, timeZone: string) {
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    month: 'short',
    day: 'numeric',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));
}

export function errorMessage(locale: Locale, code: ErrorCode, params: ErrorParams = {}): string {
  if (isRosterFileProblem(code)) return rosterProblemMessage(locale, code, params);
  const template = messages[locale][code] ?? messages[locale].INTERNAL;
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = params[key];
    if (value === undefined) return '';
    if (key === 'what') return nouns[locale][String(value)] ?? String(value);
    if (key === 'period') return periods[locale][String(value)] ?? String(value);
    if (MEDICINE_STATUS_PARAMS.includes(key)) return medicineStatusList(locale, String(value));
    if (typeof value === 'string' && ISO_INSTANT.test(value) && typeof params.timeZone === 'string') {
      return formatInstant(locale, value, params.timeZone);
    }
    return String(value);
  });
}
