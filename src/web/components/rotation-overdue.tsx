import { Plural, useLingui } from '@lingui/react/macro';
import type { Secret } from '../../shared/schemas.ts';
import { rotationOverdueBy } from '../lib/rotation.ts';
import { Badge } from './ui/badge.tsx';

const DAY_MS = 86400_000;
const HOUR_MS = 3600_000;

/** "Overdue by 65 days", "Overdue by 5 hours". */
function OverdueBy({ lateMs }: { lateMs: number }) {
  const days = Math.floor(lateMs / DAY_MS);
  const hours = Math.max(1, Math.floor(lateMs / HOUR_MS));
  return days >= 1 ? (
    <Plural value={days} one="Overdue by # day" other="Overdue by # days" />
  ) : (
    <Plural value={hours} one="Overdue by # hour" other="Overdue by # hours" />
  );
}

/** A flag on a secret whose automatic rotation is overdue: "Overdue by 65 days", or short "Rotation overdue". */
export function RotationOverdue({ secret, short = false }: { secret: Secret; short?: boolean }) {
  const { t } = useLingui();
  const late = rotationOverdueBy(secret);
  if (late === undefined) return null;
  return <Badge tone="amber">{short ? t`Rotation overdue` : <OverdueBy lateMs={late} />}</Badge>;
}
