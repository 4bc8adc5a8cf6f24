import { and, eq } from 'drizzle-orm';
import {
  HOUSEHOLD_ATTACHMENT_KINDS,
  medicineAttachmentPath,
  type TMedicineAttachment,
  type TMedicineAttachmentKind,
} from '../../../shared/api/medicine-work.ts';
import { medicineAttachments } from '../../db/schema/index.ts';
import { AppError, notFound } from '../../platform/app-error.ts';
import { audit } from '../../platform/audit.ts';
import type { Actor, AppDeps } from '../../platform/context.ts';
import { ImageRejected, stripImageMetadata } from './image-metadata.ts';
import {
  authorizeMedicineWork,
  canSeeRequest,
  type MedicineStanding,
  seesAllRequests,
} from './medicine-access.ts';
import { findRequest } from './medicine-requests.repository.ts';

/** The photo as it arrived: the multipart body's one file, read whole (at most 10 MB). */
export interface UploadedPhoto {
  data: Uint8Array;
}

/** The kinds this person may add: the household its own papers and box, the group and coordinators all. */
function mayAddKind(standing: MedicineStanding, kind: TMedicineAttachmentKind) {
  return seesAllRequests(standing) || HOUSEHOLD_ATTACHMENT_KINDS.includes(kind);
}

/** A request this person may see, or 404 (a request they may not see is not admitted to exist). */
async function visibleRequest(deps: AppDeps, standing: MedicineStanding, requestId: string) {
  const found = await findRequest(deps.db, standing.communityId, requestId);
  if (!found || !canSeeRequest(standing, found.request)) throw notFound('medicineRequest');
  return found;
}

/**
 * Stores a photo of a request with every piece of metadata (GPS above all) taken out. The bytes say
 * what it is, never the declared type: anything but a JPEG, PNG or WebP is refused, and nothing is
 * stored unless the whole image checks out.
 */
export async function uploadMedicineAttachment(
  deps: AppDeps,
  actor: Actor,
  requestId: string,
  kind: TMedicineAttachmentKind,
  photo: UploadedPhoto,
): Promise<TMedicineAttachment> {
  const standing = await authorizeMedicineWork(deps, actor, 'medicine.attachment.upload');
  const found = await visibleRequest(deps, standing, requestId);
  if (!mayAddKind(standing, kind)) throw new AppError('MEDICINE_PHOTO_KIND_NOT_ALLOWED');
  if (photo.data.length === 0) throw new AppError('MEDICINE_PHOTO_EMPTY');
  let image: ReturnType<typeof stripImageMetadata>;
  try {
    image = stripImageMetadata(photo.data);
  } catch (err) {
    if (!(err instanceof ImageRejected)) throw err;
    throw new AppError(err.reason === 'not_image' ? 'MEDICINE_PHOTO_NOT_IMAGE' : 'MEDICINE_PHOTO_DAMAGED');
  }
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(medicineAttachments)
      .values({
        communityId: standing.communityId,
        requestId,
        kind,
        mimeType: image.mimeType,
        bytes: image.content.length,
        content: image.content,
        uploadedBy: actor.account.id,
        uploadedAt: now,
      })
      .returning({ id: medicineAttachments.id });
    await audit(tx, {
      communityId: standing.communityId,
      account: actor.account,
      role: standing.role,
      action: 'medicine.attachment.upload',
      targetType: 'medicine_request',
      targetId: requestId,
      params: { building: found.recipient.buildingCode, room: found.recipient.room, kind },
    });
    return {
      id: row!.id,
      requestId,
      kind,
      mimeType: image.mimeType,
      bytes: image.content.length,
      uploadedAt: now.toISOString(),
      path: medicineAttachmentPath(standing.communityId, requestId, row!.id),
    };
  });
}

/** A photo's bytes for someone who may see the request's details; every view is audited. */
export async function getMedicineAttachment(
  deps: AppDeps,
  actor: Actor,
  requestId: string,
  attachmentId: string,
): Promise<{ mimeType: string; content: Uint8Array }> {
  const standing = await authorizeMedicineWork(deps, actor, 'medicine.attachment.view');
  const found = await visibleRequest(deps, standing, requestId);
  const [photo] = await deps.db
    .select({
      kind: medicineAttachments.kind,
      mimeType: medicineAttachments.mimeType,
      content: medicineAttachments.content,
    })
    .from(medicineAttachments)
    .where(
      and(
        eq(medicineAttachments.communityId, standing.communityId),
        eq(medicineAttachments.requestId, requestId),
        eq(medicineAttachments.id, attachmentId),
      ),
    );
  if (!photo) throw notFound('medicineAttachment');
  await audit(deps.db, {
    communityId: standing.communityId,
    account: actor.account,
    role: standing.role,
    action: 'medicine.attachment.view',
    targetType: 'medicine_attachment',
    targetId: attachmentId,
    params: { building: found.recipient.buildingCode, room: found.recipient.room, kind: photo.kind },
  });
  return { mimeType: photo.mimeType, content: photo.content };
}
