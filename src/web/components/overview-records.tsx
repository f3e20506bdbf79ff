// What CSMS told people lately (notification records of the last 7 days) and who is told what
// (the event subscriptions). Names and types as CSMS sends them.
import { Trans, useLingui } from '@lingui/react/macro';
import { Link } from 'react-router';
import type { NotificationRecord, SecretEvent } from '../../shared/schemas.ts';
import { paths } from '../lib/paths.ts';
import { toMillis } from '../lib/time.ts';
import { ApiCodeBadge, EVENT_STATE, NOTIFICATION_STATUS } from './api-code-badge.tsx';
import { TimeText } from './time-text.tsx';
import { Badge } from './ui/badge.tsx';
import { stackedTable } from './ui/stacked-table.ts';

export function NotificationRecords({ projectId, records }: { projectId: string; records: NotificationRecord[] }) {
  const { t } = useLingui();
  const newest = [...records].sort((a, b) => toMillis(b.create_time ?? 0) - toMillis(a.create_time ?? 0));
  if (newest.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">{t`No notification in the last 7 days.`}</p>;
  return (
    <div className="overflow-x-auto">
      <table className={`w-full text-sm ${stackedTable.table}`}>
        <thead className={`text-left text-xs text-zinc-600 dark:text-zinc-400 ${stackedTable.head}`}>
          <tr>
            <th scope="col" className="py-1 pr-3 font-medium">{t`Sent`}</th>
            <th scope="col" className="py-1 pr-3 font-medium">{t`Secret`}</th>
            <th scope="col" className="py-1 pr-3 font-medium">{t`Event type`}</th>
            <th scope="col" className="py-1 pr-3 font-medium">{t`Subscription`}</th>
            <th scope="col" className="py-1 font-medium">{t`Status`}</th>
          </tr>
        </thead>
        <tbody className={stackedTable.body}>
          {newest.map((r, i) => (
            <tr
              key={`${r.event_name}-${r.secret_name}-${r.create_time}-${i}`}
              className={`border-t border-zinc-100 dark:border-zinc-800 ${stackedTable.row}`}
            >
              <td className={`py-1.5 pr-3 ${stackedTable.cell}`} data-label={t`Sent`}>
                <TimeText value={r.create_time} />
              </td>
              <td className={`py-1.5 pr-3 ${stackedTable.cell}`} data-label={t`Secret`}>
                <Link className="font-mono text-blue-700 hover:underline dark:text-blue-400" to={paths.secret(projectId, r.secret_name)}>
                  {r.secret_name}
                </Link>
              </td>
              <td className={`py-1.5 pr-3 font-mono text-xs ${stackedTable.cell}`} data-label={t`Event type`}>
                {r.trigger_event_type}
              </td>
              <td className={`py-1.5 pr-3 font-mono text-xs ${stackedTable.cell}`} data-label={t`Subscription`}>
                {r.event_name}
              </td>
              <td className={`py-1.5 ${stackedTable.cell}`} data-label={t`Status`}>
                <ApiCodeBadge codes={NOTIFICATION_STATUS} code={r.notification_status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function EventSubscriptions({ events }: { events: SecretEvent[] }) {
  const { t } = useLingui();
  if (events.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">{t`No event is set up in this project.`}</p>;
  return (
    <ul className="space-y-2 text-sm">
      {events.map((e) => (
        <li key={e.name} className="flex flex-wrap items-center gap-2">
          <span className="font-mono font-medium">{e.name}</span>
          <ApiCodeBadge codes={EVENT_STATE} code={e.state} />
          <span className="flex flex-wrap gap-1">
            {e.event_types.map((type) => (
              <Badge key={type}>{type}</Badge>
            ))}
          </span>
          {e.notification && <Target type={e.notification.target_type} name={e.notification.target_name} />}
        </li>
      ))}
    </ul>
  );
}

/** Where an event's notifications go: "to SMN csms-rotation-oncall". */
function Target({ type, name }: { type: string; name: string }) {
  return (
    <span className="text-zinc-600 dark:text-zinc-400">
      <Trans>
        to {type} <span className="font-mono">{name}</span>
      </Trans>
    </span>
  );
}
