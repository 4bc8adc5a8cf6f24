import { CameraOutlined } from '@ant-design/icons';
import { Alert, Radio } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TMedicineRequestDetail } from '../../../shared/api/medicine.ts';
import {
  HOUSEHOLD_ATTACHMENT_KINDS,
  MEDICINE_ATTACHMENT_KINDS,
  medicineAttachmentPath,
} from '../../../shared/api/medicine-work.ts';
import { errorMessage } from '../../api/client.ts';
import { type MedicinePhotoKind, uploadMedicinePhoto } from '../../api/medicine.ts';
import { formatDateTime } from '../../lib/time.ts';

interface Props {
  communityId: string;
  request: TMedicineRequestDetail;
  /** the medicine group and coordinators add every kind; the household its prescription, card and box */
  allKinds: boolean;
  onUploaded: () => void;
}

/**
 * The request's photos as thumbnails served by the API (the session cookie goes with each <img>; no
 * public address exists), and an upload with what the photo shows.
 */
export function MedicinePhotos({ communityId, request, allKinds, onUploaded }: Props) {
  const { t, i18n } = useTranslation();
  const kinds = allKinds ? MEDICINE_ATTACHMENT_KINDS : HOUSEHOLD_ATTACHMENT_KINDS;
  const [kind, setKind] = useState<MedicinePhotoKind>(kinds[0]!);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const inputId = useId();

  const upload = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setProblem(null);
    try {
      await uploadMedicinePhoto(communityId, request.id, kind, file);
      onUploaded();
    } catch (err) {
      setProblem(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="medicine-section" aria-labelledby="medicine-photos-heading">
      <h2 id="medicine-photos-heading">{t('medicineWork.photos.heading')}</h2>
      {request.attachments.length === 0 ? (
        <p className="medicine-hint">{t('medicineWork.photos.none')}</p>
      ) : (
        <ul className="medicine-photos">
          {request.attachments.map((a) => {
            const src = medicineAttachmentPath(communityId, request.id, a.id);
            const label = t(`medicineWork.photos.kind.${a.kind}`, { defaultValue: a.kind });
            return (
              <li key={a.id}>
                <a href={src} target="_blank" rel="noreferrer">
                  <img src={src} alt={label} loading="lazy" />
                </a>
                <span>
                  {label} · {formatDateTime(a.uploadedAt, request.timeZone, i18n.language)}
                </span>
              </li>
            );
          })}
        </ul>
      )}
      <fieldset className="medicine-photo-upload">
        <legend>{t('medicineWork.photos.kindLabel')}</legend>
        <Radio.Group value={kind} onChange={(e) => setKind(e.target.value as MedicinePhotoKind)}>
          {kinds.map((k) => (
            <Radio key={k} value={k}>
              {t(`medicineWork.photos.kind.${k}`)}
            </Radio>
          ))}
        </Radio.Group>
        <label htmlFor={inputId} className={`button-link medicine-photo-button${busy ? ' is-busy' : ''}`}>
          <CameraOutlined aria-hidden />{' '}
          {t(busy ? 'medicineWork.photos.uploading' : 'medicineWork.photos.add')}
        </label>
        <input
          id={inputId}
          className="medicine-photo-input"
          type="file"
          accept="image/jpeg,image/png,image/webp"
          disabled={busy}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            void upload(file);
          }}
        />
      </fieldset>
      {problem && <Alert type="error" showIcon role="alert" title={problem} />}
    </section>
  );
}
