import { Alert } from 'antd';
import type { z } from 'zod';
import type { ZMySignup } from '../../../shared/api/shifts.ts';
import { windowState } from '../../lib/shift-time.ts';
import { CancelLine, MineLine, WindowLine } from './ShiftLines.tsx';
import { ShiftWhen } from './ShiftWhen.tsx';
import { useShiftNames } from './useShiftNames.ts';
import { useSignupActions } from './useSignupActions.ts';

export type MySignup = z.infer<typeof ZMySignup>;

interface Props {
  communityId: string;
  signup: MySignup;
  timeZone: string;
  now: number;
}

/** One of my sign-ups: when, where I stand (waitlist place included), and giving it back. */
export function MySignupCard({ communityId, signup, timeZone, now }: Props) {
  const { shift } = signup;
  const names = useShiftNames(communityId)(shift);
  const { giveBack, problem, busy } = useSignupActions(communityId, { id: shift.id, title: names.title });
  const state = windowState(shift, now);
  return (
    <li className="shift-card" aria-labelledby={`signup-${signup.id}`} data-testid="my-signup">
      <div className="shift-head">
        <h2 id={`signup-${signup.id}`}>{names.title}</h2>
        {names.group && <span className="muted">{names.group}</span>}
      </div>
      <ShiftWhen shift={shift} timeZone={timeZone} withDay />
      <MineLine mine={signup} position={signup.position} roleCount={shift.roles.length} />
      {state === 'ended' && <WindowLine shift={shift} state={state} timeZone={timeZone} now={now} />}
      {problem && <Alert type="error" showIcon role="alert" title={problem.message} />}
      <CancelLine
        shift={shift}
        waitlisted={signup.status === 'waitlisted'}
        timeZone={timeZone}
        now={now}
        busy={busy}
        onCancel={() => giveBack(signup.id)}
      />
    </li>
  );
}
