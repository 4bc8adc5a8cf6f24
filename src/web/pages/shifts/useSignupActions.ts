import { App } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, errorMessage } from '../../api/client.ts';
import { useCancelSignup, useSignUp } from '../../api/shifts.ts';
import { newIdempotencyKey } from '../../lib/idempotency-key.ts';

interface Problem {
  message: string;
  /** The role the server just called full: its button turns into "join the waitlist". */
  fullRole?: string;
}

/**
 * Signing up for and giving back one shift. The server's refusal (full, not open yet, overlapping
 * another shift…) is kept beside the card's buttons, where the person is looking.
 */
export function useSignupActions(communityId: string, shift: { id: string; title: string }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const signUp = useSignUp(communityId);
  const cancel = useCancelSignup(communityId);
  const [problem, setProblem] = useState<Problem | null>(null);

  const take = (role: string, waitlist: boolean) => {
    setProblem(null);
    signUp.mutate(
      // A new key for every press; the mutation's own retries reuse it.
      { shiftId: shift.id, role, waitlist, idempotencyKey: newIdempotencyKey() },
      {
        onSuccess: (signup) =>
          void message.success(
            t(
              signup.status === 'requested'
                ? 'draw.requested'
                : signup.status === 'confirmed'
                  ? 'shifts.signedUp'
                  : 'shifts.waitlisted',
              {
                title: shift.title,
              },
            ),
          ),
        onError: (error) =>
          setProblem({
            message: errorMessage(error),
            fullRole: error instanceof ApiError && error.code === 'SHIFT_FULL' ? role : undefined,
          }),
      },
    );
  };

  const giveBack = (signupId: string) =>
    modal.confirm({
      title: t('shifts.cancelTitle', { title: shift.title }),
      content: t('shifts.cancelText'),
      okText: t('shifts.cancel'),
      okButtonProps: { danger: true },
      cancelText: t('shifts.keep'),
      onOk: () =>
        cancel.mutateAsync(signupId).then(
          () => {
            setProblem(null);
            void message.success(t('shifts.cancelledMsg', { title: shift.title }));
          },
          (error) => setProblem({ message: errorMessage(error) }),
        ),
    });

  return { take, giveBack, problem, busy: signUp.isPending || cancel.isPending };
}
