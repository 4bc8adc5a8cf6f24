import { type TParcelImportResult, ZParcelImportResult } from '../../shared/api/parcels.ts';
import { communityPath } from './registry.ts';
import { uploadFile } from './upload.ts';

/**
 * importParcels: the same courier sheet is posted twice, first as a dry run (the preview), then for
 * real; the server keeps nothing between the two, so a re-post after a failure is always safe.
 */
export function uploadParcelSheet(
  communityId: string,
  file: File,
  dryRun: boolean,
  onProgress: (percent: number) => void = () => {},
): Promise<TParcelImportResult> {
  const path = communityPath(communityId, `parcel-imports${dryRun ? '?dryRun=1' : ''}`);
  return uploadFile(path, file, ZParcelImportResult, onProgress);
}
