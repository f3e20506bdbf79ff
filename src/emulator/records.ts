// CSMS's operational records, as the emulator keeps them: a secret's tags (by the secret's id, as
// the API names it), secrets found by tag, the rotation tasks CSMS ran, event subscriptions and the
// notifications they sent (three months of them). Tasks and notifications are made by CSMS
// itself, so they come from the seed or a test-only endpoint, never from the public API.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { LIMITS } from '../shared/patterns.ts';
import type { ResourceInstancesRequest } from '../shared/schemas.ts';
import type { createEventBody } from './bodies.ts';
import { CSMS_ERRORS } from '../shared/error-codes.ts';
import { CsmsError, invalidRequest, resourceNotFound } from './errors.ts';
import type { EventRow, NotificationRow, TaskFilter, TaskRow } from './records-store.ts';
import { secretOut } from './service.ts';
import type { SecretRow, Store } from './store.ts';

const TAGS_PER_SECRET = 20;
const NOTIFICATIONS_KEPT_MS = 90 * 86400_000;

export type RecordsService = ReturnType<typeof createRecords>;

export type NewTask = Omit<TaskRow, 'project_id' | 'task_id' | 'task_time'> & { task_id?: string; task_time?: number };
export interface NewNotification {
  event_name: string;
  secret_name: string;
  trigger_event_type: string;
  notification_status: string;
  create_time?: number;
}

