import type { FastifyInstance } from 'fastify';
import { ZCommunityParams } from '../../../shared/api/common.ts';
import {
  ZMedicineSettings,
  ZSavedMedicineSettings,
  ZSetMedicineSettings,
} from '../../../shared/api/medicine-settings.ts';
import { communityActor } from '../../platform/actor.ts';
import { errorResponses, router } from '../../platform/routes.ts';
import { getMedicineSettings, setMedicineSettings } from './medicine-settings.service.ts';

const base = '/api/communities/:communityId';

/** The deadline of each urgency of a medicine request, per community. */
export async function medicineSettingsRoutes(app: FastifyInstance) {
  const r = router(app);
  const { deps } = app;
  const tags = ['medicine'];

  r.get(
    `${base}/medicine-settings`,
    {
      schema: {
        operationId: 'getMedicineSettings',
        tags,
        summary:
          'The deadline of each urgency in hours (defaults: critical 12, high 24, normal 72): the medicine group, coordinators and staff',
        params: ZCommunityParams,
        response: { 200: ZMedicineSettings, ...errorResponses },
      },
    },
    async (req) => getMedicineSettings(deps, await communityActor(req, req.params.communityId)),
  );
  r.put(
    `${base}/medicine-settings`,
    {
      schema: {
        operationId: 'setMedicineSettings',
        tags,
        summary:
          "Set the deadlines (whole hours 1–168, critical ≤ high ≤ normal): the medicine group's leaders, coordinators and staff. Audited. Applies to requests asked from now on; existing requests keep their deadlines",
        params: ZCommunityParams,
        body: ZSetMedicineSettings,
        response: { 200: ZSavedMedicineSettings, ...errorResponses },
      },
    },
    async (req) => setMedicineSettings(deps, await communityActor(req, req.params.communityId), req.body),
  );
}
