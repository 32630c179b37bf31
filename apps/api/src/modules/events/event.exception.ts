import { AppError, ErrorCode } from '../../common/errors/app-error.js';
import { formatShanghai } from '../../common/time.js';

export const EventErrors = {
  venueTaken: (clash: { title: string; startsAt: Date; endsAt: Date }, when?: string) =>
    new AppError(
      ErrorCode.CONFLICT,
      `场馆在该时段已被「${clash.title}」（${formatShanghai(clash.startsAt)}–${formatShanghai(clash.endsAt).slice(11)}）占用${when ? `：${when}` : ''} / The venue is already taken then by "${clash.title}"`,
      { reason: 'VENUE_TAKEN', clashingEvent: clash.title, fields: { venueId: `与「${clash.title}」冲突 / Clashes with "${clash.title}"` } },
    ),
  badSubtype: (type: string, subtype: string) =>
    new AppError(ErrorCode.BAD_USER_INPUT, `「${subtype}」不是 ${type} 的子类型 / "${subtype}" is not a subtype of ${type}`, {
      fields: { subtype: 'invalid for this type' },
    }),
  badTimes: () =>
    new AppError(ErrorCode.BAD_USER_INPUT, '结束时间必须晚于开始时间 / The end must be after the start', { fields: { endsAt: 'must be after startsAt' } }),
  badRegistrationWindow: () =>
    new AppError(ErrorCode.BAD_USER_INPUT, '报名截止时间须晚于开始报名时间，且不晚于活动结束 / Registration must close after it opens and by the end of the event', {
      fields: { registrationClosesAt: 'invalid window' },
    }),
  placeRequired: () =>
    new AppError(ErrorCode.BAD_USER_INPUT, '请选择场馆，或标记为线上活动 / Choose a venue or mark the event online', {
      fields: { venueId: 'required unless online' },
    }),
  overCapacity: (capacity: number, venueCapacity: number) =>
    new AppError(ErrorCode.BAD_USER_INPUT, `容量 ${capacity} 超过场馆容量 ${venueCapacity} / Capacity exceeds the venue's ${venueCapacity}`, {
      fields: { capacity: `≤ ${venueCapacity}` },
    }),
  notEditable: (status: string) =>
    new AppError(ErrorCode.CONFLICT, `活动状态为 ${status}，不能修改 / The event is ${status} and cannot be changed`, { reason: 'NOT_EDITABLE', status }),
  notInSeries: () => new AppError(ErrorCode.BAD_USER_INPUT, '该活动不属于系列，只能修改本场 / This event is not part of a series', { fields: { scope: 'THIS only' } }),
  reasonRequired: () =>
    new AppError(ErrorCode.BAD_USER_INPUT, '请填写取消原因 / Give the reason for cancelling', { fields: { reason: 'required' } }),
  unknownReference: (field: string) =>
    new AppError(ErrorCode.BAD_USER_INPUT, `引用的 ${field} 不存在或已停用 / Unknown or inactive ${field}`, { fields: { [field]: 'unknown' } }),
};