export function createRecords(store: Store, clock: () => number = Date.now) {
  const records = store.records;
  const secretById = (pid: string, id: string): SecretRow => {
    const row = store.secretById(pid, id);
    if (!row) throw resourceNotFound(`No secret has the id ${id}.`);
    return row;
  };
  const tagsOf = (pid: string, name: string) => records.tags(pid, name).map(({ key, value }) => ({ key, value }));
  /** Adds a tag, or gives an existing key its new value. */
  const addTag = (pid: string, secretName: string, key: string, value: string) =>
    store.transaction(() => {
      const tags = records.tags(pid, secretName);
      if (!tags.some((t) => t.key === key) && tags.length >= TAGS_PER_SECRET)
        throw new CsmsError(400, CSMS_ERRORS.invalidRequest, `A secret has at most ${TAGS_PER_SECRET} tags.`);
      records.putTag(pid, secretName, key, value);
    });

  return {
    // No system tags here: the definition wants at least one in the list when it is there.
    listSecretTags: (pid: string, secretId: string) => ({ tags: tagsOf(pid, secretById(pid, secretId).name) }),

    addTag,
    createSecretTag: (pid: string, secretId: string, tag: { key: string; value: string }) =>
      addTag(pid, secretById(pid, secretId).name, tag.key, tag.value),

    listProjectTags: (pid: string) => ({ tags: records.projectTags(pid) }),

    resourceInstances(pid: string, body: ResourceInstancesRequest) {
      const tags = (body.tags ?? []).map((t) => ({ key: t.key, values: t.values }));
      const name = body.matches?.find((m) => m.key === 'resource_name')?.value;
      // An empty name to match finds nothing, as CSMS documents.
      if (name === '') return body.action === 'count' ? { total_count: 0 } : { resources: [], total_count: 0 };
      const page = { offset: Number(body.offset ?? 0), limit: Number(body.limit ?? 10) };
      const found = records.secretsByTags(pid, tags, name, body.action === 'count' ? { offset: 0, limit: 0 } : page);
      if (body.action === 'count') return { total_count: found.total };
      return {
        resources: found.names.map((secretName) => {
          const secret = store.secret(pid, secretName)!;
          return {
            resource_id: secret.id,
            resource_name: secret.name,
            resource_detail: secretOut(secret),
            tags: tagsOf(pid, secretName),
          };
        }),
        total_count: found.total,
      };
    },

    listTasks(pid: string, filter: TaskFilter, opts: { limit?: number; marker?: string }) {
      if (filter.task_id !== undefined && (filter.secret_name !== undefined || filter.status !== undefined))
        throw invalidRequest('task_id cannot be combined with other search criteria.');
      const limit = opts.limit ?? LIMITS.pageSizeDefault;
      const found = records.tasks(pid, filter, opts.marker, limit);
      if (!found.markerFound) throw resourceNotFound(`The task "${opts.marker}" does not exist.`);
      return {
        tasks: found.page.map(({ project_id: _pid, ...task }) => dropNulls(task)),
        ...(found.page.length === limit && { next_marker: found.page.at(-1)!.task_id }),
        total: found.total,
      };
    },
    addTask(pid: string, task: NewTask) {
      const row: TaskRow = { ...task, project_id: pid, task_id: task.task_id ?? randomUUID(), task_time: task.task_time ?? clock() };
      records.insertTask(row);
      return row;
    },

    listEvents(pid: string, opts: { limit?: number; marker?: string }) {
      const limit = opts.limit ?? LIMITS.pageSizeDefault;
      const rows = records.events(pid, opts.marker ?? '', limit + 1);
      const page = rows.slice(0, limit);
      return {
        events: page.map(eventOut),
        page_info: {
          ...(rows.length > limit && { next_marker: page.at(-1)!.name }),
          ...(opts.marker && { previous_marker: opts.marker }),
          current_count: page.length,
        },
      };
    },
    showEvent(pid: string, name: string) {
      const row = records.event(pid, name);
      if (!row) throw resourceNotFound(`The event "${name}" does not exist.`);
      return { event: eventOut(row) };
    },
    createEvent(pid: string, body: z.infer<typeof createEventBody>, at = clock()) {
      return store.transaction(() => {
        if (records.event(pid, body.name)) throw invalidRequest(`The event "${body.name}" already exists.`);
        const row = {
          project_id: pid,
          name: body.name,
          event_id: randomUUID(),
          event_types: JSON.stringify(body.event_types),
          state: body.state,
          ...{
            target_type: body.notification.target_type,
            target_id: body.notification.target_id,
            target_name: body.notification.target_name,
          },
          create_time: at,
          update_time: at,
        };
        records.insertEvent(row);
        return { event: eventOut(row) };
      });
    },

    listNotificationRecords(pid: string) {
      const rows = records.notificationRecords(pid, clock() - NOTIFICATIONS_KEPT_MS);
      return { records: rows.map(notificationOut), page_info: { current_count: rows.length } };
    },
    /** A notification CSMS sent for one of the project's events about one of its secrets. */
    addNotification(pid: string, record: NewNotification) {
      const event = records.event(pid, record.event_name);
      if (!event) throw resourceNotFound(`The event "${record.event_name}" does not exist.`);
      const secret = store.secret(pid, record.secret_name);
      const at = record.create_time ?? clock();
      records.insertNotificationRecord({
        project_id: pid,
        event_name: record.event_name,
        trigger_event_type: record.trigger_event_type,
        secret_name: record.secret_name,
        status: record.notification_status,
        create_time: at,
        secret_type: secret?.secret_type ?? 'COMMON',
        target_name: event.target_name,
        target_id: event.target_id,
        content: JSON.stringify({
          eventName: event.name,
          eventType: record.trigger_event_type,
          eventTime: new Date(at).toISOString(),
          data: { secretId: secret?.id, secretName: record.secret_name },
        }),
      });
    },
  };
}

const dropNulls = <T extends Record<string, unknown>>(row: T) =>
  Object.fromEntries(Object.entries(row).filter(([, v]) => v !== null)) as { [K in keyof T]: Exclude<T[K], null> };

function eventOut(row: Omit<EventRow, 'project_id'>) {
  return {
    name: row.name,
    event_id: row.event_id,
    event_types: JSON.parse(row.event_types) as string[],
    state: row.state,
    create_time: row.create_time,
    update_time: row.update_time,
    notification: { target_type: row.target_type, target_id: row.target_id, target_name: row.target_name },
  };
}

function notificationOut(row: NotificationRow) {
  return {
    event_name: row.event_name,
    trigger_event_type: row.trigger_event_type,
    create_time: row.create_time,
    secret_name: row.secret_name,
    secret_type: row.secret_type,
    notification_target_name: row.target_name,
    notification_target_id: row.target_id,
    notification_content: row.content,
    notification_status: row.status,
  };
}
