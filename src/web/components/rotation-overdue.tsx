import type { Secret } from '../../csms/schemas.ts';
import { formatOverdue, rotationOverdueBy } from '../lib/rotation.ts';
import { Badge } from './ui/badge.tsx';

/** A flag on a secret whose automatic rotation is overdue: "Overdue by 65 days", or short "Rotation overdue". */
export function RotationOverdue({ secret, short = false }: { secret: Secret; short?: boolean }) {
  const late = rotationOverdueBy(secret);
  if (late === undefined) return null;
  return (
    <Badge tone="amber" title={formatOverdue(late)}>
      {short ? 'Rotation overdue' : formatOverdue(late)}
    </Badge>
  );
}
